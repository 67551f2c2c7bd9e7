import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { Service } from '../../ecs/ecsReader';
import { failingDeployment, isServiceSettling, presentService } from '../../ecs/present';
import { exitedContainer } from '../../ecs/shortForms';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { folderItem, presentedItem } from '../treeItems';
import { AutoScalingNode } from './autoScalingNode';
import { CodeDeployDeploymentsFolderNode } from './codeDeployDeploymentsFolderNode';
import { DeploymentNode } from './deploymentNode';
import { EventsFolderNode } from './eventsFolderNode';
import { ExpressResourcesNode } from './expressResourcesNode';
import { MessageNode } from './messageNode';
import { ServiceDeploymentsFolderNode } from './serviceDeploymentsFolderNode';
import { TasksFolderNode } from './tasksFolderNode';
import { checkPausedHook } from '../pausedHookCheck';
import { detailRows } from '../../util/markdown';

/** What changes on the row and below it (and in the cluster's counts) when a fresh describe arrives. */
export function serviceShape(s: Service): string {
  return JSON.stringify([s.runningCount, s.pendingCount, s.desiredCount, s.taskDefinition, s.deployments?.map((d) => [d.id, d.status, d.rolloutState, d.runningCount, d.pendingCount, d.failedTasks])]);
}

/** `demo-web:2 ×1, demo-web:3 ×2` while more than one revision runs, from the deployments' counts. */
function runningRevisions(s: Service): string | undefined {
  const running = (s.deployments ?? []).filter((d) => (d.runningCount ?? 0) > 0);
  return running.length > 1 ? running.map((d) => `${revisionLabel(d.taskDefinition)} ×${d.runningCount}`).join(', ') : undefined;
}

export class ServiceNode implements ExplorerNode {
  readonly kind = 'service';
  readonly id: string;
  private children: ExplorerNode[] | undefined;
  private tasks: TasksFolderNode | undefined;
  private history: ServiceDeploymentsFolderNode | CodeDeployDeploymentsFolderNode | undefined;
  /** The exit code of the newest stopped task of a failing deployment, read once per deployment. */
  private lastExit: { deploymentId: string; code?: number } | undefined;

  constructor(
    private readonly ctx: ExplorerContext,
    public service: Service,
    readonly scope: AwsScope,
    readonly cluster: string,
    parentId: string,
  ) {
    this.id = `${parentId}/service:${service.serviceName}`;
    checkPausedHook(ctx, scope, cluster, service);
  }

  get resource(): NodeResource {
    const service = this.service;
    const name = service.serviceName ?? '';
    const clusterName = resourceName(this.cluster);
    return {
      scope: this.scope,
      name,
      arn: service.serviceArn,
      console: { kind: 'service', cluster: clusterName, service: name },
      describe: async () => ({ title: `service-${name}`, value: service }),
    };
  }

  /**
   * New data (a watch, a command, the auto-refresher); when counts or deployments moved, the tasks
   * below are read again when shown, and so is the deployment history (also while it shows one
   * unfinished: its stage moves without the service's counts moving).
   */
  update(service: Service): void {
    const moved = serviceShape(service) !== serviceShape(this.service);
    if (moved) this.tasks?.reset();
    if (moved || this.history?.showsActive) this.history?.reset();
    this.service = service;
    checkPausedHook(this.ctx, this.scope, this.cluster, service);
  }

  /** The deployment history on screen shows an unfinished deployment (a blue/green bake moves no counts). */
  get historyActive(): boolean {
    return this.history?.showsActive ?? false;
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('service', this.scope, [this.cluster, this.service.serviceName], this);
    // A deployment in progress keeps this node fresh while the view is visible.
    if (isServiceSettling(this.service)) this.ctx.autoRefresher.track(this);
    const failing = failingDeployment(this.service);
    if (failing?.id && this.lastExit?.deploymentId !== failing.id) this.readLastExit(failing.id);
    const presented = this.presented();
    const icon = presented.state === 'warning' || presented.state === 'error' ? 'warning' : this.service.resourceManagementType === 'ECS' ? 'rocket' : 'layers';
    const item = presentedItem(presented, { id: this.id, icon, contextValue: 'service', collapsible: true });
    // With a cost to show, the tooltip is made on hover (resolveTreeItem): the figure needs reads of its own.
    if (this.ctx.serviceCosts.rows) item.tooltip = undefined;
    return item;
  }

