import type { Services } from '../../services';
import { isArgumentObject, registerCommand } from '../registerCommand';
import { DeployUi, setSimulatedRestrictedMode } from './common';
import { deploy } from './deploy';
import { deregisterTaskDefinition } from './deregisterTaskDefinition';
import { registerTaskDefinition } from './registerTaskDefinition';
import { restartService } from './restartService';
import { runTask } from './runTask';
import { scaleService } from './scaleService';
import { stopTask } from './stopTask';
import { updateService } from './updateService';
import { watchService } from './watchService';

/** Register, update, deploy and watch, scale, restart, stop, run, deregister: palette, explorer menus, argument objects. */
export function registerDeployCommands(services: Services): void {
  const ui = new DeployUi(services);
  const commands: Record<string, (ui: DeployUi, arg: unknown) => Promise<unknown>> = {
    registerTaskDefinition,
    updateService,
    deploy,
    watchService,
    scaleService,
    restartService,
    stopTask,
    runTask,
    deregisterTaskDefinition,
  };
  for (const [name, run] of Object.entries(commands)) registerCommand(services, `ecsWorkbench.${name}`, (arg?: unknown) => run(ui, arg));
  // Test seam for Restricted Mode: can only restrict further than VS Code's own workspace trust.
  registerCommand(services, 'ecsWorkbench.simulateRestrictedMode', (arg?: unknown) => {
    const on = isArgumentObject(arg) && typeof arg.restricted === 'boolean' ? arg.restricted : undefined;
    if (on === undefined) throw new Error('simulateRestrictedMode expects { restricted: boolean }.');
    setSimulatedRestrictedMode(on);
    return { restricted: on };
  });
}
