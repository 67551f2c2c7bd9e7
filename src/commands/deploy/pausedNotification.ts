import * as vscode from 'vscode';
import { resourceName } from '../../aws/arn';
import type { AwsScope, ClientManager } from '../../aws/clientManager';
import { whereText } from '../../ui/where';
import type { ecs } from '../../aws/sdk';
import { stageWords } from '../../deploy/serviceDeploymentState';
import type { PausedDeployment } from '../../explorer/explorerNode';


/**
 * What *Continue* and *Roll back* hand to ecsWorkbench.continueDeployment: shaped like an explorer
 * deployment node, with the hook and the action chosen. The button press on the notification (which
 * names the service, cluster, account, region, stage and timeout) is the confirmation: no second modal.
 */
export class PausedHookChoice {
  readonly kind = 'serviceDeployment';
  readonly scope: AwsScope;
  readonly cluster: string;
  readonly service: string;
  readonly deployment: ecs.ServiceDeployment;
  readonly hookId: string;
  readonly confirmed = true;
  constructor(
    paused: PausedDeployment,
    readonly action: 'CONTINUE' | 'ROLLBACK',
  ) {
    ({ scope: this.scope, cluster: this.cluster, service: this.service, deployment: this.deployment } = paused);
    this.hookId = paused.hook.hookId ?? '';
  }
}

const shown = new Set<string>();

/**
 * A deployment paused by a PAUSE lifecycle hook: says which service, at which stage and what ECS
 * does when the hook times out, with *Continue*, *Roll back* and *Show logs*. Once per hook per
 * session, whoever noticed it first (a deploy, a watch, the explorer).
 */
export function notifyPausedDeployment(paused: PausedDeployment, clients: ClientManager): void {
  const hookId = paused.hook.hookId;
  if (!hookId || shown.has(hookId)) return;
  shown.add(hookId);
  const { hook, deployment } = paused;
  const timeout = hook.expiresAt
    ? ` Unless someone acts, ECS will ${hook.timeoutAction === 'CONTINUE' ? 'continue' : 'roll back'} at ${hook.expiresAt.toISOString().slice(11, 19)} UTC.`
    : '';
  // The buttons act at once (they are the confirmation), so the message names the account too.
  void whereText(clients, paused.scope).then((where) => {
    const message = `${paused.service} (cluster ${resourceName(paused.cluster)}, ${where}): the deployment is paused at ${stageWords(deployment.lifecycleStage)}, waiting for a lifecycle hook.${timeout}`;
    return vscode.window.showWarningMessage(message, 'Continue', 'Roll Back', 'Show Logs');
  }).then((choice) => {
    if (choice === 'Continue' || choice === 'Roll Back') void vscode.commands.executeCommand('ecsWorkbench.continueDeployment', new PausedHookChoice(paused, choice === 'Continue' ? 'CONTINUE' : 'ROLLBACK'));
    if (choice === 'Show Logs') void vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: paused.cluster, service: paused.service, region: paused.scope.region, profile: paused.scope.profile ?? '' });
  });
}
