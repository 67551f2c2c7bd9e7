import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { ContainerInstance } from '../../ecs/ecsReader';
import { presentContainerInstance } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { presentedItem } from '../treeItems';
import { resourceName } from '../../aws/arn';

export class ContainerInstancesFolderNode extends PagedListNode<ContainerInstance> {
  readonly kind = 'containerInstancesFolder';
  protected readonly operation = 'ecs:ListContainerInstances';
  protected readonly emptyText = 'No container instances (Fargate only)';

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    private readonly count: number | undefined,
    parentId: string,
  ) {
    super(ctx, `${parentId}/instances`);
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).containerInstances(this.cluster, page);
  }

  protected toNode(instance: ContainerInstance): ExplorerNode {
    return new ContainerInstanceNode(instance, this.scope, this.id);
  }

  protected matches(instance: ContainerInstance, filter: string): boolean {
    return `${instance.ec2InstanceId ?? ''} ${resourceName(instance.containerInstanceArn)}`.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Container instances', 'server', 'containerInstancesFolder', this.count);
  }
}

export class ContainerInstanceNode implements ExplorerNode {
  readonly kind = 'containerInstance';
  readonly resource: NodeResource;
  constructor(
    readonly instance: ContainerInstance,
    scope: AwsScope,
    private readonly parentId: string,
  ) {
    const id = resourceName(instance.containerInstanceArn);
    const cluster = /container-instance\/([^/]+)\//.exec(instance.containerInstanceArn ?? '')?.[1] ?? '';
    this.resource = {
      scope,
      name: instance.ec2InstanceId ?? id,
      arn: instance.containerInstanceArn,
      console: { kind: 'containerInstance', cluster, containerInstanceId: id },
      describe: async () => ({ title: `container-instance-${id}`, value: instance }),
    };
  }

  getTreeItem(): vscode.TreeItem {
    return presentedItem(presentContainerInstance(this.instance), {
      id: `${this.parentId}/instance:${resourceName(this.instance.containerInstanceArn)}`,
      icon: 'server',
      contextValue: 'containerInstance',
    });
  }
}
