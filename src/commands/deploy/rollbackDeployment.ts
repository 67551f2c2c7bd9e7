import * as vscode from 'vscode';
import { resourceName } from '../../aws/arn';
import { stopAndRollBack, activeCodeDeployment } from '../../deploy/codeDeploy/rollback';
import type { RolloutOutcome } from '../../deploy/rollout';
import { parseRollbackArgs } from '../../deploy/serviceDeploymentArgs';
import { confirm } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { confirmDeploymentAction, deploymentTarget, followAfter, resolveService, type ResolvedService } from './serviceDeploymentTarget';

export interface RollbackResult {
  serviceDeploymentArn?: string;
  stopType: 'ROLLBACK';
  outcome?: RolloutOutcome;
  reason?: string;
  /** CODE_DEPLOY services: the CodeDeploy deployment stopped and rolled back, and its rollback deployment. */
  codeDeployDeploymentId?: string;
  rollbackDeploymentId?: string;
}

/**
 * Roll Back: StopServiceDeployment ROLLBACK of the deployment named (default: the one in progress);
 * for a CODE_DEPLOY service, StopDeployment with autoRollbackEnabled of its CodeDeploy deployment in
 * progress, or the one a CodeDeploy deployment node shows. Watched when `wait` or interactive.
 */
export async function rollbackDeployment(ui: DeployUi, arg: unknown): Promise<RollbackResult | undefined> {
  const resolved = await resolveService(ui, arg, 'Roll Back Deployment', parseRollbackArgs);
  const wait = isArgumentObject(arg) ? parseRollbackArgs(arg).wait : true;
  if (resolved.snapshot.deploymentController?.type === 'CODE_DEPLOY') return rollBackCodeDeploy(ui, resolved, wait);
  const target = await deploymentTarget(ui, arg, 'Roll Back Deployment', parseRollbackArgs, resolved);
  if (target.interactive && !(await confirmDeploymentAction(ui, target, 'Roll back the deployment of', 'Roll Back'))) return undefined;
  const arn = await ui.actions(target.scope).stopServiceDeployment(target.cluster, target.service, target.deployment.serviceDeploymentArn ?? '', 'ROLLBACK');
  ui.log(`Roll back ${target.service}: StopServiceDeployment ROLLBACK ${arn}`);
  if (!wait) return { serviceDeploymentArn: arn, stopType: 'ROLLBACK' };
  const result = await followAfter(ui, target, arn, `Rolling back ${target.service}`);
  return { serviceDeploymentArn: arn, stopType: 'ROLLBACK', outcome: result.outcome, reason: result.reason };
}

async function rollBackCodeDeploy(ui: DeployUi, target: ResolvedService, wait: boolean | undefined): Promise<RollbackResult | undefined> {
  const codeDeploy = ui.actions(target.scope).codeDeploy();
  const deploymentId = target.codeDeployDeploymentId ?? (await activeCodeDeployment(codeDeploy, target.cluster, target.service));
  const question = `Stop CodeDeploy deployment ${deploymentId} of service ${target.service} in cluster ${resourceName(target.cluster)} (${await ui.where(target.scope)}) and roll back?`;
  if (target.interactive && !(await confirm(question, 'CodeDeploy sends production traffic back to the original task set.', 'Stop and Roll Back'))) return undefined;
  ui.log(`Roll back ${target.service}: CodeDeploy StopDeployment ${deploymentId} with autoRollbackEnabled`);
  const run = (onProgress?: (line: string) => void, signal?: AbortSignal) =>
    stopAndRollBack(codeDeploy, { cluster: target.cluster, service: target.service, deploymentId, wait: wait === false ? undefined : { ...ui.watchSettings(), signal, onProgress } });
  const result = target.interactive
    ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Rolling back ${target.service}`, cancellable: true }, (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return run((line) => {
          progress.report({ message: line });
          ui.log(line);
        }, controller.signal);
      })
    : await run((line) => ui.log(line));
  if (target.interactive) void vscode.window.showInformationMessage(`${target.service}: ${result.outcome ?? result.status ?? 'stop requested'}${result.reason ? ` — ${result.reason}` : ''}`);
  return { stopType: 'ROLLBACK', codeDeployDeploymentId: result.codeDeployDeploymentId, rollbackDeploymentId: result.rollbackDeploymentId, outcome: result.outcome, reason: result.reason };
}
