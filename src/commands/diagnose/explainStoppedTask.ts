// "Why did it stop?" — a bundle of its own (dist/diagnose.js), required on first use through
// loader.ts, so activation does not evaluate it.
import type * as vscode from 'vscode';
import { resourceName, shortTaskId } from '../../aws/arn';
import type { Scope } from '../../aws/clientManager';
import { explainStoppedTask, type Explanation } from '../../diagnose/explain';
import { explanationMarkdown } from '../../diagnose/report';
import { containerLogTail } from '../../logs/logTail';
import type { Services } from '../../services';
import { pickCluster, pickStoppedTask } from '../../ui/ecsPickers';
import { isArgumentObject, readArgs } from '../../util/args';
import { nodeOf } from '../deploy/targets';

export { stopCauseWords } from '../../diagnose/stopCause';

const COMMAND = 'ecsWorkbench.explainStoppedTask';
const USAGE = '{ cluster: string, task: string (ARN or id), open?: boolean }';

export interface ExplainResult {
  cause: Explanation['cause'];
  summary: string;
  fixes: string[];
  exitCodes: Record<string, number>;
  logTail: string[];
  docUrl: string;
  /** The report document, when one was opened (from the explorer, the palette, or `open: true`). */
  uri?: string;
}

/**
 * From a stopped task's node (its region and profile), the palette (cluster, then stopped task) or
 * an argument object (no UI unless `open: true`). Opens a read-only Markdown report.
 */
export async function explainStoppedTaskCommand(services: Services, arg: unknown): Promise<ExplainResult | undefined> {
  let target: { cluster: string; task: string; scope: Scope; open: boolean };
  if (isArgumentObject(arg)) {
    const args = readArgs(COMMAND, USAGE, arg, ['cluster', 'task', 'open']);
    target = { cluster: args.string('cluster'), task: args.string('task'), scope: args.scope(), open: args.bool('open') ?? false };
  } else {
    const node = nodeOf<{ task: { taskArn?: string; clusterArn?: string } }>(arg, 'task');
    const scope = node?.resource?.scope ?? services.clientManager.resolve();
    const cluster = node?.task.clusterArn ?? (await pickCluster(services.clientManager, scope));
    const task = node?.task.taskArn ?? (await pickStoppedTask(services.clientManager, scope, cluster, 'Why did this task stop?'));
    target = { cluster, task, scope, open: true };
  }
  const clients = services.clientManager;
  const e = await explainStoppedTask(clients, target.scope, target.cluster, target.task, (task, taskDefinition, container, lines) => containerLogTail(clients, target.scope, task, container, lines, taskDefinition));
  services.log.info(`${COMMAND}: ${resourceName(e.taskArn)} stopped because ${e.words} (${e.cause})`);
  const editor: vscode.TextEditor | undefined = target.open ? await services.documents.openText(`why-${shortTaskId(e.taskArn)}-stopped.md`, explanationMarkdown(e), 'markdown') : undefined;
  return { cause: e.cause, summary: e.summary, fixes: e.fixes, exitCodes: e.exitCodes, logTail: e.logTail, docUrl: e.docUrl, uri: editor?.document.uri.toString() };
}
