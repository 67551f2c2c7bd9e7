/**
 * The cost figures the surfaces show: a task definition's CodeLens, a service's tooltip rows and
 * its service page's Cost line, worded with the cost bundle's own formatters. The estimates come
 * from that bundle (dist/cost-actions.js, which also carries this file for the entry's one-line
 * hooks in index.ts): one price book per window, whichever bundle asks.
 */
import type { AwsScope } from '../../aws/clientManager';
import type { CostEstimate } from '../../cost/types';
import { HOURS_PER_MONTH } from '../../cost/types';
import type { ServiceCostEstimate } from '../../cost/estimator';
import type { Service } from '../../ecs/ecsReader';
import type { TaskCostFigure } from '../../editor/costLens';
import type { ServiceCostView } from '../../metrics/model';
import type { Services } from '../../services';
import { loadCostActions, type CostActions } from '../cost/loader';

type Formatters = Pick<CostActions, 'formatUsd' | 'describeSource'>;

/** The model's "cannot be priced" (no task-level cpu on Fargate, an EXTERNAL task…), recognised by name: the class lives in another bundle. */
export function isCostError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'CostError';
}

/** One task's month, from its hourly parts (also when the estimate is for no task at all). */
export function perTaskMonthly(estimate: CostEstimate): number {
  const p = estimate.perTask;
  return (p.vcpuHourly + p.memoryHourly + p.storageHourly + p.osHourly) * HOURS_PER_MONTH;
}

const tasks = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;

/** The lens of a task definition: "≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand", the source and notes in its tooltip. */
export async function taskCostFigure(services: Services, definition: unknown, scope: AwsScope): Promise<TaskCostFigure> {
  const cost = await loadCostActions();
  try {
    const { estimate, text } = await cost.windowCostEstimator(services).estimateTaskDefinition(definition, scope);
    return { title: text, tooltip: [`Prices: ${cost.describeSource(estimate)}, USD, 730 hours a month.`, ...estimate.notes].join('\n') };
  } catch (error) {
    if (isCostError(error)) return { title: `Cost: ${briefProblem(error.message)}`, tooltip: error.message };
    throw error;
  }
}

/** "add task-level "cpu" and "memory"": a problem short enough for a lens (its whole sentence goes in the tooltip). */
export function briefProblem(problem: string): string {
  const add = /\badd (.+?) at the top level\b/.exec(problem);
  if (add) return `add task-level ${add[1].replace(/\s*\([^)]*\)/g, '')}`;
  const first = problem.split(/[:.](?:\s|$)/)[0];
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/** "≈ $54.06/month (3 tasks × $18.02)", the auto-scaling range and where the prices came from. */
export function serviceCostView(format: Formatters, cost: ServiceCostEstimate): ServiceCostView {
  const { desired, scaling } = cost;
  const usd = format.formatUsd;
  return {
    figure: `≈ ${usd(desired.monthly)}/month (${tasks(desired.count)} × ${usd(perTaskMonthly(desired))})`,
    range: scaling && `${scaling.min.count}–${scaling.max.count} tasks: ${usd(scaling.min.monthly)}–${usd(scaling.max.monthly)}/month`,
    source: format.describeSource(desired),
    notes: desired.notes,
  };
}

/** A service's cost in its region, or what keeps it from being priced. Rejects when no price could be read. */
export async function readServiceCost(services: Services, scope: AwsScope, cluster: string, service: Service): Promise<ServiceCostView> {
  const cost = await loadCostActions();
  try {
    return serviceCostView(cost, await cost.windowCostEstimator(services).estimateService(scope, cluster, service));
  } catch (error) {
    if (isCostError(error)) return { problem: error.message };
    throw error;
  }
}

/** The tooltip's rows: `Cost` with figure and source, the auto-scaling range, each note. */
export function serviceCostRows(view: ServiceCostView): [string, string][] {
  if ('problem' in view) return [['Cost', `not estimated: ${view.problem}`]];
  const rows: [string, string][] = [['Cost', `${view.figure} · ${view.source}`]];
  if (view.range) rows.push(['Cost with auto scaling', view.range]);
  return [...rows, ...view.notes.map((note): [string, string] => ['Cost note', note])];
}
