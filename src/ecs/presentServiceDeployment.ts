/**
 * What the explorer shows for a service deployment and its service revision, and the normalised
 * text *Compare revisions* diffs. Plain data, no vscode.
 */
import { parseArn, resourceName, revisionLabel, taskDefinitionParts } from '../aws/arn';
import type { ecs as EcsTypes } from '../aws/sdk';
import { code, detailRows, escapeMarkdown } from '../util/markdown';
import { ago, plural, when, type Presented, type State } from './present';
import { isActiveDeployment, pausedHook, strategyOf, type ServiceDeployment, type ServiceRevision } from './serviceDeployments';

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'pending',
  IN_PROGRESS: 'in progress',
  SUCCESSFUL: 'succeeded',
  STOPPED: 'stopped',
  STOP_REQUESTED: 'stopping',
  ROLLBACK_REQUESTED: 'rollback requested',
  ROLLBACK_IN_PROGRESS: 'rolling back',
  ROLLBACK_SUCCESSFUL: 'rolled back',
  ROLLBACK_FAILED: 'rollback failed',
};

const STAGE_WORDS: Record<string, string> = {
  RECONCILE_SERVICE: 'reconcile',
  PRE_SCALE_UP: 'pre-scale-up',
  SCALE_UP: 'scale-up',
  POST_SCALE_UP: 'post-scale-up',
  TEST_TRAFFIC_SHIFT: 'test shift',
  POST_TEST_TRAFFIC_SHIFT: 'post-test shift',
  PRE_PRODUCTION_TRAFFIC_SHIFT: 'pre-prod shift',
  PRODUCTION_TRAFFIC_SHIFT: 'prod shift',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'post-prod shift',
  BAKE_TIME: 'bake',
  CLEAN_UP: 'clean-up',
};

const STRATEGY_WORDS: Record<string, string> = { ROLLING: 'rolling', BLUE_GREEN: 'blue/green', LINEAR: 'linear', CANARY: 'canary' };

export function statusWord(status: string | undefined): string {
  return STATUS_WORDS[status ?? ''] ?? (status ?? 'unknown').toLowerCase();
}

export function stageWord(stage: string | undefined): string | undefined {
  return stage ? (STAGE_WORDS[stage] ?? stage.toLowerCase()) : undefined;
}

export function strategyWord(strategy: string): string {
  return STRATEGY_WORDS[strategy] ?? strategy.toLowerCase();
}

/** A service revision as a person names it: its task definition's `family:revision`, else the revision's id. */
export function serviceRevisionLabel(arn: string | undefined, revisions: ReadonlyMap<string, ServiceRevision>): string {
  if (!arn) return '–';
  const taskDefinition = revisions.get(arn)?.taskDefinition;
  return taskDefinition ? revisionLabel(taskDefinition) : `revision ${resourceName(arn).slice(-8)}`;
}

/** `web:1 → 2` (same family), `web:1 → api:2`, or just the target when there is no source. */
function fromTo(d: ServiceDeployment, revisions: ReadonlyMap<string, ServiceRevision>): string {
  const target = serviceRevisionLabel(d.targetServiceRevision?.arn, revisions);
  const sources = (d.sourceServiceRevisions ?? []).map((r) => serviceRevisionLabel(r.arn, revisions)).filter((s) => s !== target);
  if (!sources.length) return target;
  const targetParts = taskDefinitionParts(target);
  const sameFamily = sources.every((s) => taskDefinitionParts(s).family === targetParts.family) && targetParts.revision !== undefined;
  return `${sources.join(', ')} → ${sameFamily ? targetParts.revision : target}`;
}

/** The moment that says most about a deployment: when it finished, else started, else was created. */
function shownTime(d: ServiceDeployment): Date | undefined {
  return d.finishedAt ?? d.stoppedAt ?? d.startedAt ?? d.createdAt;
}

function stateOf(d: ServiceDeployment): State {
  if (pausedHook(d)) return 'warning';
  if (isActiveDeployment(d)) return d.status?.startsWith('ROLLBACK') ? 'warning' : 'progress';
  if (d.status === 'SUCCESSFUL') return 'ok';
  if (d.status === 'ROLLBACK_FAILED') return 'error';
  if (d.status === 'ROLLBACK_SUCCESSFUL' || d.rollback) return 'warning';
  return 'inactive';
}

