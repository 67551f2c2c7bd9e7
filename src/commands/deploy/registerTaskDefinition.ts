import * as vscode from 'vscode';
import { parseRegisterArgs } from '../../deploy/args';
import { DefinitionError, diagnosticLine, prepareRegistration } from '../../deploy/render';
import { loadTaskdef } from '../../editor/taskdefLoader';
import { revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { confirm } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';

export interface RegisterResult {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  region: string;
}

/**
 * `registerTaskDefinition()` registers the active editor's definition (a Uri from a menu, too):
 * errors block and open the Problems panel, warnings ask. `registerTaskDefinition({ file } | { definition })`
 * asks nothing: errors are refused with their positions, warnings do not stop it.
 */
export async function registerTaskDefinition(ui: DeployUi, arg: unknown): Promise<RegisterResult | undefined> {
  const interactive = !isArgumentObject(arg);
  let text: string;
  let fileName: string | undefined;
  let scope: AwsScope = ui.clients.resolve();
  if (isArgumentObject(arg)) {
    const args = parseRegisterArgs(arg);
    scope = ui.clients.resolve(args.scope);
    fileName = args.file;
    text = args.file ? new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(args.file))) : JSON.stringify(args.definition, null, 2);
  } else {
    const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    if (!document) throw new Error('Open a task definition (JSON) in the editor first.');
    text = document.getText();
    fileName = document.uri.fsPath;
  }
  const core = await loadTaskdef();
  let prepared;
  try {
    prepared = prepareRegistration(text, core, { fileName });
  } catch (error) {
    if (error instanceof DefinitionError) {
      ui.log(error.message);
      if (interactive) void vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    throw error;
  }
  if (interactive && prepared.warnings.length) {
    const detail = prepared.warnings.slice(0, 8).map(diagnosticLine).join('\n');
    const ok = await confirm(`${prepared.input.family}: ${prepared.warnings.length} warning${prepared.warnings.length === 1 ? '' : 's'}. Register anyway (${await ui.where(scope)})?`, detail, 'Register');
    if (!ok) return undefined;
  }
  const td = await ui.actions(scope).register(prepared.input);
  const result = { taskDefinitionArn: td.taskDefinitionArn!, family: td.family ?? '', revision: td.revision ?? 0, region: scope.region };
  ui.log(`Registered ${revisionLabel(result.taskDefinitionArn)} (${result.taskDefinitionArn})${prepared.warnings.length ? ` with ${prepared.warnings.length} warning(s)` : ''}`);
  if (interactive) void offerNext(ui, result, scope);
  return result;
}

async function offerNext(ui: DeployUi, result: RegisterResult, scope: AwsScope): Promise<void> {
  const label = `${result.family}:${result.revision}`;
  const choice = await vscode.window.showInformationMessage(`Registered ${label}.`, 'Deploy…', 'Open', 'Copy ARN');
  if (choice === 'Deploy…') await vscode.commands.executeCommand('ecsWorkbench.deploy', new DeployRevision(result.taskDefinitionArn, scope));
  if (choice === 'Copy ARN') await vscode.env.clipboard.writeText(result.taskDefinitionArn);
  if (choice === 'Open') {
    const out = await ui.actions(scope).describeTaskDefinition(result.taskDefinitionArn);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(out, null, 2) });
    await vscode.window.showTextDocument(document);
  }
}

/** "Deploy this revision": a class instance, so the deploy command treats it as UI input, not an argument object. */
export class DeployRevision {
  constructor(
    readonly taskDefinitionArn: string,
    readonly scope: AwsScope,
  ) {}
}
