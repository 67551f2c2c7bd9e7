import type { AwsScope } from '../../aws/clientManager';
import { listedDeployment, ServiceDeploymentReader, type ListServiceDeploymentsResult } from '../../ecs/serviceDeployments';
import type { Services } from '../../services';
import { pickCluster, pickService } from '../../ui/ecsPickers';
import { readArgs } from '../../util/args';
import { nodeOf } from '../deploy/targets';

const USAGE = '{ cluster, service, region?, profile?, status?: string[] }';
const STATUSES = ['PENDING', 'SUCCESSFUL', 'STOPPED', 'STOP_REQUESTED', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];

interface Target {
  scope: AwsScope;
  cluster: string;
  service: string;
  status?: string[];
  /** From the palette: the answer is also shown as a document. */
  interactive: boolean;
}

/** A service node, its Deployments folder, an argument object, or (palette) a cluster and service picked. */
async function targetOf(services: Services, arg: unknown): Promise<Target> {
  const clients = services.clientManager;
  const serviceNode = nodeOf<{ scope: AwsScope; cluster: string; service: { serviceName?: string } }>(arg, 'service');
  if (serviceNode) return { scope: serviceNode.scope, cluster: serviceNode.cluster, service: serviceNode.service.serviceName ?? '', interactive: true };
  const folder = nodeOf<{ scope: AwsScope; cluster: string; service: string }>(arg, 'serviceDeploymentsFolder');
  if (folder) return { scope: folder.scope, cluster: folder.cluster, service: folder.service, interactive: true };
  if (arg === undefined) {
    const scope = clients.resolve();
    const cluster = await pickCluster(clients, scope);
    return { scope, cluster, service: await pickService(clients, scope, cluster), interactive: true };
  }
  const args = readArgs('ecsWorkbench.listServiceDeployments', USAGE, arg, ['cluster', 'service', 'status']);
  const status = args.array('status', (s): string => (typeof s === 'string' && STATUSES.includes(s) ? s : args.fail(`"status" entries must be among ${STATUSES.join(', ')}`)));
  return { scope: clients.resolve(args.scope()), cluster: args.string('cluster'), service: args.string('service'), status, interactive: false };
}

/**
 * `ecsWorkbench.listServiceDeployments`: the service's deployments newest first, every page read
 * (ListServiceDeployments, then DescribeServiceDeployments 20 a call). Read-only.
 */
export async function listServiceDeployments(services: Services, arg: unknown): Promise<ListServiceDeploymentsResult> {
  const target = await targetOf(services, arg);
  const reader = new ServiceDeploymentReader(services.clientManager, target.scope);
  const { items } = await reader.deployments(target.cluster, target.service, { limit: Infinity }, target.status);
  const result: ListServiceDeploymentsResult = { deployments: items.map(listedDeployment) };
  if (target.interactive) await services.documents.open(`service-deployments-${target.service}`, result);
  return result;
}
