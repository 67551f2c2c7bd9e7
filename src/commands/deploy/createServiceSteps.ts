/**
 * *Create Service…*'s questions, as a person answers them in the console: cluster → task definition
 * family and revision (latest first) → name → compute → desired count → networking for awsvpc (VPC,
 * subnets, security groups, public IP; the default VPC and its subnets preselected) → load balancer
 * (createServiceLbSteps.ts) → deployment (strategy: rolling min/max, or blue/green, linear, canary
 * with a second target group and the role ECS shifts traffic with; circuit breaker) → placement (EC2) →
 * ECS Exec → tags.
 */
import type { ecs as EcsTypes } from '../../aws/sdk';
import type { AwsScope } from '../../aws/clientManager';
import { serviceNameProblem } from '../../deploy/createServiceArgs';
import { ServiceNetwork } from '../../deploy/serviceNetwork';
import { pickCluster, pickFamily, pickRevision } from '../../ui/ecsPickers';
import { input, integerInput, pick, pickMany } from '../../ui/input';
import { pagedPick } from '../../ui/pagedPick';
import type { Step } from '../../ui/steps';
import type { DeployUi } from './context';
import { loadBalancerSteps, type LoadBalancerState } from './createServiceLbSteps';
import { launchTypeStep, placementSteps, type LaunchState, type PlacementState } from './runTask';
import { STRATEGY_WORDS, strategySteps, type StrategyState } from './strategySteps';
import { pickRole } from '../../ui/rolePicker';
import { DEPLOYMENT_STRATEGIES, shiftsTraffic } from '../../util/deploymentStrategy';

export interface CreateState extends LaunchState, PlacementState, LoadBalancerState, StrategyState {
  scope: AwsScope;
  cluster: string;
  clusterFromNode: boolean;
  family: string;
  serviceName: string;
  desiredCount: number;
  vpcId: string;
  subnets: string[];
  securityGroups: string[];
  publicIp: boolean;
  minimumHealthyPercent: number;
  maximumPercent: number;
  breaker: 'rollback' | 'on' | 'off';
  /** The role ECS moves traffic between the target groups with (blue/green, linear, canary). */
  lbRoleArn?: string;
  exec: boolean;
  tags: EcsTypes.Tag[];
}

const MAX_ITEMS = 5000;

/** `env=prod, team=web` → tags; a key without `=` has an empty value. */
export function parseTags(text: string): EcsTypes.Tag[] {
  return text.split(',').map((t) => t.trim()).filter(Boolean).map((t) => {
    const at = t.indexOf('=');
    return at < 0 ? { key: t, value: '' } : { key: t.slice(0, at).trim(), value: t.slice(at + 1).trim() };
  });
}

const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;

/** Whether the strategy answered moves traffic between two target groups (blue/green, linear, canary). */
export const shifting = (s: CreateState): boolean => shiftsTraffic(s.strategy.strategy ?? 'ROLLING');

