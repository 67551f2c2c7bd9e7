import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { Task } from '../../ecs/ecsReader';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { TaskNode } from './taskNode';
import { resourceName, revisionLabel } from '../../aws/arn';

/** Tasks of a cluster (standalone ones included) or of one service; RUNNING or STOPPED. */
export class TasksFolderNode extends PagedListNode<Task> {
  readonly kind = 'tasksFolder';
  protected readonly operation = 'ecs:ListTasks';
  desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING';

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    private readonly owner: { serviceName?: string },
    parentId: string,
    private readonly runningCount?: number,
  ) {
    super(ctx, `${parentId}/tasks`);
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
    this.desiredStatus = status;
    this.reset();
    this.ctx.refresh(this);
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.desiredStatus === 'RUNNING' && this.runningCount !== undefined ? `${this.runningCount} running` : undefined;
    return this.folderItem(this.desiredStatus === 'RUNNING' ? 'Tasks' : 'Tasks (stopped)', 'checklist', `tasksFolder.${this.desiredStatus.toLowerCase()}`, count);
  }
}
