/**
 * The service deployment (ListServiceDeployments / DescribeServiceDeployments) behind a deployment
 * of DescribeServices, and the one in progress, for the watcher and the rollback, stop and
 * continue commands.
 */
import { describeAwsError } from '../aws/errors';
import type { EcsActions, Service } from './ecsActions';
import { ACTIVE_STATUSES } from '../ecs/serviceDeployments';
import type { ServiceDeployment } from './serviceDeploymentState';

/**
 * The ARN of the service deployment that stands for `deploymentId`: the service's
 * `currentServiceDeployment` when ECS gives it (no call), else the recent one whose ARN ends in the
 * deployment's id, else the newest created with it. Undefined when none can be read (e.g. no
 * ecs:ListServiceDeployments permission): the watch then reads DescribeServices alone, as before.
 */
export async function serviceDeploymentArnOf(actions: EcsActions, cluster: string, service: string, snapshot: Service, deploymentId: string): Promise<string | undefined> {
  if (snapshot.currentServiceDeployment) return snapshot.currentServiceDeployment;
  const suffix = `/${deploymentId.replace(/^ecs-svc\//, '')}`;
  const createdAt = snapshot.deployments?.find((d) => d.id === deploymentId)?.createdAt?.getTime();
  const listed = await actions.serviceDeployments().deployments(cluster, service, { limit: 10 }).catch(() => ({ items: [] as ServiceDeployment[] }));
  // ListServiceDeployments promises no order: newest first by creation.
  const recent = listed.items.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  const byId = recent.find((d) => d.serviceDeploymentArn?.endsWith(suffix));
  const byTime = createdAt === undefined ? undefined : [...recent].reverse().find((d) => (d.createdAt?.getTime() ?? 0) >= createdAt - 5_000);
  return (byId ?? byTime)?.serviceDeploymentArn;
}

/**
 * One DescribeServiceDeployments of `arn` per call; after an access denial it answers undefined
 * without asking again (the watch goes on over DescribeServices). Other failures reach the
 * watcher, which retries them like a failed DescribeServices.
 */
export function serviceDeploymentReader(actions: EcsActions, arn: string): () => Promise<ServiceDeployment | undefined> {
  let denied = false;
  return async () => {
    if (denied) return undefined;
    try {
      return await actions.serviceDeployments().deployment(arn);
    } catch (error) {
      if (describeAwsError(error).kind !== 'access-denied') throw error;
      denied = true;
      return undefined;
    }
  };
}

/**
 * The service deployment a rollback, stop or continue acts on: the one named, else the newest one
 * ECS is still working on. Throws, saying so, when there is none.
 */
export async function activeServiceDeployment(actions: EcsActions, cluster: string, service: string, arn?: string): Promise<ServiceDeployment> {
  const reader = actions.serviceDeployments();
  if (arn) {
    const found = await reader.deployment(arn);
    if (!found) throw new Error(`Service deployment ${arn} was not found.`);
    return found;
  }
  const [newest] = (await reader.deployments(cluster, service, { limit: 1 }, ACTIVE_STATUSES)).items;
  if (!newest) throw new Error(`Service "${service}" has no deployment in progress.`);
  return newest;
}
