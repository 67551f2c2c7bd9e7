import type { ClientManager, ClientOf, Scope } from '../aws/clientManager';
import { chunk, listAndDescribe, type PagedResult, type PageRequest } from '../aws/paging';
import { plainObjects } from '../aws/plainObjects';
import type { Sdk } from '../aws/sdkLoader';
import type { ecs as EcsTypes } from '../aws/sdk';

export type ServiceDeployment = EcsTypes.ServiceDeployment;
export type ServiceRevision = EcsTypes.ServiceRevision;

/** AWS's limits: DescribeServiceDeployments and DescribeServiceRevisions take 20 ARNs a call; ListServiceDeployments pages up to 100. */
export const HISTORY_LIMITS = { describeServiceDeployments: 20, describeServiceRevisions: 20, listPage: 100 } as const;

/** Statuses of a service deployment ECS is still working on (StopServiceDeployment and ContinueServiceDeployment act on these). */
export const ACTIVE_STATUSES = ['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'];

export function isActiveDeployment(d: ServiceDeployment): boolean {
  return ACTIVE_STATUSES.includes(d.status ?? '');
}

/** The deployment's strategy: its own configuration's, else the service's, else ROLLING (ECS's default). */
export function strategyOf(d: ServiceDeployment | undefined, serviceStrategy?: string): string {
  return d?.deploymentConfiguration?.strategy ?? serviceStrategy ?? 'ROLLING';
}

/** The PAUSE hook of an unfinished deployment that waits for ContinueServiceDeployment (AWAITING_ACTION: the only status it can be continued in), if any. */
export function pausedHook(d: ServiceDeployment): EcsTypes.DeploymentLifecycleHookDetail | undefined {
  if (!isActiveDeployment(d)) return undefined;
  return d.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION' && h.targetType !== 'AWS_LAMBDA');
}

/** Service revisions by ARN, per ClientManager: a revision never changes once ECS made it. */
const revisionCache = new WeakMap<ClientManager, Map<string, ServiceRevision>>();
const REVISION_CACHE_SIZE = 2000;

/** A service's deployment history and its service revisions, as plain data. */
export class ServiceDeploymentReader {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope = {},
  ) {}

  private ecs(): Promise<{ sdk: Sdk; client: ClientOf<'ecs'> }> {
    return this.clients.clientWithSdk('ecs', this.scope);
  }

  /**
   * The service deployments, in ListServiceDeployments' order (newest first), described 20 at a
   * time while the next List page is read; `status` narrows on the server.
   */
  async deployments(cluster: string, service: string, page: PageRequest = {}, status?: string[]): Promise<PagedResult<ServiceDeployment>> {
    const { sdk, client } = await this.ecs();
    return listAndDescribe({
      list: async (nextToken, maxResults) => {
        const out = await client.send(new sdk.ecs.ListServiceDeploymentsCommand({ cluster, service, status: status as EcsTypes.ServiceDeploymentStatus[] | undefined, nextToken, maxResults }));
        return { ids: (out.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn ?? '').filter(Boolean), nextToken: out.nextToken };
      },
      describe: (serviceDeploymentArns) => this.describe(serviceDeploymentArns),
      batchSize: HISTORY_LIMITS.describeServiceDeployments,
      pageSize: HISTORY_LIMITS.listPage,
      limit: page.limit,
      startToken: page.startToken,
    });
  }

  /** Service deployments by ARN, 20 a call (AWS's limit), in the order asked; one ECS does not return is left out. */
  async describe(arns: readonly string[]): Promise<ServiceDeployment[]> {
    const { sdk, client } = await this.ecs();
    const batches = await Promise.all(
      chunk([...arns], HISTORY_LIMITS.describeServiceDeployments).map(async (serviceDeploymentArns) =>
        plainObjects((await client.send(new sdk.ecs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns }))).serviceDeployments ?? []),
      ),
    );
    // Describe answers in no promised order: keep the one asked.
    const byArn = new Map(batches.flat().map((d) => [d.serviceDeploymentArn, d]));
    return arns.map((arn) => byArn.get(arn)).filter((d): d is ServiceDeployment => d !== undefined);
  }

  /** One service deployment, fresh. */
  async deployment(serviceDeploymentArn: string): Promise<ServiceDeployment | undefined> {
    return (await this.describe([serviceDeploymentArn]))[0];
  }

  /**
   * Service revisions by ARN, 20 a call, cached for the session. A revision ECS does not return
   * (deleted with its service, access denied) is left out; a failed call fails the read.
   */
  async revisions(arns: readonly string[]): Promise<Map<string, ServiceRevision>> {
    let cache = revisionCache.get(this.clients);
    if (!cache) revisionCache.set(this.clients, (cache = new Map()));
    const known = cache;
    const missing = [...new Set(arns)].filter((arn) => arn && !known.has(arn));
    if (missing.length) {
      const { sdk, client } = await this.ecs();
      const read = await Promise.all(
        chunk(missing, HISTORY_LIMITS.describeServiceRevisions).map(async (serviceRevisionArns) =>
          plainObjects((await client.send(new sdk.ecs.DescribeServiceRevisionsCommand({ serviceRevisionArns }))).serviceRevisions ?? []),
        ),
      );
      for (const revision of read.flat()) {
        if (!revision.serviceRevisionArn) continue;
        known.set(revision.serviceRevisionArn, revision);
        if (known.size > REVISION_CACHE_SIZE) known.delete(known.keys().next().value!);
      }
    }
    const found = new Map<string, ServiceRevision>();
    for (const arn of arns) {
      const revision = known.get(arn);
      if (revision) found.set(arn, revision);
    }
    return found;
  }
}

/** The ARNs of the revisions a deployment goes from and to. */
export function revisionArnsOf(d: ServiceDeployment): string[] {
  return [...(d.sourceServiceRevisions ?? []).map((r) => r.arn ?? ''), d.targetServiceRevision?.arn ?? '', d.rollback?.serviceRevisionArn ?? ''].filter(Boolean);
}

/** `ecsWorkbench.listServiceDeployments`' result. */
export interface ListedServiceDeployment {
  serviceDeploymentArn: string;
  status: string;
  strategy: string;
  lifecycleStage?: string;
  sourceServiceRevisionArns: string[];
  targetServiceRevisionArn: string;
  /** ISO 8601; when it has not started yet (PENDING), when it was created. */
  startedAt: string;
  finishedAt?: string;
  rollback?: { reason?: string; startedAt?: string; serviceRevisionArn?: string };
}

export interface ListServiceDeploymentsResult {
  deployments: ListedServiceDeployment[];
}

/** One deployment as the command returns it: plain JSON (dates as ISO 8601). */
export function listedDeployment(d: ServiceDeployment): ListedServiceDeployment {
  const finished = d.finishedAt ?? d.stoppedAt;
  return {
    serviceDeploymentArn: d.serviceDeploymentArn ?? '',
    status: d.status ?? '',
    strategy: strategyOf(d),
    ...(d.lifecycleStage ? { lifecycleStage: d.lifecycleStage } : {}),
    sourceServiceRevisionArns: (d.sourceServiceRevisions ?? []).map((r) => r.arn ?? '').filter(Boolean),
    targetServiceRevisionArn: d.targetServiceRevision?.arn ?? '',
    startedAt: (d.startedAt ?? d.createdAt)?.toISOString() ?? '',
    ...(finished ? { finishedAt: finished.toISOString() } : {}),
    ...(d.rollback ? { rollback: { reason: d.rollback.reason, startedAt: d.rollback.startedAt?.toISOString(), serviceRevisionArn: d.rollback.serviceRevisionArn } } : {}),
  };
}

