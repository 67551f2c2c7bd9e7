import * as vscode from 'vscode';
import type { ecs as EcsTypes } from '../../aws/sdk';
import { parseRunTaskArgs, type RunTaskArgs } from '../../deploy/args';
import { resourceName, revisionLabel } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { pickCluster, pickFamily, pickRevision } from '../../ui/ecsPickers';
import { confirm, input, integerInput, pick } from '../../ui/input';
import { runTaskOutcome } from '../../ecs/placementFailures';
import { runSteps, type Step } from '../../ui/steps';
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
  const outcome = runTaskOutcome(args.count, result.taskArns.length, result.failures);
  ui.log(`Run ${revisionLabel(args.taskDefinition)} in ${resourceName(args.cluster)}: ${outcome}`);
  if (!isArgumentObject(arg)) {
    if (failures.length) void vscode.window.showWarningMessage(`Run ${revisionLabel(args.taskDefinition)} in cluster ${resourceName(args.cluster)}: ${outcome}`);
    else void vscode.window.showInformationMessage(`Started ${result.taskArns.map((a) => resourceName(a).slice(0, 8)).join(', ')} (${revisionLabel(args.taskDefinition)}).`);
  }
  return result;
}

/** What the Run Task steps ask, as they answer it. */
interface RunState extends PlacementState {
  scope: AwsScope;
  cluster: string;
  /** From a cluster or revision node: that step (and the family's) is left out. */
  clusterFromNode: boolean;
  revisionFromNode: boolean;
  family: string;
  taskDefinition: string;
  /** The revision as described when the launch type is asked (compatibilities, network mode). */
  td?: EcsTypes.TaskDefinition;
  count: number;
  /** A service's network configuration, or undefined to type subnets and security groups. */
  network?: EcsTypes.NetworkConfiguration;
  subnets: string[];
  securityGroups: string[];
}

const list = (v: string) => v.split(/[\s,]+/).filter(Boolean);

async function askRunTask(ui: DeployUi, arg: unknown): Promise<RunTaskArgs | undefined> {
  const clusterNode = nodeOf<{ cluster: { clusterArn?: string } }>(arg, 'cluster');
  const revisionNode = nodeOf<{ arn: string }>(arg, 'taskDefinitionRevision');
  // From a node: that node's profile and region, for every call that follows.
  const scope: AwsScope = clusterNode?.resource?.scope ?? revisionNode?.resource?.scope ?? ui.clients.resolve();
  const initial: RunState = {
    scope, cluster: clusterNode?.cluster.clusterArn ?? '', clusterFromNode: Boolean(clusterNode), revisionFromNode: Boolean(revisionNode),
    family: '', taskDefinition: revisionNode?.arn ?? '', count: 1, launch: {}, subnets: [], securityGroups: [], expression: '',
  };
  const s = await runSteps('Run Task', runTaskSteps(ui), initial);
  const args: RunTaskArgs = { cluster: s.cluster, taskDefinition: s.taskDefinition, count: s.count, ...s.launch, scope };
  if (s.td?.networkMode === 'awsvpc') {
    args.networkConfiguration = s.network ?? { awsvpcConfiguration: { subnets: s.subnets, securityGroups: s.securityGroups.length ? s.securityGroups : undefined, assignPublicIp: 'DISABLED' } };
  }
  Object.assign(args, placementOf(s));
  const ok = await confirm(`Run ${s.count} task(s) of ${revisionLabel(s.taskDefinition)} in cluster ${resourceName(s.cluster)} (${await ui.where(scope)})?`, JSON.stringify({ ...args, scope: undefined, cluster: resourceName(s.cluster) }, null, 2), 'Run Task');
  return ok ? args : undefined;
}

/**
 * Cluster → family → revision → count → launch type → network (awsvpc: a service's, or typed
 * subnets and security groups) → placement strategy and constraint (EC2).
 */
