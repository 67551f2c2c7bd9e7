/**
 * Where an ECS Exec session lands: a container of a task, named for Session Manager by the target
 * `ecs:<cluster name>_<task id>_<container runtime id>` (the form the AWS CLI builds from
 * ExecuteCommand's answer and DescribeTasks' `runtimeId`, awscli/customizations/ecs/executecommand.py),
 * and the directory that stands in for that container's filesystem.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { perCore, type Core, type Region } from '../../../kit/world';
import { execAgentRunning } from '../sim/execAgent';
import { connectedRole } from './taskRole';
import { ecsState, lastClusterName, taskId, type ContainerRecord, type TaskRecord } from '../state';

export interface ExecContainer {
  task: TaskRecord;
  container: ContainerRecord;
}

export function ssmTarget(task: TaskRecord, container: ContainerRecord): string {
  return `ecs:${lastClusterName(task.clusterArn)}_${taskId(task)}_${container.runtimeId ?? ''}`;
}

/**
 * ECS Exec can reach the container: the task was started with it, runs, and the container's
 * ExecuteCommandAgent runs.
 */
export function execReachable(task: TaskRecord, container: ContainerRecord): boolean {
  return task.enableExecuteCommand === true && task.lastStatus === 'RUNNING' && container.lastStatus === 'RUNNING' && execAgentRunning(container);
}

/**
 * The connected container an `ecs:` target names, with the role its agent works as; undefined for
 * any other target (an instance id, a stopped task, a task whose agent cannot connect…).
 */
export function resolveTarget(region: Region, target: string): (ExecContainer & { role: string }) | undefined {
  // Cluster names may hold underscores; task ids and runtime ids (`<task id>-<digits>`) do not.
  const m = /^ecs:(.+)_([^_]+)_([^_]+)$/.exec(target);
  const task = m ? ecsState(region).tasksOf(m[1]).get(m[2]) : undefined;
  const container = task?.containers.find((c) => c.runtimeId === m?.[3]);
  const role = task && container && execReachable(task, container) ? connectedRole(region, task) : undefined;
  return role ? { task: task!, container: container!, role } : undefined;
}

const workdirs = perCore('ecs-exec-workdirs', (core) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-emulator-tasks-'));
  core.onClose(() => fs.rmSync(root, { recursive: true, force: true }));
  return root;
});

/**
 * The directory standing in for a container's filesystem, where the agent runs its shells: one per
 * task (a folder per container inside), made on first use, removed when the emulator closes.
 */
export function containerWorkdir(core: Core, t: ExecContainer): string {
  const dir = path.join(workdirs(core), `${lastClusterName(t.task.clusterArn)}-${taskId(t.task)}`, t.container.name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
