/**
 * Polls one service with one DescribeServices per interval, and its service deployment with one
 * DescribeServiceDeployments, and feeds both to `evaluatePoll` until the watched deployment
 * finishes or pauses, the timeout passes or the caller cancels. A rolling deployment's service
 * deployment is read only when DescribeServices shows a change (or an end), so a rolling watch
 * costs no more calls per quiet poll than it did before. Time is injected (`clock`), so unit tests
 * drive it with the emulator's manual clock.
 */
import { describeAwsError, type AwsProblem } from '../aws/errors';
import { describeDeployment, evaluatePoll, type RolloutEvaluation, type RolloutMemory, type RolloutOutcome, type Service } from './rollout';
import { strategyOf } from '../ecs/serviceDeployments';
import type { ServiceDeployment } from './serviceDeploymentState';

export interface WatchClock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: WatchClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export interface WatchOptions {
  /** One DescribeServices of the watched service. */
  describe(): Promise<Service>;
  /** One DescribeServiceDeployments of the watched service deployment; undefined when it cannot be read. */
  describeServiceDeployment?(): Promise<ServiceDeployment | undefined>;
  /** Only the service deployment's status ends the watch, for every strategy (a rollback or a continue being followed). */
  serviceDeploymentDecides?: boolean;
  deploymentId: string;
  /** Events that existed before the watch began: not reported. */
  knownEventIds?: string[];
  intervalMs: number;
  timeoutMs: number;
  clock?: WatchClock;
  signal?: AbortSignal;
  onSnapshot?(evaluation: RolloutEvaluation, service: Service): void | Promise<void>;
  /** Longest wait between polls while AWS throttles or fails for a moment. */
  maxBackoffMs?: number;
  /**
   * The credentials expired mid-watch: resolves `resume` once they work again (the user signed in),
   * or `stop`. Without it the watch ends there, saying so.
   */
  onPause?(problem: AwsProblem): Promise<'resume' | 'stop'>;
}

/** What a failed poll means for the watch: try again later, wait for a sign-in, or stop. */
export function pollFailure(error: unknown): { kind: 'transient' | 'credentials' | 'permanent'; problem: AwsProblem } {
  const problem = describeAwsError(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? 0;
  if (problem.kind === 'throttled' || problem.kind === 'network' || status >= 500 || /^(ServerException|ServiceUnavailable|InternalFailure|InternalError|RequestTimeout)/.test(problem.code ?? '')) return { kind: 'transient', problem };
  if (problem.kind === 'expired-token' || problem.kind === 'sso-expired' || problem.kind === 'no-credentials') return { kind: 'credentials', problem };
  return { kind: 'permanent', problem };
}

export interface WatchResult {
  outcome: RolloutOutcome;
  reason?: string;
  /** True when the caller cancelled: the deployment goes on without us. */
  cancelled: boolean;
  polls: number;
  last?: RolloutEvaluation;
  /** The service deployment as last read. */
  lastServiceDeployment?: ServiceDeployment;
  elapsedMs: number;
}

/** Every poll for blue/green, linear and canary; for rolling, the first one and whenever DescribeServices shows a change or an end. */
function needsServiceDeployment(service: Service, now: RolloutEvaluation, before: RolloutEvaluation | undefined, deployment: ServiceDeployment | undefined): boolean {
  if (!before || !deployment || strategyOf(deployment, service.deploymentConfiguration?.strategy) !== 'ROLLING') return true;
  const counts = (e: RolloutEvaluation) => e.deployments.map(describeDeployment).join('\n');
  return now.outcome !== undefined || now.newEvents.length > 0 || counts(now) !== counts(before);
}

export async function watchRollout(options: WatchOptions): Promise<WatchResult> {
  const clock = options.clock ?? realClock;
  const started = clock.now();
  const maxBackoff = options.maxBackoffMs ?? Math.max(options.intervalMs * 8, 60_000);
  let memory: RolloutMemory | undefined;
  let last: RolloutEvaluation | undefined;
  let lastDeployment: ServiceDeployment | undefined;
  let polls = 0;
  let wait = options.intervalMs;
  const result = (outcome: RolloutOutcome, reason?: string, cancelled = false): WatchResult => ({ outcome, reason, cancelled, polls, last, lastServiceDeployment: lastDeployment, elapsedMs: clock.now() - started });

  for (;;) {
    if (options.signal?.aborted) return result('NOT_WAITED', 'Stopped watching; the deployment goes on in ECS.', true);
    try {
      polls++;
      const service = await options.describe();
      const known = options.knownEventIds ?? [];
      const alone = evaluatePoll(memory, service, options.deploymentId, known);
      if (options.describeServiceDeployment && (options.serviceDeploymentDecides || needsServiceDeployment(service, alone, last, lastDeployment))) lastDeployment = (await options.describeServiceDeployment()) ?? lastDeployment;
      last = lastDeployment ? evaluatePoll(memory, service, options.deploymentId, known, { deployment: lastDeployment, nowMs: clock.now(), decides: options.serviceDeploymentDecides }) : alone;
      memory = last.memory;
      wait = options.intervalMs;
      await options.onSnapshot?.(last, service);
      if (last.outcome) return result(last.outcome, last.reason);
    } catch (error) {
      // UpdateService already succeeded: a poll that fails must not lose the outcome.
      const failure = pollFailure(error);
      const stopped = `Stopped watching deployment ${options.deploymentId}: ${failure.problem.message} The deployment goes on in ECS.`;
      if (failure.kind === 'permanent') return result('NOT_WAITED', stopped);
      if (failure.kind === 'credentials') {
        const next = options.onPause ? await options.onPause(failure.problem) : 'stop';
        if (next === 'stop' || options.signal?.aborted) return result('NOT_WAITED', stopped, true);
        continue;
      }
      // Throttled, 5xx, a dropped connection or a timeout even after the SDK's retries: poll less
      // often rather than give up, until the watch's own deadline.
      wait = Math.min(maxBackoff, wait * 2);
    }
    const left = options.timeoutMs - (clock.now() - started);
    if (left <= 0) return result('TIMED_OUT', `Not finished after ${Math.round(options.timeoutMs / 1000)} s; the deployment goes on in ECS.`);
    await clock.sleep(Math.min(wait, left), options.signal);
  }
}
