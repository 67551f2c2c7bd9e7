/**
 * ECS Express Mode as plain data: the create command's argument object, the request it sends, the
 * service's URL and its managed resources as rows
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-create-full.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateExpressGatewayService.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ECSManagedResources.html).
 */
import { parseArn } from '../aws/arn';
import type { ecs as EcsTypes } from '../aws/sdk';
import { readArgs, type ArgumentReader } from '../util/args';

export const CREATE_EXPRESS_COMMAND = 'ecsWorkbench.createExpressService';
export const CREATE_EXPRESS_USAGE =
  '{ serviceName, image, containerPort, executionRoleArn, infrastructureRoleArn, cluster?, cpu?, memory?, healthCheckPath?, minTasks?, maxTasks?, scalingMetric?: "AVERAGE_CPU"|"AVERAGE_MEMORY"|"REQUEST_COUNT_PER_TARGET", scalingTarget?, wait? }';

export const SCALING_METRICS = ['AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET'] as const;
export type ScalingMetric = (typeof SCALING_METRICS)[number];

/** Fargate's CPU units (256-4096, what Express accepts) and the memory (MiB) each allows (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size). */
export const EXPRESS_TASK_SIZES: Record<string, number[]> = {
  '256': [512, 1024, 2048],
  '512': [1024, 2048, 3072, 4096],
  '1024': steps(2048, 8192, 1024),
  '2048': steps(4096, 16384, 1024),
  '4096': steps(8192, 30720, 1024),
};
function steps(from: number, to: number, by: number): number[] {
  return Array.from({ length: (to - from) / by + 1 }, (_, i) => from + i * by);
}

export interface ExpressCreateArgs {
  serviceName: string;
  image: string;
  containerPort: number;
  executionRoleArn: string;
  infrastructureRoleArn: string;
  cluster?: string;
  cpu?: string;
  memory?: string;
  healthCheckPath?: string;
  minTasks?: number;
  maxTasks?: number;
  scalingMetric?: ScalingMetric;
  scalingTarget?: number;
  /** Wait for the managed resources and the service to settle (default true). */
  wait?: boolean;
  scope: { region?: string; profile?: string };
}

export interface ExpressCreateResult {
  serviceArn: string;
  url?: string;
}

/** Whether a role's trust policy (URL-encoded JSON, as IAM returns it) lets `principal` assume it. */
export function trusts(assumeRolePolicyDocument: string | undefined, principal: string): boolean {
  if (!assumeRolePolicyDocument) return false;
  let text = assumeRolePolicyDocument;
  try {
    text = decodeURIComponent(assumeRolePolicyDocument);
  } catch {
    // Already decoded.
  }
  return text.includes(`"${principal}"`);
}

/** Why a role ARN is not one (undefined when it is). */
export function roleArnProblem(value: string): string | undefined {
  const arn = parseArn(value.trim());
  if (!arn || arn.service !== 'iam' || !/^role\/.+/.test(arn.resource)) return 'an IAM role ARN like arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
  return undefined;
}

/** ECS's service name rule: up to 255 letters, numbers, hyphens and underscores (API_CreateService.html). */
export function serviceNameProblem(value: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/.test(value) ? undefined : 'up to 255 letters, numbers, hyphens and underscores, starting with a letter or number';
}

export function healthCheckPathProblem(value: string): string | undefined {
  return value.startsWith('/') && !/\s/.test(value) ? undefined : "a path starting with '/', without spaces";
}

export function taskSizeProblem(cpu: string | undefined, memory: string | undefined): string | undefined {
  if (cpu === undefined && memory === undefined) return undefined;
  if (cpu === undefined || memory === undefined) return 'give both "cpu" and "memory" or neither';
  const allowed = EXPRESS_TASK_SIZES[cpu];
  if (!allowed) return `"cpu" must be one of ${Object.keys(EXPRESS_TASK_SIZES).join(', ')}`;
  return allowed.includes(Number(memory)) ? undefined : `"memory" for ${cpu} CPU units must be one of ${allowed.join(', ')} (MiB)`;
}

function checked(r: ArgumentReader, name: string, value: string | undefined, problem: (v: string) => string | undefined): string | undefined {
  const p = value === undefined ? undefined : problem(value);
  if (p) r.fail(`"${name}" must be ${p}`);
  return value;
}

