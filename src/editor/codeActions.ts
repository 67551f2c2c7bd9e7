import * as vscode from 'vscode';
import type { TaskdefCore } from './core';
import { toTextEdit } from './convert';
import { type DefinitionDiagnostics, findCoreDiagnostic } from './diagnostics';

/**
 * Quick fixes from the core (`quickFixes`): strip read-only fields, unwrap describe output, set
 * networkMode awsvpc, nearest valid Fargate memory, add a missing volume, rename to the suggestion,
 * set executionRoleArn to one of the account's roles trusted by ECS tasks...
 */
export class DefinitionCodeActions implements vscode.CodeActionProvider {
  constructor(
    private readonly core: TaskdefCore,
    private readonly diagnostics: DefinitionDiagnostics,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const result = await this.diagnostics.resultFor(document);
    if (!result) return [];
    const service = await this.core.languageService();
    const actions = new Map<string, vscode.CodeAction>();
    for (const shown of context.diagnostics) {
      const diagnostic = findCoreDiagnostic(result, shown);
      if (!diagnostic) continue;
      for (const fix of await service.quickFixes(result.text, diagnostic, result.kind)) {
        // "Strip every read-only field" comes with each read-only diagnostic: offer it once.
        const known = actions.get(fix.title);
        if (known) {
          known.diagnostics!.push(shown);
          continue;
        }
        actions.set(fix.title, Object.assign(codeAction(document, fix), { diagnostics: [shown], isPreferred: fix.isPreferred }));
      }
    }
    // Not a problem, so no diagnostic: offered inside a container whose logs Show Logs cannot read.
    if (result.kind === 'task') {
      for (const fix of (await this.core.lib()).awslogsFixes(result.text, document.offsetAt(range.start), this.core.region())) actions.set(fix.title, codeAction(document, fix));
    }
    return [...actions.values()];
  }
}

function codeAction(document: vscode.TextDocument, fix: { title: string; edits: Parameters<typeof toTextEdit>[0][] }): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, fix.edits.map(toTextEdit));
  return action;
}
