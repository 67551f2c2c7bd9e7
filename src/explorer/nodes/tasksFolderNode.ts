import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { Task } from '../../ecs/ecsReader';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { TaskNode } from './taskNode';
import { resourceName, revisionLabel } from '../../aws/arn';

/** What the parent's describe already says about its tasks: the count, and which revisions run when more than one does. */
export interface TaskCounts {
  running?: number;
  /** `demo-web:2 ×1, demo-web:3 ×2`: set while a service runs two revisions. */
  revisions?: string;
}

/** Tasks of a cluster (standalone ones included) or of one service; RUNNING or STOPPED. */
export class TasksFolderNode extends PagedListNode<Task> {
  readonly kind = 'tasksFolder';
  protected readonly operation = 'ecs:ListTasks';

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    private readonly owner: { serviceName?: string },
    parentId: string,
    private readonly counts: () => TaskCounts = () => ({}),
  ) {
    super(ctx, `${parentId}/tasks`);
  }

  /** The toggle lives in the explorer, not in this object: an auto-refresh that rebuilds the folder keeps it. */
  get desiredStatus(): 'RUNNING' | 'STOPPED' {
    return this.ctx.stoppedShown.has(this.id) ? 'STOPPED' : 'RUNNING';
  }

  protected get emptyText(): string {
    return this.desiredStatus === 'RUNNING' ? 'No running tasks' : 'No stopped tasks (ECS keeps them about an hour)';
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).tasks(this.cluster, { ...this.owner, desiredStatus: this.desiredStatus }, page);
  }

  protected toNode(task: Task): ExplorerNode {
    return new TaskNode(this.ctx, task, this.scope, this.id);
  }

  protected matches(task: Task, filter: string): boolean {
    return `${resourceName(task.taskArn)} ${revisionLabel(task.taskDefinitionArn)} ${task.group ?? ''}`.toLowerCase().includes(filter);
  }

  showStatus(status: 'RUNNING' | 'STOPPED'): void {
    if (status === 'STOPPED') this.ctx.stoppedShown.add(this.id);
    else this.ctx.stoppedShown.delete(this.id);
    this.reset();
    this.ctx.refresh(this);
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('tasks', this.scope, [this.cluster, this.owner.serviceName], this);
    const { running, revisions } = this.counts();
    const count = this.desiredStatus === 'RUNNING' && running !== undefined ? [`${running} running`, revisions].filter(Boolean).join(' · ') : undefined;
    return this.folderItem(this.desiredStatus === 'RUNNING' ? 'Tasks' : 'Tasks (stopped)', 'checklist', `tasksFolder.${this.desiredStatus.toLowerCase()}`, count);
  }
}
