import * as vscode from 'vscode';
import { isArgumentObject, readArgs, type ArgumentReader } from '../util/args';

const USAGE = '{ file: "/path/to/file.json" } or { uri: "file:///..." }';

/**
 * The document an editor command acts on: `{ file }` (a path) or `{ uri }` (a string) from a
 * programmatic caller or a CodeLens, a Uri from a menu, else the active editor's. `extra` names the
 * command's other members, read by the caller from the returned reader.
 */
export async function documentFromArgument(
  command: string,
  arg: unknown,
  extra: { usage: string; members: string[] } = { usage: USAGE, members: [] },
): Promise<{ document: vscode.TextDocument; args?: ArgumentReader }> {
  if (arg instanceof vscode.Uri) return { document: await vscode.workspace.openTextDocument(arg) };
  let args: ArgumentReader | undefined;
  if (isArgumentObject(arg)) {
    args = readArgs(command, extra.usage, arg, ['file', 'uri', ...extra.members]);
    const file = args.string('file', true);
    const uri = args.string('uri', true);
    if (file && uri) args.fail('give "file" or "uri", not both');
    if (file) return { document: await vscode.workspace.openTextDocument(vscode.Uri.file(file)), args };
    if (uri) return { document: await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)), args };
  }
  const active = vscode.window.activeTextEditor?.document;
  if (!active) throw new Error('Open a task or service definition first.');
  return { document: active, args };
}
