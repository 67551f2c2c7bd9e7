/**
 * What each documented example refers to, created before it is replayed: clusters, container
 * instances, task definitions, services, tasks, repositories, images, scalable targets, secrets,
 * load balancers… named as the example names them (its input, and the resources its output shows
 * for reads). ECS records are made through the services' own functions (as seeds/ does) where the
 * example fixes an id the API cannot choose (a task or container instance id).
 */
import type { EmulatorHandle } from '../../emulator/index';
import { seedContext } from '../../emulator/kit/service';
import type { Region } from '../../emulator/kit/world';
import { ec2TaskDef, SUBNETS } from '../../emulator/seeds/helpers';
import { scalingService } from '../../emulator/services/autoscaling/index';
import { scalingState } from '../../emulator/services/autoscaling/state';
import { createCluster } from '../../emulator/services/ecs/clusters';
import { ecsService } from '../../emulator/services/ecs/index';
import { registerContainerInstance } from '../../emulator/services/ecs/container-instances';
import { createService } from '../../emulator/services/ecs/services';
import { ecsSim } from '../../emulator/services/ecs/sim/index';
import { ecsState, type ClusterRecord, type TaskDefinitionRecord } from '../../emulator/services/ecs/state';
import { registerTaskDefinition } from '../../emulator/services/ecs/task-definitions';
import { ecrState } from '../../emulator/services/ecr/state';
import { seedLoadBalancer } from '../../emulator/services/elbv2/index';
import { addRole } from '../../emulator/services/iam/index';
import { logsState } from '../../emulator/services/logs/state';
import { secretsState } from '../../emulator/services/secretsmanager/index';
import { stsService } from '../../emulator/services/sts/index';
import { defaultIdentity } from '../../emulator/kit/identity';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `kind/...` resources named by the ARNs in a value (`cluster/default`, `task/default/ID`, `repository/ubuntu`…). */
function arnsIn(v: Json, service: string, out: string[][] = []): string[][] {
  if (typeof v === 'string') {
    const m = new RegExp(`^arn:aws[\\w-]*:${service}:[^:]*:[^:]*:(.+)$`).exec(v);
    if (m) {
      out.push(m[1].split('/'));
    }
  } else if (v && typeof v === 'object') {
    Object.values(v).forEach((x) => arnsIn(x, service, out));
  }
  return out;
}

const READS = /^(List|Describe|Get)/;