export function parseCreateExpressArgs(arg: Record<string, unknown>): ExpressCreateArgs {
  const r = readArgs(CREATE_EXPRESS_COMMAND, CREATE_EXPRESS_USAGE, arg, [
    'serviceName', 'image', 'containerPort', 'executionRoleArn', 'infrastructureRoleArn', 'cluster', 'cpu', 'memory', 'healthCheckPath', 'minTasks', 'maxTasks', 'scalingMetric', 'scalingTarget', 'wait',
  ]);
  const text = (name: string): string | undefined => {
    const v = arg[name];
    return typeof v === 'number' ? String(v) : r.string(name, true);
  };
  const cpu = text('cpu');
  const memory = text('memory');
  const sizeProblem = taskSizeProblem(cpu, memory);
  if (sizeProblem) r.fail(sizeProblem);
  const minTasks = r.int('minTasks', 1, 5000, true);
  const maxTasks = r.int('maxTasks', 1, 5000, true);
  if (minTasks !== undefined && maxTasks !== undefined && maxTasks < minTasks) r.fail('"maxTasks" must be at least "minTasks"');
  const scalingTarget = r.number('scalingTarget');
  if (scalingTarget !== undefined && scalingTarget <= 0) r.fail('"scalingTarget" must be greater than 0');
  return {
    serviceName: checked(r, 'serviceName', r.string('serviceName'), serviceNameProblem)!,
    image: r.string('image'),
    containerPort: r.int('containerPort', 1, 65535),
    executionRoleArn: checked(r, 'executionRoleArn', r.string('executionRoleArn'), roleArnProblem)!,
    infrastructureRoleArn: checked(r, 'infrastructureRoleArn', r.string('infrastructureRoleArn'), roleArnProblem)!,
    cluster: r.string('cluster', true),
    cpu,
    memory,
    healthCheckPath: checked(r, 'healthCheckPath', r.string('healthCheckPath', true), healthCheckPathProblem),
    minTasks,
    maxTasks,
    scalingMetric: r.oneOf('scalingMetric', SCALING_METRICS),
    scalingTarget,
    wait: r.bool('wait'),
    scope: r.scope(),
  };
}

export function createExpressRequest(a: Omit<ExpressCreateArgs, 'scope' | 'wait'>): EcsTypes.CreateExpressGatewayServiceRequest {
  const scaling = a.minTasks !== undefined || a.maxTasks !== undefined || a.scalingMetric !== undefined || a.scalingTarget !== undefined;
  return {
    serviceName: a.serviceName,
    cluster: a.cluster,
    executionRoleArn: a.executionRoleArn,
    infrastructureRoleArn: a.infrastructureRoleArn,
    primaryContainer: { image: a.image, containerPort: a.containerPort },
    healthCheckPath: a.healthCheckPath,
    cpu: a.cpu,
    memory: a.memory,
    scalingTarget: scaling ? { minTaskCount: a.minTasks, maxTaskCount: a.maxTasks, autoScalingMetric: a.scalingMetric, autoScalingTargetValue: a.scalingTarget } : undefined,
  };
}

/** An ingress path's endpoint as a URL a browser opens (AWS gives the host name; https is what its certificate serves). */
export function endpointUrl(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`;
}

/** The public URL of an Express service, from its active configuration or its revision's managed resources. */
export function expressUrl(source: { activeConfigurations?: EcsTypes.ExpressGatewayServiceConfiguration[] } | EcsTypes.ECSManagedResources | undefined): string | undefined {
  if (!source) return undefined;
  const paths = 'activeConfigurations' in source ? source.activeConfigurations?.[0]?.ingressPaths : (source as EcsTypes.ECSManagedResources).ingressPaths;
  const path = paths?.find((p) => p.accessType === 'PUBLIC') ?? paths?.[0];
  return endpointUrl(path?.endpoint);
}

export interface ManagedResourceRow {
  /** What it is: "Load balancer", "Listener", ... */
  kind: string;
  /** Its name or short id, from the ARN. */
  name: string;
  status: string;
  arn?: string;
  reason?: string;
}

type Managed = { arn?: string; status?: string; statusReason?: string };

function shortName(arn: string | undefined, fallback: string): string {
  if (!arn) return fallback;
  const resource = parseArn(arn)?.resource ?? arn;
  if (resource.startsWith('loadbalancer/app/')) return resource.split('/')[2];
  if (resource.startsWith('targetgroup/')) return resource.split('/')[1];
  if (resource.startsWith('log-group:')) return resource.slice('log-group:'.length);
  if (resource.startsWith('alarm:')) return resource.slice('alarm:'.length);
  const policy = /:policyName\/(.+)$/.exec(resource);
  if (policy) return policy[1];
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** Every managed resource, in the order the console lists them. */
export function managedResourceRows(r: EcsTypes.ECSManagedResources | undefined): ManagedResourceRow[] {
  if (!r) return [];
  const rows: ManagedResourceRow[] = [];
  const add = (kind: string, m: Managed | undefined, fallback = kind) => {
    if (m) rows.push({ kind, name: shortName(m.arn, fallback), status: m.status ?? 'UNKNOWN', arn: m.arn, reason: m.statusReason });
  };
  for (const p of r.ingressPaths ?? []) {
    add('Load balancer', p.loadBalancer);
    add('Listener', p.listener);
    add('Listener rule', p.rule);
    add('Certificate', p.certificate, p.certificate?.domainName);
    for (const tg of p.targetGroups ?? []) add('Target group', tg);
    for (const sg of p.loadBalancerSecurityGroups ?? []) add('Load balancer security group', sg);
  }
  for (const sg of r.serviceSecurityGroups ?? []) add('Service security group', sg);
  add('Scalable target', r.autoScaling?.scalableTarget);
  for (const p of r.autoScaling?.applicationAutoScalingPolicies ?? []) add('Scaling policy', p);
  for (const a of r.metricAlarms ?? []) add('Alarm', a);
  for (const g of r.logGroups ?? []) add('Log group', g, g.logGroupName);
  return rows;
}

/** Every resource ACTIVE; FAILED ones are a failure to report. */
export function resourcesSettled(rows: ManagedResourceRow[]): 'active' | 'failed' | 'provisioning' {
  if (rows.some((r) => r.status === 'FAILED')) return 'failed';
  return rows.length > 0 && rows.every((r) => r.status === 'ACTIVE') ? 'active' : 'provisioning';
}
