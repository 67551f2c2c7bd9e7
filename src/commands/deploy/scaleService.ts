import { parseScaleArgs } from '../../deploy/args';
import { integerInput, requireTrust, serviceTarget, type DeployUi } from './common';
import { sendUpdate, type UpdateResult } from './updateService';
import { isArgumentObject } from '../../util/args';

/** Scale Service: desiredCount alone (no task definition, so no iam:PassRole). */
export async function scaleService(ui: DeployUi, arg: unknown): Promise<Pick<UpdateResult, 'serviceArn' | 'deploymentId'> | undefined> {
  requireTrust('Scaling a service');
  if (isArgumentObject(arg)) {
    const { cluster, service, desiredCount } = parseScaleArgs(arg);
    return sendUpdate(ui, { cluster, service }, { desiredCount }, { interactive: false, wait: false, verb: 'Scale' });
  }
  const target = await serviceTarget(ui, arg);
  const service = await ui.actions(target.region).describeService(target.cluster, target.service);
  const desiredCount = await integerInput(`Desired count of ${target.service} (now ${service.desiredCount ?? 0}, ${service.runningCount ?? 0} running)`, service.desiredCount, 0, 100000);
  return sendUpdate(ui, target, { desiredCount }, { interactive: true, wait: true, verb: 'Scale' }, service);
}
