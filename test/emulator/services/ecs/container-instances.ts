/** ECS container instances: registration (seeds), listing, describing, draining. */
import type * as ecs from '../../generated/ecs';
import { lastPart } from '../../kit/arn';
import type { Region } from '../../kit/world';
import { describeBatch, EcsHandlers, limit, listPage } from './common';
import { ecsSim } from './sim/index';
import { ecsState, lastClusterName, type ClusterRecord, type InstanceRecord } from './state';

export function registerContainerInstance(region: Region, cluster: ClusterRecord, opts: { cpu?: number; memory?: number; instanceType?: string; capacityProviderName?: string; at?: Date; id?: string; ec2InstanceId?: string; availabilityZone?: string } = {}): InstanceRecord {
  const state = ecsState(region);
  const rnd = region.core.rnd;
  const id = opts.id ?? rnd.hex(32);
  const resources = (cpu: number, memory: number): ecs.Resource[] => [
    { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
    { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: memory },
    { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
  ];
  const cpu = opts.cpu ?? 2048;
  const memory = opts.memory ?? 7680;
  const inst: InstanceRecord = {
    containerInstanceArn: state.arn(`container-instance/${cluster.clusterName}/${id}`),
    ec2InstanceId: opts.ec2InstanceId ?? `i-0${rnd.hex(16)}`,
    version: 1,
    versionInfo: { agentVersion: '1.89.2', agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.6' },
    remainingResources: resources(cpu, memory),
    registeredResources: resources(cpu, memory),
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: [
      { name: 'ecs.instance-type', value: opts.instanceType ?? 't3.large' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'ecs.availability-zone', value: opts.availabilityZone ?? `${region.name}a` },
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      { name: 'ecs.capability.task-eni' },
    ],
    registeredAt: opts.at ?? region.now(),
    attachments: [],
    healthStatus: { overallStatus: 'OK', details: [] },
    capacityProviderName: opts.capacityProviderName,
  };
  state.instancesOf(cluster.clusterName).set(id, inst);
  return inst;
}

function instanceView(region: Region, inst: InstanceRecord, include: string[] = []): ecs.ContainerInstance {
  const state = ecsState(region);
  const tasks = [...state.tasksOf(lastClusterName(inst.containerInstanceArn)).values()].filter((t) => t.containerInstanceArn === inst.containerInstanceArn && t.desiredStatus === 'RUNNING');
  const free = ecsSim(region).placement.remaining(inst);
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  return {
    ...inst,
    runningTasksCount: running,
    pendingTasksCount: tasks.length - running,
    remainingResources: inst.registeredResources.map((r) => (r.name === 'CPU' ? { ...r, integerValue: free.cpu } : r.name === 'MEMORY' ? { ...r, integerValue: free.memory } : r)),
    tags: include.includes('TAGS') ? state.tagsOf(inst.containerInstanceArn) : undefined,
  };
}

export function findInstance(region: Region, cluster: ClusterRecord, ref: string): InstanceRecord | undefined {
  return ecsState(region).instancesOf(cluster.clusterName).get(lastPart(ref));
}

export const instanceHandlers: EcsHandlers<'ListContainerInstances' | 'DescribeContainerInstances' | 'UpdateContainerInstancesState'> = {
  ListContainerInstances: (input, { region }) => {
    const c = ecsState(region).cluster(input.cluster);
    const arns = [...ecsState(region).instancesOf(c.clusterName).values()]
      .filter((i) => !input.status || i.status === input.status)
      .map((i) => i.containerInstanceArn);
    const p = listPage(arns, input);
    return { containerInstanceArns: p.items, nextToken: p.next };
  },

  DescribeContainerInstances: (input, { region }) => {
    limit(input.containerInstances, 100, 'containerInstances');
    const c = ecsState(region).cluster(input.cluster);
    const r = describeBatch(input.containerInstances, (ref) => findInstance(region, c, ref), (i) => instanceView(region, i, input.include), (ref) => ecsState(region).arn(`container-instance/${c.clusterName}/${ref}`));
    return { containerInstances: r.found, failures: r.failures };
  },

  UpdateContainerInstancesState: (input, { region }) => {
    limit(input.containerInstances, 10, 'containerInstances');
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    const containerInstances: ecs.ContainerInstance[] = [];
    const failures: ecs.Failure[] = [];
    for (const ref of input.containerInstances) {
      const inst = findInstance(region, c, ref);
      if (!inst) {
        failures.push({ arn: ref, reason: 'MISSING' });
        continue;
      }
      inst.status = input.status;
      inst.version += 1;
      if (input.status === 'DRAINING') {
        for (const t of state.tasksOf(c.clusterName).values()) {
          if (t.containerInstanceArn === inst.containerInstanceArn && state.serviceOfTask(t) && t.desiredStatus === 'RUNNING') {
            ecsSim(region).tasks.stop(t, { stopCode: 'ServiceSchedulerInitiated', reason: 'Container instance is being drained' });
          }
        }
      }
      containerInstances.push(instanceView(region, inst));
    }
    return { containerInstances, failures };
  },
};

