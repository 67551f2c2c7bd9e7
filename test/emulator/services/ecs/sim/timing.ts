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
};

export const ACTIVE_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);

/** "An image whose tag or name contains `fail`" makes its tasks exit 1. */
export function imageFails(img: string): boolean {
  return /fail/i.test(img.slice(img.lastIndexOf('/') + 1));
}

/** An image whose tag or name contains `unhealthy` runs but fails its load balancer health checks (HTTP 503). */
export function imageUnhealthy(img: string): boolean {
  return /unhealthy/i.test(img.slice(img.lastIndexOf('/') + 1));
}

/** An image name containing `pullerror` cannot be pulled (CannotPullContainerError). */
export function imageUnpullable(img: string): boolean {
  return /pullerror/i.test(img);
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
export function networkBindings(td: TaskDefinitionRecord | undefined, name: string, pick: (n: number) => number): ecs.NetworkBinding[] {
  const mode = td?.networkMode ?? 'bridge';
  if (mode !== 'bridge' && mode !== 'host') {
    return [];
  }
  const mappings = td?.containerDefinitions.find((c) => c.name === name)?.portMappings ?? [];
  return mappings.map((m) => ({
    bindIP: '0.0.0.0',
    containerPort: m.containerPort,
    hostPort: m.hostPort || (mode === 'host' ? m.containerPort : 32768 + pick(61000 - 32768)),
    protocol: m.protocol ?? 'tcp',
  }));
}

/** A task's container overrides as ECS shows them: one per container, by name, with what was overridden. */
export function containerOverrides(td: TaskDefinitionRecord, given: ecs.ContainerOverride[] = []): ecs.ContainerOverride[] {
  return td.containerDefinitions.map((c) => given.find((o) => o.name === c.name) ?? { name: c.name });
}

/** A task's Availability Zone: its container instance's, else one of three drawn (drawn either way, so ids stay put). */
export function zone(region: string, drawn: number, instance?: InstanceRecord): string {
  return instance?.attributes?.find((a) => a.name === 'ecs.availability-zone')?.value ?? `${region}${'abc'[drawn]}`;
}
