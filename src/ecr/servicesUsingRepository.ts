/** Which ECS services run an image of a repository: what *Deploy…* after a push offers first. */
import type { ClientManager, Scope } from '../aws/clientManager';
import { Limiter } from '../aws/paging';
import { EcsReader, type Service } from '../ecs/ecsReader';
import { sameRepository } from './names';

export interface ServiceUse {
  /** The cluster's ARN. */
  cluster: string;
  service: Service;
  /** The first container of the service's task definition whose image comes from the repository. */
  container?: string;
  image?: string;
}

/** Where the next page starts: the clusters of the current cluster page still to read, and the service page within the first. */
interface Cursor {
  clusters: string[];
  clusterToken?: string;
  clustersDone: boolean;
  serviceToken?: string;
}

/**
 * The region's services across its clusters, about 100 at a time, each with the container that runs
 * an image of `repositoryUri` (matched across host forms, see repositoryKey). Each task definition is
 * described once, at most 10 at a time; one that cannot be read counts as not using the repository.
 */
export class ServicesUsingRepository {
  private readonly reader: EcsReader;
  private readonly containers = new Map<string, Promise<{ name?: string; image?: string }[]>>();
  private readonly limiter = new Limiter(10);

  constructor(
    clients: ClientManager,
    scope: Scope,
    private readonly repositoryUri: string,
    /** Services a page: a List page's worth. */
    private readonly pageSize = 100,
  ) {
    this.reader = new EcsReader(clients, scope);
  }

  async page(token?: string): Promise<{ items: ServiceUse[]; nextToken?: string }> {
    const cursor: Cursor = token ? JSON.parse(token) : { clusters: [], clustersDone: false };
    const services: { cluster: string; service: Service }[] = [];
    while (services.length < this.pageSize) {
      if (!cursor.clusters.length) {
        if (cursor.clustersDone) break;
        const { items, nextToken } = await this.reader.clusters({ limit: 100, startToken: cursor.clusterToken });
        cursor.clusters = items.map((c) => c.clusterArn ?? '').filter(Boolean);
        cursor.clusterToken = nextToken;
        cursor.clustersDone = !nextToken;
        continue;
      }
      const { items, nextToken } = await this.reader.services(cursor.clusters[0], { limit: this.pageSize - services.length, startToken: cursor.serviceToken });
      services.push(...items.map((service) => ({ cluster: cursor.clusters[0], service })));
      cursor.serviceToken = nextToken;
      if (!nextToken) cursor.clusters.shift();
    }
    const items = await Promise.all(services.map(async (s) => ({ ...s, ...(await this.use(s.service.taskDefinition)) })));
    return { items, nextToken: cursor.clusters.length || !cursor.clustersDone ? JSON.stringify(cursor) : undefined };
  }

  private async use(taskDefinition: string | undefined): Promise<{ container?: string; image?: string }> {
    if (!taskDefinition) return {};
    let containers = this.containers.get(taskDefinition);
    if (!containers) {
      containers = this.limiter.run(() => this.reader.taskDefinition(taskDefinition)).then(
        (out) => out.taskDefinition?.containerDefinitions ?? [],
        () => [],
      );
      this.containers.set(taskDefinition, containers);
    }
    const match = (await containers).find((c) => c.image && sameRepository(c.image, this.repositoryUri));
    return match ? { container: match.name, image: match.image } : {};
  }
}
