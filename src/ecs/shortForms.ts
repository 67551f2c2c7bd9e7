/**
 * The few words a side-bar row has room for: an image without its registry, a stop reason without
 * its details. The full text stays in the tooltip.
 */
import { parseImageReference } from '../aws/arn';
import type { ecs as EcsTypes } from '../aws/sdk';

/**
 * `123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:1.2.0` → `api:1.2.0`, or `:1.2.0` for a
 * container itself named `api` (its name is said already, as `family:3` becomes `:3`); a digest
 * shows its first 12 hex digits.
 */
export function shortImage(image: string, container?: string): string {
  const ref = parseImageReference(image);
  const repository = ref.name.slice(ref.name.lastIndexOf('/') + 1);
  const name = repository === container && (ref.tag || ref.digest) ? '' : repository;
  if (ref.tag) return `${name}:${ref.tag}`;
  return ref.digest ? `${name}@${ref.digest.replace(/^sha256:/, '').slice(0, 12)}` : name;
}

/** The first container's image, short, and how many more there are: `:1.2.0 +1`. */
export function shortImages(containers: { name?: string; image?: string }[]): string {
  const known = containers.filter((c) => c.image);
  if (!known.length) return '';
  const first = shortImage(known[0].image!, known[0].name);
  return known.length > 1 ? `${first} +${known.length - 1}` : first;
}

/**
 * The container whose exit stopped the task. DescribeTasks does not say which containers are
 * essential; when one exits ECS stops the others (SIGTERM, then SIGKILL: 143, 137), so the first
 * other non-zero exit is the cause, then any non-zero one, then any exit (a batch job ending 0).
 */
export function exitedContainer(task: EcsTypes.Task): EcsTypes.Container | undefined {
  const exited = (task.containers ?? []).filter((c) => c.exitCode !== undefined && c.exitCode !== null);
  return exited.find((c) => c.exitCode !== 0 && c.exitCode !== 137 && c.exitCode !== 143) ?? exited.find((c) => c.exitCode !== 0) ?? exited[0];
}

/** How long a shortened reason may be: what a stopped task's row has left after its id and "12m ago". */
export const SHORT_REASON_LENGTH = 24;

/** AWS's stop reasons (developer guide, "Amazon ECS stopped task errors") in a few words. */
const SHORT_REASONS: [RegExp, string][] = [
  [/^CannotPullContainerError/i, 'image pull failed'],
  [/^ResourceInitializationError/i, 'task init failed'],
  [/^CannotStartContainerError/i, 'container start failed'],
  [/^CannotCreateContainerError/i, 'container create failed'],
  [/OutOfMemory/i, 'out of memory'],
  [/failed ELB health checks/i, 'ELB health check failed'],
  [/failed container health checks/i, 'health check failed'],
  [/^Scaling activity initiated by/i, 'scaled in by service'],
  [/Spot.*interrupt/i, 'Spot interruption'],
  [/being drained/i, 'instance draining'],
];

/** A stop reason in at most SHORT_REASON_LENGTH characters: a known one's short form, an error's name, or the start of the text. */
export function shortReason(reason: string): string {
  const text = reason.trim();
  const known = SHORT_REASONS.find(([pattern]) => pattern.test(text));
  if (known) return known[1];
  // "SomethingError: details…" → its name, when that is short enough to say something.
  const head = text.split(/:\s/)[0];
  const shown = head.length <= SHORT_REASON_LENGTH ? head : text;
  return shown.length <= SHORT_REASON_LENGTH ? shown : `${shown.slice(0, SHORT_REASON_LENGTH - 1).trimEnd()}…`;
}

/**
 * Why a task stopped, for its row: `worker exited 1` when an essential container exited (the exit
 * code is the reason), otherwise the stop reason shortened.
 */
export function stopSummary(task: EcsTypes.Task): string {
  if (task.stopCode === 'EssentialContainerExited' || /^Essential container in task exited/i.test(task.stoppedReason ?? '')) {
    const oom = task.containers?.find((c) => /OutOfMemory/i.test(c.reason ?? ''));
    if (oom) return `${oom.name} out of memory`;
    const container = exitedContainer(task);
    if (container) return `${container.name} exited ${container.exitCode}`;
  }
  return task.stoppedReason ? shortReason(task.stoppedReason) : (task.stopCode ?? '');
}
