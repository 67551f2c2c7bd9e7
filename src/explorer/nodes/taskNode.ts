import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { Task } from '../../ecs/ecsReader';
import { presentContainer, presentTask } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { presentedItem } from '../treeItems';
import type { ecs } from '../../aws/sdk';
import { resourceName } from '../../aws/arn';
import { detailRows } from '../../util/markdown';
import { PortForwardNode } from './portForwardNode';

export class TaskNode implements ExplorerNode {
  readonly kind = 'task';
  readonly id: string;
  readonly resource: NodeResource;

  constructor(
    private readonly ctx: ExplorerContext,
    readonly task: Task,
    scope: AwsScope,
    parentId: string,
    /** Its service's events, when the parent has them (no call of its own). */
    private readonly serviceEvents: () => ecs.ServiceEvent[] | undefined = () => undefined,
  ) {
    const taskId = resourceName(task.taskArn);
    this.id = `${parentId}/task:${taskId}`;
    this.resource = {
      scope,
      name: taskId,
      arn: task.taskArn,
      console: { kind: 'task', cluster: resourceName(task.clusterArn), taskId },
      describe: async () => ({ title: `task-${taskId}`, value: task }),
    };
  }

  getTreeItem(why?: string): vscode.TreeItem {
    this.rememberShown();
    const running = this.task.lastStatus === 'RUNNING';
    const presented = presentTask(this.task, this.ctx.now());
    if (why) presented.details = `${detailRows([['Why it stopped', why]])}  \n${presented.details}`;
    const item = presentedItem(presented, {
      id: this.id,
      icon: running ? 'vm-running' : this.task.lastStatus === 'STOPPED' ? 'vm-outline' : 'vm-active',
      contextValue: `task.${(this.task.lastStatus ?? 'unknown').toLowerCase()}`,
      collapsible: (this.task.containers?.length ?? 0) > 0 || this.forwards().length > 0,
    });
    // A stopped task's tooltip is made on hover (resolveTreeItem), the cause first.
    if (why === undefined && this.task.lastStatus === 'STOPPED' && this.ctx.stopCauses.words) item.tooltip = undefined;
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    item.tooltip = this.getTreeItem((await this.ctx.stopCauses.words?.(this.task, this.serviceEvents()).catch(() => undefined)) ?? '').tooltip;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const forwards = this.forwards().map((f) => new PortForwardNode(f, this.resource.scope, this.id));
    return [...forwards, ...(this.task.containers ?? []).map((c) => new ContainerNode(c, this.task, this.resource.scope, this.id))];
  }

  private forwards() {
    return this.task.taskArn ? (this.ctx.portForwards.of?.(this.task.taskArn) ?? []) : [];
  }

  /** Drawn here: a forward of this task started or stopped redraws this row (the newest object per row id). */
  private rememberShown(): void {
    if (!this.task.taskArn) return;
    const shown = this.ctx.portForwards.shownTasks;
    if (!shown.has(this.task.taskArn)) shown.set(this.task.taskArn, new Map());
    shown.get(this.task.taskArn)!.set(this.id, this);
  }
}

export class ContainerNode implements ExplorerNode {
  readonly kind = 'container';
  readonly resource: NodeResource;
  constructor(
    readonly container: ecs.Container,
    /** Its task: the commands on a container (Open Shell, Forward Port…) need the cluster. */
    readonly task: Task,
    scope: AwsScope,
    private readonly parentId: string,
  ) {
    this.resource = { scope, name: container.name ?? '', arn: container.containerArn, describe: async () => ({ title: `container-${container.name}`, value: container }) };
  }

  getTreeItem(): vscode.TreeItem {
    return presentedItem(presentContainer(this.container), { id: `${this.parentId}/container:${this.container.name}`, icon: 'package', contextValue: this.task.lastStatus === 'STOPPED' ? 'container.stopped' : 'container' });
  }
}
