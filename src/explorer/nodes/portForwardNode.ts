import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { escapeMarkdown } from '../../util/markdown';
import type { ExplorerNode, NodeResource, PortForwardRow } from '../explorerNode';

/** `localhost:8080 → 80`, or `localhost:5432 → db.internal:5432` through the task: one active forward under its task (Stop inline). */
export class PortForwardNode implements ExplorerNode {
  readonly kind = 'portForward';
  readonly resource: NodeResource;

  constructor(
    readonly forward: PortForwardRow,
    scope: AwsScope,
    private readonly parentId: string,
  ) {
    this.resource = { scope, name: `localhost:${forward.localPort}` };
  }

  /** What Stop Port Forward reads from a row. */
  get localPort(): number {
    return this.forward.localPort;
  }

  getTreeItem(): vscode.TreeItem {
    const f = this.forward;
    const item = new vscode.TreeItem(`localhost:${f.localPort} → ${f.remoteHost ? `${f.remoteHost}:${f.remotePort}` : f.remotePort}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentId}/forward:${f.localPort}`;
    item.description = f.remoteHost ? `through ${f.container}` : f.container;
    item.iconPath = new vscode.ThemeIcon('plug', new vscode.ThemeColor('charts.blue'));
    item.contextValue = 'portForward';
    return item;
  }

  /** On hover: the connections now, which a row drawn earlier cannot know. */
  async resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    const f = this.forward;
    const { open, total } = f.connections();
    const to = f.remoteHost ? `${escapeMarkdown(f.remoteHost)}:${f.remotePort} through container ${escapeMarkdown(f.container)}` : `port ${f.remotePort} of container ${escapeMarkdown(f.container)}`;
    item.tooltip = new vscode.MarkdownString(`Forwarding localhost:${f.localPort} to ${to}  \nConnections: ${open} open, ${total} since it started  \nOpen: ${escapeMarkdown(f.address)}`);
    return item;
  }
}
