/**
 * The reads the ECS Exec readiness check makes, each started once and shared by the checks that need
 * it, so independent reads run in parallel: the task, cluster and caller at once; the task
 * definition, service, container instance and KMS key as soon as what names them has arrived.
 */
import { formatArn, parseArn, resourceName } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { describeAwsError } from '../aws/errors';
import { readPages } from '../aws/paging';
import type { ecs as EcsTypes } from '../aws/sdk';
import { serviceOfGroup } from '../ecs/resourceChanges';
import type { ExecTarget } from './types';

/** A read that AWS refused (access denied): the check says it could not verify. Other errors throw. */
export interface Refused {
  refused: string;
}

export type Read<T> = Promise<T | Refused>;

export function isRefused<T>(value: T | Refused): value is Refused {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** Access denied becomes a `Refused` (with the refused action in its words); anything else is thrown on. */
export async function refusable<T>(read: Promise<T>, operation: string): Read<T> {
  try {
    return await read;
  } catch (e) {
    const problem = describeAwsError(e, { operation });
    if (problem.kind === 'access-denied') return { refused: `${problem.action ?? operation} was denied` };
    throw e;
  }
}

/** Why a principal cannot be simulated (a federated user, an AWS service), or its IAM ARN. */
export type Principal = { arn: string } | { unsupported: string };

export interface ExecReads {
  target: ExecTarget;
  scope: Scope;
  task: Promise<EcsTypes.Task | undefined>;
  /** The container the report is about: the named one, or every container when none is named. */
  containers: Promise<EcsTypes.Container[]>;
  cluster: Promise<EcsTypes.Cluster | undefined>;
  taskDefinition: Read<EcsTypes.TaskDefinition | undefined>;
  /** The task's service, when its group is `service:<name>`. */
  service: Read<EcsTypes.Service | undefined>;
  /** The EC2 container instance a task on EC2 runs on. */
  containerInstance: Read<EcsTypes.ContainerInstance | undefined>;
  /** The caller as IAM's simulator names it (an assumed-role session is its role). */
  caller: Promise<Principal>;
  /** The task role's ARN: the task's override, else its task definition's. */
  taskRoleArn: Read<string | undefined>;
}

export function startReads(clients: ClientManager, target: ExecTarget): ExecReads {
  const scope = target.scope;
  const ecs = clients.clientWithSdk('ecs', scope);
  const task = ecs.then(async ({ sdk, client }) => (await client.send(new sdk.ecs.DescribeTasksCommand({ cluster: target.cluster, tasks: [target.task] }))).tasks?.[0]);
  const cluster = ecs.then(async ({ sdk, client }) => (await client.send(new sdk.ecs.DescribeClustersCommand({ clusters: [target.cluster], include: ['CONFIGURATIONS'] }))).clusters?.[0]);
  const containers = task.then((t) => (t?.containers ?? []).filter((c) => target.container === undefined || c.name === target.container));
  const taskDefinition = task.then((t) => (t?.taskDefinitionArn
    ? refusable(ecs.then(async ({ sdk, client }) => (await client.send(new sdk.ecs.DescribeTaskDefinitionCommand({ taskDefinition: t.taskDefinitionArn }))).taskDefinition), 'ecs:DescribeTaskDefinition')
    : undefined));
  const service = task.then((t) => {
    const name = serviceOfGroup(t?.group);
    return name ? refusable(ecs.then(async ({ sdk, client }) => (await client.send(new sdk.ecs.DescribeServicesCommand({ cluster: target.cluster, services: [name] }))).services?.[0]), 'ecs:DescribeServices') : undefined;
  });
  const containerInstance = task.then((t) => (t?.containerInstanceArn
    ? refusable(ecs.then(async ({ sdk, client }) => (await client.send(new sdk.ecs.DescribeContainerInstancesCommand({ cluster: target.cluster, containerInstances: [t.containerInstanceArn!] }))).containerInstances?.[0]), 'ecs:DescribeContainerInstances')
    : undefined));
  const taskRoleArn = task.then(async (t) => {
    if (t?.overrides?.taskRoleArn) return t.overrides.taskRoleArn;
    const def = await taskDefinition;
    return isRefused(def) ? def : def?.taskRoleArn;
  });
  const reads = { target, scope, task, containers, cluster, taskDefinition, service, containerInstance, caller: callerPrincipal(clients, scope), taskRoleArn };
  // A read no check ends up awaiting (the task was not found) must not be an unhandled rejection.
  for (const read of Object.values(reads)) if (read instanceof Promise) read.catch(() => undefined);
  return reads;
}

/**
 * The caller's principal for iam:SimulatePrincipalPolicy, which takes users and roles only: an
 * assumed-role session (`arn:aws:sts::…:assumed-role/<role>/<session>`, SSO's too) is its role, read
 * with GetRole for its path (SSO roles live under /aws-reserved/…), else built without one.
 */
async function callerPrincipal(clients: ClientManager, scope: Scope): Promise<Principal> {
  const identity = await clients.callerIdentity(scope);
  const arn = parseArn(identity.arn);
  const resource = arn?.resource ?? '';
  if (arn?.service === 'iam' && (resource.startsWith('user/') || resource.startsWith('role/'))) return { arn: identity.arn };
  if (arn?.service === 'iam' && resource === 'root') return { unsupported: 'the account\'s root user, which may do everything' };
  const role = /^assumed-role\/([^/]+)\//.exec(resource)?.[1];
  if (arn?.service !== 'sts' || !role) return { unsupported: `${identity.arn}, which the IAM policy simulator cannot take` };
  try {
    const { sdk, client } = await clients.clientWithSdk('iam', scope);
    const found = (await client.send(new sdk.iam.GetRoleCommand({ RoleName: role }))).Role?.Arn;
    if (found) return { arn: found };
  } catch {
    // Without iam:GetRole the role's path is unknown: most roles have none.
  }
  return { arn: formatArn({ partition: arn.partition, service: 'iam', region: '', account: arn.account, resource: `role/${role}` }) };
}

/** The decision of each action, or why the simulation could not be made. */
export type Simulation = { decisions: Map<string, string> } | { unverified: string } | { missingRole: string };

/** iam:SimulatePrincipalPolicy of `actions` on one resource (`*` when none) for `principalArn`. */
export async function simulate(clients: ClientManager, scope: Scope, principalArn: string, actions: string[], resource?: string): Promise<Simulation> {
  const { sdk, client } = await clients.clientWithSdk('iam', scope);
  try {
    const { items } = await readPages({}, 1000, async (marker, max) => {
      const out = await client.send(new sdk.iam.SimulatePrincipalPolicyCommand({ PolicySourceArn: principalArn, ActionNames: actions, ResourceArns: resource ? [resource] : undefined, Marker: marker, MaxItems: max }));
      return { items: out.EvaluationResults, nextToken: out.IsTruncated ? out.Marker : undefined };
    });
    return { decisions: new Map(items.map((r) => [r.EvalActionName ?? '', r.EvalDecision ?? 'implicitDeny'])) };
  } catch (e) {
    const problem = describeAwsError(e, { operation: 'iam:SimulatePrincipalPolicy' });
    if (problem.kind === 'access-denied') return { unverified: `iam:SimulatePrincipalPolicy was denied for ${resourceName(principalArn)}` };
    if (problem.code === 'NoSuchEntity' || problem.code === 'NoSuchEntityException') return { missingRole: principalArn };
    throw e;
  }
}
