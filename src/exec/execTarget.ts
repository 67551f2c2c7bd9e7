import { parseArn, resourceName } from '../aws/arn';
import type { ClientManager } from '../aws/clientManager';
import type { ecs as EcsTypes } from '../aws/sdk';
import { refused } from './sessionChannel';
import type { ExecTarget, ResolvedExecTarget } from './types';

/** The SSM agent ECS runs beside each container with ECS Exec, as DescribeTasks' managedAgents name it. */
export const EXEC_AGENT_NAME = 'ExecuteCommandAgent';

/**
 * The task or container cannot take a session: not found, not running, or the container is not named
 * when the task has several (`containers` lists them so a caller can offer a choice).
 */
export class ExecTargetError extends Error {
  override readonly name = 'ExecTargetError';
  constructor(
    message: string,
    readonly containers: string[] = [],
  ) {
    super(message);
  }
}

/** `ecs:<cluster name>_<task id>_<container runtime id>`: the SSM target of ECS Exec (as the AWS CLI builds it). */
export function ssmTargetOf(clusterName: string, taskId: string, runtimeId: string): string {
  return `ecs:${clusterName}_${taskId}_${runtimeId}`;
}

/**
 * DescribeTasks for the target's task, then the container: the named one, or the only one when the task
 * has a single container. The runtime id exists once the container has started.
 */
export async function resolveExecTarget(clients: ClientManager, target: ExecTarget): Promise<ResolvedExecTarget> {
  const { sdk, client } = await clients.clientWithSdk('ecs', target.scope);
  const out = await client.send(new sdk.ecs.DescribeTasksCommand({ cluster: target.cluster, tasks: [target.task] })).catch((error: unknown) => {
    throw refused(`Reading task ${target.task} of cluster ${target.cluster}`, error, 'ecs:DescribeTasks');
  });
  const task = out.tasks?.[0];
  if (!task?.taskArn) {
    const reason = out.failures?.[0]?.reason;
    throw new ExecTargetError(`Task ${target.task} was not found in cluster ${target.cluster}${reason ? ` (${reason})` : ''}. Pick a running task of that cluster.`);
  }
  const container = pickContainer(task, target);
  const taskId = resourceName(task.taskArn);
  if (!container.runtimeId) {
    throw new ExecTargetError(`Container ${container.name} of task ${taskId} has not started (its status is ${container.lastStatus ?? 'unknown'}): a session needs a running container.`);
  }
  const arn = parseArn(task.taskArn);
  const clusterArn = task.clusterArn ?? target.cluster;
  return {
    clusterArn,
    taskArn: task.taskArn,
    taskId,
    container: container.name ?? '',
    runtimeId: container.runtimeId,
    ssmTarget: ssmTargetOf(resourceName(clusterArn), taskId, container.runtimeId),
    region: arn?.region ?? clients.resolve(target.scope).region,
    account: arn?.account ?? '',
  };
}

function pickContainer(task: EcsTypes.Task, target: ExecTarget): EcsTypes.Container {
  const containers = task.containers ?? [];
  const names = containers.map((c) => c.name ?? '');
  const taskId = resourceName(task.taskArn);
  if (target.container !== undefined) {
    const named = containers.find((c) => c.name === target.container);
    if (!named) throw new ExecTargetError(`Task ${taskId} has no container named "${target.container}"; its containers are ${names.join(', ')}.`, names);
    return named;
  }
  if (containers.length === 1) return containers[0];
  throw new ExecTargetError(`Task ${taskId} has ${containers.length} containers (${names.join(', ')}): name the one to use.`, names);
}
