// LSP-shaped results of the task-definition core (0-based plain data) -> vscode types.
import * as vscode from 'vscode';
import type { Position, Range } from '../taskdef';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, LspTextEdit } from '../taskdef/languageService';

type Markup = string | { kind: string; value: string } | { language: string; value: string };

export const toPosition = (p: Position): vscode.Position => new vscode.Position(p.line, p.character);
export const toRange = (r: Range): vscode.Range => new vscode.Range(toPosition(r.start), toPosition(r.end));
export const fromPosition = (p: vscode.Position): Position => ({ line: p.line, character: p.character });
export const fromRange = (r: vscode.Range): Range => ({ start: fromPosition(r.start), end: fromPosition(r.end) });
export const toTextEdit = (e: LspTextEdit): vscode.TextEdit => new vscode.TextEdit(toRange(e.range), e.newText);

/** Markdown (the schema's AWS documentation) stays markdown; plain text is escaped. */
export function toMarkdown(content: Markup | Markup[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  for (const part of Array.isArray(content) ? content : [content]) {
    if (md.value) md.appendMarkdown('\n\n');
    if (typeof part === 'string') md.appendMarkdown(part);
    else if ('language' in part) md.appendCodeblock(part.value, part.language);
    else if (part.kind === 'markdown') md.appendMarkdown(part.value);
    else md.appendText(part.value);
  }
  return md;
}

export function toCompletionItem(item: CompletionItem): vscode.CompletionItem {
  // LSP kinds are 1-based, vscode's 0-based, in the same order.
  const out = new vscode.CompletionItem(item.label, item.kind !== undefined ? item.kind - 1 : undefined);
  out.detail = item.detail;
  if (item.documentation !== undefined) out.documentation = toMarkdown(item.documentation);
  const text = item.textEdit?.newText ?? item.insertText ?? item.label;
  out.insertText = item.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
  const edit = item.textEdit;
  if (edit) out.range = 'range' in edit ? toRange(edit.range) : { inserting: toRange(edit.insert), replacing: toRange(edit.replace) };
  out.filterText = item.filterText;
  out.sortText = item.sortText;
  out.preselect = item.preselect;
  out.commitCharacters = item.commitCharacters;
  if (item.tags?.includes(1) || item.deprecated) out.tags = [vscode.CompletionItemTag.Deprecated];
  out.additionalTextEdits = item.additionalTextEdits?.map(toTextEdit);
  if (item.command) out.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  return out;
}

export function toHover(hover: Hover): vscode.Hover {
  return new vscode.Hover(toMarkdown(hover.contents as Markup | Markup[]), hover.range ? toRange(hover.range) : undefined);
}

export function toDocumentSymbol(s: DocumentSymbol): vscode.DocumentSymbol {
  const out = new vscode.DocumentSymbol(s.name, s.detail ?? '', s.kind - 1, toRange(s.range), toRange(s.selectionRange));
  out.children = (s.children ?? []).map(toDocumentSymbol);
  return out;
}

export function toFoldingRange(r: FoldingRange): vscode.FoldingRange {
  // Looked up per call, not in a module-level table: nothing of `vscode` is read while the bundle loads.
  const kind = { comment: vscode.FoldingRangeKind.Comment, imports: vscode.FoldingRangeKind.Imports, region: vscode.FoldingRangeKind.Region }[r.kind ?? ''];
  return new vscode.FoldingRange(r.startLine, r.endLine, kind);
}
