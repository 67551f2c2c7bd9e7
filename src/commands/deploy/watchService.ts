import { parseServiceRef } from '../../deploy/args';
import { finishUpdate } from '../../deploy/deployFlow';
import { serviceTarget, type DeployUi, type ServiceTarget } from './common';
import { isArgumentObject } from '../../util/args';

/** Watch the service's PRIMARY deployment until it completes or fails (read-only: allowed in Restricted Mode). */
export async function watchService(ui: DeployUi, arg: unknown): Promise<{ deploymentId: string; outcome: string; reason?: string }> {
  const target: ServiceTarget = isArgumentObject(arg) ? parseServiceRef('watchService', arg) : await serviceTarget(ui, arg);
  const actions = ui.actions(target.region);
  const service = await actions.describeService(target.cluster, target.service);
  const result = await ui.withWatch(`Watching ${target.service}`, target, true, undefined, (hooks) =>
    finishUpdate(actions, target, service, hooks, { previousTaskDefinition: '', registered: false }),
  );
  if (!isArgumentObject(arg)) ui.report(target, result);
  return { deploymentId: result.deploymentId, outcome: result.outcome, reason: result.reason };
}
