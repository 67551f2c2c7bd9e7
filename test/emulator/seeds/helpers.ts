/** Building blocks of the seeds: task definitions, and services already steady since some time ago. */
import type * as ecs from '../generated/ecs';
import { ACCOUNT, dnsSuffix, globalArn } from '../kit/arn';
import { flat } from '../kit/flat';
import { defaultIdentity } from '../kit/identity';
import type { Region } from '../kit/world';
import { createService } from '../services/ecs/services';
import { ecsSim } from '../services/ecs/sim/index';
import { servicePlacement } from '../services/ecs/sim/scheduler';
import { ecsState, taskId, type ClusterRecord, type ServiceRecord, type TaskDefinitionRecord, type TaskRecord } from '../services/ecs/state';
import { registerTaskDefinition } from '../services/ecs/task-definitions';

export const MIN = 60_000;
export const SUBNETS: ecs.NetworkConfiguration = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'DISABLED' } };

export function ago(region: Region, minutes: number): Date {
  return new Date(region.now().getTime() - minutes * MIN);
}

export function ecrImage(region: Region, repo: string, tag: string): string {
  return flat(`${ACCOUNT}.dkr.ecr.${region.name}.${dnsSuffix(region.name)}/${repo}:${tag}`);
}

function awslogs(region: Region, family: string): ecs.LogConfiguration {
  return { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': region.name, 'awslogs-stream-prefix': 'ecs' } };
}

export function fargateTaskDef(region: Region, family: string, container: string, image: string, opts: { port?: number; cpu?: string; memory?: string; taskRole?: string; env?: ecs.KeyValuePair[]; container?: Partial<ecs.ContainerDefinition> } = {}): TaskDefinitionRecord {
  return registerTaskDefinition(region, {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: opts.cpu ?? '256',
    memory: opts.memory ?? '512',
    executionRoleArn: globalArn('iam', region.name, 'role/ecsTaskExecutionRole'),
    taskRoleArn: opts.taskRole ? globalArn('iam', region.name, `role/${opts.taskRole}`) : undefined,
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [{
      name: container,
      image,
      essential: true,
      portMappings: opts.port ? [{ containerPort: opts.port, protocol: 'tcp', name: `${container}-${opts.port}`, appProtocol: 'http' }] : [],
      environment: opts.env ?? [],
      logConfiguration: awslogs(region, family),
      ...opts.container,
    }],
    tags: [{ key: 'app', value: family }],
  }, defaultIdentity(region.name));
}

export function ec2TaskDef(region: Region, family: string, container: string, image: string, memory: number): TaskDefinitionRecord {
  return registerTaskDefinition(region, {
    family,
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: container, image, essential: true, cpu: 256, memory, portMappings: [{ containerPort: 6379, hostPort: 0, protocol: 'tcp' }], logConfiguration: awslogs(region, family) }],
  }, defaultIdentity(region.name));
}

export function event(region: Region, svc: ServiceRecord, at: Date, message: string): void {
  svc.events.push({ id: region.core.rnd.uuid(), createdAt: at, message: flat(`(service ${svc.serviceName}) ${message}`) });
  svc.events.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
}

/** Starts tasks of a service's primary deployment that have been RUNNING since `at`. */
export function runningTasks(region: Region, cluster: ClusterRecord, svc: ServiceRecord, td: TaskDefinitionRecord, n: number, at: Date, logs = true): TaskRecord[] {
  const sim = ecsSim(region);
  const dep = svc.deployments[0];
  const launchType = ecsState(region).serviceExtras.of(svc).launchType;
  const tasks: TaskRecord[] = [];
  // Shared by the service's tasks, as equal values: nothing changes them in place.
  const group = flat(`service:${svc.serviceName}`);
  const createdAt = new Date(at.getTime() - 40_000);
  for (let i = 0; i < n; i++) {
    const placed = launchType === 'EC2' ? sim.placement.place({ cluster, taskDef: td, group, ...servicePlacement(svc, td) }) : undefined;
    const t = sim.tasks.launch({
      cluster, taskDef: td, launchType, startedBy: dep.id, group,
      networkConfiguration: svc.networkConfiguration, service: svc, deploymentId: dep.id, runningSince: at, instance: placed?.instance,
      capacityProviderName: svc.capacityProviderStrategy?.[0]?.capacityProvider, enableExecuteCommand: svc.enableExecuteCommand,
    });
    t.createdAt = createdAt;
    if (logs) {
      sim.tasks.writeLogs(t, td, (c) => [`Starting ${c.name} (${c.image})`, `${c.name} listening`, `${c.name}: GET /health 200 3ms`]);
    }
    tasks.push(t);
  }
  return tasks;
}

