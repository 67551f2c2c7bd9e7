import { taskDefinitionParts } from '../aws/arn';
import type { ClientManager, ClientOf, Scope } from '../aws/clientManager';
import { chunk, Limiter, listAndDescribe, type PagedResult, type PageRequest } from '../aws/paging';
import { plainObjects } from '../aws/plainObjects';
import type { Sdk } from '../aws/sdkLoader';
import type { ecs as EcsTypes } from '../aws/sdk';
import type { ServiceScan } from './presentTaskDefinition';
import { readTicket, stamped } from './readOrder';

export type Cluster = EcsTypes.Cluster;
export type Service = EcsTypes.Service;
export type Task = EcsTypes.Task;
export type ContainerInstance = EcsTypes.ContainerInstance;
export type TaskDefinition = EcsTypes.TaskDefinition;

/** AWS's batch limits of the Describe calls, and the List page limit. */
export const LIMITS = { describeClusters: 100, describeServices: 10, describeTasks: 100, describeContainerInstances: 100, listPage: 100 } as const;

/**
 * How many stopped tasks are read to sort them (10 ListTasks + 10 DescribeTasks). ListTasks lists
 * in no order, so the newest can only be found by reading the list; ECS keeps stopped tasks about
 * an hour, so it is short unless tasks churn.
 */
export const STOPPED_TASKS_READ = 1000;

/**
 * How far "which services run this family" reads (once per refresh of a region, for every
 * family): all clusters (ListClusters + DescribeClusters, 100 a call: 20 calls for 1,000), then the
 * services of at most 20 of those with services, in name order, and at most 200 services
 * (≤ ~22 ListServices + ~40 DescribeServices). So at most about 80 calls on any account.
 */
export const SERVICE_SCAN = { clusters: 20, services: 200 } as const;

/** Revisions read for their details, per ClientManager: a revision never changes but for its status. */
const revisionCache = new WeakMap<ClientManager, Map<string, TaskDefinition>>();
const REVISION_CACHE_SIZE = 2000;
/** DescribeTaskDefinition has no batch form: one call per revision, this many in flight. */
const REVISION_DESCRIBES_IN_FLIGHT = 5;

/** Newest first by stoppedAt; tasks still stopping (no stoppedAt yet) first of all. */
export function stoppedNewestFirst(a: Task, b: Task): number {
  return (b.stoppedAt?.getTime() ?? Infinity) - (a.stoppedAt?.getTime() ?? Infinity) || 0;
}

/**
 * Every ECS read the explorer makes, as plain data: List pages of 100 (ListServices too, whose
 * default is 10), Describe in AWS's largest batches, started while the next List page is fetched.
 */
