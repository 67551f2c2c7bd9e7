import * as vscode from 'vscode';
import type { ClientManager, Scope } from '../aws/clientManager';
import type { ExplorerSettings } from '../config/settings';
import { describeAwsError } from '../aws/errors';
import { listProfiles, profileExists } from '../aws/profiles';
import { EcsReader } from '../ecs/ecsReader';
import type { ExplorerContext, ExplorerNode, PausedDeployment, PortForwardRow, ServiceCostRows, StopCauseWords } from './explorerNode';
import { MessageNode } from './nodes/messageNode';
import { RegionNode } from './nodes/regionNode';
import { ServiceAutoRefresher } from './serviceAutoRefresher';
import { ChangeApplier } from './changeApplier';
import { NodeIndex } from './nodeIndex';
import type { ResourceChange } from '../ecs/resourceChanges';

/**
 * The ECS explorer's data. It never throws into VS Code: a failure becomes a MessageNode in place,
 * and an empty root (no profile and no credentials at all) lets the view's welcome content guide.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly autoRefresher: ServiceAutoRefresher;
  private readonly ctx: ExplorerContext;
  private readonly changes: ChangeApplier;
  private readonly regionNodes = new Map<string, RegionNode>();

  constructor(
    private readonly clients: ClientManager,
    private readonly contextReady: () => Promise<void>,
    private readonly onCredentialsWork: () => void,
    private readonly settings: ExplorerSettings,
    log?: (message: string) => void,
  ) {
    this.autoRefresher = new ServiceAutoRefresher({
      reader: (scope) => new EcsReader(clients, scope),
      refresh: (node, service) => void this.applyChange({ kind: 'service', scope: node.scope, cluster: node.cluster, service: service.serviceName ?? '', snapshot: service }),
      intervalMs: () => settings.refreshIntervalMs(),
      onError: (error) => log?.(`auto-refresh failed: ${describeAwsError(error).message}`),
    });
    this.ctx = {
      clients,
      reader: (scope) => new EcsReader(clients, scope),
      refresh: (node) => this.changed.fire(node),
      pageSize: () => settings.pageSize(),
      now: () => new Date(),
      autoRefresher: this.autoRefresher,
      index: new NodeIndex((scope) => clients.resolve(scope)),
      stoppedShown: new Set(),
      stopCauses: {},
      serviceCosts: {},
      pausedDeployments: {},
      codeDeployHistory: {},
      portForwards: { shownTasks: new Map() },
    };
    this.changes = new ChangeApplier(this.ctx, (error) => log?.(`refresh after a change failed: ${describeAwsError(error).message}`));
  }

  // Stopped tasks' tooltips get their cause from there (the diagnose bundle, loaded on first hover).
  useStopCauses(words: StopCauseWords): void {
    this.ctx.stopCauses.words = words;
  }

  // A service's tooltip gets its cost from there (the cost bundle, loaded on first hover).
  useServiceCosts(rows: ServiceCostRows): void {
    this.ctx.serviceCosts.rows = rows;
  }

  // A paused deployment the tree shows raises the notification the deploy commands own (loaded on first use).
  usePausedNotification(notify: (paused: PausedDeployment) => void): void {
    this.ctx.pausedDeployments.notify = notify;
  }

  // A CODE_DEPLOY service's Deployments folder reads its CodeDeploy deployments there (the history bundle, loaded on first expand).
  useCodeDeployHistory(read: NonNullable<ExplorerContext['codeDeployHistory']['read']>): void {
    this.ctx.codeDeployHistory.read = read;
  }

  // A task's active port forwards are rows under it (the exec bundle's registry, set with the first forward).
  usePortForwards(of: (taskArn: string) => PortForwardRow[]): void {
    this.ctx.portForwards.of = of;
  }

  /** A forward of `taskArn` started or stopped: its task rows redraw their children (no AWS call). */
  portForwardsChanged(taskArn: string): void {
    for (const node of this.ctx.portForwards.shownTasks.get(taskArn)?.values() ?? []) this.changed.fire(node);
  }

  /** A command changed something: the nodes showing it re-read it (no manual refresh needed). */
  applyChange(change: ResourceChange): Promise<void> {
    return this.changes.apply(change);
  }

  /** Re-reads a node (or everything) from AWS. */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      this.autoRefresher.clear();
      this.regionNodes.clear();
      this.ctx.index.clear();
      this.ctx.portForwards.shownTasks.clear();
    }
    if (node && 'reset' in node && typeof node.reset === 'function') node.reset();
    this.changed.fire(node);
  }

  /** A scaling command changed a service's auto scaling: its *Auto scaling* node, if shown, re-reads. */
  refreshAutoScaling(scope: Scope, cluster: string, service: string): void {
    const node = this.ctx.index.find('autoScaling', scope, cluster, service);
    if (node) this.changed.fire(node);
  }

  /** Another profile, region or endpoint: another account's tree, so the view choices made in this one go too. */
  startOver(): void {
    this.ctx.stoppedShown.clear();
    this.refresh();
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    try {
      return (await node.resolveTreeItem?.(item, token)) ?? item;
    } catch {
      return item; // a tooltip that cannot be read is left as it was
    }
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
      const exists = profile ? await profileExists(profile).catch(() => false) : undefined;
      return [new MessageNode(describeAwsError(error, { profile, profileExists: exists }))];
    }
    this.onCredentialsWork();
    // A region listed twice (or the current one again) is one root: tree ids must stay unique.
    const regions = [...new Set([region, ...this.settings.additionalRegions()])];
    // The same region objects until a full refresh, as PagedListNode does for its items: a reader of
    // the tree other than the view (a command, a test through the API) must see the nodes drawn, or
    // the index would point changes at objects nobody draws.
    return regions.map((r, i) => {
      const key = [profile ?? '', r, i === 0].join('\u0000');
      let node = this.regionNodes.get(key);
      if (!node) this.regionNodes.set(key, (node = new RegionNode(this.ctx, { profile, region: r }, i === 0)));
      return node;
    });
  }

  dispose(): void {
    this.autoRefresher.dispose();
    this.changed.dispose();
  }
}
