/**
 * What the explorer shows for each ECS resource, as plain data (label, one-line description,
 * Markdown details, a state that picks the icon colour). No vscode: unit-tested under Node.
 */
import type { Cluster, ContainerInstance, Service, Task } from './ecsReader';
import type { ecs as EcsTypes } from '../aws/sdk';
import { resourceName, revisionLabel, shortTaskId } from '../aws/arn';
import { code, detailRows, escapeMarkdown } from '../util/markdown';
import { shortImage, stopSummary } from './shortForms';

export type State = 'ok' | 'progress' | 'warning' | 'error' | 'inactive';

export interface Presented {
  label: string;
  description: string;
  /** Markdown. */
  details: string;
  state: State;
}

export function when(date: Date | undefined): string {
  return date ? date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–';
}

export function ago(date: Date | undefined, now: Date): string {
  if (!date) return '';
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86_400)}d ago`;
}


/** `1 service`, `3 services`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A cluster with no container instance and no EC2 capacity: no instances registered, and its
 * capacity providers (if any) only FARGATE and FARGATE_SPOT (an Auto Scaling group provider means EC2).
 */
export function isFargateOnly(c: Cluster): boolean {
  return !c.registeredContainerInstancesCount && (c.capacityProviders ?? []).every((p) => p === 'FARGATE' || p === 'FARGATE_SPOT');
}

export function presentCluster(c: Cluster): Presented {
  const capacity = c.capacityProviders?.length ? c.capacityProviders.join(', ') : undefined;
  const pending = c.pendingTasksCount ? `${c.pendingTasksCount} pending` : '';
  return {
    label: c.clusterName ?? resourceName(c.clusterArn),
    // The instance count is the Container instances folder's; here what runs.
    description: [plural(c.activeServicesCount ?? 0, 'service'), `${c.runningTasksCount ?? 0} running`, pending].filter(Boolean).join(' · '),
    details: detailRows([
      ['Cluster', c.clusterName],
      ['Status', c.status],
      ['Running tasks', c.runningTasksCount],
      ['Pending tasks', c.pendingTasksCount],
      ['Active services', c.activeServicesCount],
      ['Container instances', isFargateOnly(c) ? 'none (Fargate only)' : c.registeredContainerInstancesCount],
      ['Capacity providers', capacity],
      ['ARN', code(c.clusterArn)],
    ]),
    state: c.status === 'ACTIVE' ? 'ok' : c.status === 'PROVISIONING' ? 'progress' : 'inactive',
  };
}

export type DeploymentBadge = 'rolling out' | 'steady' | 'failed' | 'failing';

function primaryOf(s: Service): EcsTypes.Deployment | undefined {
  return s.deployments?.find((d) => d.status === 'PRIMARY');
}

/** `failing` once the rollout in progress has had a task stop: the circuit breaker may not be on, so it can fail for hours. */
export function deploymentBadge(s: Service): DeploymentBadge {
  const primary = primaryOf(s);
  if (primary?.rolloutState === 'FAILED') return 'failed';
  if (primary?.rolloutState === 'IN_PROGRESS' && (primary.failedTasks ?? 0) > 0) return 'failing';
  if ((s.deployments?.length ?? 0) > 1 || primary?.rolloutState === 'IN_PROGRESS') return 'rolling out';
  return 'steady';
}

/** The deployment a `failing` badge is about, for reading why its tasks stop. */
export function failingDeployment(s: Service): EcsTypes.Deployment | undefined {
  return deploymentBadge(s) === 'failing' ? primaryOf(s) : undefined;
}

/**
 * `failing: 106 tasks stopped (exit 1)`, or `failing: 106 stopped (exit 1)` where a side-bar row
 * has no room; `lastExit` is the exit code of the newest stopped task, when read.
 */
export function badgeText(s: Service, lastExit?: number, short = false): string {
  const badge = deploymentBadge(s);
  if (badge !== 'failing') return badge;
  const failed = primaryOf(s)?.failedTasks ?? 0;
  const what = short ? 'stopped' : `task${failed === 1 ? '' : 's'} stopped`;
  return `failing: ${failed} ${what}${lastExit !== undefined ? ` (exit ${lastExit})` : ''}`;
}

export function isServiceSettling(s: Service): boolean {
  const badge = deploymentBadge(s);
  return s.status === 'ACTIVE' && (badge === 'rolling out' || badge === 'failing' || (s.runningCount ?? 0) !== (s.desiredCount ?? 0) || (s.pendingCount ?? 0) > 0);
}

function launchOf(s: { launchType?: string; capacityProviderStrategy?: EcsTypes.CapacityProviderStrategyItem[] }): string {
  if (s.capacityProviderStrategy?.length) return s.capacityProviderStrategy.map((p) => `${p.capacityProvider}${p.weight !== undefined ? `:${p.weight}` : ''}`).join(', ');
  return s.launchType ?? '';
}

export function presentService(s: Service, lastExit?: number): Presented {
  const badge = deploymentBadge(s);
  const badgeLine = badgeText(s, lastExit);
  const pending = s.pendingCount ? `${s.pendingCount} pending` : '';
  return {
    label: s.serviceName ?? resourceName(s.serviceArn),
    // Launch type and capacity providers are in the tooltip: a strategy alone can fill the row.
    // Express Mode services are ECS-managed (resourceManagementType ECS, API_Service.html).
    description: [`${s.runningCount ?? 0}/${s.desiredCount ?? 0}`, pending, badgeText(s, lastExit, true), s.resourceManagementType === 'ECS' ? 'Express' : ''].filter(Boolean).join(' · '),
    details: detailRows([
      ['Service', s.serviceName],
      ['Managed by', s.resourceManagementType === 'ECS' ? 'ECS (Express Mode): see Managed resources for its URL' : undefined],
      ['Status', s.status],
      ['Running / desired', `${s.runningCount ?? 0} / ${s.desiredCount ?? 0}`],
      ['Pending', s.pendingCount],
      ['Launch', launchOf(s)],
      ['Platform version', s.platformVersion],
      ['Task definition', revisionLabel(s.taskDefinition)],
      ['Deployment', badgeLine],
      ['Scheduling', s.schedulingStrategy],
      ['ARN', code(s.serviceArn)],
    ]),
    state: s.status !== 'ACTIVE' ? 'inactive' : badge === 'failed' ? 'error' : badge === 'failing' ? 'warning' : badge === 'rolling out' ? 'progress' : (s.runningCount ?? 0) < (s.desiredCount ?? 0) ? 'warning' : 'ok',
  };
}

export function presentDeployment(d: EcsTypes.Deployment, now: Date): Presented {
  return {
    label: `${d.status ?? 'UNKNOWN'} ${revisionLabel(d.taskDefinition)}`,
    // IN_PROGRESS shows as the icon's colour (and the service's "rolling out"); a failure is said.
    description: [
      `${d.runningCount ?? 0}/${d.desiredCount ?? 0}`,
      d.pendingCount ? `${d.pendingCount} pending` : '',
      d.failedTasks ? `${d.failedTasks} failed` : '',
      d.rolloutState === 'FAILED' ? 'FAILED' : '',
    ].filter(Boolean).join(' · '),
    details: detailRows([
      ['Deployment', d.id],
      ['Status', d.status],
      ['Rollout', d.rolloutState],
      ['Reason', d.rolloutStateReason],
      ['Task definition', revisionLabel(d.taskDefinition)],
      ['Desired / running / pending / failed', `${d.desiredCount ?? 0} / ${d.runningCount ?? 0} / ${d.pendingCount ?? 0} / ${d.failedTasks ?? 0}`],
      ['Created', when(d.createdAt)],
      ['Updated', d.updatedAt ? `${when(d.updatedAt)} (${ago(d.updatedAt, now)})` : undefined],
    ]),
    state: d.rolloutState === 'FAILED' ? 'error' : d.rolloutState === 'IN_PROGRESS' ? 'progress' : d.status === 'PRIMARY' ? 'ok' : 'inactive',
  };
}

export function presentEvent(e: EcsTypes.ServiceEvent, now: Date): Presented {
  const message = e.message ?? '';
  const bad = /unable|failed|error|unhealthy|stopped|rolling back|circuit breaker/i.test(message);
  return {
    label: message,
    description: ago(e.createdAt, now),
    details: `${when(e.createdAt)}\n\n${escapeMarkdown(message)}`,
    state: bad ? 'warning' : /steady state/.test(message) ? 'ok' : 'inactive',
  };
}

export function taskHealth(t: Task): string | undefined {
  return t.healthStatus && t.healthStatus !== 'UNKNOWN' ? t.healthStatus : undefined;
}

/** `RUNNING`, or `RUNNING→STOPPED` while a task moves to what is asked of it. */
function taskStatus(t: Task): string {
  return t.lastStatus === t.desiredStatus ? (t.lastStatus ?? '') : `${t.lastStatus}→${t.desiredStatus}`;
}

/**
 * A running task: family:revision, health, and its status unless RUNNING. A stopped one: when it stopped, and why in a
 * few words (the exit code of the essential container, or the stop reason shortened); the full
 * reason, launch type and zone are in the tooltip.
 */
export function presentTask(t: Task, now: Date = new Date()): Presented {
  const status = taskStatus(t);
  const health = taskHealth(t);
  const stopped = t.lastStatus === 'STOPPED';
  // RUNNING goes without saying (the icon, and the folder's "4 running"): only other states are said.
  const description = stopped ? [ago(t.stoppedAt, now), stopSummary(t)] : [revisionLabel(t.taskDefinitionArn), status === 'RUNNING' ? '' : status, health];
  return {
    label: shortTaskId(t.taskArn),
    description: description.filter(Boolean).join(' · '),
    details: detailRows([
      ['Task', resourceName(t.taskArn)],
      ['Task definition', revisionLabel(t.taskDefinitionArn)],
      ['Status', status],
      ['Health', t.healthStatus],
      ['Launch type', t.launchType ?? launchOf({ capacityProviderStrategy: t.capacityProviderName ? [{ capacityProvider: t.capacityProviderName }] : undefined })],
      ['Availability zone', t.availabilityZone],
      ['Container instance', t.containerInstanceArn ? resourceName(t.containerInstanceArn) : undefined],
      ['Started by', t.startedBy],
      ['Started', when(t.startedAt)],
      ['Stopped', t.stoppedAt ? `${when(t.stoppedAt)} (${ago(t.stoppedAt, now)})` : undefined],
      ['Stop code', t.stopCode],
      ['Stopped reason', t.stoppedReason],
      ['Exit codes', exitCodes(t)],
      ['ARN', code(t.taskArn)],
    ]),
    state: stopped ? (t.stopCode === 'EssentialContainerExited' && t.containers?.some((c) => (c.exitCode ?? 0) !== 0) ? 'error' : t.stopCode === 'TaskFailedToStart' ? 'error' : 'inactive') : health === 'UNHEALTHY' ? 'error' : t.lastStatus === 'RUNNING' ? 'ok' : 'progress',
  };
}

function exitCodes(t: Task): string | undefined {
  const codes = (t.containers ?? []).filter((c) => c.exitCode !== undefined).map((c) => `${c.name} ${c.exitCode}`);
  return codes.length ? codes.join(', ') : undefined;
}

export function presentContainer(c: EcsTypes.Container): Presented {
  const ports = (c.networkBindings ?? []).map((b) => `${b.hostPort ?? ''}→${b.containerPort}/${b.protocol ?? 'tcp'}`);
  const ip = c.networkInterfaces?.[0]?.privateIpv4Address;
  const exit = c.exitCode !== undefined ? `exit ${c.exitCode}` : undefined;
  const health = c.healthStatus && c.healthStatus !== 'UNKNOWN' ? c.healthStatus : undefined;
  return {
    label: c.name ?? '',
    // The reason (often a long error) is in the tooltip, as is the full image URI.
    description: [c.lastStatus, health, exit, c.image ? shortImage(c.image, c.name) : undefined].filter(Boolean).join(' · '),
    details: detailRows([
      ['Container', c.name],
      ['Image', code(c.image)],
      ['Image digest', code(c.imageDigest)],
      ['Status', c.lastStatus],
      ['Health', c.healthStatus],
      ['Exit code', c.exitCode],
      ['Reason', c.reason],
      ['Port bindings', ports.join(', ') || undefined],
      ['Private IP', ip],
      ['ENI', c.networkInterfaces?.[0]?.attachmentId],
    ]),
    state: c.lastStatus === 'STOPPED' ? ((c.exitCode ?? 0) !== 0 ? 'error' : 'inactive') : c.healthStatus === 'UNHEALTHY' ? 'error' : c.lastStatus === 'RUNNING' ? 'ok' : 'progress',
  };
}

function resource(list: EcsTypes.Resource[] | undefined, name: string): number | undefined {
  return list?.find((r) => r.name === name)?.integerValue;
}

/** A built-in attribute of a container instance (`ecs.instance-type`, `ecs.availability-zone`…). */
export function instanceAttribute(ci: ContainerInstance, name: string): string | undefined {
  return ci.attributes?.find((a) => a.name === name)?.value;
}

/** Trouble first (draining, agent disconnected), then instance type and zone; tasks and free CPU/memory in the tooltip. */
export function presentContainerInstance(ci: ContainerInstance): Presented {
  const cpu = `${resource(ci.remainingResources, 'CPU') ?? '?'}/${resource(ci.registeredResources, 'CPU') ?? '?'}`;
  const memory = `${resource(ci.remainingResources, 'MEMORY') ?? '?'}/${resource(ci.registeredResources, 'MEMORY') ?? '?'}`;
  const type = instanceAttribute(ci, 'ecs.instance-type');
  const zone = instanceAttribute(ci, 'ecs.availability-zone');
  return {
    label: ci.ec2InstanceId ?? resourceName(ci.containerInstanceArn),
    description: [ci.status !== 'ACTIVE' ? ci.status : '', ci.agentConnected ? '' : 'agent disconnected', type, zone].filter(Boolean).join(' · '),
    details: detailRows([
      ['EC2 instance', ci.ec2InstanceId],
      ['Instance type', type],
      ['Availability zone', zone],
      ['Status', ci.status],
      ['Agent connected', ci.agentConnected ? 'yes' : 'no'],
      ['Running tasks', ci.runningTasksCount],
      ['Pending tasks', ci.pendingTasksCount],
      ['CPU units free / registered', cpu],
      ['Memory MiB free / registered', memory],
      ['Capacity provider', ci.capacityProviderName],
      ['Agent version', ci.versionInfo?.agentVersion],
      ['ARN', code(ci.containerInstanceArn)],
    ]),
    state: ci.status !== 'ACTIVE' ? 'warning' : ci.agentConnected ? 'ok' : 'error',
  };
}
