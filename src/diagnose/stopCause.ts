/**
 * Why a task stopped, from what ECS recorded: its stopCode, stoppedReason, the containers' reason
 * and exit code, the task definition it ran and its service's events. Plain data in, plain data
 * out; the reads are in explain.ts. Causes and wording follow AWS's troubleshooting guide
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html).
 */
import { resourceName } from '../aws/arn';
import type { ecs } from '../aws/sdk';
import { exitedContainer } from '../ecs/shortForms';

export type StopCause =
  | 'image-pull' | 'secrets-or-registry-auth' | 'out-of-memory' | 'essential-container-exit' | 'container-health-check'
  | 'load-balancer-health-check' | 'user-stopped' | 'deployment-replaced' | 'scaled-in' | 'spot-interruption' | 'capacity' | 'unknown';

const GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/';

/** Each cause in a few plain words (tree rows, tooltips) and the page of AWS's guide about it. */
export const CAUSES: Record<StopCause, { words: string; page: string }> = {
  'image-pull': { words: 'the image could not be pulled', page: 'task_cannot_pull_image.html' },
  'secrets-or-registry-auth': { words: 'its secrets or registry login could not be read', page: 'resource-initialization-error.html' },
  'out-of-memory': { words: 'a container ran out of memory', page: 'out-of-memory.html' },
  'essential-container-exit': { words: 'an essential container exited', page: 'stopped-task-error-codes.html' },
  'container-health-check': { words: 'a container failed its health check', page: 'task_definition_parameters.html#container_definition_healthcheck' },
  'load-balancer-health-check': { words: 'it failed its load balancer health checks', page: 'troubleshoot-service-load-balancers.html' },
  'user-stopped': { words: 'someone stopped it', page: 'stopped-task-error-codes.html' },
  'deployment-replaced': { words: 'a deployment replaced it', page: 'stopped-task-error-codes.html' },
  'scaled-in': { words: 'its service scaled in', page: 'stopped-task-error-codes.html' },
  'spot-interruption': { words: 'Fargate Spot took its capacity back', page: 'fargate-capacity-providers.html' },
  capacity: { words: 'no capacity to place it', page: 'service-event-messages-list.html' },
  unknown: { words: 'ECS gave no known reason', page: 'stopped-task-errors.html' },
};

export function guideUrl(cause: StopCause): string {
  return GUIDE + CAUSES[cause].page;
}

/** What the reasons and codes of a task alone say (no task definition, no events): enough for a tree row. */
export function causeOfTask(task: ecs.Task, events: ecs.ServiceEvent[] = []): StopCause {
  const reason = task.stoppedReason ?? '';
  const reasons = [reason, ...(task.containers ?? []).map((c) => c.reason ?? '')];
  const any = (pattern: RegExp) => reasons.some((r) => pattern.test(r));
  if (task.stopCode === 'SpotInterruption' || /spot task was interrupted/i.test(reason)) return 'spot-interruption';
  if (any(/CannotPullContainerError/i)) return 'image-pull';
  if (any(/ResourceInitializationError/i)) return 'secrets-or-registry-auth';
  if (any(/OutOfMemoryError/i)) return 'out-of-memory';
  if (/failed container health checks/i.test(reason)) return 'container-health-check';
  if (/failed ELB health checks/i.test(reason)) return 'load-balancer-health-check';
  if (/Capacity is unavailable|RESOURCE:(CPU|MEMORY)|insufficient/i.test(reason)) return 'capacity';
  if (task.stopCode === 'UserInitiated') return 'user-stopped';
  const byDeployment = /^Scaling activity initiated by \(deployment ([^)\s]+)\)/i.exec(reason);
  if (byDeployment) {
    if (unplaceableSince(task, events)) return 'capacity';
    return task.startedBy && task.startedBy !== byDeployment[1] ? 'deployment-replaced' : 'scaled-in';
  }
  if (task.stopCode === 'EssentialContainerExited' || /^Essential container in task exited/i.test(reason)) return 'essential-container-exit';
  return 'unknown';
}

/**
 * Why a task stopped, in plain words (the explorer's tooltips), never guessing: without its service's
 * events, a task the scheduler stopped for a deployment reads the same whether a newer deployment
 * replaced it, its service scaled in, or it was stopped for want of capacity, so the words say what
 * the task says.
 */
export function stopCauseWords(task: ecs.Task, events?: ecs.ServiceEvent[]): string {
  const cause = causeOfTask(task, events);
  if (events || (cause !== 'deployment-replaced' && cause !== 'scaled-in')) return CAUSES[cause].words;
  const deployment = /\(deployment ([^)\s]+)\)/.exec(task.stoppedReason ?? '')?.[1] ?? '';
  return `the ECS scheduler stopped it in a scaling activity of deployment ${deployment} (a newer deployment, a scale-in or missing capacity: Why Did It Stop? reads the service's events)`;
}

/** The service's "unable to place a task" event after the task stopped, if any: its replacement found no room. */
export function unplaceableSince(task: ecs.Task, events: ecs.ServiceEvent[]): ecs.ServiceEvent | undefined {
  const since = (task.stoppingAt ?? task.stoppedAt)?.getTime() ?? 0;
  return events.find((e) => /unable to place a task/i.test(e.message ?? '') && (e.createdAt?.getTime() ?? 0) >= since);
}

/** The service event naming this task unhealthy in a target group (AWS: "(task id) (port n) is unhealthy in (target-group arn) due to (reason r)"). */
export function unhealthyEvent(task: ecs.Task, events: ecs.ServiceEvent[]): { targetGroupArn?: string; port?: number; why?: string } | undefined {
  const id = resourceName(task.taskArn);
  const event = events.find((e) => /is unhealthy in \(target-group/.test(e.message ?? '') && (e.message ?? '').includes(id))
    ?? events.find((e) => /is unhealthy in \(target-group/.test(e.message ?? ''));
  const m = /\(port (\d+)\) is unhealthy in \(target-group ([^)]+)\) due to \(reason (.*)\)\.?$/.exec(event?.message ?? '');
  return m ? { port: Number(m[1]), targetGroupArn: m[2], why: m[3] } : undefined;
}

/** The exit codes of the containers that exited, by container name. */
export function exitCodesOf(task: ecs.Task): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of task.containers ?? []) if (c.name && typeof c.exitCode === 'number') out[c.name] = c.exitCode;
  return out;
}

/** The essential container whose exit stopped the task (whose logs say most), else the first with a reason or the first. */
export function culpritContainer(task: ecs.Task, td?: ecs.TaskDefinition): string | undefined {
  const essential = new Set((td?.containerDefinitions ?? []).filter((c) => c.essential !== false).map((c) => c.name));
  const containers = task.containers ?? [];
  const oom = containers.find((c) => /OutOfMemory/i.test(c.reason ?? ''));
  const exited = exitedContainer({ ...task, containers: td ? containers.filter((c) => essential.has(c.name)) : containers }) ?? exitedContainer(task);
  return (oom ?? exited ?? containers.find((c) => c.reason) ?? containers.find((c) => essential.has(c.name)) ?? containers[0])?.name;
}
