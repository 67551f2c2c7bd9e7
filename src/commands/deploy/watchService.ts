import { parseServiceRef } from '../../deploy/args';
import { finishUpdate } from '../../deploy/deployFlow';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { notifyIfPaused, report } from './report';
import { pointAt } from './sendUpdate';
import { serviceTarget, targetOf } from './targets';
import { serviceDeploymentResult, withWatch, type ServiceDeploymentResult } from './watchUi';
import { scalingInProgress } from '../../deploy/scaling';

/** Watch the service's PRIMARY deployment until it completes or fails (read-only: allowed in Restricted Mode). */
export async function watchService(ui: DeployUi, arg: unknown): Promise<{ deploymentId: string; outcome: string; reason?: string; region: string } & ServiceDeploymentResult> {
  const target = isArgumentObject(arg) ? targetOf(ui, parseServiceRef('watchService', arg)) : await serviceTarget(ui, arg, 'Watch Deployment');
  const actions = ui.actions(target.scope);
  const service = await actions.describeService(target.cluster, target.service);
  // The revision to offer a roll back to: what the older (ACTIVE) deployment still runs.
  const previousTaskDefinition = service.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition ?? '';
  const scaling = scalingInProgress(service);
  const result = await withWatch(ui, `Watching ${target.service}`, target, true, undefined, (hooks) =>
    finishUpdate(actions, target, service, hooks, { previousTaskDefinition, registered: false }),
    scaling,
  );
  if (!isArgumentObject(arg)) report(ui, target, result, pointAt(ui), scaling);
  else notifyIfPaused(ui, target, result);
  return { deploymentId: result.deploymentId, outcome: result.outcome, reason: result.reason, region: target.scope.region, ...serviceDeploymentResult(result) };
}
