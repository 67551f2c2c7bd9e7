/**
 * The argument objects of the deploy commands, checked before anything is sent: a caller that
 * passes one gets either a result or an error saying what is expected, never a picker.
 */
import type { Scope } from '../aws/clientManager';
import type { ecs as EcsTypes } from '../aws/sdk';
import type { ImageReplacement } from './render';
import type { ServiceUpdateRequest } from './updatePlan';
import { readArgs, type ArgumentReader } from '../util/args';
import { STRATEGY_MEMBERS, STRATEGY_USAGE, parseStrategySettings } from './strategyArgs';

type Arg = Record<string, unknown>;

/** Every parsed argument object carries where the command acts (`region`, `profile`). */
export interface Scoped {
  scope: Scope;
}

const TIMEOUT_MAX = 24 * 3600;

export interface RegisterArgs extends Scoped {
  file?: string;
  definition?: Record<string, unknown>;
}

export function parseRegisterArgs(arg: Arg): RegisterArgs {
  const r = readArgs('registerTaskDefinition', '{ file: "/path/taskdef.json" } or { definition: { family, containerDefinitions, ... } }', arg, ['file', 'definition']);
  if (r.has('file') === r.has('definition')) r.fail('give exactly one of "file" and "definition"');
  return { file: r.string('file', true), definition: r.object('definition'), scope: r.scope() };
}

export interface ServiceRef extends Scoped {
  cluster: string;
  service: string;
}

const UPDATE_USAGE =
  `{ cluster, service, taskDefinition?, desiredCount?, forceNewDeployment?, deploymentConfiguration?: { minimumHealthyPercent?, maximumPercent?, deploymentCircuitBreaker?: { enable, rollback }, ${STRATEGY_USAGE} }, platformVersion?, capacityProviderStrategy?, wait? }`;

export interface UpdateArgs extends ServiceRef, ServiceUpdateRequest {
  wait?: boolean;
  timeoutSeconds?: number;
}

/** A capacity-provider strategy member (`capacityProviderStrategy`, Create Cluster's `defaultCapacityProviderStrategy`). */
export function capacityProviderStrategy(r: ArgumentReader, name = 'capacityProviderStrategy'): EcsTypes.CapacityProviderStrategyItem[] | undefined {
  return r.array(name, (item, i) => {
    const o = item as Arg;
    if (typeof o !== 'object' || o === null || typeof o.capacityProvider !== 'string') r.fail(`${name}[${i}] needs "capacityProvider"`);
    const num = (k: string, max: number) => {
      if (o[k] !== undefined && (typeof o[k] !== 'number' || !Number.isInteger(o[k]) || (o[k] as number) < 0 || (o[k] as number) > max)) r.fail(`${name}[${i}].${k} must be an integer from 0 to ${max}`);
      return o[k] as number | undefined;
    };
    return { capacityProvider: o.capacityProvider as string, weight: num('weight', 1000), base: num('base', 100000) };
  });
}

export function parseUpdateArgs(arg: Arg): UpdateArgs {
  const allowed = ['cluster', 'service', 'taskDefinition', 'desiredCount', 'forceNewDeployment', 'deploymentConfiguration', 'platformVersion', 'capacityProviderStrategy', 'wait', 'timeoutSeconds'];
  const r = readArgs('updateService', UPDATE_USAGE, arg, allowed);
  const out: UpdateArgs = {
    scope: r.scope(),
    cluster: r.string('cluster'),
    service: r.string('service'),
    taskDefinition: r.string('taskDefinition', true),
    desiredCount: r.int('desiredCount', 0, 100000, true),
    forceNewDeployment: r.bool('forceNewDeployment'),
    platformVersion: r.string('platformVersion', true),
    capacityProviderStrategy: capacityProviderStrategy(r),
    wait: r.bool('wait'),
    timeoutSeconds: r.int('timeoutSeconds', 1, TIMEOUT_MAX, true),
  };
  const dc = r.nested('deploymentConfiguration', ['minimumHealthyPercent', 'maximumPercent', 'deploymentCircuitBreaker', ...STRATEGY_MEMBERS]);
  if (dc) {
    const cb = dc.nested('deploymentCircuitBreaker', ['enable', 'rollback']);
    const enable = cb?.bool('enable');
    const rollback = cb?.bool('rollback');
    if (cb && (enable === undefined || rollback === undefined)) r.fail('deploymentCircuitBreaker needs both "enable" and "rollback"');
    out.deploymentConfiguration = {
      minimumHealthyPercent: dc.int('minimumHealthyPercent', 0, 100, true),
      maximumPercent: dc.int('maximumPercent', 100, 200, true),
      deploymentCircuitBreaker: cb ? { enable: enable!, rollback: rollback! } : undefined,
      ...parseStrategySettings(dc),
    };
  }
  const changes = ['taskDefinition', 'desiredCount', 'forceNewDeployment', 'deploymentConfiguration', 'platformVersion', 'capacityProviderStrategy'];
  if (!changes.some((k) => r.has(k))) r.fail(`nothing to change: give at least one of ${changes.join(', ')}`);
  return out;
}

