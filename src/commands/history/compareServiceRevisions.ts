import * as vscode from 'vscode';
import { parseArn, resourceName } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { when } from '../../ecs/present';
import { serviceRevisionLabel, serviceRevisionText, statusWord } from '../../ecs/presentServiceDeployment';
import { revisionArnsOf, ServiceDeploymentReader } from '../../ecs/serviceDeployments';
import type { Services } from '../../services';
import { pickCluster, pickService } from '../../ui/ecsPickers';
import { pagedPick } from '../../ui/pagedPick';
import { readArgs } from '../../util/args';
import { nodeOf } from '../deploy/targets';

const USAGE = '{ left, right, region?, profile? } (service revision ARNs)';
const PAGE = 100;

export interface CompareServiceRevisionsResult {
  /** The right-hand (newer) document of the diff. */
  uri: string;
  left: string;
  right: string;
}

interface Pair {
  scope: AwsScope;
  left: string;
  right: string;
}

/** Two of a service's deployments' target revisions, picked from its history (every page reachable). */
async function pickPair(services: Services, scope: AwsScope, cluster: string, service: string): Promise<Pair> {
  const reader = new ServiceDeploymentReader(services.clientManager, scope);
  const source = {
    page: async (startToken: string | undefined) => {
      const { items, nextToken } = await reader.deployments(cluster, service, { limit: PAGE, startToken });
      const revisions = await reader.revisions(items.flatMap(revisionArnsOf)).catch(() => new Map());
      const picks = items
        .filter((d) => d.targetServiceRevision?.arn)
        .map((d) => ({ label: serviceRevisionLabel(d.targetServiceRevision?.arn, revisions), description: `${statusWord(d.status)} · ${when(d.startedAt ?? d.createdAt)}`, value: d.targetServiceRevision!.arn! }));
      return { items: picks, nextToken };
    },
  };
  const empty = `${service} has no service deployments to compare.`;
  const left = await pagedPick(source, { title: `Compare Revisions of ${service} (1/2): the older revision`, emptyMessage: empty });
  const right = await pagedPick(source, { title: `Compare Revisions of ${service} (2/2): the revision to compare it with`, emptyMessage: empty });
  return { scope, left, right };
}

async function pairOf(services: Services, arg: unknown): Promise<Pair> {
  const clients = services.clientManager;
  const deployment = nodeOf<{ scope: AwsScope; sourceRevisionArn?: string; targetRevisionArn?: string }>(arg, 'serviceDeployment');
  if (deployment) {
    if (!deployment.sourceRevisionArn || !deployment.targetRevisionArn) throw new Error('This deployment has no source revision to compare with: it is the service\'s first.');
    return { scope: deployment.scope, left: deployment.sourceRevisionArn, right: deployment.targetRevisionArn };
  }
  const folder = nodeOf<{ scope: AwsScope; cluster: string; service: string }>(arg, 'serviceDeploymentsFolder');
  if (folder) return pickPair(services, folder.scope, folder.cluster, folder.service);
  if (arg === undefined) {
    const scope = clients.resolve();
    const cluster = await pickCluster(clients, scope);
    return pickPair(services, scope, cluster, await pickService(clients, scope, cluster));
  }
  const args = readArgs('ecsWorkbench.compareServiceRevisions', USAGE, arg, ['left', 'right']);
  const left = args.string('left');
  const right = args.string('right');
  for (const [name, value] of [['left', left], ['right', right]]) {
    if (parseArn(value)?.resource.startsWith('service-revision/') !== true) args.fail(`"${name}" must be a service revision ARN (arn:aws:ecs:region:account:service-revision/cluster/service/id), not "${value}"`);
  }
  const scope = args.scope();
  // The revisions' own region unless told otherwise: an ARN says where it lives.
  return { scope: clients.resolve({ ...scope, region: scope.region ?? parseArn(left)?.region }), left, right };
}

/**
 * `ecsWorkbench.compareServiceRevisions`: two service revisions (DescribeServiceRevisions),
 * normalised (task definition as family:revision, image digests, load balancers, network, capacity
 * providers, keys sorted), side by side in VS Code's diff editor as read-only documents.
 */
export async function compareServiceRevisions(services: Services, arg: unknown): Promise<CompareServiceRevisionsResult> {
  const { scope, left, right } = await pairOf(services, arg);
  const revisions = await new ServiceDeploymentReader(services.clientManager, scope).revisions([left, right]);
  for (const arn of [left, right]) if (!revisions.has(arn)) throw new Error(`Service revision ${arn} was not found in ${scope.region}.`);
  const name = (arn: string) => `${serviceRevisionLabel(arn, revisions)} (${resourceName(arn).slice(-6)})`;
  const leftUri = services.documents.put(`${name(left)}.json`, serviceRevisionText(revisions.get(left)!));
  const rightUri = services.documents.put(`${name(right)}.json`, serviceRevisionText(revisions.get(right)!));
  const service = resourceName(revisions.get(right)!.serviceArn);
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, `${service}: ${name(left)} ↔ ${name(right)} (service revisions)`, { preview: true });
  return { uri: rightUri.toString(), left: leftUri.toString(), right: rightUri.toString() };
}