/** Why it stopped or rolled back, in AWS's words: the rollback's reason, else the status reason. */
export function stopReason(d: ServiceDeployment): string | undefined {
  if (d.status === 'SUCCESSFUL' || d.status === 'IN_PROGRESS' || d.status === 'PENDING') return d.rollback?.reason;
  return d.rollback?.reason ?? d.statusReason;
}

/**
 * The row: source → target revision, then status (or the paused hook), the stage and task counts
 * while it runs or when it ended, and the strategy last (the detail a narrow side bar cuts first).
 */
export function presentServiceDeployment(d: ServiceDeployment, revisions: ReadonlyMap<string, ServiceRevision>, now: Date): Presented {
  const active = isActiveDeployment(d);
  const paused = pausedHook(d);
  const strategy = strategyOf(d);
  const target = d.targetServiceRevision;
  const counts = active && target ? `${target.runningTaskCount ?? 0}/${target.requestedTaskCount ?? 0}` : '';
  const description = [paused ? 'paused' : statusWord(d.status), active ? stageWord(d.lifecycleStage) : '', counts, active ? '' : ago(shownTime(d), now), strategyWord(strategy)];
  const circuitBreaker = d.deploymentCircuitBreaker;
  const alarms = d.alarms;
  const details = detailRows([
    ['Deployment', code(d.serviceDeploymentArn)],
    ['Strategy', strategy],
    ['Status', d.status],
    ['Stage', d.lifecycleStage],
    ['Why', stopReason(d)],
    ['Status reason', stopReason(d) === d.statusReason ? undefined : d.statusReason],
    ['From', (d.sourceServiceRevisions ?? []).map((r) => serviceRevisionLabel(r.arn, revisions)).join(', ') || undefined],
    ['To', serviceRevisionLabel(target?.arn, revisions)],
    ['Tasks (running / requested)', target ? `${target.runningTaskCount ?? 0} / ${target.requestedTaskCount ?? 0}` : undefined],
    ['Traffic (production / test)', trafficText(target)],
    ['Paused hook', paused ? `${paused.hookId ?? ''} (${paused.status}; ${paused.timeoutAction ?? 'acts'} at ${when(paused.expiresAt)})` : undefined],
    ['Rolled back to', d.rollback ? serviceRevisionLabel(d.rollback.serviceRevisionArn, revisions) : undefined],
    ['Rollback started', d.rollback?.startedAt ? when(d.rollback.startedAt) : undefined],
    ['Circuit breaker', circuitBreaker?.status && circuitBreaker.status !== 'DISABLED' ? `${circuitBreaker.status} (${circuitBreaker.failureCount ?? 0} of ${circuitBreaker.threshold ?? '?'} failed tasks)` : undefined],
    ['Alarms', alarms?.status && alarms.status !== 'DISABLED' ? [alarms.status, ...(alarms.triggeredAlarmNames ?? [])].join(': ') : undefined],
    ['Created', d.createdAt ? when(d.createdAt) : undefined],
    ['Started', d.startedAt ? when(d.startedAt) : undefined],
    ['Finished', d.finishedAt ? when(d.finishedAt) : undefined],
    ['Stopped', d.stoppedAt ? when(d.stoppedAt) : undefined],
  ]);
  return { label: fromTo(d, revisions), description: description.filter(Boolean).join(' · '), details, state: stateOf(d) };
}

function trafficText(target: EcsTypes.ServiceRevisionSummary | undefined): string | undefined {
  if (target?.requestedProductionTrafficWeight === undefined && target?.requestedTestTrafficWeight === undefined) return undefined;
  return `${target.requestedProductionTrafficWeight ?? 0}% / ${target.requestedTestTrafficWeight ?? 0}%`;
}

/** One line under a service revision: what it runs, behind what, where. */
export interface RevisionRow {
  label: string;
  description: string;
  details: string;
}

/** `sha256:0123456789ab`: enough of a digest to tell two apart in a row. */
export function shortDigest(digest: string | undefined): string {
  return digest ? digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…') : 'no digest';
}

