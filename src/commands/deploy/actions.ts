// The deploy commands' implementations: a bundle of their own (dist/deploy-actions.js), required on
// the first deploy command through actionsLoader.ts, so activation does not evaluate them.
import type { Services } from '../../services';
import { DeployUi } from './context';
import { deploy } from './deploy';
import { deregisterTaskDefinition } from './deregisterTaskDefinition';
import { registerTaskDefinition } from './registerTaskDefinition';
import { restartService } from './restartService';
import { runTask } from './runTask';
import { scaleService } from './scaleService';
import { stopTask } from './stopTask';
import { updateService } from './updateService';
import { watchService } from './watchService';
import { rollbackDeployment } from './rollbackDeployment';
import { stopServiceDeployment } from './stopServiceDeployment';
import { continueDeployment } from './continueDeployment';
import { createCluster } from './createCluster';
import { deleteCluster } from './deleteCluster';
import { deleteService } from './deleteService';
import { createService } from './createService';

export const DEPLOY_COMMANDS = {
  registerTaskDefinition,
  updateService,
  deploy,
  watchService,
  scaleService,
  restartService,
  stopTask,
  runTask,
  deregisterTaskDefinition,
  rollbackDeployment,
  stopServiceDeployment,
  continueDeployment,
  createCluster,
  deleteCluster,
  deleteService,
  createService,
};

export type DeployCommandName = keyof typeof DEPLOY_COMMANDS;

let ui: DeployUi | undefined;

export function runDeployCommand(services: Services, name: DeployCommandName, arg: unknown): Promise<unknown> {
  ui ??= new DeployUi(services);
  return DEPLOY_COMMANDS[name](ui, arg);
}

// One copy of the "once per hook" memory: the tree's paused deployments are announced through this bundle too.
export { notifyPausedDeployment } from './pausedNotification';
