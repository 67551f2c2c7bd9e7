import * as vscode from 'vscode';
import type { LogDocuments } from './logDocuments';
import type { LogView } from './logView';

/** The log view a title-bar command acts on: its URI (editor title), else the active editor's. */
export function viewOf(documents: LogDocuments, arg: unknown): { view: LogView; uri: vscode.Uri } {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const view = documents.view(uri);
  if (!view || !uri) throw new Error('Run this from an open log document (ECS: Show Logs).');
  return { view, uri };
}
