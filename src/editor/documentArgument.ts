import * as vscode from 'vscode';
import { isArgumentObject } from '../commands/registerCommand';

/**
 * The document an editor command acts on: `{ file }` (a path) or `{ uri }` (a string) from a
 * programmatic caller or a CodeLens, a Uri from a menu, else the active editor's.
 */
export async function documentFromArgument(arg: unknown): Promise<vscode.TextDocument> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (isArgumentObject(arg)) {
    if (typeof arg.file === 'string') return vscode.workspace.openTextDocument(vscode.Uri.file(arg.file));
    if (typeof arg.uri === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    if (arg.file !== undefined || arg.uri !== undefined) throw new Error('Expected { file: "/path/to/file.json" } or { uri: "file:///..." }.');
  }
  const active = vscode.window.activeTextEditor?.document;
  if (!active) throw new Error('Open a task or service definition first.');
  return active;
}
