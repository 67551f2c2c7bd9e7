/**
 * What one ECS service deployment (DescribeServiceDeployments) says about a rollout of any strategy:
 * ROLLING, BLUE_GREEN, LINEAR or CANARY. Pure: the deployment, the time and what was seen before
 * in; the outcome (when final), the stage, the production traffic share, the bake time left, a
 * paused hook and what can still roll it back out. The watcher calls it once per poll.
 */
import type { ecs as EcsTypes } from '../aws/sdk';
import { pausedHook, strategyOf } from '../ecs/serviceDeployments';

export type ServiceDeployment = EcsTypes.ServiceDeployment;
export type HookDetail = EcsTypes.DeploymentLifecycleHookDetail;
export type ServiceDeploymentOutcome = 'COMPLETED' | 'FAILED' | 'ROLLED_BACK' | 'PAUSED' | 'STOPPED';

/** When the current stage (and traffic step) began, as first seen. */
export interface StageMemory {
  key: string;
  sinceMs: number;
}

export interface DeploymentProgress {
  serviceDeploymentArn: string;
  strategy: string;
  status: string;
  stage?: string;
  /** Production traffic share of the target revision, percent (blue/green, linear, canary). */
  productionPercent?: number;
  testPercent?: number;
  /** Bake time (or a linear/canary step's bake) left, when baking. */
  bakeLeftMs?: number;
  /** A PAUSE hook awaiting ContinueServiceDeployment. */
  pausedHook?: HookDetail;
  /** What can roll it back: `circuit breaker 1/3 failed · alarms api-5xx`; undefined when nothing watches. */
  guards?: string;
}

export interface DeploymentVerdict {
  outcome?: ServiceDeploymentOutcome;
  reason?: string;
  progress: DeploymentProgress;
  memory: StageMemory;
}

const MINUTE = 60_000;


/** The bake a stage waits for, in minutes: the final bake, or a canary's / linear step's bake between shifts. */
function bakeMinutes(d: ServiceDeployment, strategy: string, weight: number | undefined): number | undefined {
  const config = d.deploymentConfiguration;
  if (d.lifecycleStage === 'BAKE_TIME') return config?.bakeTimeInMinutes;
  const between = d.lifecycleStage === 'PRODUCTION_TRAFFIC_SHIFT' && weight !== undefined && weight > 0 && weight < 100;
  if (between && strategy === 'CANARY') return config?.canaryConfiguration?.canaryBakeTimeInMinutes;
  if (between && strategy === 'LINEAR') return config?.linearConfiguration?.stepBakeTimeInMinutes;
  return undefined;
}

