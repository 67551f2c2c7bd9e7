/**
 * Placing EC2 tasks on a cluster's container instances: what each instance has left (CPU, memory,
 * host ports, ENIs) and hosts (task groups), handed to the pure engine (placementEngine.ts).
 */
import { Extras } from '../../../kit/extras';
import { lastPart } from '../../../kit/arn';
import { Random } from '../../../kit/random';
import { lastClusterName, type ClusterRecord, type InstanceRecord, type TaskDefinitionRecord, type TaskRecord } from '../state';
import type { EcsSim } from './index';
import { placeTask, type HostPort, type PlacementCandidate, type PlacementConstraintRule, type PlacementReason, type StrategyRule, type TaskNeeds } from './placementEngine';
import { taskNeeds } from './timing';

/**
 * What an instance can attach beyond its registered resources: its instance type's maximum network
 * interfaces, the primary one included ("the primary network interface counts as one",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html), when a
 * seed or test gives it; without it ENIs are not limited.
 */
export const instanceLimits = new Extras<InstanceRecord, { networkInterfaces?: number }>();

/** "For tasks running as part of an Amazon ECS service, the task placement strategy is spread using
 * the attribute:ecs.availability-zone" (task-placement-strategies.html), "and the instances within
 * the zones" (https://aws.amazon.com/blogs/compute/amazon-ecs-task-placement/). */
export const SERVICE_DEFAULT_STRATEGY: StrategyRule[] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }];
/** "When you run tasks with the RunTask API action, tasks are placed randomly in a cluster" (the same blog post). */
export const RUN_TASK_DEFAULT_STRATEGY: StrategyRule[] = [{ type: 'random' }];

export interface PlaceRequest {
  cluster: ClusterRecord;
  taskDef: TaskDefinitionRecord;
  group: string;
  strategies?: StrategyRule[];
  constraints?: PlacementConstraintRule[];
  /** StartTask: only these instances, whatever their status. */
  instances?: InstanceRecord[];
}

export interface Placed {
  instance?: InstanceRecord;
  /** The instances that could not take the task and why (empty when the cluster has none). */
  rejected: { instance: InstanceRecord; reason: PlacementReason; free: { cpu: number; memory: number } }[];
}

export class Placement {
  /** Its own sequence for the random strategy: drawing placements does not move the ids the emulator hands out. */
  private readonly random = new Random(0x9e3779b9);

  constructor(private readonly sim: EcsSim) {}

  place(req: PlaceRequest): Placed {
    const instances = req.instances ?? [...this.sim.ecs.instancesOf(req.cluster.clusterName).values()].filter((i) => i.status === 'ACTIVE');
    const byArn = new Map(instances.map((i) => [i.containerInstanceArn, i]));
    const candidates = instances.map((i) => this.candidate(i));
    const out = placeTask(candidates, this.needs(req), () => this.random.next());
    return {
      instance: out.chosen && byArn.get(out.chosen.arn),
      rejected: out.rejected.map((r) => ({ instance: byArn.get(r.candidate.arn)!, reason: r.reason, free: r.candidate.free })),
    };
  }

  private needs(req: PlaceRequest): TaskNeeds {
    const td = req.taskDef;
    const mode = td.networkMode ?? 'bridge';
    const hostPorts: HostPort[] = [];
    let dynamicPorts = 0;
    if (mode === 'bridge' || mode === 'host') {
      for (const m of td.containerDefinitions.flatMap((c) => c.portMappings ?? [])) {
        const port = mode === 'host' ? (m.hostPort || m.containerPort) : m.hostPort;
        if (port) hostPorts.push({ port, protocol: m.protocol ?? 'tcp' });
        else dynamicPorts++;
      }
    }
    return {
      ...taskNeeds(td),
      hostPorts,
      dynamicPorts,
      eni: mode === 'awsvpc',
      requiredAttributes: (td.requiresAttributes ?? []).map((a) => ({ name: a.name, value: a.value })),
      group: req.group,
      constraints: req.constraints ?? [],
      strategies: req.strategies ?? [],
    };
  }

  private tasksOn(inst: InstanceRecord): TaskRecord[] {
    const out: TaskRecord[] = [];
    for (const t of this.sim.ecs.tasksOf(lastClusterName(inst.containerInstanceArn)).values()) {
      if (t.containerInstanceArn === inst.containerInstanceArn && t.lastStatus !== 'STOPPED') out.push(t);
    }
    return out;
  }