export function createServiceSteps(ui: DeployUi): Step<CreateState>[] {
  const awsvpc = (s: CreateState) => s.td?.networkMode === 'awsvpc';
  const network = (s: CreateState) => new ServiceNetwork(ui.clients, s.scope);
  return [
    { title: 'Cluster', when: (s) => !s.clusterFromNode, ask: async (view, s) => void (s.cluster = await pickCluster(ui.clients, s.scope, view)) },
    { title: 'Task definition family', ask: async (view, s) => void (s.family = await pickFamily(ui.clients, s.scope, view)) },
    { title: (s) => `Revision of ${s.family} (latest first)`, ask: async (view, s) => void (s.taskDefinition = await pickRevision(ui.clients, s.scope, s.family, undefined, view)) },
    { title: 'Service name', ask: async (view, s) => void (s.serviceName = await input(view, { value: s.serviceName || s.family, validate: (v) => serviceNameProblem(v) })) },
    launchTypeStep<CreateState>(ui),
    { title: 'Desired count (tasks)', ask: async (view, s) => void (s.desiredCount = await integerInput(view, s.desiredCount, 0, 1000)) },
    {
      title: 'VPC (awsvpc)',
      when: awsvpc,
      ask: async (view, s) => {
        s.vpcId = await pagedPick({
          page: async (startToken) => {
            const { items, nextToken } = await network(s).vpcs({ limit: 100, startToken });
            return { nextToken, items: items.map((v) => ({ label: v.VpcId ?? '', description: [v.IsDefault ? 'default' : '', nameOf(v.Tags), v.CidrBlock].filter(Boolean).join(' · '), value: v.VpcId ?? '' })) };
          },
        }, { title: view, emptyMessage: 'This region has no VPC: create one first.', first: (i) => /default/.test(i.description ?? '') });
      },
    },
    {
      title: 'Subnets (the default subnets are selected)',
      when: awsvpc,
      ask: async (view, s) => {
        const { items } = await network(s).subnets(s.vpcId, { limit: MAX_ITEMS });
        if (!items.length) throw new Error(`VPC ${s.vpcId} has no subnets: create one first.`);
        s.subnets = await pickMany(items.map((n) => ({
          label: n.SubnetId ?? '', description: [n.AvailabilityZone, n.CidrBlock, n.MapPublicIpOnLaunch ? 'public' : 'private', nameOf(n.Tags)].filter(Boolean).join(' · '),
          picked: n.DefaultForAz === true || s.subnets.includes(n.SubnetId ?? ''), value: n.SubnetId ?? '',
        })), view);
      },
    },
    {
      title: 'Security groups',
      when: awsvpc,
      ask: async (view, s) => {
        const { items } = await network(s).securityGroups(s.vpcId, { limit: MAX_ITEMS });
        if (!items.length) throw new Error(`VPC ${s.vpcId} has no security groups: create one first.`);
        s.securityGroups = await pickMany(items.map((g) => ({ label: g.GroupId ?? '', description: [g.GroupName, g.Description].filter(Boolean).join(' · '), picked: g.GroupName === 'default', value: g.GroupId ?? '' })), view);
      },
    },
    {
      title: 'Public IP',
      when: awsvpc,
      ask: async (view, s) => void (s.publicIp = await pick([{ label: 'Turn on public IP', description: 'tasks in public subnets can pull images without a NAT gateway', value: true }, { label: 'No public IP', value: false }], view)),
    },
    ...loadBalancerSteps<CreateState>(ui),
    {
      title: 'Deployment strategy',
      ask: async (view, s) => {
        // Traffic shifting needs an alternate target group and the production listener rule: made here only with a new target group.
        const offered = DEPLOYMENT_STRATEGIES.filter((value) => s.lbChoice === 'new' || !shiftsTraffic(value));
        const hint = s.lbChoice === 'new' ? 'Blue/green, linear and canary get a second target group on the load balancer' : 'Blue/green, linear and canary need a new target group on an ALB (Load balancer step); Update Service sets them later';
        s.strategy = { strategy: await pick(offered.map((value) => ({ label: value, detail: STRATEGY_WORDS[value], value })), view, hint) };
      },
    },
    ...strategySteps<CreateState>().slice(1),
    {
      title: 'Role ECS moves traffic with',
      when: shifting,
      ask: async (view, s) => void (s.lbRoleArn = await pickRole(ui.clients, s.scope, 'ecs.amazonaws.com', view, 'Lets ECS change the listener rule and target groups (AmazonECSInfrastructureRolePolicyForLoadBalancers)')),
    },
    { title: 'Minimum healthy percent (rolling)', when: (s) => !shifting(s), ask: async (view, s) => void (s.minimumHealthyPercent = await integerInput(view, s.minimumHealthyPercent, 0, 100)) },
    { title: 'Maximum percent (rolling)', when: (s) => !shifting(s), ask: async (view, s) => void (s.maximumPercent = await integerInput(view, s.maximumPercent, 100, 200)) },
    {
      title: 'Deployment circuit breaker',
      ask: async (view, s) => void (s.breaker = await pick<'rollback' | 'on' | 'off'>([
        { label: 'On, with rollback', description: 'a failing deployment goes back to the last completed one', value: 'rollback' },
        { label: 'On, without rollback', value: 'on' },
        { label: 'Off', value: 'off' },
      ], view)),
    },
    ...placementSteps<CreateState>(),
    { title: 'ECS Exec', ask: async (view, s) => void (s.exec = await pick([{ label: 'ECS Exec off', value: false }, { label: 'ECS Exec on', description: 'open shells in the tasks (needs the task role\'s SSM permissions)', value: true }], view)) },
    { title: 'Tags (key=value, comma separated; optional)', ask: async (view, s) => void (s.tags = parseTags(await input(view, { validate: (v) => (parseTags(v).some((t) => !t.key) ? 'Each tag is key=value' : undefined) }))) },
  ];
}

/** The CreateService input the answers make. */
export function requestOf(s: CreateState): EcsTypes.CreateServiceRequest {
  return {
    cluster: s.cluster, serviceName: s.serviceName, taskDefinition: s.taskDefinition, desiredCount: s.desiredCount, ...s.launch,
    networkConfiguration: s.td?.networkMode === 'awsvpc' ? { awsvpcConfiguration: { subnets: s.subnets, securityGroups: s.securityGroups, assignPublicIp: s.publicIp ? 'ENABLED' : 'DISABLED' } } : undefined,
    loadBalancers: s.lb ? [{ targetGroupArn: s.lb.targetGroupArn, containerName: s.lb.containerName, containerPort: s.lb.containerPort }] : undefined,
    deploymentConfiguration: {
      minimumHealthyPercent: s.minimumHealthyPercent, maximumPercent: s.maximumPercent, deploymentCircuitBreaker: { enable: s.breaker !== 'off', rollback: s.breaker === 'rollback' },
      ...(shifting(s) ? s.strategy : {}),
    },
    placementStrategy: s.launch.launchType === 'EC2' ? s.placementStrategy : undefined,
    placementConstraints: s.launch.launchType === 'EC2' && s.constraint ? [s.constraint === 'memberOf' ? { type: 'memberOf', expression: s.expression } : { type: 'distinctInstance' }] : undefined,
    enableExecuteCommand: s.exec,
    tags: s.tags.length ? s.tags : undefined,
  };
}
