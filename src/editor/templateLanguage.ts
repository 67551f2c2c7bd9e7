import * as vscode from 'vscode';
import type { TaskdefCore } from './core';
import { fromPosition, toCompletionItem, toHover } from './convert';
import { mayBeTemplate } from './templateDiagnostics';

/** CloudFormation property names (and their AWS documentation) inside a template's ECS resources. */
export class TemplateCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"'];

  constructor(private readonly core: TaskdefCore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    if (!mayBeTemplate(document)) return undefined;
    const lib = await this.core.lib();
    const text = document.getText();
    if (!lib.looksLikeTemplate(text)) return undefined;
    const list = lib.templateCompletions(text, fromPosition(position));
    return list.items.length ? new vscode.CompletionList(list.items.map(toCompletionItem), list.isIncomplete) : undefined;
  }
}

/** AWS's documentation of the property under the cursor in a template's ECS resource. */
export class TemplateHover implements vscode.HoverProvider {
  constructor(private readonly core: TaskdefCore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!mayBeTemplate(document)) return undefined;
    const lib = await this.core.lib();
    const text = document.getText();
    if (!lib.looksLikeTemplate(text)) return undefined;
    const hover = lib.templateHover(text, fromPosition(position));
    return hover ? toHover(hover) : undefined;
  }
}
