/**
 * Which capacity provider of a strategy the next task runs on, as the API reference's
 * CapacityProviderStrategyItem describes it (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html):
 * "The minimum number of tasks specified by the base value are placed on that capacity provider",
 * then "additional tasks are distributed according to weight ratios" ("If capacityProviderA has
 * weight 1 and capacityProviderB has weight 4, then for every 1 task on A, 4 tasks will run on B"),
 * and "Capacity providers with weight of 0 cannot place tasks". Pure.
 */

export interface StrategyItem {
  capacityProvider: string;
  base?: number;
  weight?: number;
}

/**
 * The provider for the next task, given how many tasks (of the service, or of this RunTask call)
 * each provider runs already: the base first, then the provider furthest below its weighted share
 * of the tasks beyond the base (ties: the first in the strategy).
 */
export function nextCapacityProvider(strategy: readonly StrategyItem[], running: ReadonlyMap<string, number>): string | undefined {
  const count = (p: string): number => running.get(p) ?? 0;
  const based = strategy.find((s) => (s.base ?? 0) > 0);
  if (based && count(based.capacityProvider) < (based.base ?? 0)) return based.capacityProvider;
  const weighted = strategy.filter((s) => (s.weight ?? 0) > 0);
  if (!weighted.length) return strategy.length === 1 ? strategy[0].capacityProvider : undefined;
  const beyondBase = (s: StrategyItem): number => count(s.capacityProvider) - (s === based ? (based.base ?? 0) : 0);
  const total = weighted.reduce((n, s) => n + beyondBase(s), 0) + 1;
  const weights = weighted.reduce((n, s) => n + (s.weight ?? 0), 0);
  let best: StrategyItem | undefined;
  let bestGap = -Infinity;
  for (const s of weighted) {
    const gap = (total * (s.weight ?? 0)) / weights - beyondBase(s);
    if (gap > bestGap + 1e-9) {
      best = s;
      bestGap = gap;
    }
  }
  return best?.capacityProvider;
}

/** Providers for `n` more tasks, one by one, on top of what runs already. */
export function splitTasks(strategy: readonly StrategyItem[], n: number, running: ReadonlyMap<string, number> = new Map()): (string | undefined)[] {
  const counts = new Map(running);
  const out: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const p = nextCapacityProvider(strategy, counts);
    out.push(p);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return out;
}