  /** An instance as placement and the cluster query language see it. */
  candidate(inst: InstanceRecord): PlacementCandidate {
    const tasks = this.tasksOn(inst);
    const ports = new Set(inst.registeredResources.find((r) => r.name === 'PORTS')?.stringSetValue?.map((p) => `${p}/tcp`) ?? []);
    for (const p of this.hostPortsOf(tasks)) ports.add(`${p.port}/${p.protocol}`);
    const eniLimit = instanceLimits.get(inst)?.networkInterfaces;
    const awsvpcTasks = tasks.filter((t) => this.sim.ecs.findTaskDef(t.taskDefinitionArn)?.networkMode === 'awsvpc').length;
    return {
      id: lastPart(inst.containerInstanceArn),
      arn: inst.containerInstanceArn,
      free: this.free(inst, tasks),
      portsInUse: ports,
      enisFree: eniLimit === undefined ? undefined : eniLimit - 1 - awsvpcTasks,
      attributes: new Map((inst.attributes ?? []).map((a) => [a.name, a.value])),
      ec2InstanceId: inst.ec2InstanceId,
      agentConnected: inst.agentConnected !== false,
      agentVersion: inst.versionInfo?.agentVersion,
      registeredAt: inst.registeredAt,
      runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
      taskGroups: tasks.map((t) => t.group ?? ''),
    };
  }

  /** Host ports the tasks hold: fixed mappings, and the dynamic ones they were bound to. */
  hostPortsOf(tasks: TaskRecord[]): HostPort[] {
    const out: HostPort[] = [];
    for (const t of tasks) {
      const td = this.sim.ecs.findTaskDef(t.taskDefinitionArn);
      const mode = td?.networkMode ?? 'bridge';
      if (mode !== 'bridge' && mode !== 'host') continue;
      const bound = t.containers.flatMap((c) => c.networkBindings ?? []);
      if (bound.length) {
        for (const b of bound) if (b.hostPort) out.push({ port: b.hostPort, protocol: b.protocol ?? 'tcp' });
        continue;
      }
      for (const m of td?.containerDefinitions.flatMap((c) => c.portMappings ?? []) ?? []) {
        const port = mode === 'host' ? (m.hostPort || m.containerPort) : m.hostPort;
        if (port) out.push({ port, protocol: m.protocol ?? 'tcp' });
      }
    }
    return out;
  }

  /** Host ports already taken on a task's instance (a new dynamic binding avoids them). */
  portsTakenOn(instanceArn: string | undefined, except: TaskRecord): Set<string> {
    if (!instanceArn) return new Set();
    const inst = this.sim.ecs.instancesOf(lastClusterName(instanceArn)).get(lastPart(instanceArn));
    if (!inst) return new Set();
    return new Set(this.hostPortsOf(this.tasksOn(inst).filter((t) => t !== except)).map((p) => `${p.port}/${p.protocol}`));
  }

  private free(inst: InstanceRecord, tasks: TaskRecord[]): { cpu: number; memory: number } {
    const reg = (name: string): number => inst.registeredResources.find((r) => r.name === name)?.integerValue ?? 0;
    let cpu = reg('CPU');
    let memory = reg('MEMORY');
    for (const t of tasks) {
      const td = this.sim.ecs.findTaskDef(t.taskDefinitionArn);
      const n = td ? taskNeeds(td) : { cpu: 0, memory: 0 };
      cpu -= n.cpu;
      memory -= n.memory;
    }
    return { cpu, memory };
  }

  /** What DescribeContainerInstances shows as remaining: CPU, memory and the host ports in use. */
  remaining(inst: InstanceRecord): { cpu: number; memory: number; tcp: string[]; udp: string[] } {
    const tasks = this.tasksOn(inst);
    const reserved = inst.registeredResources.find((r) => r.name === 'PORTS')?.stringSetValue ?? [];
    const used = this.hostPortsOf(tasks);
    const ports = (protocol: string): string[] => [...new Set(used.filter((p) => p.protocol === protocol).map((p) => String(p.port)))];
    return { ...this.free(inst, tasks), tcp: [...new Set([...reserved, ...ports('tcp')])], udp: ports('udp') };
  }
}