export interface DeployArgs extends ServiceRef {
  file?: string;
  taskDefinition?: string;
  image?: ImageReplacement;
  /** Deploy `image` even when its ECR scan has CRITICAL or HIGH findings (refused otherwise). */
  allowFindings: boolean;
  wait: boolean;
  timeoutSeconds?: number;
}

export function parseDeployArgs(arg: Arg): DeployArgs {
  const usage = '{ cluster, service, file? | taskDefinition?, image?: { container, uri }, allowFindings?, wait?, timeoutSeconds? }';
  const r = readArgs('deploy', usage, arg, ['cluster', 'service', 'file', 'taskDefinition', 'image', 'allowFindings', 'wait', 'timeoutSeconds']);
  if (r.has('file') && r.has('taskDefinition')) r.fail('give "file" or "taskDefinition", not both');
  const image = r.nested('image', ['container', 'uri']);
  return {
    scope: r.scope(),
    cluster: r.string('cluster'),
    service: r.string('service'),
    file: r.string('file', true),
    taskDefinition: r.string('taskDefinition', true),
    image: image ? { container: image.string('container'), uri: image.string('uri') } : undefined,
    allowFindings: r.bool('allowFindings') ?? false,
    wait: r.bool('wait') ?? true,
    timeoutSeconds: r.int('timeoutSeconds', 1, TIMEOUT_MAX, true),
  };
}

export function parseScaleArgs(arg: Arg): ServiceRef & { desiredCount: number } {
  const r = readArgs('scaleService', '{ cluster, service, desiredCount }', arg, ['cluster', 'service', 'desiredCount']);
  return { cluster: r.string('cluster'), service: r.string('service'), desiredCount: r.int('desiredCount', 0, 100000), scope: r.scope() };
}

export function parseServiceRef(command: string, arg: Arg): ServiceRef {
  const r = readArgs(command, '{ cluster, service }', arg, ['cluster', 'service']);
  return { cluster: r.string('cluster'), service: r.string('service'), scope: r.scope() };
}

export function parseStopTaskArgs(arg: Arg): Scoped & { cluster: string; task: string; reason?: string } {
  const r = readArgs('stopTask', '{ cluster, task, reason? }', arg, ['cluster', 'task', 'reason']);
  const reason = r.string('reason', true);
  if (reason && reason.length > 255) r.fail('"reason" is at most 255 characters');
  return { cluster: r.string('cluster'), task: r.string('task'), reason, scope: r.scope() };
}

/** `networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups?, assignPublicIp? } }` (Run Task, Create Service). */
export function networkConfigurationArg(r: ArgumentReader): EcsTypes.NetworkConfiguration | undefined {
  const network = r.nested('networkConfiguration', ['awsvpcConfiguration']);
  if (!network) return undefined;
  const vpc = network.nested('awsvpcConfiguration', ['subnets', 'securityGroups', 'assignPublicIp']) ?? r.fail('networkConfiguration needs "awsvpcConfiguration"');
  const strings = (name: string) => (item: unknown) => (typeof item === 'string' && item ? item : r.fail(`awsvpcConfiguration.${name} holds ids (strings)`));
  const subnets = vpc.array('subnets', strings('subnets'));
  if (!subnets?.length) r.fail('awsvpcConfiguration.subnets needs at least one subnet');
  const assignPublicIp = vpc.string('assignPublicIp', true);
  if (assignPublicIp && !['ENABLED', 'DISABLED'].includes(assignPublicIp)) r.fail('assignPublicIp is ENABLED or DISABLED');
  return { awsvpcConfiguration: { subnets, securityGroups: vpc.array('securityGroups', strings('securityGroups')), assignPublicIp: assignPublicIp as 'ENABLED' | 'DISABLED' | undefined } };
}

