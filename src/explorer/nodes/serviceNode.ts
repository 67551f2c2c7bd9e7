import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import { resourceName } from '../../aws/arn';
import type { Service } from '../../ecs/ecsReader';
import { isServiceSettling, presentService } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { folderItem, presentedItem } from '../treeItems';
import { AutoScalingNode } from './autoScalingNode';
import { DeploymentNode } from './deploymentNode';
import { EventsFolderNode } from './eventsFolderNode';
import { MessageNode } from './messageNode';
import { TasksFolderNode } from './tasksFolderNode';

export class ServiceNode implements ExplorerNode {
  readonly kind = 'service';
  readonly id: string;

  constructor(
    private readonly ctx: ExplorerContext,
    public service: Service,
    readonly scope: AwsScope,
    readonly cluster: string,
    parentId: string,
  ) {
    this.id = `${parentId}/service:${service.serviceName}`;
  }

  get resource(): NodeResource {
    const service = this.service;
    const name = service.serviceName ?? '';
    const clusterName = resourceName(this.cluster);
    return {
      scope: this.scope,
      name,
      arn: service.serviceArn,
      console: { kind: 'service', cluster: clusterName, service: name },
      describe: async () => ({ title: `service-${name}`, value: service }),
    };
  }

  /** New data from the auto-refresher. */
  update(service: Service): void {
    this.service = service;
  }

  getTreeItem(): vscode.TreeItem {
    // A deployment in progress keeps this node fresh while the view is visible.
    if (isServiceSettling(this.service)) this.ctx.autoRefresher.track(this);
    return presentedItem(presentService(this.service), { id: this.id, icon: 'layers', contextValue: 'service', collapsible: true });
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return [
      new DeploymentsFolderNode(this),
      new EventsFolderNode(this.ctx, this.service, this.id),
      new TasksFolderNode(this.ctx, this.scope, this.cluster, { serviceName: this.service.serviceName }, this.id, this.service.runningCount),
      new AutoScalingNode(this.ctx, this.scope, this.cluster, this.service.serviceName ?? '', this.id),
    ];
  }
}

/** The service's deployments, from the DescribeServices already made. */
class DeploymentsFolderNode implements ExplorerNode {
  readonly kind = 'deploymentsFolder';
  constructor(private readonly parent: ServiceNode) {}

  getTreeItem(): vscode.TreeItem {
    const count = this.parent.service.deployments?.length ?? 0;
    return folderItem('Deployments', `${this.parent.id}/deployments`, 'rocket', 'deploymentsFolder', String(count));
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const deployments = this.parent.service.deployments ?? [];
    if (!deployments.length) return [new MessageNode({ kind: 'other', title: 'No deployments', message: 'No deployments' }, 'info', `${this.parent.id}/deployments`)];
    return deployments.map((d) => new DeploymentNode(d, this.parent.scope, `${this.parent.id}/deployments`));
  }
}

