import { parseServiceRef } from '../../deploy/args';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { sendUpdate } from './sendUpdate';
import { serviceTarget, targetOf } from './targets';
import { updateResult, type UpdateResult } from './updateService';

/** Restart Service: a new deployment of the same configuration (forceNewDeployment). */
export async function restartService(ui: DeployUi, arg: unknown): Promise<Pick<UpdateResult, 'serviceArn' | 'deploymentId' | 'region'> | undefined> {
  const interactive = !isArgumentObject(arg);
  const target = isArgumentObject(arg) ? targetOf(ui, parseServiceRef('restartService', arg)) : await serviceTarget(ui, arg, 'Restart');
  return updateResult(target, await sendUpdate(ui, target, { forceNewDeployment: true }, { interactive, wait: interactive, verb: 'Restart' }), false);
}
