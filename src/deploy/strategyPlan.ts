/** The deployment-strategy lines of Update Service's "current → new" list, and the merged configuration ECS gets. */
import type { ecs as EcsTypes } from '../aws/sdk';
import type { StrategySettings } from './strategyArgs';

type Sub = (field: string, before: string, after: string) => void;

const minutes = (m: number | undefined) => (m === undefined ? '(not set)' : `${m} min`);
const linearText = (c: StrategySettings['linearConfiguration']) => (c ? `${c.stepPercent ?? 10}% steps · ${minutes(c.stepBakeTimeInMinutes ?? 6)} between` : '(not set)');
const canaryText = (c: StrategySettings['canaryConfiguration']) => (c ? `${c.canaryPercent ?? 5}% canary · ${minutes(c.canaryBakeTimeInMinutes ?? 10)} bake` : '(not set)');

/** `PAUSE at POST_TEST_TRAFFIC_SHIFT, Lambda check-green at PRE_SCALE_UP`. */
export function hooksText(hooks: EcsTypes.DeploymentLifecycleHook[] | undefined): string {
  if (!hooks?.length) return 'none';
  return hooks.map((h) => `${h.targetType === 'PAUSE' ? 'PAUSE' : `Lambda ${h.hookTargetArn?.replace(/^.*:function:/, '') ?? '?'}`} at ${(h.lifecycleStages ?? []).join('+')}`).join(', ');
}

/**
 * Adds the strategy members of `change` to `merged` (the configuration sent whole) with a line for
 * each that differs from `now`. A new strategy drops the other strategy's configuration: ECS takes
 * linearConfiguration only with LINEAR and canaryConfiguration only with CANARY.
 */
export function strategyChanges(now: EcsTypes.DeploymentConfiguration, change: StrategySettings, merged: EcsTypes.DeploymentConfiguration, sub: Sub): void {
  if (change.strategy !== undefined) {
    sub('strategy', now.strategy ?? 'ROLLING', change.strategy);
    merged.strategy = change.strategy;
    if (change.strategy !== 'LINEAR') delete merged.linearConfiguration;
    if (change.strategy !== 'CANARY') delete merged.canaryConfiguration;
  }
  if (change.bakeTimeInMinutes !== undefined) {
    sub('bakeTimeInMinutes', minutes(now.bakeTimeInMinutes), minutes(change.bakeTimeInMinutes));
    merged.bakeTimeInMinutes = change.bakeTimeInMinutes;
  }
  if (change.linearConfiguration) {
    sub('linearConfiguration', linearText(now.linearConfiguration), linearText(change.linearConfiguration));
    merged.linearConfiguration = change.linearConfiguration;
  }
  if (change.canaryConfiguration) {
    sub('canaryConfiguration', canaryText(now.canaryConfiguration), canaryText(change.canaryConfiguration));
    merged.canaryConfiguration = change.canaryConfiguration;
  }
  if (change.lifecycleHooks) {
    sub('lifecycleHooks', hooksText(now.lifecycleHooks), hooksText(change.lifecycleHooks));
    merged.lifecycleHooks = change.lifecycleHooks;
  }
}
