import { taskDefinitionParts } from '../aws/arn';
import type { ClientManager, ClientOf, Scope } from '../aws/clientManager';
import { chunk, listAndDescribe, type PagedResult, type PageRequest } from '../aws/paging';
import { plainObjects } from '../aws/plainObjects';
import type { Sdk } from '../aws/sdkLoader';
import type { ecs as EcsTypes } from '../aws/sdk';
import { newestFirst } from '../util/sort';

export type Cluster = EcsTypes.Cluster;
export type Service = EcsTypes.Service;
export type Task = EcsTypes.Task;
export type ContainerInstance = EcsTypes.ContainerInstance;
export type TaskDefinition = EcsTypes.TaskDefinition;

/** AWS's batch limits of the Describe calls, and the List page limit. */
export const LIMITS = { describeClusters: 100, describeServices: 10, describeTasks: 100, describeContainerInstances: 100, listPage: 100 } as const;

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
    const batches = chunk(services, LIMITS.describeServices).map(async (batch) =>
      plainObjects((await client.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }))).services ?? []),
    );
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
   * Stopped tasks of a service, newest first; with `deploymentId`, only those it started (ECS sets
   * `startedBy` to the deployment id). ListTasks has no order, so one page of 100 is read and sorted.
   */
  async stoppedTasks(cluster: string, serviceName: string, options: { deploymentId?: string; limit?: number } = {}): Promise<Task[]> {
    const { sdk, client } = await this.ecs();
    const list = await client.send(new sdk.ecs.ListTasksCommand({ cluster, serviceName, desiredStatus: 'STOPPED', maxResults: LIMITS.listPage }));
    if (!list.taskArns?.length) return [];
    const out = await client.send(new sdk.ecs.DescribeTasksCommand({ cluster, tasks: list.taskArns }));
    return plainObjects(out.tasks ?? [])
      .filter((t) => !options.deploymentId || t.startedBy === options.deploymentId)
      .sort(newestFirst((t) => t.stoppedAt))
      .slice(0, options.limit ?? Infinity);
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
}
