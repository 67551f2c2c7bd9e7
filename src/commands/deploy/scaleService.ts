import { parseScaleArgs } from '../../deploy/args';
import { integerInput } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { sendUpdate } from './sendUpdate';
import { serviceTarget, targetOf } from './targets';
import { updateResult, type UpdateResult } from './updateService';

/** Scale Service: desiredCount alone (no task definition, so no iam:PassRole). */
export async function scaleService(ui: DeployUi, arg: unknown): Promise<Pick<UpdateResult, 'serviceArn' | 'deploymentId' | 'region'> | undefined> {
  if (isArgumentObject(arg)) {
    const { desiredCount, ...ref } = parseScaleArgs(arg);
    const target = targetOf(ui, ref);
    return updateResult(target, await sendUpdate(ui, target, { desiredCount }, { interactive: false, wait: false, verb: 'Scale' }), false);
  }
  const target = await serviceTarget(ui, arg);
  const service = await ui.actions(target.scope).describeService(target.cluster, target.service);
  const desiredCount = await integerInput(`Desired count of ${target.service} (now ${service.desiredCount ?? 0}, ${service.runningCount ?? 0} running)`, service.desiredCount, 0, 100000);
  return updateResult(target, await sendUpdate(ui, target, { desiredCount }, { interactive: true, wait: true, verb: 'Scale' }, service), false);
}
