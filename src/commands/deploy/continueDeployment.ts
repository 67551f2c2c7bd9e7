import type { RolloutOutcome } from '../../deploy/rollout';
import { parseContinueArgs } from '../../deploy/serviceDeploymentArgs';
import { pick } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { confirmDeploymentAction, deploymentTarget, followAfter } from './serviceDeploymentTarget';

export interface ContinueResult {
  serviceDeploymentArn: string;
  hookId: string;
  outcome?: RolloutOutcome;
  reason?: string;
}

/**
 * Continue (or roll back) a deployment a PAUSE lifecycle hook holds: ContinueServiceDeployment for
 * the hook named, else the one awaiting action. Watched when `wait` or interactive.
 */
export async function continueDeployment(ui: DeployUi, arg: unknown): Promise<ContinueResult | undefined> {
  const args = isArgumentObject(arg) ? parseContinueArgs(arg) : undefined;
  const target = await deploymentTarget(ui, arg, 'Continue Deployment', parseContinueArgs);
  const hooks = target.deployment.lifecycleHookDetails ?? [];
  const wanted = args?.hookId ?? target.node?.hookId;
  const hook = wanted ? hooks.find((h) => h.hookId === wanted) : hooks.find((h) => h.status === 'AWAITING_ACTION');
  if (!hook?.hookId) throw new Error(wanted ? `Lifecycle hook ${wanted} is not part of the deployment of ${target.service} (${target.deployment.serviceDeploymentArn}).` : `No lifecycle hook of the deployment of ${target.service} awaits action (${target.deployment.status}, ${target.deployment.lifecycleStage ?? 'no stage'}).`);
  let action = args?.action ?? target.node?.action;
  if (target.interactive) {
    action ??= await pick([{ label: 'Continue', description: 'go on to the next stage', value: 'CONTINUE' as const }, { label: 'Roll back', description: 'return to the previous revision', value: 'ROLLBACK' as const }], `Paused deployment of ${target.service}`);
    if (!target.node?.confirmed && !(await confirmDeploymentAction(ui, target, action === 'CONTINUE' ? 'Continue the paused deployment of' : 'Roll back the paused deployment of', action === 'CONTINUE' ? 'Continue' : 'Roll Back'))) return undefined;
  }
  action ??= 'CONTINUE';
  const arn = await ui.actions(target.scope).continueServiceDeployment(target.cluster, target.service, target.deployment.serviceDeploymentArn ?? '', hook.hookId, action);
  ui.log(`${action === 'CONTINUE' ? 'Continue' : 'Roll back'} ${target.service}: ContinueServiceDeployment ${action} hook ${hook.hookId} of ${arn}`);
  if (!(args ? args.wait : true)) return { serviceDeploymentArn: arn, hookId: hook.hookId };
  const result = await followAfter(ui, target, arn, `${action === 'CONTINUE' ? 'Continuing' : 'Rolling back'} ${target.service}`);
  return { serviceDeploymentArn: arn, hookId: hook.hookId, outcome: result.outcome, reason: result.reason };
}
