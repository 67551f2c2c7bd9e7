import * as vscode from 'vscode';
import type { ClientManager } from '../aws/clientManager';
import { isArgumentObject, readArgs } from '../util/args';
import { DESCRIBE_SCHEME } from '../util/schemes';
import type { TaskdefCore } from './core';
import { documentFromArgument } from './documentArgument';
import { TASK_LANGUAGE, kindOf } from './languages';

export const EDIT_AS_NEW_REVISION_COMMAND = 'ecsWorkbench.editAsNewRevision';
const USAGE = '{ uri: string } or { family: string, revision: number }';

/**
 * "Edit as New Revision": a registered revision (its read-only describe document, `{ uri }`, or
 * `{ family, revision, region?, profile? }` read with DescribeTaskDefinition) as an untitled task
 * definition without the read-only fields, its tags kept, ready for Register.
 */
export async function editAsNewRevision(core: TaskdefCore, clients: ClientManager, arg: unknown): Promise<{ uri: string }> {
  let text: string;
  if (isArgumentObject(arg) && arg.family !== undefined) {
    const args = readArgs('editAsNewRevision', USAGE, arg, ['family', 'revision']);
    const family = args.string('family');
    const revision = args.int('revision', 1, Number.MAX_SAFE_INTEGER);
    const { sdk, client: ecs } = await clients.clientWithSdk('ecs', args.scope());
    const out = await ecs.send(new sdk.ecs.DescribeTaskDefinitionCommand({ taskDefinition: `${family}:${revision}`, include: ['TAGS'] }));
    text = JSON.stringify({ taskDefinition: out.taskDefinition, tags: out.tags }, null, 2);
  } else {
    const { document } = await documentFromArgument('editAsNewRevision', arg, { usage: USAGE, members: [] });
    if (kindOf(document) !== 'task') throw new Error('Edit as New Revision works on a task definition (language "ECS Task Definition"): open a revision from the ECS explorer.');
    text = document.getText();
  }
  const content = (await core.lib()).newRevisionText(text);
  const copy = await vscode.workspace.openTextDocument({ language: TASK_LANGUAGE, content });
  await vscode.window.showTextDocument(copy);
  return { uri: copy.uri.toString() };
}

/** On a revision the explorer opened (read-only describe output): the way to change it. */
export class RevisionDocumentLens implements vscode.CodeLensProvider {
  static readonly selector: vscode.DocumentSelector = { language: TASK_LANGUAGE, scheme: DESCRIBE_SCHEME };

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: '$(edit) Edit as New Revision',
        command: EDIT_AS_NEW_REVISION_COMMAND,
        arguments: [document.uri],
        tooltip: 'An editable copy without the read-only fields (ARN, revision, status…), ready to register',
      }),
    ];
  }
}
