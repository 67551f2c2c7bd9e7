/** Placing tasks on container instances by remaining CPU and memory. */
import type * as ecs from '../../../generated/ecs';
import { lastClusterName, type ClusterRecord, type InstanceRecord } from '../state';
import type { EcsSim } from './index';
import { taskNeeds } from './timing';

export class Placement {
  constructor(private readonly sim: EcsSim) {}

  /**
   * Picks the container instance with the most memory left that fits `td`, or explains why there is
   * none: the RunTask failure reason (`RESOURCE:CPU` / `RESOURCE:MEMORY`) and the closest instance
   * (the one with most of the resource that was short), which the service event names.
   */
  place(cluster: ClusterRecord, td: ecs.TaskDefinition): { instance?: InstanceRecord; reason?: string; closest?: InstanceRecord } {
    const instances = [...this.sim.ecs.instancesOf(cluster.clusterName).values()].filter((i) => i.status === 'ACTIVE');
    if (instances.length === 0) {
      return { reason: 'No Container Instances were found in your cluster.' };
    }
    const need = taskNeeds(td);
    let best: InstanceRecord | undefined;
    let reason = 'RESOURCE:MEMORY';
    let closest: { inst: InstanceRecord; free: number } | undefined;
    const short = (inst: InstanceRecord, why: string, free: number): void => {
      reason = why;
      if (!closest || closest.free < free) closest = { inst, free };
    };
    for (const inst of instances) {
      const free = this.remaining(inst);
      if (free.cpu < need.cpu) {
        short(inst, 'RESOURCE:CPU', free.cpu);
        continue;
      }
      if (free.memory < need.memory) {
        short(inst, 'RESOURCE:MEMORY', free.memory);
        continue;
      }
      if (!best || this.remaining(best).memory < free.memory) {
        best = inst;
      }
    }
    return best ? { instance: best } : { reason, closest: closest?.inst };
  }

  remaining(inst: InstanceRecord): { cpu: number; memory: number } {
    const ecsState = this.sim.ecs;
    const reg = (name: string): number => inst.registeredResources.find((r) => r.name === name)?.integerValue ?? 0;
    let cpu = reg('CPU');
    let memory = reg('MEMORY');
    for (const t of ecsState.tasksOf(lastClusterName(inst.containerInstanceArn)).values()) {
      if (t.containerInstanceArn === inst.containerInstanceArn && t.lastStatus !== 'STOPPED') {
        const td = ecsState.findTaskDef(t.taskDefinitionArn);
        const n = td ? taskNeeds(td) : { cpu: 0, memory: 0 };
        cpu -= n.cpu;
        memory -= n.memory;
      }
    }
    return { cpu, memory };
  }
}
