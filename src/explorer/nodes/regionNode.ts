import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { Cluster } from '../../ecs/ecsReader';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { ClusterNode } from './clusterNode';
import { TaskDefinitionsNode } from './taskDefinitionsNode';

/** A region root: its clusters (paged), then its task-definition families. */
export class RegionNode extends PagedListNode<Cluster> {
  readonly kind = 'region';
  protected readonly operation = 'ecs:ListClusters';
  protected readonly emptyText = 'No clusters in this region';
  private readonly taskDefinitions: TaskDefinitionsNode;

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    private readonly primary: boolean,
  ) {
    super(ctx, `region:${scope.region}`);
    this.taskDefinitions = new TaskDefinitionsNode(ctx, scope, this.id);
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).clusters(page);
  }

  protected toNode(cluster: Cluster): ExplorerNode {
    return new ClusterNode(this.ctx, cluster, this.scope, this.id);
  }

  protected matches(cluster: Cluster, filter: string): boolean {
    return (cluster.clusterName ?? '').toLowerCase().includes(filter);
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    return [...(await super.getChildren()), this.taskDefinitions];
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('region', this.scope, [], this);
    const item = this.folderItem(this.scope.region, 'globe', 'region');
    item.collapsibleState = this.primary ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    item.description = [this.ctx.clients.context.profile ?? 'default credentials', this.filterDescription()].filter(Boolean).join(' · ');
    return item;
  }
}