export class EcsReader {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope = {},
  ) {}

  private ecs(): Promise<{ sdk: Sdk; client: ClientOf<'ecs'> }> {
    return this.clients.clientWithSdk('ecs', this.scope);
  }

  async clusters(page: PageRequest = {}): Promise<PagedResult<Cluster>> {
    const { sdk, client } = await this.ecs();
    const result = await listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListClustersCommand({ nextToken, maxResults }));
        return { ids: out.clusterArns ?? [], nextToken: out.nextToken };
      },
      describe: async (clusters) =>
        plainObjects((await client.send(new sdk.ecs.DescribeClustersCommand({ clusters, include: ['STATISTICS', 'TAGS'] }))).clusters ?? []),
      batchSize: LIMITS.describeClusters,
      limit: page.limit,
      startToken: page.startToken,
    });
    return { ...result, items: result.items.sort((a, b) => (a.clusterName ?? '').localeCompare(b.clusterName ?? '')) };
  }

  async services(cluster: string, page: PageRequest = {}): Promise<PagedResult<Service>> {
    const { sdk, client } = await this.ecs();
    return listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListServicesCommand({ cluster, nextToken, maxResults }));
        return { ids: out.serviceArns ?? [], nextToken: out.nextToken };
      },
      describe: async (services) => plainObjects((await client.send(new sdk.ecs.DescribeServicesCommand({ cluster, services }))).services ?? []),
      batchSize: LIMITS.describeServices,
      limit: page.limit,
      startToken: page.startToken,
    });
  }

  /** Services by name or ARN, fresh (for the auto-refresh of deployments in progress); at most 10 a call. */
  async servicesByName(cluster: string, services: string[]): Promise<Service[]> {
    const { sdk, client } = await this.ecs();
    const batches = chunk(services, LIMITS.describeServices).map(async (batch) => {
      const ticket = readTicket();
      return stamped(plainObjects((await client.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }))).services ?? []), ticket);
    });
    return (await Promise.all(batches)).flat();
  }

  async tasks(
    cluster: string,
    filter: { serviceName?: string; desiredStatus?: 'RUNNING' | 'STOPPED'; containerInstance?: string },
    page: PageRequest = {},
  ): Promise<PagedResult<Task>> {
    const { sdk, client } = await this.ecs();
    return listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListTasksCommand({ cluster, ...filter, nextToken, maxResults }));
        return { ids: out.taskArns ?? [], nextToken: out.nextToken };
      },
      describe: async (tasks) => plainObjects((await client.send(new sdk.ecs.DescribeTasksCommand({ cluster, tasks }))).tasks ?? []),
      batchSize: LIMITS.describeTasks,
      limit: page.limit,
      startToken: page.startToken,
    });
  }

  /**
   * Stopped tasks newest first: up to `cap` read (ListTasks has no order, so all of them are
   * needed to sort), sorted here; `complete` is false when more were left unread.
   */
  async stoppedTasks(cluster: string, filter: { serviceName?: string }, cap = STOPPED_TASKS_READ): Promise<{ tasks: Task[]; complete: boolean }> {
    const read = await this.tasks(cluster, { ...filter, desiredStatus: 'STOPPED' }, { limit: cap });
    return { tasks: read.items.sort(stoppedNewestFirst), complete: !read.nextToken };
  }

  /**
   * The newest stopped tasks of a service, with `deploymentId` only those it started (ECS sets
   * `startedBy` to the deployment id): one page of 100 read and sorted, enough for why a rollout fails.
   */
  async deploymentStoppedTasks(cluster: string, serviceName: string, options: { deploymentId?: string; limit?: number } = {}): Promise<Task[]> {
    const { tasks } = await this.stoppedTasks(cluster, { serviceName }, LIMITS.listPage);
    return tasks.filter((t) => !options.deploymentId || t.startedBy === options.deploymentId).slice(0, options.limit ?? Infinity);
  }

  /** One cluster, fresh (its counts after a change), or undefined when it is gone. */
  async cluster(cluster: string): Promise<Cluster | undefined> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.DescribeClustersCommand({ clusters: [cluster], include: ['STATISTICS', 'TAGS'] }));
    return plainObjects(out.clusters ?? [])[0];
  }

  async containerInstances(cluster: string, page: PageRequest = {}): Promise<PagedResult<ContainerInstance>> {
    const { sdk, client } = await this.ecs();
    return listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListContainerInstancesCommand({ cluster, nextToken, maxResults }));
        return { ids: out.containerInstanceArns ?? [], nextToken: out.nextToken };
      },
      describe: async (containerInstances) =>
        plainObjects((await client.send(new sdk.ecs.DescribeContainerInstancesCommand({ cluster, containerInstances }))).containerInstances ?? []),
      batchSize: LIMITS.describeContainerInstances,
      limit: page.limit,
      startToken: page.startToken,
    });
  }

  /**
   * Families whose revisions are all INACTIVE (ListTaskDefinitionFamilies lists a family under
   * INACTIVE as soon as one revision is, so the ACTIVE ones are taken away), sorted.
   */
  async inactiveOnlyFamilies(): Promise<string[]> {
    const [active, inactive] = await Promise.all([this.taskDefinitionFamilies({ limit: Infinity }), this.taskDefinitionFamilies({ limit: Infinity }, undefined, 'INACTIVE')]);
    const hasActive = new Set(active.items);
    return inactive.items.filter((f) => !hasActive.has(f)).sort();
  }

  /** Families with an ACTIVE (or, asked, INACTIVE) revision; `familyPrefix` narrows the list on the server. */
  async taskDefinitionFamilies(page: PageRequest = {}, familyPrefix?: string, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): Promise<PagedResult<string>> {
    const { sdk, client } = await this.ecs();
    return listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListTaskDefinitionFamiliesCommand({ status, familyPrefix, nextToken, maxResults }));
        return { ids: out.families ?? [], nextToken: out.nextToken };
      },
      describe: async (families) => families,
      batchSize: LIMITS.listPage,
      limit: page.limit,
      startToken: page.startToken,
    });
  }

  /** Revision ARNs of a family, newest first; ListTaskDefinitions lists one status at a time. */
  async taskDefinitionRevisions(family: string, status: 'ACTIVE' | 'INACTIVE', page: PageRequest = {}): Promise<PagedResult<string>> {
    const { sdk, client } = await this.ecs();
    return listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListTaskDefinitionsCommand({ familyPrefix: family, status, sort: 'DESC', nextToken, maxResults }));
        // familyPrefix matches "web" and "web-canary" alike: keep this family only.
        const ids = (out.taskDefinitionArns ?? []).filter((arn) => taskDefinitionParts(arn).family === family);
        return { ids, nextToken: out.nextToken };
      },
      describe: async (arns) => arns,
      batchSize: LIMITS.listPage,
      limit: page.limit,
      startToken: page.startToken,
    });
  }

  async taskDefinition(taskDefinition: string): Promise<{ taskDefinition?: TaskDefinition; tags?: EcsTypes.Tag[] }> {
    const { sdk, client } = await this.ecs();
    return client.send(new sdk.ecs.DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
  }

  /**
   * The describe output of revisions (registration date, images, size), by ARN: read once per
   * session (a revision's content never changes), 5 calls in flight. A revision that cannot be
   * read (access denied, deleted) is left out rather than failing the list.
   */
  async revisions(arns: string[]): Promise<Map<string, TaskDefinition>> {
    let cache = revisionCache.get(this.clients);
    if (!cache) revisionCache.set(this.clients, (cache = new Map()));
    const known = cache;
    const limiter = new Limiter(REVISION_DESCRIBES_IN_FLIGHT);
    const found = new Map<string, TaskDefinition>();
    await Promise.all(
      arns.map(async (arn) => {
        let td = known.get(arn);
        if (!td) {
          td = await limiter.run(() => this.taskDefinition(arn)).then((out) => out.taskDefinition, () => undefined);
          if (!td) return;
          known.set(arn, td);
          if (known.size > REVISION_CACHE_SIZE) known.delete(known.keys().next().value!);
        }
        found.set(arn, td);
      }),
    );
    return found;
  }

  /** Which service runs which revision, over the region's clusters, within SERVICE_SCAN. */
  async serviceScan(bound: { clusters: number; services: number } = SERVICE_SCAN): Promise<ServiceScan> {
    const clusters = (await this.clusters({ limit: Infinity })).items;
    const withServices = clusters.filter((c) => (c.activeServicesCount ?? 0) > 0);
    // Planned from DescribeClusters' counts, so the clusters are read in parallel within the bound.
    const planned: { cluster: Cluster; limit: number }[] = [];
    let budget = bound.services;
    for (const cluster of withServices) {
      if (planned.length >= bound.clusters || budget <= 0) break;
      const limit = Math.min(budget, cluster.activeServicesCount ?? 0);
      planned.push({ cluster, limit });
      budget -= limit;
    }
    const limiter = new Limiter(4);
    const read = await Promise.all(planned.map(({ cluster, limit }) => limiter.run(() => this.services(cluster.clusterArn ?? cluster.clusterName ?? '', { limit }))));
    const uses = read.flatMap((r, i) => r.items.map((s) => ({ cluster: planned[i].cluster.clusterArn ?? '', service: s.serviceName ?? '', taskDefinition: s.taskDefinition ?? '' })));
    const complete = planned.length === withServices.length && read.every((r) => !r.nextToken);
    return { uses, clustersRead: planned.length, clustersTotal: clusters.length, complete };
  }
}
