import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import { STOPPED_TASKS_READ, type Task } from '../../ecs/ecsReader';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { MessageNode } from './messageNode';
import { TaskNode } from './taskNode';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { ecs } from '../../aws/sdk';

/** What the parent's describe already says about its tasks: the count, and which revisions run when more than one does. */
export interface TaskCounts {
  running?: number;
  /** `demo-web:2 ×1, demo-web:3 ×2`: set while a service runs two revisions. */
  revisions?: string;
  /** The service's events (DescribeServices' newest 100): a stopped task's tooltip tells its cause from them. */
  events?: ecs.ServiceEvent[];
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
    // ListTasks has no order. Stopped tasks are read whole (up to STOPPED_TASKS_READ), sorted newest
    // first, and Load more pages through that sorted list: the order holds across page boundaries,
    // at the cost of reading them all on expand (ECS keeps them about an hour, so usually few).
    if (this.desiredStatus === 'STOPPED') return this.pageOfWhole(() => this.readStopped(), page);
    return this.ctx.reader(this.scope).tasks(this.cluster, { ...this.owner, desiredStatus: this.desiredStatus }, page);
  }

  /** What the last read of stopped tasks found: the count for the description, and whether the cap cut it. */
  private stopped: { count: number; complete: boolean } | undefined;

  private async readStopped(): Promise<Task[]> {
    const { tasks, complete } = await this.ctx.reader(this.scope).stoppedTasks(this.cluster, this.owner);
    const changed = this.stopped?.count !== tasks.length || this.stopped.complete !== complete;
    this.stopped = { count: tasks.length, complete };
    if (changed) this.ctx.refresh(this);
    return tasks;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const children = await super.getChildren();
    if (this.desiredStatus === 'STOPPED' && this.stopped && !this.stopped.complete) {
      const text = `Newest of the first ${STOPPED_TASKS_READ} stopped tasks ECS listed`;
      children.push(new MessageNode({ kind: 'other', title: text, message: `${text}: ListTasks lists in no order, so a task stopped more recently may be among the ones not read. Filter or narrow to a service to see fewer.` }, 'info', `${this.id}/cap`));
    }
    return children;
  }

  protected toNode(task: Task): ExplorerNode {
    return new TaskNode(this.ctx, task, this.scope, this.id, () => this.counts().events);
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
    // The count of what is shown first, the other when known (running from the parent's describe).
    const counts = this.counts();
    const running = counts.running !== undefined ? [`${counts.running} running`, counts.revisions].filter(Boolean).join(' · ') : '';
    const stopped = this.stopped ? `${this.stopped.count}${this.stopped.complete ? '' : '+'} stopped` : '';
    const count = (this.desiredStatus === 'RUNNING' ? [running, stopped] : [stopped, running]).filter(Boolean).join(' · ') || undefined;
    return this.folderItem(this.desiredStatus === 'RUNNING' ? 'Tasks' : 'Tasks (stopped)', 'checklist', `tasksFolder.${this.desiredStatus.toLowerCase()}`, count);
  }
}
