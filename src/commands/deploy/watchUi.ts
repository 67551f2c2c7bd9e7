import * as vscode from 'vscode';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { AwsProblem } from '../../aws/errors';
import type { ApplyHooks, DeployResult } from '../../deploy/deployFlow';
import { stoppedTaskLine } from '../../deploy/ecsActions';
import { describeDeployment } from '../../deploy/rollout';
import { progressText } from '../../deploy/serviceDeploymentState';
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
    let lastProgress = '';
    let lastGuards = '';
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
              const sd = evaluation.serviceDeployment?.progress;
              // `canary 10% · bake 4:12 left`: logged when it changes other than the timer.
              const stage = sd ? progressText(sd) : '';
              if (stage.replace(/\d+:\d\d left/, '') !== lastProgress) ui.log(`service deployment: ${stage}`);
              lastProgress = stage.replace(/\d+:\d\d left/, '');
              if (sd?.guards && sd.guards !== lastGuards) ui.log(`can roll back: ${sd.guards}`);
              lastGuards = sd?.guards ?? '';
              const countsText = w ? `${w.running}/${w.desired} running, ${w.pending} pending, ${w.failed} failed` : '';
              if (w && scaling) progress.report({ message: `${w.running}/${scaling.to} running, ${w.pending} pending` });
              else if (sd && sd.strategy !== 'ROLLING') progress.report({ message: [stage, countsText, sd.guards].filter(Boolean).join(' · ') });
              else if (w) progress.report({ message: `${revisionLabel(w.taskDefinition)}: ${countsText}${w.rolloutState ? ` · ${w.rolloutState}` : ''}` });
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
  else ui.log(`${target.service}: ${result.outcome}${result.status ? ` (${result.strategy ?? 'ROLLING'} ${result.status})` : ''}${result.reason ? ` — ${result.reason}` : ''}${result.elapsedMs !== undefined ? ` (${Math.round(result.elapsedMs / 1000)} s, ${result.polls} polls)` : ''}`);
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

/** What deploy and watchService results add from the service deployment (undefined members left out). */
export interface ServiceDeploymentResult {
  strategy?: string;
  serviceDeploymentArn?: string;
  status?: string;
  hookId?: string;
  lifecycleStage?: string;
}

export function serviceDeploymentResult(result: DeployResult): ServiceDeploymentResult {
  const { strategy, serviceDeploymentArn, status, hookId, lifecycleStage } = result;
  const all: ServiceDeploymentResult = { strategy, serviceDeploymentArn, status, hookId, lifecycleStage };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}
