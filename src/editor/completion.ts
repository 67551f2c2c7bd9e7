import * as vscode from 'vscode';
import type { TaskdefCore } from './core';
import { fromPosition, toCompletionItem } from './convert';
import { kindOf } from './languages';

/** Properties and enum values with AWS's documentation, schema snippets, and live values from the account. */
export class DefinitionCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"', ':'];

  constructor(private readonly core: TaskdefCore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    const kind = kindOf(document);
    if (!kind) return undefined;
    const service = await this.core.languageService();
    const list = await service.complete(document.getText(), kind, fromPosition(position));
    return new vscode.CompletionList(list.items.map(toCompletionItem), list.isIncomplete);
  }
}
