import type { Services } from '../../services';
import { registerCommand } from '../registerCommand';
import type { DeployCommandName } from './actions';
import { loadDeployActions } from './actionsLoader';
import { isArgumentObject } from '../../util/args';

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
];

/**
 * Register, update, deploy and watch, scale, restart, stop, run, deregister: palette, explorer menus,
 * argument objects. Only the ids are registered at activation; the implementations load on first use.
 */
export function registerDeployCommands(services: Services): void {
  for (const name of NAMES) {
    registerCommand(services, `ecsWorkbench.${name}`, async (arg?: unknown) => (await loadDeployActions()).runDeployCommand(services, name, arg));
  }
  // Test seam for Restricted Mode: can only restrict further than VS Code's own workspace trust.
  registerCommand(services, 'ecsWorkbench.simulateRestrictedMode', async (arg?: unknown) => {
    const on = isArgumentObject(arg) && typeof arg.restricted === 'boolean' ? arg.restricted : undefined;
    if (on === undefined) throw new Error('simulateRestrictedMode expects { restricted: boolean }.');
    (await loadDeployActions()).setSimulatedRestrictedMode(on);
    return { restricted: on };
  });
}
