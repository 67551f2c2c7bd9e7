/**
 * Watching a CodeDeploy deployment of an ECS service: GetDeployment and its ECS target (task sets,
 * traffic weights, lifecycle events) each interval until it is Succeeded, Failed or Stopped. A failed
 * or stopped deployment that CodeDeploy rolls back is followed into its rollback deployment and
 * reported ROLLED_BACK once that one has succeeded. `evaluateCodeDeploy` is pure; time is injected.
 */
import { realClock, pollFailure, type WatchClock } from '../watcher';
import type { DeploymentInfo, EcsTarget } from './codeDeployActions';

export type CodeDeployOutcome = 'COMPLETED' | 'FAILED' | 'ROLLED_BACK' | 'STOPPED' | 'TIMED_OUT' | 'NOT_WAITED';

export interface CodeDeploySnapshot {
  deployment: DeploymentInfo;
  target?: EcsTarget;
  /** The rollback deployment CodeDeploy started, once there is one. */
  rollback?: DeploymentInfo;
}

export interface CodeDeployEvaluation {
  outcome?: Exclude<CodeDeployOutcome, 'TIMED_OUT' | 'NOT_WAITED'>;
  reason?: string;
  /** One line: status, the lifecycle event in progress, traffic and task counts. */
  progress: string;
  /** The rollback deployment to follow before the outcome is known. */
  awaitRollback?: string;
}

/** `Green 10% · 1/2 running` for the replacement task set; the original when there is no replacement yet. */
function trafficText(target: EcsTarget | undefined): string {
  const sets = target?.taskSetsInfo ?? [];
  const green = sets.find((s) => s.taskSetLabel === 'Green');
  const shown = green ?? sets.find((s) => s.taskSetLabel === 'Blue');
  if (!shown) return '';
  return `replacement ${green?.trafficWeight ?? 0}% of traffic · ${shown.runningCount ?? 0}/${shown.desiredCount ?? 0} running`;
}

/** `The deployment was stopped by a user (MANUAL_STOP).` */
export function errorText(e: { code?: string; message?: string }): string {
  return `${(e.message ?? '').replace(/\.$/, '')}${e.code ? ` (${e.code})` : ''}.`;
}

function failureText(d: DeploymentInfo): string {
  const e = d.errorInformation;
  return e?.message ? errorText(e) : `CodeDeploy deployment ${d.deploymentId} ${d.status?.toLowerCase()}.`;
}

export function evaluateCodeDeploy(s: CodeDeploySnapshot): CodeDeployEvaluation {
  const d = s.deployment;
  const event = s.target?.lifecycleEvents?.find((e) => e.status === 'InProgress')?.lifecycleEventName;
  const waiting = d.status === 'InProgress' && d.instanceTerminationWaitTimeStarted ? 'waiting before the original task set is deleted' : undefined;
  const progress = [d.status ?? 'Unknown', waiting ?? event, trafficText(s.target)].filter(Boolean).join(' · ');
  if (d.status === 'Succeeded') return { outcome: 'COMPLETED', progress };
  if (d.status !== 'Failed' && d.status !== 'Stopped') return { progress };
  const reason = failureText(d);
  const rollbackId = d.rollbackInfo?.rollbackDeploymentId;
  if (!rollbackId) return { outcome: d.status === 'Stopped' ? 'STOPPED' : 'FAILED', reason, progress };
  const rb = s.rollback;
  if (!rb || !['Succeeded', 'Failed', 'Stopped'].includes(rb.status ?? '')) return { progress: `${d.status} · rolling back (${rollbackId}${rb?.status ? `: ${rb.status}` : ''})`, awaitRollback: rollbackId };
  if (rb.status === 'Succeeded') return { outcome: 'ROLLED_BACK', reason: `${reason} Rolled back by CodeDeploy deployment ${rollbackId}.`, progress };
  return { outcome: 'FAILED', reason: `${reason} The rollback deployment ${rollbackId} ${rb.status?.toLowerCase()} too: ${failureText(rb)}`, progress };
}

export interface CodeDeployWatchOptions {
  read(): Promise<{ deployment: DeploymentInfo; target?: EcsTarget }>;
  readDeployment(id: string): Promise<DeploymentInfo>;
  intervalMs: number;
  timeoutMs: number;
  clock?: WatchClock;
  signal?: AbortSignal;
  onSnapshot?(evaluation: CodeDeployEvaluation, snapshot: CodeDeploySnapshot): void;
}

export interface CodeDeployWatchResult {
  outcome: CodeDeployOutcome;
  reason?: string;
  cancelled: boolean;
  polls: number;
  elapsedMs: number;
  last?: CodeDeploySnapshot;
}

export async function watchCodeDeploy(options: CodeDeployWatchOptions): Promise<CodeDeployWatchResult> {
  const clock = options.clock ?? realClock;
  const started = clock.now();
  let polls = 0;
  let wait = options.intervalMs;
  let last: CodeDeploySnapshot | undefined;
  const result = (outcome: CodeDeployOutcome, reason?: string, cancelled = false): CodeDeployWatchResult => ({ outcome, reason, cancelled, polls, elapsedMs: clock.now() - started, last });
  for (;;) {
    if (options.signal?.aborted) return result('NOT_WAITED', 'Stopped watching; the deployment goes on in CodeDeploy.', true);
    try {
      polls++;
      const snap: CodeDeploySnapshot = await options.read();
      const rollbackId = snap.deployment.rollbackInfo?.rollbackDeploymentId;
      if (rollbackId && ['Failed', 'Stopped'].includes(snap.deployment.status ?? '')) snap.rollback = await options.readDeployment(rollbackId);
      last = snap;
      const evaluation = evaluateCodeDeploy(snap);
      wait = options.intervalMs;
      options.onSnapshot?.(evaluation, snap);
      if (evaluation.outcome) return result(evaluation.outcome, evaluation.reason);
    } catch (error) {
      // CreateDeployment already succeeded: a failed poll must not lose the outcome.
      const failure = pollFailure(error);
      if (failure.kind !== 'transient') return result('NOT_WAITED', `Stopped watching: ${failure.problem.message} The deployment goes on in CodeDeploy.`);
      wait = Math.min(Math.max(options.intervalMs * 8, 60_000), wait * 2);
    }
    const left = options.timeoutMs - (clock.now() - started);
    if (left <= 0) return result('TIMED_OUT', `Not finished after ${Math.round(options.timeoutMs / 1000)} s; the deployment goes on in CodeDeploy.`);
    await clock.sleep(Math.min(wait, left), options.signal);
  }
}
