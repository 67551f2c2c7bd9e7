/**
 * A change of desiredCount alone is a scale: no new deployment, the PRIMARY one grows or shrinks.
 * It is reported as such, not as a deployment of the revision the service already runs.
 */
import type { Service } from './ecsActions';
import type { RolloutOutcome } from './rollout';

export interface Scaling {
  from: number;
  to: number;
}

/** The scale an UpdateService input makes, or undefined when it changes anything else too. */
export function scalingOf(service: Service, input: Record<string, unknown>): Scaling | undefined {
  const fields = Object.keys(input);
  return fields.length === 1 && typeof input.desiredCount === 'number' ? { from: service.desiredCount ?? 0, to: input.desiredCount } : undefined;
}

/** A service whose one deployment is done but whose count is moving: someone scaled it (or tasks are being replaced). */
export function scalingInProgress(service: Service): Scaling | undefined {
  const deployments = service.deployments ?? [];
  const running = service.runningCount ?? 0;
  const desired = service.desiredCount ?? 0;
  return deployments.length === 1 && deployments[0].rolloutState === 'COMPLETED' && running !== desired ? { from: running, to: desired } : undefined;
}

/** `web: 2 → 4 tasks, 4/4 running after 10 s`, or undefined when the scale did not complete. */
export function scaledText(service: string, scaling: Scaling, result: { outcome: RolloutOutcome; elapsedMs?: number }): string | undefined {
  if (result.outcome !== 'COMPLETED') return undefined;
  const after = result.elapsedMs !== undefined ? ` after ${Math.round(result.elapsedMs / 1000)} s` : '';
  return `${service}: ${scaling.from} → ${scaling.to} tasks, ${scaling.to}/${scaling.to} running${after}`;
}
