import type * as vscode from 'vscode';
import type { ClientManager } from './aws/clientManager';
import type { DescribeDocuments } from './explorer/describeDocuments';
import type { ExplorerProvider } from './explorer/explorerProvider';

/** What activate() builds once and hands to views and commands. */
export interface Services {
  context: vscode.ExtensionContext;
  clientManager: ClientManager;
  log: vscode.LogOutputChannel;
  explorer: ExplorerProvider;
  /** Read-only documents (describe output, scan findings). */
  documents: DescribeDocuments;
  /** Re-reads settings, environment and profile files and applies the result to the client manager. */
  refreshAwsContext(): Promise<void>;
}
