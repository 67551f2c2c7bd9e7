/** ECS tasks: list, describe, RunTask / StartTask / StopTask. */
import type * as ecs from '../../generated/ecs';
import { lastPart } from '../../kit/arn';
import type { Region } from '../../kit/world';
import { bad, describeBatch, EcsHandlers, limit, listPage } from './common';
import { findInstance } from './container-instances';
import { idempotent } from './idempotency';
import { checkLaunch, resolveLaunchType } from './services';
import { ecsSim } from './sim/index';
import { ecsState, type ClusterRecord, type InstanceRecord, type TaskRecord } from './state';

function taskView(region: Region, t: TaskRecord, include: string[] = []): ecs.Task {
  return { ...t, tags: include.includes('TAGS') ? ecsState(region).tagsOf(t.taskArn) : undefined };
}

function findTask(region: Region, cluster: ClusterRecord, ref: string): TaskRecord | undefined {
  return ecsState(region).tasksOf(cluster.clusterName).get(lastPart(ref));
}

function launchTasks(region: Region, input: ecs.RunTaskRequest, instances?: InstanceRecord[]): ecs.RunTaskResponse {
  const state = ecsState(region);
  const cluster = state.cluster(input.cluster);
  const td = state.taskDefForUse(input.taskDefinition);
  const launchType = instances ? 'EC2' : resolveLaunchType(cluster, input);
  checkLaunch(td, launchType, input.networkConfiguration);
  const count = input.count ?? 1;
  if (count < 1 || count > 10) {
    throw bad('count must be between 1 and 10.');
  }
  const { tasks, failures } = ecsSim(region).tasks.runTasks({
    cluster,
    taskDef: td,
    launchType,
    capacityProviderName: input.capacityProviderStrategy?.[0]?.capacityProvider,
    startedBy: input.startedBy,
    group: input.group,
    overrides: input.overrides,
    networkConfiguration: input.networkConfiguration,
    tags: input.tags,
    enableExecuteCommand: input.enableExecuteCommand,
    count: instances ? instances.length : count,
    instances,
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
    const arns = [...state.tasksOf(c.clusterName).values()]
      .filter((t) => t.desiredStatus === desired)
      .filter((t) => !input.family || t.taskDefinitionArn.includes(`:task-definition/${input.family}:`))
      .filter((t) => !input.startedBy || t.startedBy === input.startedBy)
      .filter((t) => !serviceName || state.serviceOfTask(t)?.serviceName === serviceName)
      .filter((t) => !input.launchType || t.launchType === input.launchType)
      .filter((t) => !instanceArn || t.containerInstanceArn === instanceArn)
      .map((t) => t.taskArn);
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
    const instances = input.containerInstances.map((ref) => {
      const inst = findInstance(region, c, ref);
      if (!inst) {
        throw bad(`Container instance not found: ${ref}`);
      }
      return inst;
    });
    return launchTasks(region, input, instances);
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
