/** ECS tasks: list, describe, RunTask / StartTask / StopTask. */
import type * as ecs from '../../generated/ecs';
import { lastPart } from '../../kit/arn';
import type { Region } from '../../kit/world';
import { bad, describeBatch, EcsHandlers, limit, listPage } from './common';
import { findInstance } from './container-instances';
import { idempotent } from './idempotency';
import { checkLaunch, resolveLaunchType } from './services';
import { capacityStrategyFor, checkPlacement, parseConstraints, parseStrategies } from './placement-config';
import { RUN_TASK_DEFAULT_STRATEGY } from './sim/placement';
import { ecsSim } from './sim/index';
import { runTasks } from './sim/runTasks';
import { ecsState, type ClusterRecord, type InstanceRecord, type TaskRecord } from './state';

function taskView(region: Region, t: TaskRecord, include: string[] = []): ecs.Task {
  return { ...t, tags: include.includes('TAGS') ? ecsState(region).tagsOf(t.taskArn) : undefined };
}

export function findTask(region: Region, cluster: ClusterRecord, ref: string): TaskRecord | undefined {
  return ecsState(region).tasksOf(cluster.clusterName).get(lastPart(ref));
}

function launchTasks(region: Region, input: ecs.RunTaskRequest | ecs.StartTaskRequest, instances?: InstanceRecord[]): ecs.RunTaskResponse {
  const state = ecsState(region);
  const cluster = state.cluster(input.cluster);
  const td = state.taskDefForUse(input.taskDefinition);
  const run: Partial<ecs.RunTaskRequest> = instances ? {} : (input as ecs.RunTaskRequest);
  const launchType = instances ? 'EC2' : resolveLaunchType(cluster, run);
  checkLaunch(td, launchType, input.networkConfiguration);
  const count = run.count ?? 1;
  if (count < 1 || count > 10) {
    throw bad('count must be between 1 and 10.');
  }
  checkPlacement(launchType, run.placementStrategy, run.placementConstraints, td);
  const capacityProviderStrategy = instances ? undefined : capacityStrategyFor(cluster, run);
  const { tasks, failures } = runTasks(ecsSim(region), {
    cluster,
    taskDef: td,
    launchType,
    capacityProviderStrategy,
    startedBy: input.startedBy,
    group: input.group,
    overrides: input.overrides,
    networkConfiguration: input.networkConfiguration,
    tags: input.tags,
    enableExecuteCommand: input.enableExecuteCommand,
    platformVersion: run.platformVersion,
    count,
    instances,
    strategies: run.placementStrategy?.length ? parseStrategies(run.placementStrategy) : RUN_TASK_DEFAULT_STRATEGY,
    constraints: parseConstraints(run.placementConstraints, td.placementConstraints),
  });
  return { tasks: tasks.map((t) => taskView(region, t)), failures };
}

export const taskHandlers: EcsHandlers<'ListTasks' | 'DescribeTasks' | 'RunTask' | 'StartTask' | 'StopTask'> = {
  ListTasks: (input, { region }) => {
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    if (input.serviceName) {
      state.service(c, input.serviceName);
    }
    const desired = input.desiredStatus ?? 'RUNNING';
    const instanceArn = input.containerInstance ? findInstance(region, c, input.containerInstance)?.containerInstanceArn ?? input.containerInstance : undefined;
    const serviceName = input.serviceName ? lastPart(input.serviceName) : undefined;
    const family = input.family ? `:task-definition/${input.family}:` : undefined;
    // One pass, no intermediate arrays: every page re-reads the cluster's tasks (20,000 in `scale-huge`).
    const arns: string[] = [];
    for (const t of state.tasksOf(c.clusterName).values()) {
      if (t.desiredStatus === desired
        && (!family || t.taskDefinitionArn.includes(family))
        && (!input.startedBy || t.startedBy === input.startedBy)
        && (!serviceName || state.serviceOfTask(t)?.serviceName === serviceName)
        && (!input.launchType || t.launchType === input.launchType)
        && (!instanceArn || t.containerInstanceArn === instanceArn)) {
        arns.push(t.taskArn);
      }
    }
    const p = listPage(arns, input);
    return { taskArns: p.items, nextToken: p.next };
  },

  DescribeTasks: (input, { region }) => {
    limit(input.tasks, 100, 'Tasks');
    const c = ecsState(region).cluster(input.cluster);
    const r = describeBatch(input.tasks, (ref) => findTask(region, c, ref), (t) => taskView(region, t, input.include), (ref) => ecsState(region).arn(`task/${c.clusterName}/${ref}`));
    return { tasks: r.found, failures: r.failures };
  },

  RunTask: (input, { region }) => idempotent(region, ecsState(region).cluster(input.cluster).clusterName, input.clientToken, input, () => launchTasks(region, input)),

  StartTask: (input, { region }) => {
    limit(input.containerInstances, 10, 'containerInstances');
    const c = ecsState(region).cluster(input.cluster);
    // "MISSING (container instance ID)" and "INACTIVE (container instance ID)" are StartTask failures
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html).
    const missing: ecs.Failure[] = [];
    const instances: InstanceRecord[] = [];
    for (const ref of input.containerInstances) {
      const inst = findInstance(region, c, ref);
      const arn = ref.startsWith('arn:') ? ref : ecsState(region).arn(`container-instance/${c.clusterName}/${ref}`);
      if (!inst) missing.push({ arn, reason: 'MISSING' });
      else if (inst.status === 'INACTIVE' || inst.status === 'DEREGISTERING') missing.push({ arn: inst.containerInstanceArn, reason: 'INACTIVE' });
      else instances.push(inst);
    }
    const started = instances.length ? launchTasks(region, input, instances) : { tasks: [], failures: [] };
    return { tasks: started.tasks, failures: [...missing, ...(started.failures ?? [])] };
  },

  StopTask: (input, { region }) => {
    const c = ecsState(region).cluster(input.cluster);
    const t = findTask(region, c, input.task);
    if (!t) {
      throw bad('The referenced task was not found.');
    }
    ecsSim(region).tasks.stop(t, { stopCode: 'UserInitiated', reason: input.reason ?? 'Task stopped by user' });
    return { task: taskView(region, t) };
  },
};
