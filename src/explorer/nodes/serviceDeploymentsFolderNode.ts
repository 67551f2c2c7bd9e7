import type * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import type { PageRequest } from '../../aws/paging';
import { presentServiceDeployment } from '../../ecs/presentServiceDeployment';
import { isActiveDeployment, pausedHook, revisionArnsOf, ServiceDeploymentReader, type ServiceDeployment, type ServiceRevision } from '../../ecs/serviceDeployments';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { ServiceDeploymentNode } from './serviceDeploymentNode';

/** A deployment as the folder shows it: with the service revisions it names, read with its page. */
export interface ShownDeployment {
  deployment: ServiceDeployment;
  revisions: ReadonlyMap<string, ServiceRevision>;
}

/**
 * A service's deployment history, newest first as ListServiceDeployments lists it, a page at a
 * time (DescribeServiceDeployments 20 a call, then DescribeServiceRevisions of the revisions they
 * name, cached: a revision never changes). While one is unfinished, the service keeps refreshing
 * and resets this folder each time.
 */
export class ServiceDeploymentsFolderNode extends PagedListNode<ShownDeployment> {
  readonly kind = 'serviceDeploymentsFolder';
  protected readonly operation = 'ecs:ListServiceDeployments';
  protected readonly emptyText = 'No service deployments';
  /** Whether the last page read holds an unfinished deployment (its service then refreshes it). */
  private active = false;

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    readonly service: string,
    parentId: string,
    /** Asks the service above to keep refreshing while a deployment shown here runs. */
    private readonly onActive: () => void,
  ) {
    super(ctx, `${parentId}/deployments`);
  }

  get showsActive(): boolean {
    return this.active;
  }

  /** Forgotten with the pages: a collapsed folder is not read again, so it keeps no service refreshing. */
  override reset(): void {
    super.reset();
    this.active = false;
  }

  /** The deployments read so far (for *Compare revisions* from the folder). */
  get shown(): readonly ShownDeployment[] {
    return this.loadedItems ?? [];
  }

  protected async fetch(page: PageRequest): Promise<{ items: ShownDeployment[]; nextToken?: string }> {
    const reader = new ServiceDeploymentReader(this.ctx.clients, this.scope);
    const { items, nextToken } = await reader.deployments(this.cluster, this.service, page);
    // Labels fall back to the revision's id when its describe fails: the history still shows.
    const revisions = await reader.revisions(items.flatMap(revisionArnsOf)).catch(() => new Map<string, ServiceRevision>());
    if (!page.startToken) this.active = false;
    for (const deployment of items) {
      if (isActiveDeployment(deployment)) this.active = true;
      const hook = pausedHook(deployment);
      if (hook) this.ctx.pausedDeployments.notify?.({ scope: this.scope, cluster: this.cluster, service: this.service, deployment, hook });
    }
    if (this.active) this.onActive();
    return { items: items.map((deployment) => ({ deployment, revisions })), nextToken };
  }

  protected toNode(item: ShownDeployment): ExplorerNode {
    return new ServiceDeploymentNode(this.ctx, item.deployment, item.revisions, this.scope, this.cluster, this.service, this.id);
  }

  protected matches(item: ShownDeployment, filter: string): boolean {
    const shown = presentServiceDeployment(item.deployment, item.revisions, this.ctx.now());
    return `${shown.label} ${shown.description}`.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Deployments', 'rocket', 'serviceDeploymentsFolder');
  }
}
