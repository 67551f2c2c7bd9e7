import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadMetricsPage } from './pageLoader';

/** Show Metrics (the service page): only the id at activation; the page and the metrics core load on first use. */
export function registerMetricsCommands(services: Services): void {
  registerCommand(services, 'ecsWorkbench.showServiceMetrics', async (arg?: unknown) => (await loadMetricsPage()).showServiceMetrics(services, arg));
}
