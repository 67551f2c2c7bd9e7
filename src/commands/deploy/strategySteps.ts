/**
 * *Update Service…*'s deployment-strategy steps: the strategy, then its settings (bake time, linear
 * step or canary share and their bakes). Load balancers and lifecycle hooks stay as they are; a
 * strategy the service's load balancers cannot carry is refused here with what they need, before
 * any request.
 */
import type { Service } from '../../deploy/ecsActions';
import type { StrategySettings } from '../../deploy/strategyArgs';
import { planServiceUpdate, strategyRefusal } from '../../deploy/updatePlan';
import { input, integerInput, pick } from '../../ui/input';
import type { Step } from '../../ui/steps';
import { DEPLOYMENT_STRATEGIES, isTenthIn, shiftsTraffic, configuredStrategy, type DeploymentStrategy } from '../../util/deploymentStrategy';

export interface StrategyState {
  described?: Service;
  /** Whether the strategy is among the fields to change. */
  changesStrategy: boolean;
  strategy: StrategySettings;
}

/** What each strategy does, in a picker's detail line (Update Service, Create Service). */
export const STRATEGY_WORDS: Record<DeploymentStrategy, string> = {
  ROLLING: 'replace tasks in batches (minimum healthy / maximum percent)',
  BLUE_GREEN: 'start the new revision beside the old, test, then move all traffic',
  LINEAR: 'move production traffic in equal steps',
  CANARY: 'move a small share first, then the rest',
};

/** `CANARY · 10% · bake 3 min, then 5 min`: the service's strategy in one line. */
export function strategySummary(service: Service | undefined): string {
  const dc = service?.deploymentConfiguration ?? {};
  const strategy = configuredStrategy(dc);
  const parts: string[] = [strategy];
  if (strategy === 'LINEAR') parts.push(`${dc.linearConfiguration?.stepPercent ?? 10}% steps`);
  if (strategy === 'CANARY') parts.push(`${dc.canaryConfiguration?.canaryPercent ?? 5}% canary`);
  if (shiftsTraffic(strategy) && dc.bakeTimeInMinutes !== undefined) parts.push(`bake ${dc.bakeTimeInMinutes} min`);
  return parts.join(' · ');
}

/** Why the service cannot take `strategy` as it is (its load balancers, controller), or undefined. */
function refusalFor(service: Service, strategy: DeploymentStrategy): string | undefined {
  const bake = service.deploymentConfiguration?.bakeTimeInMinutes ?? 0;
  return strategyRefusal(service, planServiceUpdate(service, { deploymentConfiguration: { strategy, bakeTimeInMinutes: bake } }).input);
}

function decimalInput(view: Parameters<Step<unknown>['ask']>[0], current: number, min: number, prompt: string): Promise<number> {
  const valid = (v: string) => /^\d+(\.\d)?$/.test(v.trim()) && isTenthIn(Number(v), min, 100);
  return input(view, { value: String(current), prompt, validate: (v) => (valid(v) ? undefined : `A number from ${min.toFixed(1)} to 100.0 in steps of 0.1`) }).then(Number);
}

export function strategySteps<S extends StrategyState>(): Step<S>[] {
  const dc = (s: S) => s.described?.deploymentConfiguration ?? {};
  const chosen = (s: S) => s.strategy.strategy ?? configuredStrategy(dc(s));
  const when = (test: (strategy: string) => boolean) => (s: S) => s.changesStrategy && test(chosen(s));
  return [
    {
      title: 'Deployment strategy',
      when: (s) => s.changesStrategy,
      ask: async (view, s) => {
        const service = s.described!;
        const current = configuredStrategy(dc(s));
        const items = DEPLOYMENT_STRATEGIES.map((value) => {
          const blocked = shiftsTraffic(value) && refusalFor(service, value);
          return { label: value, description: value === current ? 'current' : blocked ? 'needs advancedConfiguration on the load balancers' : undefined, detail: STRATEGY_WORDS[value], value };
        });
        const strategy = await pick(items, view, 'Load balancers and lifecycle hooks stay as they are');
        const refusal = shiftsTraffic(strategy) ? refusalFor(service, strategy) : undefined;
        if (refusal) throw new Error(refusal);
        s.strategy = { strategy };
      },
    },
    {
      title: 'Bake time (minutes both revisions run after traffic moved)',
      when: when(shiftsTraffic),
      ask: async (view, s) => void (s.strategy.bakeTimeInMinutes = await integerInput(view, dc(s).bakeTimeInMinutes ?? 5, 0, 1440)),
    },
    {
      title: 'Linear step (percent of production traffic per step)',
      when: when((x) => x === 'LINEAR'),
      ask: async (view, s) => void (s.strategy.linearConfiguration = { stepPercent: await decimalInput(view, dc(s).linearConfiguration?.stepPercent ?? 10, 3, 'Each step moves this share of production traffic') }),
    },
    {
      title: 'Bake between linear steps (minutes)',
      when: when((x) => x === 'LINEAR'),
      ask: async (view, s) => void (s.strategy.linearConfiguration = { ...s.strategy.linearConfiguration, stepBakeTimeInMinutes: await integerInput(view, dc(s).linearConfiguration?.stepBakeTimeInMinutes ?? 6, 0, 1440) }),
    },
    {
      title: 'Canary share (percent of production traffic)',
      when: when((x) => x === 'CANARY'),
      ask: async (view, s) => void (s.strategy.canaryConfiguration = { canaryPercent: await decimalInput(view, dc(s).canaryConfiguration?.canaryPercent ?? 5, 0.1, 'The canary gets this share of production traffic first') }),
    },
    {
      title: 'Canary bake (minutes before the rest of the traffic moves)',
      when: when((x) => x === 'CANARY'),
      ask: async (view, s) => void (s.strategy.canaryConfiguration = { ...s.strategy.canaryConfiguration, canaryBakeTimeInMinutes: await integerInput(view, dc(s).canaryConfiguration?.canaryBakeTimeInMinutes ?? 10, 0, 1440) }),
    },
  ];
}
