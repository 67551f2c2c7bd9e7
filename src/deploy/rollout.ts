/**
 * The rollout watcher as a plain state machine over DescribeServices snapshots. `evaluateRollout`
 * is pure: given what was seen before and the service now, it says which events are new and
 * whether the deployment we started is done. It never trusts "the service is stable" alone: after a
 * circuit-breaker rollback the service is stable too, on the previous revision.
 */
import type { ecs as EcsTypes } from '../aws/sdk';
import { revisionLabel } from '../aws/arn';
import { strategyOf } from '../ecs/serviceDeployments';
import { evaluateServiceDeployment, type DeploymentVerdict, type ServiceDeployment, type StageMemory } from './serviceDeploymentState';

export type Service = EcsTypes.Service;
/** PAUSED: a PAUSE lifecycle hook awaits Continue or Roll back; STOPPED: someone stopped the deployment. */
export type RolloutOutcome = 'COMPLETED' | 'FAILED' | 'ROLLED_BACK' | 'TIMED_OUT' | 'NOT_WAITED' | 'PAUSED' | 'STOPPED';

export interface DeploymentCounts {
  id: string;
  status: string;
  taskDefinition: string;
  desired: number;
  running: number;
  pending: number;
  failed: number;
  rolloutState?: string;
  rolloutStateReason?: string;
}

export interface ServiceEventLine {
  id: string;
  at: Date;
  message: string;
}

/** What the evaluator remembers between snapshots. */
export interface RolloutMemory {
  /** Ids of the service events already reported. */
  seenEvents: string[];
  /** Events before this moment belong to earlier deployments and are not reported. */
  sinceMs: number;
  /** Failed-task count of the watched deployment at the last snapshot. */
  failedTasks: number;
  /** When the service deployment's current stage began (for the bake timer). */
  stage?: StageMemory;
}

export interface RolloutEvaluation {
  /** Set once the watched deployment has finished, one way or the other. */
  outcome?: Exclude<RolloutOutcome, 'TIMED_OUT' | 'NOT_WAITED'>;
  reason?: string;
  /** Service events not reported before, oldest first. */
  newEvents: ServiceEventLine[];
  deployments: DeploymentCounts[];
  /** The deployment being watched, while ECS still lists it. */
  watched?: DeploymentCounts;
  /** True when the watched deployment has more failed tasks than at the previous snapshot. */
  newFailures: boolean;
  /** What the service deployment (DescribeServiceDeployments) says, when it was read. */
  serviceDeployment?: DeploymentVerdict;
  memory: RolloutMemory;
}

