import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { ContainerInstance, Task } from '../../ecs/ecsReader';
import { presentContainerInstance } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { presentedItem } from '../treeItems';
import { resourceName, revisionLabel } from '../../aws/arn';
import { TaskNode } from './taskNode';

export class ContainerInstancesFolderNode extends PagedListNode<ContainerInstance> {
  readonly kind = 'containerInstancesFolder';
  protected readonly operation = 'ecs:ListContainerInstances';
  protected readonly emptyText = 'No container instances';

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
    return new ContainerInstanceNode(this.ctx, instance, this.scope, this.cluster, this.id);
  }

  protected matches(instance: ContainerInstance, filter: string): boolean {
    return `${instance.ec2InstanceId ?? ''} ${resourceName(instance.containerInstanceArn)}`.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Container instances', 'server', 'containerInstancesFolder', this.count);
  }
}

/** An EC2 container instance; expanded, the tasks running on it (ListTasks with its containerInstance, paged). */
export class ContainerInstanceNode extends PagedListNode<Task> {
  readonly kind = 'containerInstance';
  protected readonly operation = 'ecs:ListTasks';
  protected readonly emptyText = 'No running tasks on this instance';
  readonly resource: NodeResource;

  constructor(
    ctx: ExplorerContext,
    readonly instance: ContainerInstance,
    private readonly scope: AwsScope,
    private readonly cluster: string,
    parentId: string,
  ) {
    super(ctx, `${parentId}/instance:${resourceName(instance.containerInstanceArn)}`);
    const id = resourceName(instance.containerInstanceArn);
    this.resource = {
      scope,
      name: instance.ec2InstanceId ?? id,
      arn: instance.containerInstanceArn,
      console: { kind: 'containerInstance', cluster: resourceName(cluster), containerInstanceId: id },
      describe: async () => ({ title: `container-instance-${id}`, value: instance }),
    };
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).tasks(this.cluster, { containerInstance: this.instance.containerInstanceArn, desiredStatus: 'RUNNING' }, page);
  }

  protected toNode(task: Task): ExplorerNode {
    return new TaskNode(this.ctx, task, this.scope, this.id);
  }

  protected matches(task: Task, filter: string): boolean {
    return `${resourceName(task.taskArn)} ${revisionLabel(task.taskDefinitionArn)} ${task.group ?? ''}`.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return presentedItem(presentContainerInstance(this.instance), { id: this.id, icon: 'server', contextValue: 'containerInstance', collapsible: true });
  }
}
