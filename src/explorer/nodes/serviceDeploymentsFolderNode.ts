import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import { presentServiceDeployment } from '../../ecs/presentServiceDeployment';
import { isActiveDeployment, pausedHook, revisionArnsOf, ServiceDeploymentReader, type ServiceDeployment, type ServiceRevision } from '../../ecs/serviceDeployments';
import type { ExplorerNode } from '../explorerNode';
import { DeploymentHistoryFolder } from './deploymentHistoryFolder';
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
export class ServiceDeploymentsFolderNode extends DeploymentHistoryFolder<ShownDeployment> {
  readonly kind = 'serviceDeploymentsFolder';
  protected readonly operation = 'ecs:ListServiceDeployments';
  protected readonly emptyText = 'No service deployments';
  /** The deployments read so far (for *Compare revisions* from the folder). */
  get shown(): readonly ShownDeployment[] {
    return this.loadedItems ?? [];
  }

  protected async fetch(page: PageRequest): Promise<{ items: ShownDeployment[]; nextToken?: string }> {
    const reader = new ServiceDeploymentReader(this.ctx.clients, this.scope);
    const { items, nextToken } = await reader.deployments(this.cluster, this.service, page);
    // Labels fall back to the revision's id when its describe fails: the history still shows.
    const revisions = await reader.revisions(items.flatMap(revisionArnsOf)).catch(() => new Map<string, ServiceRevision>());
    for (const deployment of items) {
      const hook = pausedHook(deployment);
      if (hook) this.ctx.pausedDeployments.notify?.({ scope: this.scope, cluster: this.cluster, service: this.service, deployment, hook });
    }
    this.noteActive(items.some(isActiveDeployment), !page.startToken);
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
