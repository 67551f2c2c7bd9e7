import type { AwsScope } from '../../aws/clientManager';
import type { TaskCostSource } from '../../editor/costLens';
import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadCostActions } from '../cost/loader';
import { loadMetricsPage } from './pageLoader';

/**
 * Show Metrics (the service page): only the id at activation; the page and the metrics core load on
 * first use. A service's tooltip gets its cost rows here (the cost bundle loads on the first hover).
 */
export function registerMetricsCommands(services: Services): void {
  registerCommand(services, 'ecsWorkbench.showServiceMetrics', async (arg?: unknown) => (await loadMetricsPage()).showServiceMetrics(services, arg));
  services.explorer.useServiceCosts(async (scope, cluster, service) => {
    const cost = await loadCostActions();
    return cost.serviceCostRows(await cost.readServiceCost(services, scope, cluster, service));
  });
}

/** The task-definition CodeLens's figure: the cost bundle loads when the first task definition shows its lenses. */
export function taskCostSource(services: Services): TaskCostSource {
  return async (definition: unknown, scope: AwsScope) => (await loadCostActions()).taskCostFigure(services, definition, scope);
}