function runTaskSteps(ui: DeployUi): Step<RunState>[] {
  const awsvpc = (s: RunState) => s.td?.networkMode === 'awsvpc';
  const typed = (s: RunState) => awsvpc(s) && !s.network;
  return [
    { title: 'Cluster', when: (s) => !s.clusterFromNode, ask: async (view, s) => void (s.cluster = await pickCluster(ui.clients, s.scope, view)) },
    { title: 'Task definition family', when: (s) => !s.revisionFromNode, ask: async (view, s) => void (s.family = await pickFamily(ui.clients, s.scope, view)) },
    { title: (s) => `Revision of ${s.family}`, when: (s) => !s.revisionFromNode, ask: async (view, s) => void (s.taskDefinition = await pickRevision(ui.clients, s.scope, s.family, undefined, view)) },
    { title: 'How many tasks (1–10)', ask: async (view, s) => void (s.count = await integerInput(view, 1, 1, 10)) },
    launchTypeStep<RunState>(ui),
    {
      title: 'Network configuration (awsvpc)',
      when: awsvpc,
      ask: async (view, s) => {
        const services = (await ui.reader(s.scope).services(s.cluster, { limit: 100 })).items.filter((svc) => svc.networkConfiguration?.awsvpcConfiguration);
        s.network = await pick<EcsTypes.NetworkConfiguration | undefined>(
          [
            ...services.map((svc) => ({ label: `Like service ${svc.serviceName}`, description: (svc.networkConfiguration!.awsvpcConfiguration!.subnets ?? []).join(', '), value: svc.networkConfiguration })),
            { label: 'Enter subnets and security groups…', value: undefined },
          ],
          view,
        );
      },
    },
    { title: 'Subnet ids (comma separated)', when: typed, ask: async (view, s) => void (s.subnets = list(await input(view, { validate: (v) => (list(v).length ? undefined : 'At least one subnet') }))) },
    { title: 'Security group ids (comma separated, optional)', when: typed, ask: async (view, s) => void (s.securityGroups = list(await input(view))) },
    ...placementSteps<RunState>(),
  ];
}

/** What the placement steps ask and answer (EC2 only). */
export interface PlacementState {
  launch: Pick<RunTaskArgs, 'launchType' | 'capacityProviderStrategy'>;
  placementStrategy?: EcsTypes.PlacementStrategy[];
  constraint?: string;
  expression: string;
}

/** Placement strategy, constraint and a memberOf expression, for the EC2 launch type (Run Task, Create Service). */
export function placementSteps<S extends PlacementState>(): Step<S>[] {
  const ec2 = (s: S) => s.launch.launchType === 'EC2';
  return [
    {
      title: 'Placement strategy',
      when: ec2,
      ask: async (view, s) => {
        s.placementStrategy = await pick<EcsTypes.PlacementStrategy[] | undefined>(
          [
            { label: 'No placement strategy', value: undefined },
            { label: 'binpack memory', description: 'fewest instances, by free memory', value: [{ type: 'binpack', field: 'memory' }] },
            { label: 'binpack cpu', value: [{ type: 'binpack', field: 'cpu' }] },
            { label: 'random', value: [{ type: 'random' }] },
            { label: 'spread availability zone', value: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] },
            { label: 'spread instanceId', value: [{ type: 'spread', field: 'instanceId' }] },
          ],
          view,
        );
      },
    },
    {
      title: 'Placement constraint',
      when: ec2,
      ask: async (view, s) => {
        s.constraint = await pick<string | undefined>(
          [
            { label: 'No placement constraint', value: undefined },
            { label: 'distinctInstance', description: 'each task on a different instance', value: 'distinctInstance' },
            { label: 'memberOf…', description: 'a cluster query expression', value: 'memberOf' },
          ],
          view,
        );
      },
    },
    { title: 'memberOf expression', when: (s) => ec2(s) && s.constraint === 'memberOf', ask: async (view, s) => void (s.expression = await input(view, { value: 'attribute:ecs.instance-type =~ t3.*' })) },
  ];
}

/** The placement the steps answered, as RunTask / CreateService take it. */
export function placementOf(s: PlacementState): Pick<RunTaskArgs, 'placementStrategy' | 'placementConstraints'> {
  if (s.launch.launchType !== 'EC2') return {};
  const placementConstraints = s.constraint === 'distinctInstance' ? [{ type: 'distinctInstance' as const }] : s.constraint === 'memberOf' ? [{ type: 'memberOf' as const, expression: s.expression }] : undefined;
  return { placementStrategy: s.placementStrategy, placementConstraints };
}

/** What the launch-type step reads (the revision, described) and answers. */
export interface LaunchState {
  scope: AwsScope;
  taskDefinition: string;
  td?: EcsTypes.TaskDefinition;
  launch: Pick<RunTaskArgs, 'launchType' | 'capacityProviderStrategy'>;
}

/** FARGATE, FARGATE_SPOT or EC2, as the revision's compatibilities allow (Run Task, Create Service). */
export function launchTypeStep<S extends LaunchState>(ui: DeployUi): Step<S> {
  return {
    title: 'Launch type or capacity provider',
    ask: async (view, s: S) => {
      const td = (s.td = (await ui.actions(s.scope).describeTaskDefinition(s.taskDefinition)).taskDefinition ?? {});
      const compat = td.requiresCompatibilities ?? td.compatibilities ?? [];
      s.launch = await pick<Pick<RunTaskArgs, 'launchType' | 'capacityProviderStrategy'>>(
        [
          ...(compat.includes('FARGATE') ? [{ label: 'FARGATE', value: { launchType: 'FARGATE' as const } }, { label: 'FARGATE_SPOT (capacity provider)', value: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] } }] : []),
          ...(compat.includes('EC2') || !compat.length ? [{ label: 'EC2', value: { launchType: 'EC2' as const } }] : []),
        ],
        view,
      );
    },
  };
}
