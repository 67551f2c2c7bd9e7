import type * as vscode from 'vscode';
import type { TaskdefCore } from './core';
import { fromRange, toDocumentSymbol, toFoldingRange, toTextEdit } from './convert';
import { kindOf } from './languages';

/**
 * What JSON files have and definitions must keep: outline, folding and formatting, from the same
 * JSON language service the core wraps (no extra server).
 */
export class DefinitionOutline implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider, vscode.DocumentRangeFormattingEditProvider, vscode.DocumentFormattingEditProvider {
  constructor(private readonly core: TaskdefCore) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const kind = kindOf(document);
    if (!kind) return [];
    return (await this.core.languageService()).documentSymbols(document.getText(), kind).map(toDocumentSymbol);
  }

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const kind = kindOf(document);
    if (!kind) return [];
    return (await this.core.languageService()).foldingRanges(document.getText(), kind).map(toFoldingRange);
  }

  provideDocumentFormattingEdits(document: vscode.TextDocument, options: vscode.FormattingOptions): Promise<vscode.TextEdit[]> {
    return this.format(document, undefined, options);
  }

  provideDocumentRangeFormattingEdits(document: vscode.TextDocument, range: vscode.Range, options: vscode.FormattingOptions): Promise<vscode.TextEdit[]> {
    return this.format(document, range, options);
  }

  private async format(document: vscode.TextDocument, range: vscode.Range | undefined, options: vscode.FormattingOptions): Promise<vscode.TextEdit[]> {
    const kind = kindOf(document);
    if (!kind) return [];
    const edits = (await this.core.languageService()).format(document.getText(), kind, range && fromRange(range), { tabSize: options.tabSize, insertSpaces: options.insertSpaces });
    return edits.map(toTextEdit);
  }
}
