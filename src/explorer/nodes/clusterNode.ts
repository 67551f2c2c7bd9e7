import * as vscode from 'vscode';
import type { ClusterSummary } from '../../ecs/clusters';
import type { ExplorerNode } from '../explorerNode';

export class ClusterNode implements ExplorerNode {
  readonly kind = 'cluster';
  constructor(
    readonly cluster: ClusterSummary,
    readonly region: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const c = this.cluster;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = `cluster:${c.arn}`;
    item.description = `${c.runningTasks} running · ${c.pendingTasks} pending · ${c.activeServices} services`;
    const active = c.status === 'ACTIVE';
    item.iconPath = new vscode.ThemeIcon('server-environment', active ? undefined : new vscode.ThemeColor('disabledForeground'));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${c.name}** (${c.status})\n\n`);
    tooltip.appendMarkdown(`- Running tasks: ${c.runningTasks}\n- Pending tasks: ${c.pendingTasks}\n`);
    tooltip.appendMarkdown(`- Active services: ${c.activeServices}\n- Container instances: ${c.containerInstances}\n`);
    if (c.capacityProviders.length) tooltip.appendMarkdown(`- Capacity providers: ${c.capacityProviders.join(', ')}\n`);
    tooltip.appendMarkdown(`\n\`${c.arn}\``);
    item.tooltip = tooltip;
    item.contextValue = 'cluster';
    return item;
  }
}
