import * as vscode from 'vscode';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { AwsProblem } from '../../aws/errors';
import type { ApplyHooks, DeployResult } from '../../deploy/deployFlow';
import { stoppedTaskLine } from '../../deploy/ecsActions';
import { describeDeployment } from '../../deploy/rollout';
import { scaledText, type Scaling } from '../../deploy/scaling';
import type { DeployUi } from './context';
import type { ServiceTarget } from './targets';

/**
 * Runs an update or deploy under a cancellable progress notification, writing the rollout to the
 * "ECS Deployments" output (not opened: the notifications offer it): deployments when their counts
 * change, service events since the watch began, stopped tasks. Each poll also redraws the service in
 * the explorer.
 */
export async function withWatch(
  ui: DeployUi,
  title: string,
  target: ServiceTarget,
  wait: boolean,
  timeoutSeconds: number | undefined,
  run: (hooks: ApplyHooks) => Promise<DeployResult>,
  scaling?: Scaling,
): Promise<DeployResult> {
  ui.log(`${title} (cluster ${resourceName(target.cluster)}, ${await ui.where(target.scope)})`);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: wait }, async (progress, token) => {
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    let lastCounts = '';
    const hooks: ApplyHooks = {
      onStep: (message) => {
        progress.report({ message });
        ui.log(message);
      },
      watch: wait
        ? {
            ...ui.watchSettings(timeoutSeconds),
            signal: controller.signal,
            onSnapshot: (evaluation, service) => {
              void ui.services.explorer.applyChange({ kind: 'service', scope: target.scope, cluster: target.cluster, service: target.service, snapshot: service });
              for (const e of evaluation.newEvents) ui.log(`event ${e.at.toISOString().slice(11, 19)}: ${e.message}`);
              const counts = evaluation.deployments.map(describeDeployment).join('\n    ');
              if (counts !== lastCounts) ui.log(`deployments:\n    ${counts}`);
              lastCounts = counts;
              const w = evaluation.watched;
              if (w && scaling) progress.report({ message: `${w.running}/${scaling.to} running, ${w.pending} pending` });
              else if (w) progress.report({ message: `${revisionLabel(w.taskDefinition)}: ${w.running}/${w.desired} running, ${w.pending} pending, ${w.failed} failed${w.rolloutState ? ` · ${w.rolloutState}` : ''}` });
            },
            onStoppedTasks: (tasks) => tasks.forEach((t) => ui.log(`stopped task ${stoppedTaskLine(t)}`)),
            onPause: (problem) => pauseForSignIn(ui, target, problem),
          }
        : undefined,
    };
    try {
      const result = await run(hooks);
      logOutcome(ui, target, result, scaling);
      return result;
    } finally {
      cancel.dispose();
    }
  });
}

function logOutcome(ui: DeployUi, target: ServiceTarget, result: DeployResult, scaling?: Scaling): void {
  const scaled = scaling && scaledText(target.service, scaling, result);
  if (result.cancelled) ui.log(`Stopped watching ${target.service}: the deployment ${result.deploymentId} goes on in ECS.`);
  else if (scaled) ui.log(scaled);
  else ui.log(`${target.service}: ${result.outcome}${result.reason ? ` — ${result.reason}` : ''}${result.elapsedMs !== undefined ? ` (${Math.round(result.elapsedMs / 1000)} s, ${result.polls} polls)` : ''}`);
  for (const t of result.stoppedTasks ?? []) ui.log(`stopped task ${stoppedTaskLine(t)}`);
}

/** Credentials expired mid-watch: the watch waits (the deployment goes on) until the user signs in again and resumes. */
async function pauseForSignIn(ui: DeployUi, target: ServiceTarget, problem: AwsProblem): Promise<'resume' | 'stop'> {
  ui.log(`Paused watching ${target.service}: ${problem.message}`);
  for (;;) {
    const signIn = problem.fix?.kind === 'sso-login' ? ['Sign In'] : [];
    const choice = await vscode.window.showWarningMessage(
      `Watching ${target.service} is paused: ${problem.title}. Sign in again, then Resume; the deployment goes on in ECS meanwhile.`,
      ...signIn,
      'Resume',
      'Stop Watching',
    );
    if (choice === 'Sign In') {
      await vscode.commands.executeCommand('ecsWorkbench.runInTerminal', { fix: 'sso-login', profile: target.scope.profile ?? '' });
      continue;
    }
    if (choice !== 'Resume') return 'stop';
    // Fresh credentials: the providers re-read the shared config and the SSO cache.
    ui.clients.invalidate();
    ui.log(`Resumed watching ${target.service}.`);
    return 'resume';
  }
}
