/**
 * What the documented examples refer to, made before one is replayed: clusters, container
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
import { createCluster } from '../../emulator/services/ecs/clusters';
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

  instance(cluster: string, id: string, ec2InstanceId?: string, availabilityZone?: string): void {
    if (!ecsState(this.region).instancesOf(cluster).has(id)) {
      registerContainerInstance(this.region, this.cluster(cluster), { id, ec2InstanceId, availabilityZone });
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
