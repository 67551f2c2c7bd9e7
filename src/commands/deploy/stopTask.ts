import { resourceName } from '../../aws/arn';
import type { AwsScope } from '../../aws/clientManager';
import { parseStopTaskArgs } from '../../deploy/args';
import { pickCluster, pickRunningTask } from '../../ui/ecsPickers';
import { confirm, input } from '../../ui/input';
import { runSteps } from '../../ui/steps';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';
import { nodeOf } from './targets';

/** Stop Task: a running task from the explorer or the pickers, a modal confirmation, an optional reason. */
export async function stopTask(ui: DeployUi, arg: unknown): Promise<{ taskArn: string; desiredStatus: string; region: string } | undefined> {
  let target: { cluster: string; task: string; reason?: string; scope: AwsScope };
  if (isArgumentObject(arg)) {
    const args = parseStopTaskArgs(arg);
    target = { ...args, scope: ui.clients.resolve(args.scope) };
  } else {
    const node = nodeOf<{ task: { taskArn?: string; clusterArn?: string } }>(arg, 'task');
    const fromNode = Boolean(node?.resource);
    const initial = { cluster: node?.task.clusterArn ?? '', task: node?.task.taskArn ?? '', scope: node?.resource?.scope ?? ui.clients.resolve(), reason: '' };
    target = await runSteps<typeof initial>('Stop Task', [
      { title: 'Cluster', when: () => !fromNode, ask: async (view, s) => void (s.cluster = await pickCluster(ui.clients, s.scope, view)) },
      { title: 'Task to stop', when: () => !fromNode, ask: async (view, s) => void (s.task = await pickRunningTask(ui.clients, s.scope, s.cluster, view)) },
      {
        title: (s) => `Reason for stopping ${resourceName(s.task).slice(0, 8)} (shown in the task's stoppedReason)`,
        ask: async (view, s) => void (s.reason = await input(view, { value: 'Stopped from ECS Workbench', validate: (v) => (v.length <= 255 ? undefined : 'At most 255 characters') })),
      },
    ], initial);
    target.reason ||= undefined;
    const taskId = resourceName(target.task);
    const ok = await confirm(`Stop task ${taskId} in cluster ${resourceName(target.cluster)} (${await ui.where(target.scope)})?`, 'A service replaces a stopped task with a new one; a standalone task is gone.', 'Stop Task');
    if (!ok) return undefined;
  }
  const task = await ui.actions(target.scope).stopTask(target.cluster, target.task, target.reason);
  ui.log(`Stopped task ${task.taskArn}${target.reason ? `: ${target.reason}` : ''}`);
  return { taskArn: task.taskArn ?? target.task, desiredStatus: task.desiredStatus ?? 'STOPPED', region: target.scope.region };
}
