import type { AwsScope } from '../aws/clientManager';
import { isServiceSettling } from '../ecs/present';
import type { EcsReader, Service } from '../ecs/ecsReader';
import type { ServiceNode } from './nodes/serviceNode';

export interface AutoRefreshHost {
  reader(scope: AwsScope): EcsReader;
  /** A fresh describe of a tracked service: redraw it (and what its change touches). */
  refresh(node: ServiceNode, service: Service): void;
  intervalMs(): number;
  onError?(error: unknown): void;
}

const MAX_BACKOFF_MS = 120_000;

/**
 * Keeps services with a deployment in progress (or an unfinished service deployment on screen) fresh while the explorer is visible: one
 * DescribeServices per cluster (10 services a call) per interval, backing off on errors
 * (throttling included), and nothing at all while the view is hidden or nothing is settling.
 */
export class ServiceAutoRefresher {
  private readonly tracked = new Map<string, ServiceNode>();
  private timer: NodeJS.Timeout | undefined;
  private visible = false;
  private backoffMs = 0;
  private ticking = false;

  constructor(private readonly host: AutoRefreshHost) {}

  /** Called by a service node that shows a deployment in progress; the newest node object wins. */
  track(node: ServiceNode): void {
    this.tracked.set(node.id, node);
    this.schedule();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.schedule();
    else this.cancel();
  }

  /** Forget everything (the tree was rebuilt for another profile or region). */
  clear(): void {
    this.tracked.clear();
    this.cancel();
  }

  get trackedServices(): string[] {
    return [...this.tracked.keys()];
  }

  get polling(): boolean {
    return this.timer !== undefined || this.ticking;
  }

  dispose(): void {
    this.clear();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.visible || this.timer || this.ticking || !this.tracked.size) return;
    this.timer = setTimeout(() => void this.tick(), this.host.intervalMs() + this.backoffMs);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticking = true;
    try {
      const groups = new Map<string, ServiceNode[]>();
      for (const node of this.tracked.values()) {
        const key = `${node.scope.profile ?? ''}\u0000${node.scope.region}\u0000${node.cluster}`;
        groups.set(key, [...(groups.get(key) ?? []), node]);
      }
      // Each cluster on its own: one that fails (access denied, throttled) leaves the others refreshing.
      const outcomes = await Promise.allSettled(
        [...groups.values()].map(async (nodes) => {
          const { scope, cluster } = nodes[0];
          const fresh = await this.host.reader(scope).servicesByName(cluster, nodes.map((n) => n.service.serviceArn ?? n.service.serviceName ?? ''));
          for (const node of nodes) {
            const service = fresh.find((s) => s.serviceArn === node.service.serviceArn);
            if (!service || !(isServiceSettling(service) || node.historyActive)) this.tracked.delete(node.id);
            if (service) this.host.refresh(node, service);
          }
        }),
      );
      const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      failures.forEach((f) => this.host.onError?.(f.reason));
      // Back off only when nothing could be read: AWS (or the network) is the problem, not one cluster.
      if (failures.length && failures.length === outcomes.length) this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.host.intervalMs(), this.backoffMs * 2));
      else this.backoffMs = 0;
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }
}
