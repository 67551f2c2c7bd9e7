/**
 * Create Cluster, Delete Cluster and Delete Service as plain data over the ClientManager: the ECS
 * and EC2 Auto Scaling calls, what a cluster still holds, the drain of a deleted service.
 */
import { resourceName } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { readPages, type PageRequest, type PagedResult } from '../aws/paging';
import type { ecs as EcsTypes, ec2autoscaling as AsgTypes } from '../aws/sdk';
import type { ChangeSink } from '../ecs/resourceChanges';
import type { CreateClusterArgs } from './clusterArgs';

export type AutoScalingGroup = AsgTypes.AutoScalingGroup;

/** What keeps a cluster from being deleted (API_DeleteCluster.html). */
export interface ClusterContents {
  clusterArn: string;
  services: string[];
  /** More services than `services` names (the list is read up to 100). */
  moreServices: boolean;
  runningTasks: number;
  containerInstances: number;
  capacityProviders: string[];
}

/** A cluster that still holds something; the message says what and how to empty it. */
export class ClusterNotEmptyError extends Error {
  constructor(readonly cluster: string, readonly contents: ClusterContents) {
    super(`Cluster ${cluster} is not empty: ${leftText(contents)}. ${contents.services.length ? 'Delete its services first (ECS: Delete Service…), then wait for their tasks to stop.' : 'Stop its tasks and deregister its container instances first.'}`);
    this.name = 'ClusterNotEmptyError';
  }
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** `2 services (api, web), 3 running tasks, 3 container instances` — what is left, or "nothing". */
export function leftText(c: ClusterContents): string {
  const parts = [
    c.services.length ? `${plural(c.services.length, 'service')}${c.moreServices ? ' or more' : ''} (${c.services.join(', ')})` : '',
    c.runningTasks ? plural(c.runningTasks, 'running task') : '',
    c.containerInstances ? plural(c.containerInstances, 'container instance') : '',
    c.capacityProviders.length ? `capacity providers ${c.capacityProviders.join(', ')}` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'nothing';
}

export function isEmpty(c: ClusterContents): boolean {
  return !c.services.length && !c.runningTasks && !c.containerInstances;
}

/** The CreateCluster request of Create Cluster's answers (Container Insights as the containerInsights setting). */
export function createClusterRequest(args: CreateClusterArgs): EcsTypes.CreateClusterRequest {
  return {
    clusterName: args.name,
    capacityProviders: args.capacityProviders,
    defaultCapacityProviderStrategy: args.defaultCapacityProviderStrategy,
    settings: args.containerInsights ? [{ name: 'containerInsights', value: args.containerInsights }] : undefined,
    serviceConnectDefaults: args.serviceConnectNamespace ? { namespace: args.serviceConnectNamespace } : undefined,
    tags: args.tags?.length ? args.tags : undefined,
  };
}

export interface AsgProviderOptions {
  name: string;
  autoScalingGroupArn: string;
  /** Managed scaling's target capacity, 1–100 %. */
  targetCapacity: number;
  /** Needs the group to protect new instances from scale-in. */
  terminationProtection: boolean;
}

export class ClusterActions {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope = {},
    private readonly onChange: ChangeSink = () => undefined,
  ) {}

  private ecs() {
    return this.clients.clientWithSdk('ecs', this.scope);
  }

  /** EC2 Auto Scaling groups, a page at a time (MaxRecords up to 100). */
  async autoScalingGroups(page: PageRequest = {}): Promise<PagedResult<AutoScalingGroup>> {
    const { sdk, client } = await this.clients.clientWithSdk('ec2autoscaling', this.scope);
    return readPages(page, 100, async (NextToken, MaxRecords) => {
      const out = await client.send(new sdk.ec2autoscaling.DescribeAutoScalingGroupsCommand({ NextToken, MaxRecords }));
      return { items: out.AutoScalingGroups, nextToken: out.NextToken };
    });
  }

  /** CreateCapacityProvider for an Auto Scaling group, managed scaling on. */
  async createAsgCapacityProvider(o: AsgProviderOptions): Promise<EcsTypes.CapacityProvider> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.CreateCapacityProviderCommand({
      name: o.name,
      autoScalingGroupProvider: {
        autoScalingGroupArn: o.autoScalingGroupArn,
        managedScaling: { status: 'ENABLED', targetCapacity: o.targetCapacity },
        managedTerminationProtection: o.terminationProtection ? 'ENABLED' : 'DISABLED',
      },
    }));
    return out.capacityProvider ?? { name: o.name };
  }

  /** CreateCluster; an existing ACTIVE cluster of that name is returned as it is (ECS's idempotence). */
  async createCluster(args: CreateClusterArgs): Promise<EcsTypes.Cluster> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.CreateClusterCommand(createClusterRequest(args)));
    if (!out.cluster?.clusterArn) throw new Error('CreateCluster returned no cluster.');
    this.onChange({ kind: 'clusters', scope: this.scope });
    return out.cluster;
  }

  /** What the cluster still holds: DescribeClusters' counts and capacity providers, the first 100 services' names. */
  async contents(cluster: string): Promise<ClusterContents> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.DescribeClustersCommand({ clusters: [cluster] }));
    const c = out.clusters?.find((x) => x.status !== 'INACTIVE');
    if (!c?.clusterArn) throw new Error(`Cluster "${resourceName(cluster)}" was not found${this.scope.region ? ` in ${this.scope.region}` : ''}.`);
    const services = c.activeServicesCount ? await client.send(new sdk.ecs.ListServicesCommand({ cluster, maxResults: 100 })) : { serviceArns: [], nextToken: undefined };
    return {
      clusterArn: c.clusterArn,
      services: (services.serviceArns ?? []).map((a) => resourceName(a)),
      moreServices: Boolean(services.nextToken),
      runningTasks: (c.runningTasksCount ?? 0) + (c.pendingTasksCount ?? 0),
      containerInstances: c.registeredContainerInstancesCount ?? 0,
      capacityProviders: (c.capacityProviders ?? []).filter((p) => p !== 'FARGATE' && p !== 'FARGATE_SPOT'),
    };
  }

  /** DeleteCluster once it is empty; ECS's ClusterContains* refusals come back as ClusterNotEmptyError with what is left. */
  async deleteCluster(cluster: string): Promise<EcsTypes.Cluster> {
    const before = await this.contents(cluster);
    if (!isEmpty(before)) throw new ClusterNotEmptyError(resourceName(cluster), before);
    const { sdk, client } = await this.ecs();
    try {
      const out = await client.send(new sdk.ecs.DeleteClusterCommand({ cluster }));
      this.onChange({ kind: 'clusters', scope: this.scope });
      return out.cluster ?? { clusterArn: before.clusterArn, status: 'INACTIVE' };
    } catch (error) {
      if (error instanceof Error && error.name.startsWith('ClusterContains')) throw new ClusterNotEmptyError(resourceName(cluster), await this.contents(cluster));
      throw error;
    }
  }

  /**
   * Scale to 0 then DeleteService, or DeleteService with force (ECS stops the tasks). Either is safe
   * to retry: the same desired count twice, and a DRAINING service deleted again answers as it is.
   */
  async deleteService(cluster: string, service: string, force: boolean): Promise<EcsTypes.Service> {
    const { sdk, client } = await this.ecs();
    if (!force) {
      const scaled = await client.send(new sdk.ecs.UpdateServiceCommand({ cluster, service, desiredCount: 0 }));
      if (scaled.service) this.onChange({ kind: 'service', scope: this.scope, cluster, service, snapshot: scaled.service });
    }
    const out = await client.send(new sdk.ecs.DeleteServiceCommand({ cluster, service, force: force || undefined }));
    this.onChange({ kind: 'services', scope: this.scope, cluster });
    return out.service ?? { serviceName: service, status: 'DRAINING' };
  }

  /** One DescribeServices of a deleted service: its status and the tasks still running. */
  async drainState(cluster: string, service: string): Promise<{ status: string; running: number; serviceArn?: string }> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: [service] }));
    const s = out.services?.[0];
    return { status: s?.status ?? 'INACTIVE', running: (s?.runningCount ?? 0) + (s?.pendingCount ?? 0), serviceArn: s?.serviceArn };
  }

  /** Polls until the service is INACTIVE (or `timeoutMs` passes), telling each state; then the tree drops its row. */
  async waitInactive(cluster: string, service: string, o: { intervalMs: number; timeoutMs: number; onState?: (s: { status: string; running: number }) => void; cancelled?: () => boolean }): Promise<string> {
    const deadline = Date.now() + o.timeoutMs;
    for (;;) {
      const s = await this.drainState(cluster, service);
      o.onState?.(s);
      if (s.status === 'INACTIVE' || Date.now() >= deadline || o.cancelled?.()) {
        this.onChange({ kind: 'services', scope: this.scope, cluster });
        return s.status;
      }
      await new Promise((resolve) => setTimeout(resolve, o.intervalMs));
    }
  }
}
