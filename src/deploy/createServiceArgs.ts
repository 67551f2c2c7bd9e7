/**
 * Create Service's argument object and the checks of its choices that need no call: the load
 * balancer's container and port against the task definition, the target type against the network
 * mode (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html: the port
 * "must correspond to a containerPort in the task definition"; "for services using the awsvpc
 * network mode, you must choose ip as the target type",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html).
 */
import type { ecs as EcsTypes } from '../aws/sdk';
import { readArgs } from '../util/args';
import { capacityProviderStrategy, networkConfigurationArg, placementArgs, type Scoped } from './args';

type Arg = Record<string, unknown>;

export const CREATE_SERVICE_USAGE =
  '{ cluster, serviceName, taskDefinition, desiredCount, launchType? | capacityProviderStrategy?, networkConfiguration?: { awsvpcConfiguration: { subnets, securityGroups?, assignPublicIp? } }, '
  + 'loadBalancers?: [{ targetGroupArn, containerName, containerPort }], deploymentConfiguration?: { minimumHealthyPercent?, maximumPercent?, deploymentCircuitBreaker?: { enable, rollback } }, '
  + 'placementStrategy?, placementConstraints?, enableExecuteCommand?, tags?: [{ key, value }], wait? } or { file: "/path/service.json", wait? }';

export type CreateServiceRequest = Pick<EcsTypes.CreateServiceRequest,
  'cluster' | 'serviceName' | 'taskDefinition' | 'desiredCount' | 'launchType' | 'capacityProviderStrategy' | 'networkConfiguration' | 'loadBalancers'
  | 'deploymentConfiguration' | 'placementStrategy' | 'placementConstraints' | 'enableExecuteCommand' | 'tags'> & { cluster: string; serviceName: string; taskDefinition: string };

export interface CreateServiceArgs extends Scoped {
  /** A service-definition file instead of the members (validated by the service-definition language first). */
  file?: string;
  request?: CreateServiceRequest;
  wait: boolean;
}

/** ECS's service name rule: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed" (API_CreateService.html). */
export function serviceNameProblem(name: string): string | undefined {
  return /^[A-Za-z0-9_-]{1,255}$/.test(name) ? undefined : 'A service name is 1 to 255 letters, numbers, underscores and hyphens';
}

/** ELB's target group name rule: up to 32 letters, digits and hyphens, not starting or ending with one. */
export function targetGroupNameProblem(name: string): string | undefined {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name) ? undefined : 'Up to 32 letters, digits and hyphens, not starting or ending with a hyphen';
}

