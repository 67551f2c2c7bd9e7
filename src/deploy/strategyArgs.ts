/**
 * The deployment-strategy members of updateService's `deploymentConfiguration` argument, checked
 * with the same rules as the service-definition language (src/util/deploymentStrategy.ts) before
 * anything is sent. Rules that depend on the service (its load balancers, controller, Service
 * Connect, current strategy) run once it is described: updatePlan.ts strategyRefusal.
 */
import type { ecs as EcsTypes } from '../aws/sdk';
import type { ArgumentReader } from '../util/args';
import { DEPLOYMENT_STRATEGIES, LIFECYCLE_STAGES, pathText, strategyFindings, type DeploymentStrategy } from '../util/deploymentStrategy';

export interface StrategySettings {
  strategy?: DeploymentStrategy;
  bakeTimeInMinutes?: number;
  linearConfiguration?: { stepPercent?: number; stepBakeTimeInMinutes?: number };
  canaryConfiguration?: { canaryPercent?: number; canaryBakeTimeInMinutes?: number };
  lifecycleHooks?: EcsTypes.DeploymentLifecycleHook[];
}

export const STRATEGY_MEMBERS = ['strategy', 'bakeTimeInMinutes', 'linearConfiguration', 'canaryConfiguration', 'lifecycleHooks'];
export const STRATEGY_USAGE =
  'strategy?: ROLLING|BLUE_GREEN|LINEAR|CANARY, bakeTimeInMinutes?, linearConfiguration?: { stepPercent?, stepBakeTimeInMinutes? }, canaryConfiguration?: { canaryPercent?, canaryBakeTimeInMinutes? }, lifecycleHooks?: [{ targetType?: AWS_LAMBDA|PAUSE, hookTargetArn?, roleArn?, lifecycleStages, hookDetails?, timeoutConfiguration?: { timeoutInMinutes?, action?: CONTINUE|ROLLBACK } }]';

/** Rules that hold whatever the service: ranges, hooks. */
const SERVICE_FREE_RULES = new Set(['bake-time-range', 'linear-step-percent', 'canary-percent', 'lifecycle-hook-stages', 'pause-hook-stage', 'lambda-hook-fields']);

export function parseStrategySettings(dc: ArgumentReader): StrategySettings {
  const out: StrategySettings = { strategy: dc.oneOf('strategy', DEPLOYMENT_STRATEGIES), bakeTimeInMinutes: dc.int('bakeTimeInMinutes', 0, 1440, true) };
  const linear = dc.nested('linearConfiguration', ['stepPercent', 'stepBakeTimeInMinutes']);
  if (linear) out.linearConfiguration = { stepPercent: linear.number('stepPercent'), stepBakeTimeInMinutes: linear.number('stepBakeTimeInMinutes') };
  const canary = dc.nested('canaryConfiguration', ['canaryPercent', 'canaryBakeTimeInMinutes']);
  if (canary) out.canaryConfiguration = { canaryPercent: canary.number('canaryPercent'), canaryBakeTimeInMinutes: canary.number('canaryBakeTimeInMinutes') };
  out.lifecycleHooks = dc.array('lifecycleHooks', (item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) dc.fail(`lifecycleHooks[${i}] must be an object`);
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !['targetType', 'hookTargetArn', 'roleArn', 'lifecycleStages', 'hookDetails', 'timeoutConfiguration'].includes(k));
    if (unknown.length) dc.fail(`lifecycleHooks[${i}] has unknown member "${unknown[0]}"`);
    if (o.targetType !== undefined && o.targetType !== 'AWS_LAMBDA' && o.targetType !== 'PAUSE') dc.fail(`lifecycleHooks[${i}].targetType is AWS_LAMBDA or PAUSE`);
    for (const k of ['hookTargetArn', 'roleArn']) if (o[k] !== undefined && typeof o[k] !== 'string') dc.fail(`lifecycleHooks[${i}].${k} must be an ARN (string)`);
    if (!Array.isArray(o.lifecycleStages) || o.lifecycleStages.some((s) => !(LIFECYCLE_STAGES as readonly unknown[]).includes(s)))
      dc.fail(`lifecycleHooks[${i}].lifecycleStages is a list of ${LIFECYCLE_STAGES.join(', ')}`);
    const t = o.timeoutConfiguration as Record<string, unknown> | undefined;
    if (t !== undefined && (typeof t !== 'object' || t === null || (t.timeoutInMinutes !== undefined && !Number.isInteger(t.timeoutInMinutes)) || (t.action !== undefined && t.action !== 'CONTINUE' && t.action !== 'ROLLBACK')))
      dc.fail(`lifecycleHooks[${i}].timeoutConfiguration is { timeoutInMinutes?: whole minutes, action?: CONTINUE or ROLLBACK }`);
    return o as EcsTypes.DeploymentLifecycleHook;
  });
  const problems = strategyFindings({ deploymentConfiguration: out }).filter((f) => SERVICE_FREE_RULES.has(f.code));
  if (problems.length) dc.fail(problems.map((f) => `${pathText(f.path)}: ${f.message}`).join(' '));
  return out;
}
