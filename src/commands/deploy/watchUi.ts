import * as vscode from 'vscode';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { ApplyHooks, DeployResult } from '../../deploy/deployFlow';
import { stoppedTaskLine } from '../../deploy/ecsActions';
import { describeDeployment } from '../../deploy/rollout';
import type { DeployUi } from './context';
import type { ServiceTarget } from './targets';

/**
 * Runs an update or deploy under a cancellable progress notification, writing the rollout to the
 * "ECS Deployments" output: deployments when their counts change, new service events, stopped tasks.
 */
export async function withWatch(
  ui: DeployUi,
  title: string,
  target: ServiceTarget,
  wait: boolean,
  timeoutSeconds: number | undefined,
  run: (hooks: ApplyHooks) => Promise<DeployResult>,
): Promise<DeployResult> {
  ui.output.show(true);
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
            onSnapshot: (evaluation) => {
              for (const e of evaluation.newEvents) ui.log(`event ${e.at.toISOString().slice(11, 19)}: ${e.message}`);
              const counts = evaluation.deployments.map(describeDeployment).join('\n    ');
              if (counts !== lastCounts) ui.log(`deployments:\n    ${counts}`);
              lastCounts = counts;
              const w = evaluation.watched;
              if (w) progress.report({ message: `${revisionLabel(w.taskDefinition)}: ${w.running}/${w.desired} running, ${w.pending} pending, ${w.failed} failed${w.rolloutState ? ` · ${w.rolloutState}` : ''}` });
            },
            onStoppedTasks: (tasks) => tasks.forEach((t) => ui.log(`stopped task ${stoppedTaskLine(t)}`)),
          }
        : undefined,
    };
    try {
      const result = await run(hooks);
      logOutcome(ui, target, result);
      return result;
    } finally {
      cancel.dispose();
    }
  });
}

function logOutcome(ui: DeployUi, target: ServiceTarget, result: DeployResult): void {
  if (result.cancelled) ui.log(`Stopped watching ${target.service}: the deployment ${result.deploymentId} goes on in ECS.`);
  else ui.log(`${target.service}: ${result.outcome}${result.reason ? ` — ${result.reason}` : ''}${result.elapsedMs !== undefined ? ` (${Math.round(result.elapsedMs / 1000)} s, ${result.polls} polls)` : ''}`);
  for (const t of result.stoppedTasks ?? []) ui.log(`stopped task ${stoppedTaskLine(t)}`);
}
