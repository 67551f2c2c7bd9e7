import * as vscode from 'vscode';
import { revisionLabel, shortTaskId } from '../../aws/arn';
import type { DeployResult, HalfAppliedError } from '../../deploy/deployFlow';
import { stoppedTaskLine } from '../../deploy/ecsActions';
import { requireTrust } from '../../ui/trust';
import type { DeployUi } from './context';
import type { ServiceTarget } from './targets';
import { scaledText, type Scaling } from '../../deploy/scaling';
import { notifyPausedDeployment } from './pausedNotification';

const WHY = 'Why Did It Stop?';

/** Points the target service at a revision and watches it: what *Roll back* and *Retry update* run. */
export type PointAt = (target: ServiceTarget, taskDefinition: string) => Promise<DeployResult | undefined>;

/**
 * Tells a person how a deploy or update ended; on failure offers to roll back to the revision the
 * service ran before (when ECS has not already done so), in the target's own profile and region.
 */
export function report(ui: DeployUi, target: ServiceTarget, result: DeployResult, pointAt: PointAt, scaling?: Scaling): void {
  const revision = revisionLabel(result.taskDefinitionArn);
  const scaled = scaling && scaledText(target.service, scaling, result);
  if (scaled) {
    void vscode.window.showInformationMessage(`${scaled}.`, 'Show Output').then((choice) => choice && ui.output.show(true));
    return;
  }
  if (result.cancelled) {
    void vscode.window.showInformationMessage(`Stopped watching ${target.service}. The deployment of ${revision} goes on in ECS.`);
    return;
  }
  if (result.outcome === 'NOT_WAITED' && result.reason) {
    // The watch could not go on (e.g. access to DescribeServices was lost): the deployment did.
    void vscode.window.showWarningMessage(`${target.service}: ${result.reason}`, 'Show Output').then((choice) => choice && ui.output.show(true));
    return;
  }
  if (notifyIfPaused(ui, target, result)) return;
  if (result.outcome === 'STOPPED') {
    void vscode.window.showWarningMessage(`${target.service}: the deployment of ${revision} was stopped. ${result.reason ?? ''}`, 'Show Output').then((choice) => choice && ui.output.show(true));
    return;
  }
  if (result.outcome === 'COMPLETED' || result.outcome === 'NOT_WAITED') {
    const how = result.outcome === 'COMPLETED' ? `completed${result.elapsedMs !== undefined ? ` in ${Math.round(result.elapsedMs / 1000)} s` : ''}` : 'started';
    void vscode.window.showInformationMessage(`${target.service}: deployment of ${revision} ${how}.`, 'Show Output').then((choice) => choice && ui.output.show(true));
    return;
  }
  const previous = revisionLabel(result.previousTaskDefinition);
  // A CODE_DEPLOY service cannot be pointed back through UpdateService: CodeDeploy rolls it back.
  const canRollBack = result.outcome !== 'ROLLED_BACK' && !result.codeDeployDeploymentId && previous && previous !== revision;
  const rollBack = `Roll back to ${previous}`;
  const reasons = (result.stoppedTasks ?? []).slice(0, 3).map(stoppedTaskLine);
  const what = result.outcome === 'TIMED_OUT' ? 'did not finish in time' : result.outcome === 'ROLLED_BACK' ? 'failed and was rolled back' : 'failed';
  const message = `${target.service}: deployment of ${revision} ${what}. ${result.reason ?? ''}${reasons.length ? ` Stopped tasks: ${reasons.join(' | ')}` : ''}`;
  // The newest stopped task first (ecsActions.stoppedTasks): the one "Why did it stop?" explains.
  const newest = result.stoppedTasks?.find((t) => t.taskArn);
  const why = newest ? [WHY] : [];
  if (newest) ui.log(`Why did it stop? ${shortTaskId(newest.taskId)}: ${newest.cause ?? newest.stoppedReason} (ECS: Why Did It Stop? explains it)`);
  void vscode.window.showErrorMessage(message, ...why, ...(canRollBack ? [rollBack] : []), 'Show Logs', 'Show Output').then((choice) => {
    if (choice === 'Show Output') ui.output.show(true);
    if (choice === 'Show Logs') void vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: target.cluster, service: target.service, region: target.scope.region, profile: target.scope.profile ?? '' });
    if (choice === WHY && newest) void vscode.commands.executeCommand('ecsWorkbench.explainStoppedTask', { cluster: target.cluster, task: newest.taskArn, region: target.scope.region, profile: target.scope.profile ?? '', open: true });
    if (choice === rollBack) follow(ui, target, result.previousTaskDefinition, pointAt);
  });
}

/** A PAUSE hook holds the deployment: the paused notification (Continue, Roll back, Show logs). True when raised. */
export function notifyIfPaused(ui: DeployUi, target: ServiceTarget, result: DeployResult): boolean {
  const hook = result.outcome === 'PAUSED' ? result.serviceDeployment?.lifecycleHookDetails?.find((h) => h.hookId === result.hookId) : undefined;
  if (!hook || !result.serviceDeployment) return false;
  notifyPausedDeployment({ scope: target.scope, cluster: target.cluster, service: target.service, deployment: result.serviceDeployment, hook }, ui.clients);
  return true;
}

/** Nothing half-applied: the new revision exists and the service is unchanged; offer to point it there again. */
export function offerRetry(ui: DeployUi, target: ServiceTarget, error: HalfAppliedError, pointAt: PointAt): void {
  const retry = `Retry update with ${revisionLabel(error.taskDefinitionArn)}`;
  void vscode.window.showErrorMessage(error.message, retry).then((choice) => {
    if (choice === retry) follow(ui, target, error.taskDefinitionArn, pointAt);
  });
}

function follow(ui: DeployUi, target: ServiceTarget, taskDefinition: string, pointAt: PointAt): void {
  requireTrust('ecsWorkbench.updateService', vscode.workspace.isTrusted);
  pointAt(target, taskDefinition).then(
    (result) => result && report(ui, target, result, pointAt),
    (error: unknown) => void vscode.window.showErrorMessage(`${target.service}: ${error instanceof Error ? error.message : String(error)}`),
  );
}
