import { parseServiceRef } from '../../deploy/args';
import { requireTrust, serviceTarget, type DeployUi, type ServiceTarget } from './common';
import { sendUpdate, type UpdateResult } from './updateService';
import { isArgumentObject } from '../../util/args';

/** Restart Service: a new deployment of the same configuration (forceNewDeployment). */
export async function restartService(ui: DeployUi, arg: unknown): Promise<Pick<UpdateResult, 'serviceArn' | 'deploymentId'> | undefined> {
  requireTrust('Restarting a service');
  const interactive = !isArgumentObject(arg);
  const target: ServiceTarget = isArgumentObject(arg) ? parseServiceRef('restartService', arg) : await serviceTarget(ui, arg);
  return sendUpdate(ui, target, { forceNewDeployment: true }, { interactive, wait: interactive, verb: 'Restart' });
}