/** The `startedBy` of the task object an example shows for task `id`. */
function startedByOf(v: Json, id: string): string | undefined {
  if (v && typeof v === 'object') {
    if (typeof v.taskArn === 'string' && v.taskArn.endsWith(`/${id}`) && v.startedBy) {
      return v.startedBy;
    }
    for (const x of Object.values(v)) {
      const found = startedByOf(x, id);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

export class Fixture {
  constructor(readonly emu: EmulatorHandle, readonly regionName: string) {}

  get region(): Region {
    return this.emu.region(this.regionName).world;
  }

  cluster(name = 'default'): ClusterRecord {
    const c = ecsState(this.region).clusters.get(name);
    return c && c.status === 'ACTIVE' ? c : createCluster(this.region, { clusterName: name });
  }

  /** `family` or `family:N`: revisions 1..N of an EC2 task definition (bridge, 128 MiB). */
  taskDef(ref: string): TaskDefinitionRecord {
    const [family, rev] = ref.replace(/^.*task-definition\//, '').split(':');
    const revisions = ecsState(this.region).taskDefs.get(family) ?? [];
    if (!logsState(this.region).groups.has(`/ecs/${family}`)) {
      logsState(this.region).createGroup(`/ecs/${family}`);
    }
    while (revisions.length < Number(rev ?? 1)) {
      ec2TaskDef(this.region, family, 'app', 'public.ecr.aws/docker/library/busybox:latest', 128);
      revisions.splice(0, revisions.length, ...(ecsState(this.region).taskDefs.get(family) ?? []));
    }
    return revisions[Number(rev ?? revisions.length) - 1];
  }

  /** A task definition as the example shows it (its containers, volumes, network mode…), at its revision. */
  taskDefFrom(td: Json): TaskDefinitionRecord {
    if (td.revision > 1) {
      this.taskDef(`${td.family}:${td.revision - 1}`);
    }
    const keep = ['family', 'containerDefinitions', 'volumes', 'networkMode', 'requiresCompatibilities', 'cpu', 'memory', 'executionRoleArn', 'taskRoleArn', 'placementConstraints'];
    const input = Object.fromEntries(Object.entries(td).filter(([k]) => keep.includes(k))) as unknown as Parameters<typeof registerTaskDefinition>[1];
    return registerTaskDefinition(this.region, input, defaultIdentity(this.regionName));
  }

  instance(cluster: string, id: string, ec2InstanceId?: string): void {
    if (!ecsState(this.region).instancesOf(cluster).has(id)) {
      registerContainerInstance(this.region, this.cluster(cluster), { id, ec2InstanceId });
    }
  }

  /** A service (EC2 tasks: the cluster gets a container instance if it has none). */
  service(cluster: string, name: string, td?: string, desiredCount = 1, extra: Record<string, unknown> = {}): void {
    if (!ecsState(this.region).servicesOf(cluster).has(name)) {
      if (!ecsState(this.region).instancesOf(cluster).size) {
        registerContainerInstance(this.region, this.cluster(cluster));
      }
      const taskDefinition = this.taskDef(td ?? `${name}-td`).taskDefinitionArn;
      createService(this.region, { cluster, serviceName: name, taskDefinition, desiredCount, ...extra }, defaultIdentity(this.regionName));
    }
  }

  /** A running task with this id (on that container instance, else the cluster's first, else Fargate), started by whom the example says. */
  task(cluster: string, id: string, instanceId?: string, startedBy?: string): void {
    const state = ecsState(this.region);
    if (state.tasksOf(cluster).has(id)) {
      return;
    }
    const c = this.cluster(cluster);
    if (instanceId) {
      this.instance(cluster, instanceId);
    }
    const instance = instanceId ? state.instancesOf(cluster).get(instanceId) : [...state.instancesOf(cluster).values()][0];
    const td = [...state.taskDefs.values()][0]?.[0] ?? this.taskDef('app');
    ecsSim(this.region).tasks.launch({ id, cluster: c, taskDef: td, launchType: instance ? 'EC2' : 'FARGATE', instance, startedBy, networkConfiguration: SUBNETS, runningSince: this.region.now() });
  }

  /** ECS resources the example names: clusters, instances and task definitions always, services and tasks for reads. */
  ecs(op: string, input: Json, output: Json): void {
    this.cluster(input.cluster ?? 'default');
    const named = [...arnsIn(input, 'ecs'), ...arnsIn(output, 'ecs')];
    const reads = READS.test(op);
    for (const [kind, a, b] of named) {
      if (kind === 'cluster') {
        this.cluster(a);
      } else if (kind === 'container-instance' && b) {
        this.instance(a, b);
      } else if (kind === 'task-definition') {
        this.taskDef(b ? `${a}:${b}` : a);
      }
    }
    for (const [kind, a, b] of reads ? named : arnsIn(input, 'ecs')) {
      if (kind === 'service' && b) {
        this.service(a, b);
      } else if (kind === 'task' && b) {
        this.task(a, b, input.containerInstance, startedByOf(output, b) ?? startedByOf(input, b));
      }
    }
    for (const id of input.containerInstances ?? []) {
      this.instance(input.cluster ?? 'default', id);
    }
    if (typeof input.taskDefinition === 'string') {
      this.taskDef(input.taskDefinition);
    }
    if (typeof input.service === 'string') {
      this.service(input.cluster ?? 'default', input.service);
    }
    for (const s of input.services ?? []) {
      this.service(input.cluster ?? 'default', s);
    }
    for (const t of input.tasks ?? (typeof input.task === 'string' ? [input.task] : [])) {
      this.task(input.cluster ?? 'default', t, undefined, startedByOf(output, t));
    }
  }

  repo(name: string, tags: string[] = []): void {
    const ecr = ecrState(this.region);
    const r = ecr.repos.get(name) ?? ecr.createRepo({ repositoryName: name });
    for (const t of tags) {
      ecr.putImage(r, t);
    }
  }

  /** An ASG capacity provider, as the example shows it where it does (the emulator has no CreateCapacityProvider). */
  capacityProvider(name: string, shown?: Json): void {
    const state = ecsState(this.region);
    const capacityProviderArn = state.arn(`capacity-provider/${name}`);
    state.capacityProviders.set(name, {
      capacityProviderArn, name, status: 'ACTIVE',
      autoScalingGroupProvider: shown?.autoScalingGroupProvider ?? {
        autoScalingGroupArn: `arn:aws:autoscaling:${this.regionName}:123456789012:autoScalingGroup:${this.region.core.rnd.uuid()}:autoScalingGroupName/${name}-asg`,
        managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
        managedTerminationProtection: 'DISABLED',
      },
      updateStatus: shown?.updateStatus,
      tags: [],
    });
    state.setTags(capacityProviderArn, shown?.tags);
  }

  scalableTarget(input: Json): void {
    const [cluster, service] = /^service\/([^/]+)\/([^/]+)$/.exec(input.ResourceId ?? '')?.slice(1) ?? [];
    if (cluster) {
      this.cluster(cluster);
      this.service(cluster, service);
    }
    scalingService.handlers.RegisterScalableTarget({ ServiceNamespace: input.ServiceNamespace, ResourceId: input.ResourceId, ScalableDimension: input.ScalableDimension, MinCapacity: 1, MaxCapacity: 10 }, seedContext(this.region));
  }

  secret(name: string, description?: string): void {
    if (!secretsState(this.region).secrets.has(name)) {
      secretsState(this.region).create({ Name: name, Description: description, SecretString: '{"username":"david"}' });
    }
  }

  loadBalancer(lbArn: string, tgArn: string, listenerArn?: string, targetType?: 'instance' | 'ip'): void {
    const [, , lbName, lbId] = lbArn.split(':').pop()!.split('/');
    const [, tgName, tgId] = tgArn.split(':').pop()!.split('/');
    seedLoadBalancer(this.region, lbName, tgName, 80, this.region.now(), { lb: lbId, tg: tgId, listener: listenerArn?.split('/').pop(), targetType });
  }

  /** A role, assumed once (so that GetRole shows when it was last used). */
  role(name: string): void {
    const r = addRole(this.region.core, name, 'ecs-tasks.amazonaws.com', this.regionName);
    stsService.handlers.AssumeRole({ RoleArn: r.Arn, RoleSessionName: 'fixture' }, seedContext(this.region));
  }
}

/** Removing capacity providers: the example's cluster had both. */
function hadBoth(f: Fixture, input: Json): void {
  f.capacityProvider('MyCapacityProvider1');
  f.capacityProvider('MyCapacityProvider2');
  f.cluster(input.cluster);
  ecsService.handlers.PutClusterCapacityProviders({ cluster: input.cluster, capacityProviders: ['MyCapacityProvider1', 'MyCapacityProvider2'], defaultCapacityProviderStrategy: [] }, seedContext(f.region));
}

/**
 * The per-example preparation, by `service:Operation`, run before the generic ECS one
 * (`Fixture.ecs`, which then creates only what is still missing).
 */
export const SETUPS: Record<string, (f: Fixture, input: Json, output: Json, index: number) => void | Promise<void>> = {
  'ecs:DeleteService': (f, input) => f.service('default', input.service, undefined, 0),
  // Deregistered first; named as the input names them (the example's output shows another family).
  'ecs:DeleteTaskDefinitions': (f, input, output) => {
    input.taskDefinitions.forEach((ref: string, i: number) => {
      const [family, revision] = ref.split(':');
      const td = f.taskDefFrom({ ...(output.taskDefinitions[i] ?? output.taskDefinitions[0]), family, revision: Number(revision) });
      Object.assign(td, { status: 'INACTIVE', deregisteredAt: f.region.now() });
    });
  },
  'ecs:DeregisterTaskDefinition': (f, _input, output) => {
    f.taskDefFrom(output.taskDefinition);
  },
  'ecs:DescribeTaskDefinition': (f, _input, output) => {
    f.taskDefFrom(output.taskDefinition);
  },
  'ecs:DescribeCapacityProviders': (f, _input, output) => {
    for (const cp of output.capacityProviders.filter((x: Json) => x.autoScalingGroupProvider)) {
      f.capacityProvider(cp.name, cp);
    }
  },
  'ecs:PutClusterCapacityProviders': (f) => {
    f.capacityProvider('MyCapacityProvider1');
    f.capacityProvider('MyCapacityProvider2');
  },
  // Removing capacity providers: the example's cluster had them.
  'ecs:PutClusterCapacityProviders#1': (f, input) => hadBoth(f, input),
  'ecs:PutClusterCapacityProviders#2': (f, input) => hadBoth(f, input),
  'ecs:ListTaskDefinitionFamilies': (f, _input, output) => output.families.forEach((family: string) => f.taskDef(family)),
  'ecs:ListTagsForResource': (f, _input, output) => {
    ecsState(f.region).setTags(f.cluster('dev').clusterArn, output.tags);
  },
  'ecs:UntagResource': (f) => {
    ecsState(f.region).setTags(f.cluster('dev').clusterArn, [{ key: 'team', value: 'dev' }]);
  },
  // Reads of a service's history: its deployment has run.
  'ecs:DescribeServices': async (f, input, output) => {
    f.ecs('DescribeServices', input, output);
    await f.emu.clock.advance(120_000);
  },
  'ecs:ListServiceDeployments': async (f, input) => {
    f.service(input.cluster, input.service);
    await f.emu.clock.advance(120_000);
  },
  'ecs:DescribeServiceDeployments': (f, input) => {
    const [cluster, service] = input.serviceDeploymentArns[0].split('/').slice(1, 3);
    f.service(cluster, service);
    const sd = ecsState(f.region).serviceExtras.of(ecsState(f.region).servicesOf(cluster).get(service)!).serviceDeployments[0].record;
    sd.serviceDeploymentArn = input.serviceDeploymentArns[0];
  },
  'ecr:BatchDeleteImage': (f, input) => f.repo(input.repositoryName, input.imageIds.map((i: Json) => i.imageTag)),
  'ecr:DeleteRepository': (f, input) => f.repo(input.repositoryName, ['latest']),
  'ecr:DescribeRepositories': (f, _input, output) => output.repositories.forEach((r: Json) => f.repo(r.repositoryName)),
  'ecr:ListImages': (f, input, output) => f.repo(input.repositoryName, output.imageIds.map((i: Json) => i.imageTag)),
  'autoscaling:DeleteScalingPolicy': (f, input) => {
    f.scalableTarget(input);
    scalingService.handlers.PutScalingPolicy({ ...input, PolicyType: 'StepScaling', StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: -1, MetricIntervalUpperBound: 0 }] } }, seedContext(f.region));
  },
  'autoscaling:DeleteScheduledAction': (f, input) => {
    f.scalableTarget({ ...input });
    scalingService.handlers.PutScheduledAction({ ...input, Schedule: 'cron(0 7 * * ? *)', ScalableTargetAction: { MinCapacity: 1 } }, seedContext(f.region));
  },
  'autoscaling:DeregisterScalableTarget': (f, input) => f.scalableTarget(input),
  'autoscaling:DescribeScalableTargets': (f, _input, output) => output.ScalableTargets.forEach((t: Json) => f.scalableTarget(t)),
  'autoscaling:DescribeScalingActivities': (f, input) => {
    f.scalableTarget(input);
    const [cluster, service] = input.ResourceId.split('/').slice(1);
    ecsState(f.region).servicesOf(cluster).get(service)!.desiredCount = 0;
    f.scalableTarget(input);
  },
  'autoscaling:DescribeScalingPolicies': (f, _input, output) => {
    for (const p of output.ScalingPolicies) {
      f.scalableTarget(p);
      scalingService.handlers.PutScalingPolicy({ PolicyName: p.PolicyName, ServiceNamespace: p.ServiceNamespace, ResourceId: p.ResourceId, ScalableDimension: p.ScalableDimension, PolicyType: p.PolicyType, StepScalingPolicyConfiguration: p.StepScalingPolicyConfiguration }, seedContext(f.region));
      // The CloudWatch alarm that invokes a step policy (PutMetricAlarm is not emulated).
      const policy = scalingState(f.region).policies.find((x) => x.PolicyName === p.PolicyName)!;
      policy.Alarms = p.Alarms;
    }
  },
  'autoscaling:DescribeScheduledActions': (f, _input, output) => {
    for (const a of output.ScheduledActions) {
      f.scalableTarget(a);
      scalingService.handlers.PutScheduledAction({ ServiceNamespace: a.ServiceNamespace, ResourceId: a.ResourceId, ScalableDimension: a.ScalableDimension, ScheduledActionName: a.ScheduledActionName, Schedule: a.Schedule, ScalableTargetAction: a.ScalableTargetAction }, seedContext(f.region));
    }
  },
  'autoscaling:PutScalingPolicy': (f, input) => f.scalableTarget(input),
  'autoscaling:PutScheduledAction': (f, input) => f.scalableTarget(input),
  'autoscaling:RegisterScalableTarget': (f, input) => {
    f.cluster('default');
    f.service('default', input.ResourceId.split('/')[2]);
  },
  'secretsmanager:GetSecretValue': (f, input) => f.secret(input.SecretId),
  'secretsmanager:ListSecrets': (f, _input, output) => output.SecretList.forEach((s: Json) => f.secret(s.Name, s.Description)),
  'iam:GetRole': (f, input) => f.role(input.RoleName),
  'elbv2:DescribeListeners': (f, _input, output) => f.loadBalancer(output.Listeners[0].LoadBalancerArn, output.Listeners[0].DefaultActions[0].TargetGroupArn, output.Listeners[0].ListenerArn),
  'elbv2:DescribeLoadBalancers': (f, input) => f.loadBalancer(input.LoadBalancerArns[0], 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'),
  'elbv2:DescribeTargetGroups': (f, input, output) => f.loadBalancer(output.TargetGroups[0].LoadBalancerArns[0], input.TargetGroupArns[0]),
  // The group's targets: the tasks of an EC2 service on the instance the example names, host port 80.
  'elbv2:DescribeTargetHealth': async (f, input, output) => {
    f.loadBalancer('arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188', input.TargetGroupArn, undefined, 'instance');
    const target = output.TargetHealthDescriptions[0].Target;
    f.instance('default', 'web-host', target.Id);
    registerTaskDefinition(f.region, { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80, hostPort: target.Port }] }] }, defaultIdentity(f.regionName));
    f.service('default', 'web', 'web', 1, { loadBalancers: [{ targetGroupArn: input.TargetGroupArn, containerName: 'web', containerPort: 80 }] });
    await f.emu.clock.advance(60_000);
  },
  'sso-oidc:CreateToken': (f, input) => {
    f.emu.sso.seedSession({ region: f.regionName, clientId: input.clientId, clientSecret: input.clientSecret, refreshToken: input.refreshToken });
  },
  'sso-oidc:StartDeviceAuthorization': (f, input) => {
    f.emu.sso.seedSession({ region: f.regionName, clientId: input.clientId, clientSecret: input.clientSecret });
  },
};