export function parseCreateServiceArgs(arg: Arg): CreateServiceArgs {
  const members = ['cluster', 'serviceName', 'taskDefinition', 'desiredCount', 'launchType', 'capacityProviderStrategy', 'networkConfiguration', 'loadBalancers',
    'deploymentConfiguration', 'placementStrategy', 'placementConstraints', 'enableExecuteCommand', 'tags'];
  const r = readArgs('createService', CREATE_SERVICE_USAGE, arg, [...members, 'file', 'wait']);
  const wait = r.bool('wait') ?? false;
  if (r.has('file')) {
    const extra = members.find((m) => r.has(m));
    if (extra) r.fail(`give "file" or the service's members, not both ("${extra}")`);
    return { file: r.string('file'), wait, scope: r.scope() };
  }
  const serviceName = r.string('serviceName');
  const nameProblem = serviceNameProblem(serviceName);
  if (nameProblem) r.fail(`"serviceName": ${nameProblem}`);
  const launchType = r.string('launchType', true);
  if (launchType && !['FARGATE', 'EC2', 'EXTERNAL'].includes(launchType)) r.fail('"launchType" is FARGATE, EC2 or EXTERNAL');
  if (launchType && r.has('capacityProviderStrategy')) r.fail('give "launchType" or "capacityProviderStrategy", not both');
  const loadBalancers = r.array('loadBalancers', (item, i) => {
    const o = item as Arg;
    if (typeof o !== 'object' || o === null || typeof o.targetGroupArn !== 'string' || typeof o.containerName !== 'string') r.fail(`loadBalancers[${i}] needs "targetGroupArn" and "containerName"`);
    if (typeof o.containerPort !== 'number' || !Number.isInteger(o.containerPort) || o.containerPort < 1 || o.containerPort > 65535) r.fail(`loadBalancers[${i}].containerPort is a port (1-65535)`);
    return { targetGroupArn: o.targetGroupArn as string, containerName: o.containerName as string, containerPort: o.containerPort as number };
  });
  const dc = r.nested('deploymentConfiguration', ['minimumHealthyPercent', 'maximumPercent', 'deploymentCircuitBreaker']);
  let deploymentConfiguration: EcsTypes.DeploymentConfiguration | undefined;
  if (dc) {
    const breaker = dc.nested('deploymentCircuitBreaker', ['enable', 'rollback']);
    deploymentConfiguration = {
      minimumHealthyPercent: dc.int('minimumHealthyPercent', 0, 100, true),
      maximumPercent: dc.int('maximumPercent', 100, 200, true),
      deploymentCircuitBreaker: breaker ? { enable: breaker.bool('enable') ?? false, rollback: breaker.bool('rollback') ?? false } : undefined,
    };
  }
  const tags = r.array('tags', (item, i) => {
    const o = item as Arg;
    if (typeof o !== 'object' || o === null || typeof o.key !== 'string' || !o.key || (o.value !== undefined && typeof o.value !== 'string')) r.fail(`tags[${i}] is { key, value } (strings)`);
    return { key: o.key as string, value: o.value as string | undefined };
  });
  const placement = placementArgs(r);
  if ((placement.placementStrategy || placement.placementConstraints) && launchType === 'FARGATE') r.fail('placement strategies and constraints apply to EC2 only');
  const request: CreateServiceRequest = {
    cluster: r.string('cluster'),
    serviceName,
    taskDefinition: r.string('taskDefinition'),
    desiredCount: r.int('desiredCount', 0, 100000),
    launchType: launchType as CreateServiceRequest['launchType'],
    capacityProviderStrategy: capacityProviderStrategy(r),
    networkConfiguration: networkConfigurationArg(r),
    loadBalancers,
    deploymentConfiguration,
    ...placement,
    enableExecuteCommand: r.bool('enableExecuteCommand'),
    tags,
  };
  return { request: withoutUndefined(request), wait, scope: r.scope() };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The container ports of a task definition a load balancer can target: `api:8080`. */
export function containerPorts(td: EcsTypes.TaskDefinition): { containerName: string; containerPort: number }[] {
  return (td.containerDefinitions ?? []).flatMap((c) => (c.portMappings ?? []).flatMap((p) => (c.name && p.containerPort ? [{ containerName: c.name, containerPort: p.containerPort }] : [])));
}

/** What the target group needs to be: its target type must be `ip` for awsvpc, `instance` otherwise (or `ip`: bridge/host tasks cannot be reached by IP). */
export function targetGroupProblem(td: EcsTypes.TaskDefinition, tg: { TargetGroupName?: string; TargetType?: string; LoadBalancerArns?: string[] }): string | undefined {
  const awsvpc = td.networkMode === 'awsvpc';
  if (awsvpc && tg.TargetType !== 'ip') return `Target group ${tg.TargetGroupName} has target type ${tg.TargetType}: a task definition with network mode awsvpc needs target type ip.`;
  if (!awsvpc && tg.TargetType === 'ip') return `Target group ${tg.TargetGroupName} has target type ip: a task definition with network mode ${td.networkMode ?? 'bridge'} needs target type instance.`;
  if (!tg.LoadBalancerArns?.length) return `Target group ${tg.TargetGroupName} is not used by any load balancer: add a listener rule that forwards to it first.`;
  return undefined;
}

/** The container and port must be a portMapping of the task definition. */
export function containerPortProblem(td: EcsTypes.TaskDefinition, containerName: string, containerPort: number): string | undefined {
  const container = (td.containerDefinitions ?? []).find((c) => c.name === containerName);
  if (!container) return `Task definition ${td.family}:${td.revision} has no container "${containerName}".`;
  if (!(container.portMappings ?? []).some((p) => p.containerPort === containerPort)) {
    const ports = (container.portMappings ?? []).map((p) => p.containerPort).join(', ') || 'none';
    return `Container "${containerName}" has no containerPort ${containerPort} (its ports: ${ports}).`;
  }
  return undefined;
}
