import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorerNode';

export interface PagedParent extends ExplorerNode {
  loadMore(): Promise<void>;
}

export class LoadMoreNode implements ExplorerNode {
  readonly kind = 'loadMore';
  constructor(
    readonly parent: PagedParent,
    private readonly parentId: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentId}/loadMore`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { title: 'Load more', command: 'ecsWorkbench.loadMore', arguments: [this] };
    return item;
  }
}