export function deploymentCounts(d: EcsTypes.Deployment): DeploymentCounts {
  return {
    id: d.id ?? '',
    status: d.status ?? '',
    taskDefinition: d.taskDefinition ?? '',
    desired: d.desiredCount ?? 0,
    running: d.runningCount ?? 0,
    pending: d.pendingCount ?? 0,
    failed: d.failedTasks ?? 0,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

/** `PRIMARY demo-api:4 · desired 3 · running 2 · pending 1 · failed 0 · IN_PROGRESS` */
export function describeDeployment(d: DeploymentCounts): string {
  const state = d.rolloutState ? ` · ${d.rolloutState}` : '';
  return `${d.status} ${revisionLabel(d.taskDefinition)} · desired ${d.desired} · running ${d.running} · pending ${d.pending} · failed ${d.failed}${state}`;
}

const ROLLBACK = /rolling back|rollback/i;

/**
 * `knownEventIds` (first snapshot only): events that existed before the watch began, e.g. those of
 * the UpdateService answer; they are not reported, so a scale or a watch shows only what happens now.
 */
/**
 * One poll: the service (DescribeServices) and, when read, its service deployment. The service
 * deployment decides for every strategy (its status is final, a paused hook ends the watch); a
 * rolling deployment may also end on what DescribeServices shows first, as it did before ECS had
 * service deployments, and without one (no permission to read it) DescribeServices alone decides.
 */
export function evaluatePoll(
  previous: RolloutMemory | undefined,
  snapshot: Service,
  watchedDeploymentId: string,
  knownEventIds: string[],
  serviceDeployment?: { deployment: ServiceDeployment; nowMs: number; /** Only its status decides (after a rollback or continue). */ decides?: boolean },
): RolloutEvaluation {
  const rollout = evaluateRollout(previous, snapshot, watchedDeploymentId, knownEventIds);
  if (!serviceDeployment) return rollout;
  const serviceStrategy = snapshot.deploymentConfiguration?.strategy;
  const verdict = evaluateServiceDeployment(previous?.stage, serviceDeployment.deployment, serviceDeployment.nowMs, serviceStrategy);
  const result = { ...rollout, serviceDeployment: verdict, memory: { ...rollout.memory, stage: verdict.memory } };
  const rolling = !serviceDeployment.decides && strategyOf(serviceDeployment.deployment, serviceStrategy) === 'ROLLING';
  // SUCCESSFUL may be an earlier deployment's, still current while the service scales: done only at full strength.
  const settled = (snapshot.runningCount ?? 0) === (snapshot.desiredCount ?? 0) && (snapshot.pendingCount ?? 0) === 0;
  if (verdict.outcome && (verdict.outcome !== 'COMPLETED' || (!rolling && settled))) return { ...result, outcome: verdict.outcome, reason: verdict.reason ?? rollout.reason };
  // A rolling deployment is done when DescribeServices shows it alone at full strength, as before.
  if (rolling) return result;
  // Blue/green, linear, canary: the old and new revisions run side by side by design; only the service deployment says when it is over.
  return { ...result, outcome: undefined, reason: undefined };
}

export function evaluateRollout(previous: RolloutMemory | undefined, snapshot: Service, watchedDeploymentId: string, knownEventIds: string[] = []): RolloutEvaluation {
  const deployments = (snapshot.deployments ?? []).map(deploymentCounts);
  const watched = deployments.find((d) => d.id === watchedDeploymentId);
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const startedAt = (snapshot.deployments ?? []).find((d) => d.id === watchedDeploymentId)?.createdAt?.getTime();
  const sinceMs = previous?.sinceMs ?? startedAt ?? 0;

  const seen = new Set(previous?.seenEvents ?? knownEventIds);
  const events = (snapshot.events ?? [])
    .filter((e) => e.id && (e.createdAt?.getTime() ?? 0) >= sinceMs)
    .map((e) => ({ id: e.id!, at: e.createdAt ?? new Date(0), message: e.message ?? '' }));
  const newEvents = events.filter((e) => !seen.has(e.id)).reverse();
  // DescribeServices returns the newest 100 events: remembering those is enough.
  const memory: RolloutMemory = { seenEvents: events.map((e) => e.id).slice(0, 200), sinceMs, failedTasks: watched?.failed ?? previous?.failedTasks ?? 0, stage: previous?.stage };
  const newFailures = (watched?.failed ?? 0) > (previous?.failedTasks ?? 0);
  const result: RolloutEvaluation = { newEvents, deployments, watched, newFailures, memory };

  const rollbackEvent = [...events].find((e) => ROLLBACK.test(e.message));
  if (watched?.rolloutState === 'FAILED') {
    const rolledBack = primary !== undefined && primary.id !== watched.id;
    return {
      ...result,
      outcome: rolledBack ? 'ROLLED_BACK' : 'FAILED',
      reason: rolledBack
        ? `${watched.rolloutStateReason ?? 'The deployment failed'}; ECS is rolling back to ${revisionLabel(primary.taskDefinition)}.`
        : (watched.rolloutStateReason ?? 'The deployment failed.'),
    };
  }
  if (!watched) {
    // ECS dropped the deployment: its tasks are gone because a newer one replaced it.
    if (primary && (ROLLBACK.test(primary.rolloutStateReason ?? '') || rollbackEvent)) {
      return { ...result, outcome: 'ROLLED_BACK', reason: `The deployment failed and ECS rolled back to ${revisionLabel(primary.taskDefinition)}${rollbackEvent ? ` (${rollbackEvent.message})` : ''}.` };
    }
    return { ...result, outcome: 'FAILED', reason: `The deployment ${watchedDeploymentId} is gone: ${primary ? `${revisionLabel(primary.taskDefinition)} (deployment ${primary.id}) replaced it` : 'the service has no deployment'}.` };
  }
  if (watched.status !== 'PRIMARY') {
    if (ROLLBACK.test(primary?.rolloutStateReason ?? '')) {
      return { ...result, outcome: 'ROLLED_BACK', reason: `${primary!.rolloutStateReason}` };
    }
    return { ...result, outcome: 'FAILED', reason: `A newer deployment (${primary ? revisionLabel(primary.taskDefinition) : 'unknown'}) replaced ${revisionLabel(watched.taskDefinition)} before it completed.` };
  }
  const serviceSettled = (snapshot.runningCount ?? 0) === (snapshot.desiredCount ?? 0) && (snapshot.pendingCount ?? 0) === 0;
  const deploymentSettled = watched.running === watched.desired && watched.pending === 0 && watched.desired === (snapshot.desiredCount ?? 0);
  // Without a rolloutState (older deployment controllers), done means alone and at full strength.
  const completed = watched.rolloutState === undefined ? deployments.length === 1 : watched.rolloutState === 'COMPLETED';
  if (completed && serviceSettled && deploymentSettled) {
    return { ...result, outcome: 'COMPLETED', reason: watched.rolloutStateReason };
  }
  return result;
}
