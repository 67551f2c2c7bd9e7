import type { RolloutOutcome } from '../../deploy/rollout';
import { parseRollbackArgs } from '../../deploy/serviceDeploymentArgs';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { confirmDeploymentAction, deploymentTarget, followAfter } from './serviceDeploymentTarget';

export interface RollbackResult {
  serviceDeploymentArn: string;
  stopType: 'ROLLBACK';
  outcome?: RolloutOutcome;
  reason?: string;
}

/** Roll Back: StopServiceDeployment ROLLBACK of the deployment named (default: the one in progress); watched when `wait` or interactive. */
export async function rollbackDeployment(ui: DeployUi, arg: unknown): Promise<RollbackResult | undefined> {
  const target = await deploymentTarget(ui, arg, 'Roll Back Deployment', parseRollbackArgs);
  const wait = isArgumentObject(arg) ? parseRollbackArgs(arg).wait : true;
  if (target.interactive && !(await confirmDeploymentAction(ui, target, 'Roll back the deployment of', 'Roll Back'))) return undefined;
  const arn = await ui.actions(target.scope).stopServiceDeployment(target.cluster, target.service, target.deployment.serviceDeploymentArn ?? '', 'ROLLBACK');
  ui.log(`Roll back ${target.service}: StopServiceDeployment ROLLBACK ${arn}`);
  if (!wait) return { serviceDeploymentArn: arn, stopType: 'ROLLBACK' };
  const result = await followAfter(ui, target, arn, `Rolling back ${target.service}`);
  return { serviceDeploymentArn: arn, stopType: 'ROLLBACK', outcome: result.outcome, reason: result.reason };
}