/** The rows under a service revision: task definition, each container's image digest, load balancers, network, capacity. */
export function serviceRevisionRows(rev: ServiceRevision): RevisionRow[] {
  const rows: RevisionRow[] = [{ label: 'Task definition', description: revisionLabel(rev.taskDefinition), details: detailRows([['Task definition', code(rev.taskDefinition)]]) }];
  for (const image of [...(rev.containerImages ?? [])].sort((a, b) => (a.containerName ?? '').localeCompare(b.containerName ?? ''))) {
    rows.push({
      label: image.containerName ?? 'container',
      description: shortDigest(image.imageDigest),
      details: detailRows([['Container', image.containerName], ['Image', code(image.image)], ['Digest resolved by ECS', code(image.imageDigest)]]),
    });
  }
  const rules = new Map((rev.resolvedConfiguration?.loadBalancers ?? []).map((l) => [l.targetGroupArn, l.productionListenerRule]));
  for (const lb of rev.loadBalancers ?? []) {
    const target = (lb.targetGroupArn && parseArn(lb.targetGroupArn)?.resource.split('/')[1]) || (lb.loadBalancerName ?? 'load balancer');
    const advanced = lb.advancedConfiguration;
    rows.push({
      label: 'Load balancer',
      description: `${target} → ${lb.containerName ?? '?'}:${lb.containerPort ?? '?'}`,
      details: detailRows([
        ['Target group', code(lb.targetGroupArn)],
        ['Load balancer', lb.loadBalancerName],
        ['Container', `${lb.containerName ?? '?'}:${lb.containerPort ?? '?'}`],
        ['Alternate target group', code(advanced?.alternateTargetGroupArn)],
        ['Production listener rule', code(advanced?.productionListenerRule ?? rules.get(lb.targetGroupArn) ?? undefined)],
        ['Test listener rule', code(advanced?.testListenerRule)],
        ['Role', code(advanced?.roleArn)],
      ]),
    });
  }
  const vpc = rev.networkConfiguration?.awsvpcConfiguration;
  if (vpc) {
    rows.push({
      label: 'Network',
      description: [plural(vpc.subnets?.length ?? 0, 'subnet'), plural(vpc.securityGroups?.length ?? 0, 'security group'), vpc.assignPublicIp === 'ENABLED' ? 'public IP' : ''].filter(Boolean).join(' · '),
      details: detailRows([['Subnets', (vpc.subnets ?? []).join(', ')], ['Security groups', (vpc.securityGroups ?? []).join(', ')], ['Public IP', vpc.assignPublicIp]]),
    });
  }
  const capacity = (rev.capacityProviderStrategy ?? []).map((c) => `${c.capacityProvider}:${c.weight ?? 0}${c.base ? ` (base ${c.base})` : ''}`).join(', ');
  const launch = [rev.launchType, rev.platformVersion].filter(Boolean).join(' ');
  if (capacity || launch) rows.push({ label: capacity ? 'Capacity providers' : 'Launch type', description: capacity || launch, details: escapeMarkdown(capacity || launch) });
  return rows;
}

/** Members that name the revision rather than say what it runs: the same in no two revisions, so left out of a diff. */
const IDENTITY = new Set(['serviceRevisionArn', 'serviceArn', 'clusterArn', 'createdAt']);

/** Keys sorted at every level, empty values dropped, lists of plain strings sorted (subnets, security groups). */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalised).filter((v) => v !== undefined);
    return items.every((v) => typeof v === 'string') ? [...(items as string[])].sort() : items;
  }
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = normalised((value as Record<string, unknown>)[key]);
      if (v !== undefined && !(Array.isArray(v) && !v.length)) out[key] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value ?? undefined;
}

/**
 * A service revision as *Compare revisions* shows it: the task definition as `family:revision`,
 * containers' images in name order with the digests ECS resolved, load balancers, network and
 * capacity providers, every key sorted and identity fields left out, so only what changed differs.
 */
export function serviceRevisionText(rev: ServiceRevision): string {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rev)) if (!IDENTITY.has(key) && key !== '$metadata') content[key] = value;
  content.taskDefinition = rev.taskDefinition ? revisionLabel(rev.taskDefinition) : undefined;
  content.containerImages = [...(rev.containerImages ?? [])].sort((a, b) => (a.containerName ?? '').localeCompare(b.containerName ?? ''));
  return JSON.stringify(normalised(content) ?? {}, null, 2) + '\n';
}
