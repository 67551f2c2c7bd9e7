import type * as vscode from 'vscode';
import type { TaskdefCore } from './core';
import { fromPosition, toHover } from './convert';
import { kindOf } from './languages';

/** AWS's documentation of the property or enum value under the cursor. */
export class DefinitionHover implements vscode.HoverProvider {
  constructor(private readonly core: TaskdefCore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const kind = kindOf(document);
    if (!kind) return undefined;
    const hover = await (await this.core.languageService()).hover(document.getText(), kind, fromPosition(position));
    return hover ? toHover(hover) : undefined;
  }
}
