import type { ClientManager } from '../aws/clientManager';
import { loadSdk } from '../aws/sdkLoader';

export interface ClusterSummary {
  arn: string;
  name: string;
  status: string;
  runningTasks: number;
  pendingTasks: number;
  activeServices: number;
  containerInstances: number;
  capacityProviders: string[];
}

const DESCRIBE_BATCH = 100;

/** All clusters of a region: ListClusters pages of 100, each described as soon as it arrives. */
export async function listClusters(clients: ClientManager, region?: string): Promise<ClusterSummary[]> {
  const [sdk, ecs] = await Promise.all([loadSdk(), clients.client('ecs', { region })]);
  const described: Promise<ClusterSummary[]>[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new sdk.ecs.ListClustersCommand({ maxResults: 100, nextToken }));
    const arns = page.clusterArns ?? [];
    for (let i = 0; i < arns.length; i += DESCRIBE_BATCH) {
      const batch = arns.slice(i, i + DESCRIBE_BATCH);
      described.push(
        ecs.send(new sdk.ecs.DescribeClustersCommand({ clusters: batch })).then((out) =>
          (out.clusters ?? []).map((c) => ({
            arn: c.clusterArn ?? '',
            name: c.clusterName ?? '',
            status: c.status ?? 'UNKNOWN',
            runningTasks: c.runningTasksCount ?? 0,
            pendingTasks: c.pendingTasksCount ?? 0,
            activeServices: c.activeServicesCount ?? 0,
            containerInstances: c.registeredContainerInstancesCount ?? 0,
            capacityProviders: c.capacityProviders ?? [],
          })),
        ),
      );
    }
    nextToken = page.nextToken;
  } while (nextToken);
  const clusters = (await Promise.all(described)).flat();
  return clusters.sort((a, b) => a.name.localeCompare(b.name));
}
