import * as vscode from 'vscode';
import type { ClientManager } from '../aws/clientManager';
import { describeAwsError } from '../aws/errors';
import { listProfiles } from '../aws/profiles';
import type { ExplorerNode } from './explorerNode';
import { MessageNode } from './nodes/messageNode';
import { RegionNode } from './nodes/regionNode';

/**
 * The ECS explorer's data. It never throws into VS Code: a failure becomes a MessageNode in place,
 * and an empty root (no profile and no credentials at all) lets the view's welcome content guide.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly clients: ClientManager,
    private readonly contextReady: () => Promise<void>,
    private readonly onCredentialsWork: () => void,
  ) {}

  refresh(node?: ExplorerNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      if (node) return (await node.getChildren?.()) ?? [];
      return await this.rootChildren();
    } catch (error) {
      return [new MessageNode(describeAwsError(error, { profile: this.clients.context.profile }))];
    }
  }

  private async rootChildren(): Promise<ExplorerNode[]> {
    await this.contextReady();
    const { profile, region } = this.clients.context;
    try {
      await this.clients.credentials();
    } catch (error) {
      const profiles = await listProfiles().catch(() => []);
      if (!profile && profiles.length === 0) return []; // the welcome content takes over
      const profileExists = profile ? profiles.some((p) => p.name === profile) : undefined;
      return [new MessageNode(describeAwsError(error, { profile, profileExists }))];
    }
    this.onCredentialsWork();
    return [new RegionNode(region, this.clients)];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