/** A service created `minutesAgo`, whose first deployment completed and is steady. */
export function steadyService(region: Region, cluster: ClusterRecord, name: string, td: TaskDefinitionRecord, desired: number, minutesAgo: number, extra: Partial<ecs.CreateServiceRequest> = {}, logs = true): ServiceRecord {
  const svc = createService(region, { cluster: cluster.clusterName, serviceName: name, taskDefinition: td.taskDefinitionArn, desiredCount: desired, ...extra }, defaultIdentity(region.name));
  const at = ago(region, minutesAgo);
  const done = new Date(at.getTime() + 3 * MIN);
  const dep = svc.deployments[0];
  svc.createdAt = at;
  Object.assign(dep, { createdAt: at, updatedAt: at, rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${dep.id} completed.` });
  const tasks = runningTasks(region, cluster, svc, td, desired, new Date(at.getTime() + MIN), logs);
  const x = ecsState(region).serviceExtras.of(svc);
  const sd = x.serviceDeployments[0].record;
  Object.assign(sd, { status: 'SUCCESSFUL', createdAt: at, startedAt: at, updatedAt: done, finishedAt: done });
  Object.assign(x, { lastCompleted: { id: dep.id, taskDefinition: td.taskDefinitionArn, revisionArn: sd.targetServiceRevision.arn }, steady: true });
  ecsSim(region).scheduler.refreshCounts(svc);
  if (desired > 0) {
    event(region, svc, new Date(at.getTime() + 20_000), `has started ${desired} tasks: ${tasks.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
  }
  event(region, svc, done, `(deployment ${dep.id}) deployment completed.`);
  event(region, svc, new Date(done.getTime() + 1000), 'has reached a steady state.');
  return svc;
}

/** Marks a seeded task stopped (its essential container exited with `exitCode`). */
export function stoppedTask(region: Region, t: TaskRecord, stoppingMinutesAgo: number, stoppedMinutesAgo: number, exitCode: number): void {
  seededStop(region, t, { stoppingMinutesAgo, stoppedMinutesAgo, stopCode: 'EssentialContainerExited', reason: 'Essential container in task exited', exitCode });
}

/**
 * Marks a seeded task stopped as ECS leaves it: with a stop code and reason, the first container's
 * exit code and reason when it ran; a task that never started (TaskFailedToStart) keeps no
 * start times and no exit code.
 */
export function seededStop(region: Region, t: TaskRecord, how: { stoppingMinutesAgo: number; stoppedMinutesAgo: number; stopCode: ecs.TaskStopCode; reason: string; exitCode?: number; containerReason?: string }): void {
  Object.assign(t, {
    desiredStatus: 'STOPPED', lastStatus: 'STOPPED', stopCode: how.stopCode, stoppedReason: how.reason,
    stoppingAt: ago(region, how.stoppingMinutesAgo), executionStoppedAt: ago(region, how.stoppingMinutesAgo), stoppedAt: ago(region, how.stoppedMinutesAgo),
  });
  for (const c of t.containers) c.lastStatus = 'STOPPED';
  if (how.exitCode !== undefined) t.containers[0].exitCode = how.exitCode;
  if (how.containerReason) t.containers[0].reason = how.containerReason;
  t.attachments.forEach((a) => (a.status = 'DELETED'));
}
