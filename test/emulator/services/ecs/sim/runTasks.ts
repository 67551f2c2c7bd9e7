/** RunTask and StartTask in the simulation: capacity providers for Fargate tasks, placement for EC2 ones. */
import type * as ecs from '../../../generated/ecs';
import { AwsError } from '../../../kit/errors';
import type { InstanceRecord, TaskRecord } from '../state';
import { splitTasks, type StrategyItem } from './capacitySplit';
import type { EcsSim } from './index';
import type { PlacementConstraintRule, StrategyRule } from './placementEngine';
import type { LaunchParams } from './tasks';
import { isFargate } from './timing';

/** How RunTask / StartTask place their tasks. */
export interface RunPlacement {
  count: number;
  /** StartTask: one task on each. */
  instances?: InstanceRecord[];
  strategies: StrategyRule[];
  constraints: PlacementConstraintRule[];
  /** Fargate: the providers the tasks are split between. */
  capacityProviderStrategy?: StrategyItem[];
}

/**
 * Places and launches a RunTask / StartTask request: Fargate tasks on the capacity providers of
 * the strategy by base and weight, EC2 tasks one by one where the placement engine puts them
 * (StartTask: on the instances named). A task no instance takes adds each instance's reason to
 * `failures`, once per instance and reason.
 */
export function runTasks(sim: EcsSim, p: Omit<LaunchParams, 'instance' | 'capacityProviderName'> & RunPlacement): { tasks: TaskRecord[]; failures: ecs.Failure[] } {
  const tasks: TaskRecord[] = [];
  const failures = new Map<string, ecs.Failure>();
  const count = p.instances ? p.instances.length : p.count;
  const providers = p.capacityProviderStrategy?.length ? splitTasks(p.capacityProviderStrategy, count) : [];
  const group = p.group ?? `family:${p.taskDef.family}`;
  for (let i = 0; i < count; i++) {
    if (isFargate(p.launchType)) {
      tasks.push(sim.tasks.launch({ ...p, group, capacityProviderName: providers[i] }));
      continue;
    }
    const placed = sim.placement.place({ cluster: p.cluster, taskDef: p.taskDef, group, strategies: p.strategies, constraints: p.constraints, instances: p.instances && [p.instances[i]] });
    if (placed.instance) {
      tasks.push(sim.tasks.launch({ ...p, group, capacityProviderName: providers[i], instance: placed.instance }));
      continue;
    }
    if (!placed.rejected.length) {
      throw new AwsError('InvalidParameterException', 'No Container Instances were found in your cluster.');
    }
    for (const r of placed.rejected) failures.set(`${r.instance.containerInstanceArn} ${r.reason}`, { arn: r.instance.containerInstanceArn, reason: r.reason });
  }
  return { tasks, failures: [...failures.values()] };
}
