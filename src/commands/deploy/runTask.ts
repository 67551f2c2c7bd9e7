import * as vscode from 'vscode';
import type { ecs as EcsTypes } from '../../aws/sdk';
import { parseRunTaskArgs, type RunTaskArgs } from '../../deploy/args';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { pickCluster, pickFamily, pickRevision } from '../../ui/ecsPickers';
import { confirm, input, integerInput, pick } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { nodeOf } from './targets';

export interface RunTaskResult {
  taskArns: string[];
  failures: { arn?: string; reason?: string }[];
  region: string;
}

/** Run Task: a standalone task (or a few), Fargate or EC2 with placement strategies and constraints. */
export async function runTask(ui: DeployUi, arg: unknown): Promise<RunTaskResult | undefined> {
  const args = isArgumentObject(arg) ? parseRunTaskArgs(arg) : await askRunTask(ui, arg);
  if (!args) return undefined;
  const { scope, ...request } = args;
  const { region } = ui.clients.resolve(scope);
  const { tasks, failures } = await ui.actions(scope).runTask({ ...request, startedBy: 'ecs-workbench' });
  const result = { taskArns: tasks.map((t) => t.taskArn ?? ''), failures: failures.map((f) => ({ arn: f.arn, reason: f.reason })), region };
  ui.log(`Run ${revisionLabel(args.taskDefinition)} in ${resourceName(args.cluster)}: ${result.taskArns.length} started${failures.length ? `, ${failures.length} failed (${failures.map((f) => f.reason).join('; ')})` : ''}`);
  if (!isArgumentObject(arg)) {
    if (failures.length) void vscode.window.showWarningMessage(`${result.taskArns.length} task(s) started, ${failures.length} could not be placed: ${failures.map((f) => f.reason).join('; ')}`);
    else void vscode.window.showInformationMessage(`Started ${result.taskArns.map((a) => resourceName(a).slice(0, 8)).join(', ')} (${revisionLabel(args.taskDefinition)}).`);
  }
  return result;
}

async function askRunTask(ui: DeployUi, arg: unknown): Promise<RunTaskArgs | undefined> {
  const clusterNode = nodeOf<{ cluster: { clusterArn?: string } }>(arg, 'cluster');
  const revisionNode = nodeOf<{ arn: string }>(arg, 'taskDefinitionRevision');
  // From a node: that node's profile and region, for every call that follows.
  const scope: AwsScope = clusterNode?.resource?.scope ?? revisionNode?.resource?.scope ?? ui.clients.resolve();
  const cluster = clusterNode?.cluster.clusterArn ?? (await pickCluster(ui.clients, scope));
  const taskDefinition = revisionNode?.arn ?? (await pickRevision(ui.clients, scope, await pickFamily(ui.clients, scope)));
  const td = (await ui.actions(scope).describeTaskDefinition(taskDefinition)).taskDefinition ?? {};
  const count = await integerInput('How many tasks (1–10)', 1, 1, 10);
  const compat = td.requiresCompatibilities ?? td.compatibilities ?? [];
  const launch = await pick<Pick<RunTaskArgs, 'launchType' | 'capacityProviderStrategy'>>(
    [
      ...(compat.includes('FARGATE') ? [{ label: 'FARGATE', value: { launchType: 'FARGATE' as const } }, { label: 'FARGATE_SPOT (capacity provider)', value: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] } }] : []),
      ...(compat.includes('EC2') || !compat.length ? [{ label: 'EC2', value: { launchType: 'EC2' as const } }] : []),
    ],
    'Launch type or capacity provider',
  );
  const args: RunTaskArgs = { cluster, taskDefinition, count, ...launch, scope };
  if (td.networkMode === 'awsvpc') args.networkConfiguration = await pickNetwork(ui, scope, cluster);
  if (launch.launchType === 'EC2') {
    const strategy = await pick<EcsTypes.PlacementStrategy[] | undefined>(
      [
        { label: 'No placement strategy', value: undefined },
        { label: 'binpack memory', description: 'fewest instances, by free memory', value: [{ type: 'binpack', field: 'memory' }] },
        { label: 'binpack cpu', value: [{ type: 'binpack', field: 'cpu' }] },
        { label: 'random', value: [{ type: 'random' }] },
        { label: 'spread availability zone', value: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] },
        { label: 'spread instanceId', value: [{ type: 'spread', field: 'instanceId' }] },
      ],
      'Placement strategy',
    );
    const constraint = await pick<string | undefined>(
      [
        { label: 'No placement constraint', value: undefined },
        { label: 'distinctInstance', description: 'each task on a different instance', value: 'distinctInstance' },
        { label: 'memberOf…', description: 'a cluster query expression', value: 'memberOf' },
      ],
      'Placement constraint',
    );
    args.placementStrategy = strategy;
    if (constraint === 'distinctInstance') args.placementConstraints = [{ type: 'distinctInstance' }];
    if (constraint === 'memberOf') args.placementConstraints = [{ type: 'memberOf', expression: await input('memberOf expression', { value: 'attribute:ecs.instance-type =~ t3.*' }) }];
  }
  const ok = await confirm(`Run ${count} task(s) of ${revisionLabel(taskDefinition)} in cluster ${resourceName(cluster)} (${await ui.where(scope)})?`, JSON.stringify({ ...args, scope: undefined, cluster: resourceName(cluster) }, null, 2), 'Run Task');
  return ok ? args : undefined;
}

/** awsvpc needs subnets: take a service's network configuration, or type them. */
async function pickNetwork(ui: DeployUi, scope: AwsScope, cluster: string): Promise<EcsTypes.NetworkConfiguration> {
  const services = (await ui.reader(scope).services(cluster, { limit: 100 })).items.filter((s) => s.networkConfiguration?.awsvpcConfiguration);
  const choice = await pick<EcsTypes.NetworkConfiguration | undefined>(
    [
      ...services.map((s) => ({ label: `Like service ${s.serviceName}`, description: (s.networkConfiguration!.awsvpcConfiguration!.subnets ?? []).join(', '), value: s.networkConfiguration })),
      { label: 'Enter subnets and security groups…', value: undefined },
    ],
    'Network configuration (awsvpc)',
  );
  if (choice) return choice;
  const list = (v: string) => v.split(/[\s,]+/).filter(Boolean);
  const subnets = list(await input('Subnet ids (comma separated)', { validate: (v) => (list(v).length ? undefined : 'At least one subnet') }));
  const securityGroups = list(await input('Security group ids (comma separated, optional)'));
  return { awsvpcConfiguration: { subnets, securityGroups: securityGroups.length ? securityGroups : undefined, assignPublicIp: 'DISABLED' } };
}
