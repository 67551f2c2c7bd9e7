import * as path from 'path';
import * as vscode from 'vscode';
import type { ClientManager } from '../aws/clientManager';
import type { TaskdefCore } from './core';
import { documentFromArgument } from './documentArgument';
import { kindOf } from './languages';

export const DEFINITION_SCHEME = 'ecs-workbench-definition';

/** Read-only virtual documents (normalised definitions) for the diff editor. */
export class DefinitionDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  put(uriPath: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DEFINITION_SCHEME, path: uriPath });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface DiffResult {
  family: string;
  revision: number;
  left: string;
  right: string;
}

/**
 * "Diff with latest ACTIVE revision": DescribeTaskDefinition of the document's family, both sides
 * normalised (keys sorted, read-only fields and API defaults dropped), in VS Code's diff editor.
 */
export async function diffWithLatestRevision(core: TaskdefCore, clients: ClientManager, documents: DefinitionDocuments, arg: unknown): Promise<DiffResult> {
  const { document, args } = await documentFromArgument('diffWithLatestRevision', arg);
  const scope = args?.scope();
  if (kindOf(document) !== 'task') throw new Error('Diff with the latest ACTIVE revision works on task definitions (language "ECS Task Definition").');
  const lib = await core.lib();
  const parsed: unknown = lib.parseJsonc(document.getText());
  const family = lib.normalizeDefinition(parsed, 'task').family;
  if (typeof family !== 'string' || !family) throw new Error('This task definition has no "family": nothing to compare with.');
  const { sdk, client: ecs } = await clients.clientWithSdk('ecs', scope);
  const out = await ecs.send(new sdk.ecs.DescribeTaskDefinitionCommand({ taskDefinition: family, include: ['TAGS'] }));
  const revision = out.taskDefinition?.revision ?? 0;
  const left = documents.put(`/${family}:${revision}.json`, lib.normalizedText({ taskDefinition: out.taskDefinition, tags: out.tags }, 'task'));
  const name = path.basename(document.fileName);
  const right = documents.put(`/local${document.uri.path}`, lib.normalizedText(parsed, 'task'));
  await vscode.commands.executeCommand('vscode.diff', left, right, `${family}:${revision} (ACTIVE) ↔ ${name} (normalised)`, { preview: true });
  return { family, revision, left: left.toString(), right: right.toString() };
}
