import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { Cluster } from '../../ecs/ecsReader';
import { isFargateOnly, presentCluster } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { presentedItem } from '../treeItems';
import { ContainerInstancesFolderNode } from './containerInstancesFolderNode';
import { MessageNode } from './messageNode';
import { ServicesFolderNode } from './servicesFolderNode';
import { TasksFolderNode } from './tasksFolderNode';

export class ClusterNode implements ExplorerNode {
  readonly kind = 'cluster';
  readonly id: string;
  readonly resource: NodeResource;
  private readonly children: ExplorerNode[];

  constructor(
    private readonly ctx: ExplorerContext,
    public cluster: Cluster,
    readonly scope: AwsScope,
    parentId: string,
  ) {
    const name = cluster.clusterName ?? '';
    this.id = `${parentId}/cluster:${name}`;
    this.resource = {
      scope,
      name,
      arn: cluster.clusterArn,
      console: { kind: 'cluster', cluster: name },
      describe: async () => ({ title: `cluster-${name}`, value: this.cluster }),
    };
    const arn = cluster.clusterArn ?? name;
    this.children = [
      new ServicesFolderNode(ctx, scope, arn, () => this.cluster.activeServicesCount, this.id),
      new TasksFolderNode(ctx, scope, arn, {}, this.id, () => ({ running: this.cluster.runningTasksCount })),
      isFargateOnly(cluster)
        ? new MessageNode({ kind: 'other', title: 'Fargate only: no container instances', message: 'No EC2 container instance is registered and no capacity provider other than FARGATE and FARGATE_SPOT is attached: tasks here run on Fargate.' }, 'info', `${this.id}/instances`)
        : new ContainerInstancesFolderNode(ctx, scope, arn, cluster.registeredContainerInstancesCount, this.id),
    ];
  }

  /** Fresh counts after a change; the folders below read them when redrawn. */
  update(cluster: Cluster): void {
    this.cluster = cluster;
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('cluster', this.scope, [this.cluster.clusterName], this);
    return presentedItem(presentCluster(this.cluster), { id: this.id, icon: 'server-environment', contextValue: 'cluster', collapsible: true });
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return this.children;
  }
}
