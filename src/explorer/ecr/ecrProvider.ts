import * as vscode from 'vscode';
import { registryHost } from '../../aws/arn';
import type { ClientManager } from '../../aws/clientManager';
import { describeAwsError } from '../../aws/errors';
import { EcrService } from '../../ecr/ecrService';
import { EcsReader } from '../../ecs/ecsReader';
import type { ExplorerNode } from '../explorerNode';
import { MessageNode } from '../nodes/messageNode';
import { NodeIndex } from '../nodeIndex';
import { ServiceAutoRefresher } from '../serviceAutoRefresher';
import type { EcrContext } from './ecrContext';
import { RepositoryListNode } from './repositoryListNode';
import { RepositoryNode } from './repositoryNode';

/**
 * The "ECR Repositories" view: repositories of the current region at the root, their images below.
 * Failures become MessageNodes in place; a context change (profile, region, endpoint) starts over.
 */
export class EcrProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly registryChanged = new vscode.EventEmitter<string | undefined>();
  /** The registry host of the repositories listed (`<account>.dkr.ecr.<region>.amazonaws.com`), for the view's description. */
  readonly onDidChangeRegistry = this.registryChanged.event;
  private readonly ctx: EcrContext;
  private root: RepositoryListNode;

  constructor(
    private readonly clients: ClientManager,
    pageSize: () => number,
  ) {
    const refresh = (node?: ExplorerNode) => this.changed.fire(node === this.root ? undefined : node);
    this.ctx = {
      clients,
      ecr: () => new EcrService(clients),
      reader: (region) => new EcsReader(clients, region),
      refresh,
      pageSize,
      now: () => new Date(),
      stopCauses: {},
      serviceCosts: {},
      pausedDeployments: {},
      codeDeployHistory: {},
      portForwards: { shownTasks: new Map() },
      // ECR nodes never auto-refresh; the explorer context requires one.
      autoRefresher: new ServiceAutoRefresher({ reader: (region) => new EcsReader(clients, region), refresh: (node) => refresh(node), intervalMs: () => 60_000, onError: () => undefined }),
      index: new NodeIndex((scope) => clients.resolve(scope)),
      stoppedShown: new Set(),
    };
    this.root = new RepositoryListNode(this.ctx);
  }

  /** Re-reads a node, or everything (also after a context change). */
  refresh(node?: ExplorerNode): void {
    if (!node || node === this.root) this.root = new RepositoryListNode(this.ctx);
    else if (node instanceof RepositoryNode) node.reset();
    this.changed.fire(node === this.root ? undefined : node);
  }

  /** The repository node of `name` among those loaded, for a targeted refresh after a push or delete. */
  async repositoryNode(name: string): Promise<RepositoryNode | undefined> {
    const children = await this.root.getChildren();
    return children.find((c): c is RepositoryNode => c instanceof RepositoryNode && c.name === name);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      const children = (await (node ?? this.root).getChildren?.()) ?? [];
      if (!node) {
        const uri = children.find((c): c is RepositoryNode => c instanceof RepositoryNode)?.repository.repositoryUri;
        this.registryChanged.fire(uri ? registryHost(uri) : undefined);
      }
      return children;
    } catch (error) {
      return [new MessageNode(describeAwsError(error, { profile: this.clients.context.profile, operation: 'ecr:DescribeRepositories' }))];
    }
  }

  dispose(): void {
    this.ctx.autoRefresher.dispose();
    this.changed.dispose();
    this.registryChanged.dispose();
  }
}