  private presented() {
    const failing = failingDeployment(this.service);
    return presentService(this.service, failing && failing.id === this.lastExit?.deploymentId ? this.lastExit?.code : undefined);
  }

  /** The tooltip with the service's cost below the describe rows; a cost that cannot be read says why in its row. */
  async resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    const read = this.ctx.serviceCosts.rows?.(this.scope, this.cluster, this.service) ?? Promise.resolve([]);
    const rows = await read.catch((error: unknown): [string, string][] => [['Cost', `not estimated: ${error instanceof Error ? error.message : String(error)}`]]);
    item.tooltip = new vscode.MarkdownString([this.presented().details, detailRows(rows)].filter(Boolean).join('  \n'));
    return item;
  }

  /** Why the failing deployment's tasks stop, in one number on the row; a failed read leaves it out. */
  private readLastExit(deploymentId: string): void {
    this.lastExit = { deploymentId };
    this.ctx
      .reader(this.scope)
      .deploymentStoppedTasks(this.cluster, this.service.serviceName ?? '', { deploymentId, limit: 1 })
      .then(([task]) => {
        if (this.lastExit?.deploymentId !== deploymentId || !task) return;
        this.lastExit.code = exitedContainer(task)?.exitCode ?? undefined;
        if (this.lastExit.code !== undefined) this.ctx.refresh(this);
      })
      .catch(() => undefined);
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.children) {
      this.tasks = new TasksFolderNode(this.ctx, this.scope, this.cluster, { serviceName: this.service.serviceName }, this.id, () => ({
        running: this.service.runningCount,
        revisions: runningRevisions(this.service),
        events: this.service.events,
      }));
      this.children = [
        this.deploymentsFolder(),
        new EventsFolderNode(this.ctx, () => this.service, this.id),
        this.tasks,
        new AutoScalingNode(this.ctx, this.scope, this.cluster, this.service.serviceName ?? '', this.id),
        // An Express Mode service: ECS created and manages its load balancer, scaling and logs.
        ...(this.service.resourceManagementType === 'ECS' ? [new ExpressResourcesNode(this.ctx, { scope: this.scope, cluster: this.cluster, service: this.service.serviceName ?? '' }, this.id)] : []),
      ];
    }
    return this.children;
  }

  /**
   * The service deployments (ECS deployment controller), the CodeDeploy deployments (CODE_DEPLOY);
   * an EXTERNAL service has neither, so its folder shows the deployments DescribeServices returned.
   */
  private deploymentsFolder(): ExplorerNode {
    const controller = this.service.deploymentController?.type ?? 'ECS';
    const name = this.service.serviceName ?? '';
    const keepFresh = () => this.ctx.autoRefresher.track(this);
    if (controller === 'CODE_DEPLOY') this.history = new CodeDeployDeploymentsFolderNode(this.ctx, this.scope, this.cluster, name, this.id, keepFresh);
    else if (controller === 'ECS') this.history = new ServiceDeploymentsFolderNode(this.ctx, this.scope, this.cluster, name, this.id, keepFresh);
    else return new DeploymentsFolderNode(this);
    return this.history;
  }
}

/** The service's deployments, from the DescribeServices already made. */
class DeploymentsFolderNode implements ExplorerNode {
  readonly kind = 'deploymentsFolder';
  constructor(private readonly parent: ServiceNode) {}

  getTreeItem(): vscode.TreeItem {
    const count = this.parent.service.deployments?.length ?? 0;
    return folderItem('Deployments', `${this.parent.id}/deployments`, 'rocket', 'deploymentsFolder', String(count));
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const deployments = this.parent.service.deployments ?? [];
    if (!deployments.length) return [new MessageNode({ kind: 'other', title: 'No deployments', message: 'No deployments' }, 'info', `${this.parent.id}/deployments`)];
    return deployments.map((d) => new DeploymentNode(d, this.parent.scope, `${this.parent.id}/deployments`));
  }
}