/** `placementStrategy` and `placementConstraints` (Run Task, Create Service). */
export function placementArgs(r: ArgumentReader): { placementStrategy?: EcsTypes.PlacementStrategy[]; placementConstraints?: EcsTypes.PlacementConstraint[] } {
  const placementStrategy = r.array('placementStrategy', (item, i) => {
    const o = item as Arg;
    if (typeof o !== 'object' || o === null || !['binpack', 'random', 'spread'].includes(o.type as string)) r.fail(`placementStrategy[${i}].type is binpack, random or spread`);
    if (o.field !== undefined && typeof o.field !== 'string') r.fail(`placementStrategy[${i}].field must be a string (e.g. memory, cpu, attribute:ecs.availability-zone, instanceId)`);
    if (o.type !== 'random' && o.field === undefined) r.fail(`placementStrategy[${i}] (${o.type}) needs "field"`);
    return { type: o.type as EcsTypes.PlacementStrategyType, field: o.field as string | undefined };
  });
  const placementConstraints = r.array('placementConstraints', (item, i) => {
    const o = item as Arg;
    if (typeof o !== 'object' || o === null || !['distinctInstance', 'memberOf'].includes(o.type as string)) r.fail(`placementConstraints[${i}].type is distinctInstance or memberOf`);
    if (o.type === 'memberOf' && (typeof o.expression !== 'string' || !o.expression)) r.fail(`placementConstraints[${i}] (memberOf) needs "expression"`);
    return { type: o.type as EcsTypes.PlacementConstraintType, expression: o.expression as string | undefined };
  });
  return { placementStrategy, placementConstraints };
}

export interface RunTaskArgs extends Scoped {
  cluster: string;
  taskDefinition: string;
  count: number;
  launchType?: 'FARGATE' | 'EC2' | 'EXTERNAL';
  capacityProviderStrategy?: EcsTypes.CapacityProviderStrategyItem[];
  networkConfiguration?: EcsTypes.NetworkConfiguration;
  placementStrategy?: EcsTypes.PlacementStrategy[];
  placementConstraints?: EcsTypes.PlacementConstraint[];
}

export function parseRunTaskArgs(arg: Arg): RunTaskArgs {
  const usage =
    '{ cluster, taskDefinition, count? (1-10), launchType? | capacityProviderStrategy?, networkConfiguration?: { awsvpcConfiguration: { subnets, securityGroups?, assignPublicIp? } }, placementStrategy?: [{ type: binpack|random|spread, field? }], placementConstraints?: [{ type: distinctInstance|memberOf, expression? }] }';
  const allowed = ['cluster', 'taskDefinition', 'count', 'launchType', 'capacityProviderStrategy', 'networkConfiguration', 'placementStrategy', 'placementConstraints'];
  const r = readArgs('runTask', usage, arg, allowed);
  const launchType = r.string('launchType', true);
  if (launchType && !['FARGATE', 'EC2', 'EXTERNAL'].includes(launchType)) r.fail('"launchType" is FARGATE, EC2 or EXTERNAL');
  if (launchType && r.has('capacityProviderStrategy')) r.fail('give "launchType" or "capacityProviderStrategy", not both');
  const networkConfiguration = networkConfigurationArg(r);
  const { placementStrategy, placementConstraints } = placementArgs(r);
  if ((placementStrategy || placementConstraints) && launchType === 'FARGATE') r.fail('placement strategies and constraints apply to EC2 only');
  return {
    scope: r.scope(),
    cluster: r.string('cluster'),
    taskDefinition: r.string('taskDefinition'),
    count: r.int('count', 1, 10, true) ?? 1,
    launchType: launchType as RunTaskArgs['launchType'],
    capacityProviderStrategy: capacityProviderStrategy(r),
    networkConfiguration,
    placementStrategy,
    placementConstraints,
  };
}

export function parseDeregisterArgs(arg: Arg): Scoped & { taskDefinition: string } {
  const r = readArgs('deregisterTaskDefinition', '{ taskDefinition: "family:revision" or its ARN }', arg, ['taskDefinition']);
  const taskDefinition = r.string('taskDefinition');
  if (!/:\d+$/.test(taskDefinition)) r.fail('"taskDefinition" must name a revision (family:revision or ARN), not a family');
  return { taskDefinition, scope: r.scope() };
}
