/**
 * The CodeDeploy reads and writes a CODE_DEPLOY-controlled ECS service needs, as plain data over the
 * ClientManager: its application and deployment group, deployments, their ECS target, stop.
 */
import type { ClientManager, ClientOf, Scope } from '../../aws/clientManager';
import type { Sdk } from '../../aws/sdkLoader';
import type { codedeploy as CdTypes } from '../../aws/sdk';
import { readPages } from '../../aws/paging';
import { resourceName } from '../../aws/arn';

export type DeploymentInfo = CdTypes.DeploymentInfo;
export type EcsTarget = CdTypes.ECSTarget;

/** The application and deployment group that deploy one ECS service. */
export interface DeploymentGroupRef {
  applicationName: string;
  deploymentGroupName: string;
  group: CdTypes.DeploymentGroupInfo;
}

/** CodeDeploy's BatchGetDeployments and BatchGetDeploymentGroups limits. */
const DEPLOYMENT_BATCH = 25;
const GROUP_BATCH = 100;
export const ACTIVE_STATUSES: CdTypes.DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];

export class NoDeploymentGroupError extends Error {
  constructor(cluster: string, service: string, region?: string) {
    super(`No CodeDeploy deployment group deploys service "${resourceName(service)}" of cluster "${resourceName(cluster)}"${region ? ` (${region})` : ''}. `
      + 'A CODE_DEPLOY service deploys through a deployment group whose ECS services name it: create one (CreateDeploymentGroup with ecsServices), or deploy with the tool that manages it.');
    this.name = 'NoDeploymentGroupError';
  }
}

export class CodeDeployActions {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope = {},
  ) {}

  private cd(): Promise<{ sdk: Sdk; client: ClientOf<'codedeploy'> }> {
    return this.clients.clientWithSdk('codedeploy', this.scope);
  }

  /** The deployment group whose `ecsServices` names the service, over every application (paged). */
  async findGroup(cluster: string, service: string): Promise<DeploymentGroupRef> {
    const { sdk, client } = await this.cd();
    const clusterName = resourceName(cluster);
    const serviceName = resourceName(service);
    const apps = await readPages<string>({}, 100, async (nextToken) => {
      const out = await client.send(new sdk.codedeploy.ListApplicationsCommand({ nextToken }));
      return { items: out.applications, nextToken: out.nextToken };
    });
    for (const applicationName of apps.items) {
      const names = await readPages<string>({}, 100, async (nextToken) => {
        const out = await client.send(new sdk.codedeploy.ListDeploymentGroupsCommand({ applicationName, nextToken }));
        return { items: out.deploymentGroups, nextToken: out.nextToken };
      });
      for (let i = 0; i < names.items.length; i += GROUP_BATCH) {
        const out = await client.send(new sdk.codedeploy.BatchGetDeploymentGroupsCommand({ applicationName, deploymentGroupNames: names.items.slice(i, i + GROUP_BATCH) }));
        const group = (out.deploymentGroupsInfo ?? []).find((g) => (g.ecsServices ?? []).some((s) => s.serviceName === serviceName && s.clusterName === clusterName));
        if (group?.deploymentGroupName) return { applicationName, deploymentGroupName: group.deploymentGroupName, group };
      }
    }
    throw new NoDeploymentGroupError(cluster, service, this.scope.region);
  }

  async createDeployment(ref: DeploymentGroupRef, appSpec: string, description?: string): Promise<string> {
    const { sdk, client } = await this.cd();
    const out = await client.send(new sdk.codedeploy.CreateDeploymentCommand({
      applicationName: ref.applicationName,
      deploymentGroupName: ref.deploymentGroupName,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
      description,
    }));
    if (!out.deploymentId) throw new Error('CreateDeployment returned no deployment id.');
    return out.deploymentId;
  }

  async deployment(deploymentId: string): Promise<DeploymentInfo> {
    const { sdk, client } = await this.cd();
    const out = await client.send(new sdk.codedeploy.GetDeploymentCommand({ deploymentId }));
    if (!out.deploymentInfo) throw new Error(`CodeDeploy deployment ${deploymentId} was not found.`);
    return out.deploymentInfo;
  }

  /** The deployment's ECS target (task sets, traffic, lifecycle events), or undefined before it started. */
  async ecsTarget(deploymentId: string): Promise<EcsTarget | undefined> {
    const { sdk, client } = await this.cd();
    try {
      const ids = await client.send(new sdk.codedeploy.ListDeploymentTargetsCommand({ deploymentId }));
      if (!ids.targetIds?.length) return undefined;
      const out = await client.send(new sdk.codedeploy.BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ids.targetIds.slice(0, DEPLOYMENT_BATCH) }));
      return out.deploymentTargets?.find((t) => t.ecsTarget)?.ecsTarget;
    } catch (error) {
      if ((error as { name?: string }).name === 'DeploymentNotStartedException') return undefined;
      throw error;
    }
  }

  /** StopDeployment; with `autoRollbackEnabled` CodeDeploy sends traffic back to the original task set. */
  async stop(deploymentId: string, autoRollbackEnabled: boolean): Promise<CdTypes.StopDeploymentOutput> {
    const { sdk, client } = await this.cd();
    return client.send(new sdk.codedeploy.StopDeploymentCommand({ deploymentId, autoRollbackEnabled }));
  }

  /** Deployment ids of the group (all pages), optionally only those in the given statuses. */
  async deploymentIds(ref: Pick<DeploymentGroupRef, 'applicationName' | 'deploymentGroupName'>, statuses?: CdTypes.DeploymentStatus[]): Promise<string[]> {
    const { sdk, client } = await this.cd();
    const ids = await readPages<string>({}, 100, async (nextToken) => {
      const out = await client.send(new sdk.codedeploy.ListDeploymentsCommand({ ...ref, includeOnlyStatuses: statuses, nextToken }));
      return { items: out.deployments, nextToken: out.nextToken };
    });
    return ids.items;
  }

  /** BatchGetDeployments in batches of 25. */
  async deployments(ids: string[]): Promise<DeploymentInfo[]> {
    const { sdk, client } = await this.cd();
    const batches: Promise<DeploymentInfo[]>[] = [];
    for (let i = 0; i < ids.length; i += DEPLOYMENT_BATCH) {
      batches.push(client.send(new sdk.codedeploy.BatchGetDeploymentsCommand({ deploymentIds: ids.slice(i, i + DEPLOYMENT_BATCH) })).then((o) => o.deploymentsInfo ?? []));
    }
    return (await Promise.all(batches)).flat();
  }
}
