import type * as vscode from 'vscode';

/** One node kind per file under nodes/; `kind` is the discriminator tests and menus rely on. */
export interface ExplorerNode {
  readonly kind: string;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(): Promise<ExplorerNode[]>;
}
