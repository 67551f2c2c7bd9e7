import * as vscode from 'vscode';
import { resourceName, shortTaskId } from '../../aws/arn';
import { checkExecReadiness } from '../../exec/readiness';
import { readinessMarkdown } from '../../exec/readinessReport';
import type { ExecTarget, ReadinessAction, ReadinessReport } from '../../exec/types';
import type { Services } from '../../services';
import { runSteps } from '../../ui/steps';
import { isArgumentObject, readArgs } from '../../util/args';
import { ServiceToEnable } from './enableExecuteCommand';
import { execState, execTargetOf, readTarget, TARGET_MEMBERS, targetSteps } from './target';

const COMMAND = 'ecsWorkbench.checkExecReadiness';
const USAGE = '{ cluster, task (ARN or id), container?, open?: boolean }';

/** The report document's name: the task's (and container's). */
function reportName(target: ExecTarget): string {
  return `ecs-exec-readiness-${shortTaskId(target.task)}${target.container ? `-${target.container}` : ''}.md`;
}

/** A button for each thing the extension can fix itself; the command it runs asks before it changes anything. */
function actionButtons(report: ReadinessReport): Map<string, ReadinessAction> {
  const buttons = new Map<string, ReadinessAction>();
  for (const c of report.checks) {
    if (!c.ok && c.action?.kind === 'enable-execute-command') buttons.set(`Enable ECS Exec on ${c.action.service}`, c.action);
  }
  return buttons;
}

/** The report in a read-only Markdown document, and, when not ready, a notification with its fixes. */
async function showReport(services: Services, target: ExecTarget, report: ReadinessReport): Promise<vscode.TextEditor> {
  const clients = services.clientManager;
  const scope = clients.resolve(target.scope);
  const account = await clients.callerIdentity(scope).then((i) => i.account, () => undefined);
  const markdown = readinessMarkdown(report, { cluster: resourceName(target.cluster), task: shortTaskId(target.task), container: target.container, region: scope.region, account });
  const editor = await services.documents.openText(reportName(target), markdown, 'markdown');
  if (!report.ready) {
    const failed = report.checks.filter((c) => !c.ok);
    const buttons = actionButtons(report);
    const more = failed.length > 1 ? ` (${failed.length - 1} more in the report)` : '';
    const message = `ECS Exec is not ready for task ${shortTaskId(target.task)}: ${failed[0].message}${more}`;
    void vscode.window.showWarningMessage(message, ...buttons.keys()).then((choice) => {
      const action = choice ? buttons.get(choice) : undefined;
      if (action) void vscode.commands.executeCommand('ecsWorkbench.enableExecuteCommand', new ServiceToEnable(action.cluster, action.service, scope));
    });
  }
  return editor;
}

/**
 * `ecsWorkbench.checkExecReadiness`: from a task or container node (its scope), the palette
 * (cluster, task, container) or `{ cluster, task, container?, region?, profile? }` (no UI, unless
 * `open: true` asks for the report document). Returns `{ ready, checks }`.
 */
export async function checkExecReadinessCommand(services: Services, arg?: unknown): Promise<ReadinessReport | undefined> {
  const clients = services.clientManager;
  let target: ExecTarget;
  let open = true;
  if (isArgumentObject(arg)) {
    const args = readArgs(COMMAND, USAGE, arg, [...TARGET_MEMBERS, 'open']);
    target = readTarget(clients, args);
    open = args.bool('open') ?? false;
  } else {
    const state = execState(clients, arg);
    // From a node the task is known; a task with several containers is checked whole.
    target = execTargetOf(state.fromNode ? state : await runSteps('Check ECS Exec Readiness', targetSteps(clients), state));
  }
  const title = `Checking ECS Exec readiness of task ${shortTaskId(target.task)}…`;
  const report = open ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => checkExecReadiness(clients, target)) : await checkExecReadiness(clients, target);
  services.log.info(`${COMMAND}: task ${target.task}${target.container ? ` container ${target.container}` : ''}: ${report.ready ? 'ready' : `not ready (${report.checks.filter((c) => !c.ok).map((c) => c.id).join(', ')})`}`);
  if (open) await showReport(services, target, report);
  return report;
}
