import type { Scope } from '../aws/clientManager';
import type { Service } from '../ecs/ecsReader';
import { NewestReads } from '../ecs/readOrder';
import type { ResourceChange } from '../ecs/resourceChanges';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { ClusterNode } from './nodes/clusterNode';
import { ServiceNode, serviceShape } from './nodes/serviceNode';
import { PagedListNode } from './pagedListNode';

/**
 * Re-reads what a command changed, in the nodes on screen that show it: the service row (and so
 * its deployments, events and tasks), the cluster's counts, the tasks folders, the families and
 * revisions. Nodes not drawn yet read fresh data when first expanded, so they need nothing.
 */
export class ChangeApplier {
  /** The last shape seen per service, so a poll that changed nothing does not re-read the cluster. */
  private readonly shapes = new Map<string, string>();
  /** The newest DescribeClusters asked for per cluster row: an older answer arriving later is dropped. */
  private readonly clusterReads = new Map<string, number>();
  /** Per service row, the newest DescribeServices (or UpdateService) shown: older answers arriving later are dropped. */
  private readonly serviceReads = new NewestReads();

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Never throws: a failed re-read leaves the node as it was, and the next refresh tries again. */
  async apply(change: ResourceChange): Promise<void> {
    try {
      if (change.kind === 'service') {
        if (await this.service(change.scope, change.cluster, change.service, change.snapshot)) await this.cluster(change.scope, change.cluster);
      } else if (change.kind === 'services') {
        this.reread(this.ctx.index.find('services', change.scope, change.cluster));
        await this.cluster(change.scope, change.cluster);
      } else if (change.kind === 'tasks') {
        this.reread(this.ctx.index.find('tasks', change.scope, change.cluster, undefined));
        if (change.service) {
          this.reread(this.ctx.index.find('tasks', change.scope, change.cluster, change.service));
          await this.service(change.scope, change.cluster, change.service);
        }
        await this.cluster(change.scope, change.cluster);
      } else if (change.kind === 'clusters') {
        this.reread(this.ctx.index.find('region', change.scope));
      } else if (change.kind === 'taskDefinition') {
        this.reread(this.ctx.index.find('taskDefinitions', change.scope));
        this.reread(this.ctx.index.find('family', change.scope, change.family));
      }
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * The service row with `snapshot` (or a fresh describe when the row is drawn); true when its counts
   * or deployments moved since last seen, or when that cannot be known.
   */
  private async service(scope: Scope, cluster: string, service: string, snapshot?: Service): Promise<boolean> {
    const node = this.ctx.index.find('service', scope, cluster, service);
    const drawn = node instanceof ServiceNode ? node : undefined;
    const fresh = snapshot ?? (drawn && (await this.ctx.reader(drawn.scope).servicesByName(cluster, [service]))[0]);
    if (!fresh) return true;
    const key = this.ctx.index.key('service', scope, [cluster, service]);
    if (!this.serviceReads.accept(key, fresh)) return false;
    const shape = serviceShape(fresh);
    const changed = this.shapes.get(key) !== shape;
    this.shapes.set(key, shape);
    if (drawn) {
      drawn.update(fresh);
      this.ctx.refresh(drawn);
    }
    return changed;
  }

  private async cluster(scope: Scope, cluster: string): Promise<void> {
    const node = this.ctx.index.find('cluster', scope, cluster);
    if (!(node instanceof ClusterNode)) return;
    const key = this.ctx.index.key('cluster', scope, [cluster]);
    const read = (this.clusterReads.get(key) ?? 0) + 1;
    this.clusterReads.set(key, read);
    const fresh = await this.ctx.reader(node.scope).cluster(cluster);
    if (!fresh || this.clusterReads.get(key) !== read) return;
    node.update(fresh);
    this.ctx.refresh(node);
  }

  private reread(node: ExplorerNode | undefined): void {
    if (!(node instanceof PagedListNode)) return;
    node.reset();
    this.ctx.refresh(node);
  }
}
