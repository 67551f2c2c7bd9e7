/**
 * What an Update Service or a Scale costs, for the confirmation's detail: "3 → 5 tasks:
 * +$36.04/month", and per task when the new revision's cpu, memory or platform price differently.
 * The service is priced as it is and as it will be (the cost bundle, loaded on first use); a figure
 * that cannot be made says why in one line and never holds the confirmation back.
 */
import type { ServiceCostEstimate } from '../../cost/estimator';
import type { Service } from '../../deploy/ecsActions';
import type { UpdatePlan } from '../../deploy/updatePlan';
import { loadCostActions, type CostActions } from '../cost/loader';
import { isCostError, perTaskMonthly } from '../metrics/costFigures';
import type { DeployUi } from './context';
import type { ServiceTarget } from './targets';

type Formatters = Pick<CostActions, 'formatUsd' | 'describeSource'>;

/** The fields whose change moves the bill. */
const PRICED_FIELDS = ['desiredCount', 'taskDefinition', 'capacityProviderStrategy'] as const;

/** A cent or more: smaller differences are rounding. */
const moved = (a: number, b: number) => Math.abs(a - b) >= 0.005;

/** The lines for a move from `before` to `after` (the same service, as priced now and after the update). */
export function costChangeLines(format: Formatters, before: ServiceCostEstimate, after: ServiceCostEstimate): string[] {
  const usd = format.formatUsd;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${usd(n)}`;
  const [from, to] = [before.desired, after.desired];
  const [oldTask, newTask] = [perTaskMonthly(from), perTaskMonthly(to)];
  const lines: string[] = [];
  if (moved(oldTask, newTask)) lines.push(`Per task: ${usd(oldTask)} → ${usd(newTask)}/month (${signed(newTask - oldTask)})`);
  const tasks = from.count === to.count ? `${to.count} ${to.count === 1 ? 'task' : 'tasks'}` : `${from.count} → ${to.count} ${to.count === 1 ? 'task' : 'tasks'}`;
  if (from.count !== to.count && !moved(oldTask, newTask)) lines.push(`${tasks}: ${signed(to.monthly - from.monthly)}/month`);
  else if (moved(from.monthly, to.monthly)) lines.push(`${tasks}: ${usd(from.monthly)} → ${usd(to.monthly)}/month (${signed(to.monthly - from.monthly)})`);
  return lines.length ? [...lines, `Prices: ${format.describeSource(to)}, ${to.region}.`, ...to.notes] : [];
}

/** The cost lines of `plan` for the confirmation (none when it changes nothing that is billed). */
export async function costOfUpdate(ui: DeployUi, target: ServiceTarget, service: Service, plan: Pick<UpdatePlan, 'input'>): Promise<string[]> {
  const changes = Object.fromEntries(PRICED_FIELDS.filter((f) => plan.input[f] !== undefined).map((f) => [f, plan.input[f]]));
  if (!Object.keys(changes).length) return [];
  try {
    const cost = await loadCostActions();
    const estimator = cost.windowCostEstimator(ui.services);
    const [before, after] = await Promise.all([
      estimator.estimateService(target.scope, target.cluster, service),
      estimator.estimateService(target.scope, target.cluster, { ...service, ...changes }),
    ]);
    return costChangeLines(cost, before, after);
  } catch (error) {
    return [`Cost: not estimated (${isCostError(error) ? error.message : `the prices could not be read: ${error instanceof Error ? error.message : String(error)}`})`];
  }
}

/** The cost line of a service about to be created, for Create Service's summary. */
export async function costOfCreate(ui: DeployUi, target: Pick<ServiceTarget, 'scope' | 'cluster'>, service: Service): Promise<string[]> {
  try {
    const cost = await loadCostActions();
    const estimate = await cost.windowCostEstimator(ui.services).estimateService(target.scope, target.cluster, service);
    // A new service has no scaling target yet: the desired count's figure with its region, platform and rate.
    return [`Cost: ${cost.describeEstimate(estimate.desired, estimate.shape)}`, `Prices: ${cost.describeSource(estimate.desired)}, ${estimate.desired.region}.`, ...estimate.desired.notes];
  } catch (error) {
    return [`Cost: not estimated (${isCostError(error) ? error.message : `the prices could not be read: ${error instanceof Error ? error.message : String(error)}`})`];
  }
}
