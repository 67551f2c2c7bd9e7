import { parseStopTaskArgs } from '../../deploy/args';
import { input, nodeOf, pick, pickCluster, requireTrust, type DeployUi } from './common';
import { resourceName } from '../../aws/arn';
import { isArgumentObject } from '../../util/args';

/** Stop Task: a running task from the explorer or the pickers, a modal confirmation, an optional reason. */
export async function stopTask(ui: DeployUi, arg: unknown): Promise<{ taskArn: string; desiredStatus: string } | undefined> {
  requireTrust('Stopping a task');
  let target: { cluster: string; task: string; reason?: string; region?: string };
  if (isArgumentObject(arg)) target = parseStopTaskArgs(arg);
  else {
    const node = nodeOf(arg, 'task') as { task: { taskArn?: string; clusterArn?: string }; resource: { region: string } } | undefined;
    if (node) target = { cluster: node.task.clusterArn ?? '', task: node.task.taskArn ?? '', region: node.resource.region };
    else {
      const cluster = await pickCluster(ui);
      const tasks = (await ui.reader().tasks(cluster, { desiredStatus: 'RUNNING' }, { limit: 100 })).items;
      if (!tasks.length) throw new Error(`Cluster ${resourceName(cluster)} has no running tasks.`);
      const task = await pick(tasks.map((t) => ({ label: resourceName(t.taskArn).slice(0, 8), description: `${resourceName(t.taskDefinitionArn)} · ${t.group ?? ''} · ${t.lastStatus}`, value: t.taskArn ?? '' })), 'Task to stop');
      target = { cluster, task };
    }
    const taskId = resourceName(target.task);
    target.reason = (await input(`Reason for stopping ${taskId.slice(0, 8)} (shown in the task's stoppedReason)`, { value: 'Stopped from ECS Workbench', validate: (v) => (v.length <= 255 ? undefined : 'At most 255 characters') })) || undefined;
    const ok = await ui.confirm(`Stop task ${taskId} in cluster ${resourceName(target.cluster)} (${await ui.where(target.region)})?`, 'A service replaces a stopped task with a new one; a standalone task is gone.', 'Stop Task');
    if (!ok) return undefined;
  }
  const task = await ui.actions(target.region).stopTask(target.cluster, target.task, target.reason);
  ui.log(`Stopped task ${task.taskArn}${target.reason ? `: ${target.reason}` : ''}`);
  ui.services.explorer.refresh();
  return { taskArn: task.taskArn ?? target.task, desiredStatus: task.desiredStatus ?? 'STOPPED' };
}
