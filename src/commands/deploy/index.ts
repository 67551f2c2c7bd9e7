import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import type { DeployCommandName } from './actions';
import { loadDeployActions } from './actionsLoader';

const NAMES: DeployCommandName[] = [
  'registerTaskDefinition',
  'updateService',
  'deploy',
  'watchService',
  'scaleService',
  'restartService',
  'stopTask',
  'runTask',
  'deregisterTaskDefinition',
  'rollbackDeployment',
  'stopServiceDeployment',
  'continueDeployment',
  'createCluster',
  'deleteCluster',
  'deleteService',
  'createService',
];

/**
 * Register, update, deploy and watch, scale, restart, stop, run, deregister: palette, explorer menus,
 * argument objects. Only the ids are registered at activation; the implementations load on first use.
 */
export function registerDeployCommands(services: Services): void {
  for (const name of NAMES) {
    registerCommand(services, `ecsWorkbench.${name}`, async (arg?: unknown) => (await loadDeployActions()).runDeployCommand(services, name, arg));
  }
}
