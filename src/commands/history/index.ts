import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadDeployActions } from '../deploy/actionsLoader';
import { loadHistoryActions } from './actionsLoader';

/**
 * The deployment history's commands (*List Service Deployments*, *Compare Revisions*) and the
 * paused-hook notification of a deployment the tree shows, the CodeDeploy history reader of a
 * CODE_DEPLOY service's Deployments folder: ids only at activation, the code on first use.
 */
export function registerHistoryCommands(services: Services): void {
  services.explorer.useCodeDeployHistory(async (scope, cluster, service) => (await loadHistoryActions()).readCodeDeployHistory(services.clientManager, scope, cluster, service));
  services.explorer.usePausedNotification((paused) => void loadDeployActions().then((actions) => actions.notifyPausedDeployment(paused, services.clientManager)));
  registerCommand(services, 'ecsWorkbench.listServiceDeployments', async (arg?: unknown) => (await loadHistoryActions()).listServiceDeployments(services, arg));
  registerCommand(services, 'ecsWorkbench.compareServiceRevisions', async (arg?: unknown) => (await loadHistoryActions()).compareServiceRevisions(services, arg));
}
