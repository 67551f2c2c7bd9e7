import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadCostActions } from './loader';

/** What it costs: only the id is registered at activation; the model and the Price List reader load on first use. */
export function registerCostCommands(services: Services): void {
  registerCommand(services, 'ecsWorkbench.estimateCost', async (arg?: unknown) => (await loadCostActions()).estimateCostCommand(services, arg));
}
