import * as vscode from 'vscode';
import type { LiveItemData } from '../taskdef';
import type { TaskdefCore } from './core';
import { fromPosition, toCompletionItem } from './convert';
import { kindOf } from './languages';

/** Properties and enum values with AWS's documentation, snippets where they fit, and live values from the account. */
export class DefinitionCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"', ':'];
  /** What the core attached to an item (a repository URI's tags to read ahead), by the item shown. */
  private readonly data = new WeakMap<vscode.CompletionItem, LiveItemData>();

  constructor(private readonly core: TaskdefCore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    const kind = kindOf(document);
    if (!kind) return undefined;
    const service = await this.core.languageService();
    const list = await service.complete(document.getText(), kind, fromPosition(position));
    const items = list.items.map((item) => {
      const out = toCompletionItem(item);
      if (item.data) this.data.set(out, item.data as LiveItemData);
      return out;
    });
    return new vscode.CompletionList(items, list.isIncomplete);
  }

  /** The item the user is looking at: read its repository's tags now, so they are there when `:` is typed. */
  async resolveCompletionItem(item: vscode.CompletionItem): Promise<vscode.CompletionItem> {
    const data = this.data.get(item);
    if (data) (await this.core.languageService()).prefetch(data);
    return item;
  }
}
