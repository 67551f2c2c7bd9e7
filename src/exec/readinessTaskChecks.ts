/**
 * The readiness checks about the task itself: running, ECS Exec enabled on it and its service, the
 * ExecuteCommandAgent of the container, the Fargate platform version or the EC2 agent version
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html: Fargate 1.4.0 or later
 * on Linux, the container agent 1.50.2 or later on EC2).
 */
import { resourceName } from '../aws/arn';
import type { ecs as EcsTypes } from '../aws/sdk';
import { serviceOfGroup } from '../ecs/resourceChanges';
import { EXEC_AGENT_NAME } from './execTarget';
import { isRefused, type Refused } from './readinessReads';
import type { ExecTarget, ReadinessAction, ReadinessCheck } from './types';

export const MIN_FARGATE_PLATFORM = '1.4.0';
export const MIN_EC2_AGENT = '1.50.2';

/** Whether dotted version `v` is at least `min` (`1.10.0` > `1.4.0`). */
export function versionAtLeast(v: string, min: string): boolean {
  const a = v.replace(/^v/, '').split('.').map((n) => parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** How to get a task with ECS Exec: through its service, or a new standalone task. */
export function enableFix(target: ExecTarget, task: EcsTypes.Task): { fix: string; action?: ReadinessAction } {
  const service = serviceOfGroup(task.group);
  if (!service) return { fix: 'Run a new task with ECS Exec enabled (RunTask with enableExecuteCommand: true): it cannot be turned on for a running task.' };
  return {
    fix: `Enable ECS Exec on service ${service} (UpdateService with enableExecuteCommand: true and a new deployment): the tasks it starts then have it; a running task cannot get it.`,
    action: { kind: 'enable-execute-command', cluster: target.cluster, service },
  };
}

export function taskRunningCheck(target: ExecTarget, task: EcsTypes.Task | undefined): ReadinessCheck {
  if (!task) return { id: 'task-running', ok: false, message: `Task ${target.task} was not found in cluster ${target.cluster}.`, fix: 'Pick a running task of that cluster (ECS lists a stopped task for about an hour).' };
  const id = resourceName(task.taskArn);
  if (task.lastStatus === 'RUNNING') return { id: 'task-running', ok: true, message: `Task ${id} is RUNNING.` };
  const fix = task.desiredStatus === 'STOPPED' ? 'Pick a running task: this one is stopping or stopped.' : 'Wait until the task is RUNNING, then check again.';
  return { id: 'task-running', ok: false, message: `Task ${id} is ${task.lastStatus ?? 'in an unknown state'}, not RUNNING.`, fix };
}

export function taskExecEnabledCheck(target: ExecTarget, task: EcsTypes.Task): ReadinessCheck {
  const id = resourceName(task.taskArn);
  if (task.enableExecuteCommand) return { id: 'task-exec-enabled', ok: true, message: `Task ${id} was started with ECS Exec enabled.` };
  return { id: 'task-exec-enabled', ok: false, message: `Task ${id} was started without ECS Exec (enableExecuteCommand is false).`, ...enableFix(target, task) };
}

/** Only for a task of a service; with the task enabled a disabled service is said, not failed: this task still works. */
export function serviceExecEnabledCheck(target: ExecTarget, task: EcsTypes.Task, service: EcsTypes.Service | Refused | undefined): ReadinessCheck | undefined {
  const name = serviceOfGroup(task.group);
  if (!name) return undefined;
  if (isRefused(service)) return { id: 'service-exec-enabled', ok: true, unverified: true, message: `Could not read service ${name}: ${service.refused}.` };
  if (!service) return { id: 'service-exec-enabled', ok: true, unverified: true, message: `Service ${name} of the task was not found.` };
  if (service.enableExecuteCommand) return { id: 'service-exec-enabled', ok: true, message: `Service ${name} starts its tasks with ECS Exec enabled.` };
  if (task.enableExecuteCommand) return { id: 'service-exec-enabled', ok: true, message: `Service ${name} has ECS Exec turned off: this task has it, the tasks it starts from now will not.` };
  return { id: 'service-exec-enabled', ok: false, message: `Service ${name} starts its tasks without ECS Exec.`, ...enableFix(target, task) };
}

function agentLine(container: EcsTypes.Container): { ok: boolean; words: string; fix?: string } {
  const agent = container.managedAgents?.find((a) => a.name === EXEC_AGENT_NAME);
  const name = container.name ?? '?';
  if (container.lastStatus !== 'RUNNING') return { ok: false, words: `container ${name} is ${container.lastStatus ?? 'not started'}`, fix: 'Wait until the container is RUNNING, or pick a running task.' };
  if (!agent) return { ok: false, words: `container ${name} has no ${EXEC_AGENT_NAME}: ECS Exec was not enabled when the task started`, fix: 'Start a new task with ECS Exec enabled.' };
  switch (agent.lastStatus) {
    case 'RUNNING':
      return { ok: true, words: `the ${EXEC_AGENT_NAME} of container ${name} is RUNNING` };
    case 'PENDING':
      return { ok: false, words: `the ${EXEC_AGENT_NAME} of container ${name} is still starting (PENDING)`, fix: 'Wait until it is RUNNING (usually within a minute of the container starting), then check again.' };
    default:
      return {
        ok: false,
        words: `the ${EXEC_AGENT_NAME} of container ${name} is ${agent.lastStatus ?? 'in an unknown state'}${agent.reason ? ` (${agent.reason})` : ''}`,
        fix: 'The agent needs a writable root file system (no readonlyRootFilesystem) and a task role that allows ssmmessages:*; fix those, then start a new task.',
      };
  }
}

/** The named container's agent, or, when none is named, every container's. */
export function execAgentCheck(target: ExecTarget, task: EcsTypes.Task, containers: EcsTypes.Container[]): ReadinessCheck {
  if (target.container !== undefined && containers.length === 0) {
    const names = (task.containers ?? []).map((c) => c.name).join(', ');
    return { id: 'exec-agent', ok: false, message: `Task ${resourceName(task.taskArn)} has no container named "${target.container}".`, fix: `Name one of its containers: ${names}.` };
  }
  const lines = containers.map(agentLine);
  const failed = lines.filter((l) => !l.ok);
  const words = lines.map((l) => l.words).join('; ');
  if (!failed.length) return { id: 'exec-agent', ok: true, message: `${words[0].toUpperCase()}${words.slice(1)}.` };
  const enabled = task.enableExecuteCommand ? {} : { action: enableFix(target, task).action };
  return { id: 'exec-agent', ok: false, message: `${words[0].toUpperCase()}${words.slice(1)}.`, fix: [...new Set(failed.map((l) => l.fix))].join(' '), ...enabled };
}

export function platformCheck(task: EcsTypes.Task, instance: EcsTypes.ContainerInstance | Refused | undefined): ReadinessCheck {
  const id = 'platform-version';
  if (task.launchType === 'FARGATE' || task.capacityProviderName?.startsWith('FARGATE')) {
    const pv = task.platformVersion;
    if (task.platformFamily?.toUpperCase().startsWith('WINDOWS')) return { id, ok: true, message: `Fargate Windows platform version${pv ? ` ${pv}` : ''} supports ECS Exec.` };
    if (!pv || pv === 'LATEST') return { id, ok: true, message: `Fargate platform version LATEST (${MIN_FARGATE_PLATFORM} or later) supports ECS Exec.` };
    if (versionAtLeast(pv, MIN_FARGATE_PLATFORM)) return { id, ok: true, message: `Fargate platform version ${pv} supports ECS Exec (${MIN_FARGATE_PLATFORM} or later).` };
    return {
      id, ok: false,
      message: `The task runs on Fargate platform version ${pv}; ECS Exec needs ${MIN_FARGATE_PLATFORM} or later.`,
      fix: `Run the task on platform version ${MIN_FARGATE_PLATFORM} or LATEST: set platformVersion on the service (UpdateService with a new deployment) or on RunTask.`,
    };
  }
  if (task.launchType === 'EXTERNAL') return { id, ok: true, message: 'The task runs on an external instance (ECS Anywhere): its agent version is not checked.', unverified: true };
  if (isRefused(instance)) return { id, ok: true, unverified: true, message: `Could not read the task's container instance: ${instance.refused}.` };
  const version = instance?.versionInfo?.agentVersion;
  if (!version) return { id, ok: true, unverified: true, message: 'The ECS container agent version of the task\'s instance is not known.' };
  const where = resourceName(instance?.ec2InstanceId ?? instance?.containerInstanceArn);
  if (versionAtLeast(version, MIN_EC2_AGENT)) return { id, ok: true, message: `The ECS container agent ${version} on ${where} supports ECS Exec (${MIN_EC2_AGENT} or later).` };
  return {
    id, ok: false,
    message: `The ECS container agent on ${where} is ${version}; ECS Exec needs ${MIN_EC2_AGENT} or later.`,
    fix: `Update the ECS container agent on ${where} to ${MIN_EC2_AGENT} or later (or replace the instance with a current ECS-optimized AMI), then start a new task.`,
  };
}