function guardsOf(d: ServiceDeployment): string | undefined {
  const parts: string[] = [];
  const breaker = d.deploymentCircuitBreaker;
  if (breaker?.status === 'TRIGGERED') parts.push('circuit breaker triggered');
  else if (breaker?.status === 'MONITORING') parts.push(`circuit breaker ${breaker.failureCount ?? 0}/${breaker.threshold ?? '?'} failed`);
  const alarms = d.alarms;
  if (alarms?.triggeredAlarmNames?.length) parts.push(`alarm ${alarms.triggeredAlarmNames.join(', ')} triggered`);
  else if (alarms?.status === 'MONITORING' && alarms.alarmNames?.length) parts.push(`alarms ${alarms.alarmNames.join(', ')}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** `post test traffic shift` */
export function stageWords(stage: string | undefined): string {
  return (stage ?? '').toLowerCase().replace(/_/g, ' ');
}

export function evaluateServiceDeployment(previous: StageMemory | undefined, d: ServiceDeployment, nowMs: number, serviceStrategy?: string): DeploymentVerdict {
  const strategy = strategyOf(d, serviceStrategy);
  const productionPercent = d.targetServiceRevision?.requestedProductionTrafficWeight;
  const key = `${d.lifecycleStage ?? ''}|${productionPercent ?? ''}`;
  const updated = d.updatedAt?.getTime();
  const bake = bakeMinutes(d, strategy, productionPercent);
  // The stage began when the deployment last changed, if that fits the bake (a clock skewed from
  // AWS's would not); else when we first saw it.
  const plausible = updated !== undefined && updated <= nowMs && nowMs - updated <= (bake ?? 0) * MINUTE && updated >= (previous?.sinceMs ?? 0);
  const sinceMs = previous?.key === key ? previous.sinceMs : plausible ? updated : nowMs;
  const memory = { key, sinceMs };
  const paused = pausedHook(d);
  const progress: DeploymentProgress = {
    serviceDeploymentArn: d.serviceDeploymentArn ?? '',
    strategy,
    status: d.status ?? '',
    stage: d.lifecycleStage,
    productionPercent,
    testPercent: d.targetServiceRevision?.requestedTestTrafficWeight,
    bakeLeftMs: bake !== undefined ? Math.max(0, sinceMs + bake * MINUTE - nowMs) : undefined,
    pausedHook: paused,
    guards: guardsOf(d),
  };
  const verdict = (outcome: ServiceDeploymentOutcome, reason?: string): DeploymentVerdict => ({ outcome, reason, progress, memory });
  const why = d.rollback?.reason ?? d.statusReason;
  switch (d.status) {
    case 'SUCCESSFUL':
      return verdict('COMPLETED', d.statusReason);
    case 'ROLLBACK_SUCCESSFUL':
      return verdict('ROLLED_BACK', `${why ?? 'The deployment was rolled back'}; ECS rolled back to the previous service revision.`);
    case 'ROLLBACK_FAILED':
      return verdict('FAILED', `The rollback failed${why ? `: ${why}` : '.'}`);
    case 'STOPPED':
      return verdict('STOPPED', why ?? 'The deployment was stopped.');
  }
  if (paused && d.status === 'IN_PROGRESS') {
    const when = paused.expiresAt ? ` at ${clockTime(paused.expiresAt)}` : '';
    const then = paused.timeoutAction ? `ECS will ${paused.timeoutAction === 'CONTINUE' ? 'continue' : 'roll back'}${when}` : `it times out${when}`;
    return verdict('PAUSED', `A lifecycle hook paused the deployment at ${stageWords(d.lifecycleStage)}: continue or roll back; otherwise ${then}.`);
  }
  return { progress, memory };
}

/** `12:30:05 UTC` */
function clockTime(at: Date): string {
  return `${at.toISOString().slice(11, 19)} UTC`;
}

/** `4:12` */
export function minutesSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const STRATEGY_WORDS: Record<string, string> = { ROLLING: 'rolling', BLUE_GREEN: 'blue/green', LINEAR: 'linear', CANARY: 'canary' };

/**
 * One line for the progress notification and the output: `canary 10% · bake 4:12 left`,
 * `blue/green · test traffic shift`, `linear 50% · bake 0:40 left`, `blue/green · paused at post
 * test traffic shift (roll back at 12:30:05 UTC)`, `rolling · ROLLBACK_IN_PROGRESS`.
 */
export function progressText(p: DeploymentProgress): string {
  const name = STRATEGY_WORDS[p.strategy] ?? p.strategy.toLowerCase();
  const shifting = p.strategy === 'LINEAR' || p.strategy === 'CANARY';
  const head = shifting && p.productionPercent !== undefined ? `${name} ${p.productionPercent}%` : name;
  const parts = [head];
  if (p.status && p.status !== 'IN_PROGRESS') parts.push(p.status);
  if (p.pausedHook) {
    const action = p.pausedHook.timeoutAction === 'CONTINUE' ? 'continue' : 'roll back';
    parts.push(`paused at ${stageWords(p.stage)}${p.pausedHook.expiresAt ? ` (${action} at ${clockTime(p.pausedHook.expiresAt)})` : ''}`);
  } else if (p.bakeLeftMs !== undefined) {
    parts.push(`bake ${minutesSeconds(p.bakeLeftMs)} left`);
  } else if (p.stage) {
    parts.push(stageWords(p.stage));
  }
  return parts.join(' · ');
}
