/**
 * ECS Express Mode calls: create, the service's managed resources (its current service revision's
 * `ecsManagedResources`), and the wait until they are ACTIVE and the service is steady.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import { resourceName } from '../aws/arn';
import { plainObjects } from '../aws/plainObjects';
import type { ecs as EcsTypes } from '../aws/sdk';
import { expressUrl, managedResourceRows, resourcesSettled, type ManagedResourceRow } from './express';

export interface ExpressState {
  service?: EcsTypes.Service;
  resources?: EcsTypes.ECSManagedResources;
  rows: ManagedResourceRow[];
  url?: string;
}

export class ExpressService {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope,
  ) {}

  async create(request: EcsTypes.CreateExpressGatewayServiceRequest): Promise<EcsTypes.ECSExpressGatewayService> {
    const { sdk, client } = await this.clients.clientWithSdk('ecs', this.scope);
    const out = await client.send(new sdk.ecs.CreateExpressGatewayServiceCommand(request));
    if (!out.service?.serviceArn) throw new Error('CreateExpressGatewayService returned no service.');
    return plainObjects([out.service])[0];
  }

  async delete(serviceArn: string): Promise<EcsTypes.ECSExpressGatewayService | undefined> {
    const { sdk, client } = await this.clients.clientWithSdk('ecs', this.scope);
    return (await client.send(new sdk.ecs.DeleteExpressGatewayServiceCommand({ serviceArn }))).service;
  }

  /** The service (DescribeServices) and the managed resources of its newest revision (DescribeServiceRevisions). */
  async state(cluster: string, service: string, known?: EcsTypes.Service): Promise<ExpressState> {
    const { sdk, client } = await this.clients.clientWithSdk('ecs', this.scope);
    const described = known ?? (await client.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
    const revisionArn = described?.currentServiceRevisions?.[0]?.arn;
    let resources: EcsTypes.ECSManagedResources | undefined;
    if (revisionArn) {
      const revisions = (await client.send(new sdk.ecs.DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn] }))).serviceRevisions ?? [];
      resources = revisions[0]?.ecsManagedResources;
    }
    const rows = managedResourceRows(resources);
    return { service: described, resources, rows, url: expressUrl(resources) };
  }

  /**
   * Polls until every managed resource is ACTIVE and the service's deployment is COMPLETED with its
   * tasks running; a FAILED resource or deployment, the timeout or the signal ends it.
   */
  async waitSettled(serviceArn: string, opts: { intervalMs: number; timeoutMs: number; signal?: AbortSignal; onProgress?(s: ExpressState): void; now?: () => number }): Promise<ExpressState & { outcome: 'steady' | 'failed' | 'timedOut' | 'cancelled' }> {
    const now = opts.now ?? Date.now;
    const deadline = now() + opts.timeoutMs;
    const cluster = serviceArn.split('/').slice(-2)[0];
    const name = resourceName(serviceArn);
    for (;;) {
      const s = await this.state(cluster, name);
      opts.onProgress?.(s);
      const settled = resourcesSettled(s.rows);
      const primary = s.service?.deployments?.find((d) => d.status === 'PRIMARY');
      if (settled === 'failed' || primary?.rolloutState === 'FAILED') return { ...s, outcome: 'failed' };
      if (settled === 'active' && primary?.rolloutState === 'COMPLETED' && (s.service?.runningCount ?? 0) >= (s.service?.desiredCount ?? 0)) return { ...s, outcome: 'steady' };
      if (now() >= deadline) return { ...s, outcome: 'timedOut' };
      if (opts.signal?.aborted) return { ...s, outcome: 'cancelled' };
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, opts.intervalMs);
        opts.signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      });
    }
  }
}
