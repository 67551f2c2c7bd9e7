/** ECS's timings and the rules the simulation applies to images, launch types and resources. */
import type * as ecs from '../../../generated/ecs';
import type { InstanceRecord, ServiceRecord, TaskDefinitionRecord } from '../state';

/** ECS's timings, in ms of AWS time (the clock's time scale divides them). */
export const TIMING = {
  provisioning: 8_000,
  pending: 12_000,
  activating: 3_000,
  /** How long after RUNNING a container whose image "fails" exits 1. */
  failAfter: 3_000,
  deactivating: 2_000,
  stopping: 3_000,
  deprovisioning: 5_000,
  /** Stopped tasks stay visible this long. */
  stoppedRetention: 60 * 60_000,
  reconcile: 1_000,
  /** A task counts as healthy for deployments once RUNNING this long (no load balancer health checks). */
  healthyAfter: 10_000,
  logEvery: 30_000,
  /** How long an `oom` image runs, its memory climbing, before the kernel kills it. */
  oomAfter: 45_000,
  /** How long a Fargate Spot task runs after its two-minute interruption warning. */
  spotWarning: 120_000,
};

export const ACTIVE_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);

/**
 * What an image's tag or name makes its tasks do, so tests and the demo seed can make each stop
 * cause of AWS's troubleshooting guide happen on purpose
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html):
 * - `nopull` (or the older `pullerror`): CannotPullContainerError, the task fails to start;
 * - `badsecret`: ResourceInitializationError, its secrets cannot be read;
 * - `oom`: runs a while, its memory climbing, then is killed with OutOfMemoryError (exit 137);
 * - `unhealthy`: runs but fails its container health check (when its container definition has one);
 * - `elbfail`: runs but fails its load balancer health checks (HTTP 503);
 * - `fail`: exits 1 three seconds after RUNNING.
 */
export type ImageBehaviour = 'nopull' | 'badsecret' | 'oom' | 'unhealthy' | 'elbfail' | 'fail';

/** The behaviour an image asks for (its name after the registry host and path, with its tag), if any. */
export function imageBehaviour(img: string): ImageBehaviour | undefined {
  const name = img.slice(img.lastIndexOf('/') + 1);
  if (/nopull|pullerror/i.test(img)) return 'nopull';
  if (/badsecret/i.test(name)) return 'badsecret';
  if (/elbfail/i.test(name)) return 'elbfail';
  if (/unhealthy/i.test(name)) return 'unhealthy';
  if (/oom/i.test(name)) return 'oom';
  return /fail/i.test(name) ? 'fail' : undefined;
}

/** "An image whose tag or name contains `fail`" (not `elbfail`) makes its tasks exit 1. */
export function imageFails(img: string): boolean {
  return imageBehaviour(img) === 'fail';
}

/** An image whose tag or name contains `elbfail` runs but fails its load balancer health checks (HTTP 503). */
export function imageFailsElbHealthChecks(img: string): boolean {
  return imageBehaviour(img) === 'elbfail';
}

/** An image name containing `nopull` (or `pullerror`) cannot be pulled (CannotPullContainerError). */
export function imageUnpullable(img: string): boolean {
  return imageBehaviour(img) === 'nopull';
}

export function isFargate(launchType: string | undefined): boolean {
  return launchType === 'FARGATE';
}

/** Task-level cpu/memory a task definition needs on a container instance. */
export function taskNeeds(td: ecs.TaskDefinition): { cpu: number; memory: number } {
  const containers = td.containerDefinitions ?? [];
  const cpu = td.cpu ? Number(td.cpu) : containers.reduce((n, c) => n + (c.cpu ?? 0), 0);
  const memory = td.memory ? Number(td.memory) : containers.reduce((n, c) => n + (c.memory ?? c.memoryReservation ?? 0), 0);
  return { cpu, memory };
}

/** The deployment circuit breaker's failure threshold (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html). */
export function failureThreshold(desired: number): number {
  return Math.max(3, Math.min(200, Math.ceil(desired * 0.5)));
}

/** Whether the essential containers of a task definition include `name`. */
export function essential(td: TaskDefinitionRecord | undefined, name: string): boolean {
  return td?.containerDefinitions.find((c) => c.name === name)?.essential !== false;
}

/** Services whose tasks the ECS scheduler runs (the ECS and CODE_DEPLOY controllers; EXTERNAL ones run task sets). */
export function scheduled(svc: ServiceRecord): boolean {
  return svc.deploymentController.type !== 'EXTERNAL';
}

/**
 * A running container's network bindings: its port mappings in bridge and host mode (awsvpc tasks
 * have network interfaces instead). A host port of 0 or none in bridge mode is dynamic, taken from
 * the ephemeral range (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html).
 */
export function networkBindings(td: TaskDefinitionRecord | undefined, name: string, pick: (n: number) => number, taken: Set<string> = new Set()): ecs.NetworkBinding[] {
  const mode = td?.networkMode ?? 'bridge';
  if (mode !== 'bridge' && mode !== 'host') {
    return [];
  }
  const mappings = td?.containerDefinitions.find((c) => c.name === name)?.portMappings ?? [];
  return mappings.map((m) => {
    const protocol = m.protocol ?? 'tcp';
    let hostPort = m.hostPort || (mode === 'host' ? m.containerPort : undefined);
    if (!hostPort) {
      // A dynamic port is one the instance has free: the next one up from the draw when it is taken.
      const span = 61000 - 32768;
      const drawn = pick(span);
      for (let i = 0; i < span && !hostPort; i++) {
        const port = 32768 + ((drawn + i) % span);
        if (!taken.has(`${port}/${protocol}`)) hostPort = port;
      }
    }
    if (hostPort) taken.add(`${hostPort}/${protocol}`);
    return { bindIP: '0.0.0.0', containerPort: m.containerPort, hostPort, protocol };
  });
}

/** A task's container overrides as ECS shows them: one per container, by name, with what was overridden. */
export function containerOverrides(td: TaskDefinitionRecord, given: ecs.ContainerOverride[] = []): ecs.ContainerOverride[] {
  return td.containerDefinitions.map((c) => given.find((o) => o.name === c.name) ?? { name: c.name });
}

/** A task's Availability Zone: its container instance's, else one of three drawn (drawn either way, so ids stay put). */
export function zone(region: string, drawn: number, instance?: InstanceRecord): string {
  return instance?.attributes?.find((a) => a.name === 'ecs.availability-zone')?.value ?? `${region}${'abc'[drawn]}`;
}
