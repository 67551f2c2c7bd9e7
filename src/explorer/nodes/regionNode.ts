import * as vscode from 'vscode';
import type { ClientManager } from '../../aws/clientManager';
import { describeAwsError } from '../../aws/errors';
import { listClusters } from '../../ecs/clusters';
import type { ExplorerNode } from '../explorerNode';
import { ClusterNode } from './clusterNode';
import { MessageNode } from './messageNode';

export class RegionNode implements ExplorerNode {
  readonly kind = 'region';
  constructor(
    readonly region: string,
    private readonly clients: ClientManager,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `region:${this.region}`;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.description = this.clients.context.profile ?? 'default credentials';
    item.contextValue = 'region';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const clusters = await listClusters(this.clients, this.region);
      if (!clusters.length) {
        return [new MessageNode({ kind: 'other', title: 'No clusters in this region', message: `There are no ECS clusters in ${this.region}.` }, 'info')];
      }
      return clusters.map((c) => new ClusterNode(c, this.region));
    } catch (error) {
      const problem = describeAwsError(error, { profile: this.clients.context.profile, operation: 'ecs:ListClusters' });
      return [new MessageNode(problem)];
    }
  }
}
