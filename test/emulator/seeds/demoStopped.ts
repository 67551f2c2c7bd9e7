/**
 * The demo account's one-off tasks that stopped for the reasons AWS's troubleshooting guide lists
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html), beside the
 * worker's exit 1: a report killed for its memory, a preview whose image tag does not exist, a
 * payments job whose secret the execution role cannot read. Each ran (or tried to) in demo-fargate.
 */
import { arn } from '../kit/arn';
import type { Region } from '../kit/world';
import { logsState } from '../services/logs/state';
import { ecsSim } from '../services/ecs/sim/index';
import type { ClusterRecord, TaskDefinitionRecord, TaskRecord } from '../services/ecs/state';
import { memoryLine, outOfMemoryLines, startupLines, workLine } from '../services/ecs/sim/taskLogs';
import { ago, ecrImage, fargateTaskDef, MIN, seededStop, SUBNETS } from './helpers';

export const STOPPED_FAMILIES = ['demo-report', 'demo-preview', 'demo-pay'];

function launch(region: Region, cluster: ClusterRecord, td: TaskDefinitionRecord, startedBy: string, minutesAgo: number, running: boolean): TaskRecord {
  const sim = ecsSim(region);
  const t = sim.tasks.launch({ cluster, taskDef: td, launchType: 'FARGATE', startedBy, networkConfiguration: SUBNETS, ...(running ? { runningSince: ago(region, minutesAgo) } : {}) });
  t.createdAt = ago(region, minutesAgo + 0.5);
  return t;
}

function log(region: Region, t: TaskRecord, td: TaskDefinitionRecord, minutesAgo: number, lines: string[]): void {
  logsState(region).writeContainerLogs(t, td.containerDefinitions[0], lines, ago(region, minutesAgo));
}

export function seedStoppedTasks(region: Region, cluster: ClusterRecord): void {
  // A nightly report whose cache outgrows its 512 MiB: killed by the kernel, exit 137.
  const report = fargateTaskDef(region, 'demo-report', 'report', ecrImage(region, 'demo/report', '3.1.0-oom'), { container: { memory: 512 } });
  const r = launch(region, cluster, report, 'nightly-report', 52, true);
  const cd = report.containerDefinitions[0];
  log(region, r, report, 52, [...startupLines(cd), workLine(cd, region.core.rnd)]);
  for (let i = 0; i < 4; i++) log(region, r, report, 51 - i * 0.2, [memoryLine(cd, 512, i, 4)]);
  log(region, r, report, 50.1, outOfMemoryLines(cd));
  seededStop(region, r, { stoppingMinutesAgo: 50, stoppedMinutesAgo: 49.5, stopCode: 'EssentialContainerExited', reason: 'Essential container in task exited', exitCode: 137, containerReason: 'OutOfMemoryError: Container killed due to memory usage' });
  // A preview of demo/web at a tag that was never pushed.
  const preview = fargateTaskDef(region, 'demo-preview', 'web', ecrImage(region, 'demo/web', '2.2.0-nopull'), { port: 80 });
  stopBeforeStart(region, launch(region, cluster, preview, 'preview-build', 35, false), preview, 34.5);
  // A payments job whose execution role may not read its secret.
  const secret = arn('secretsmanager', region.name, 'secret:demo/pay/stripe-key-AbCdEf');
  const payments = fargateTaskDef(region, 'demo-pay', 'payments', ecrImage(region, 'demo/pay', '1.4-badsecret'), { container: { secrets: [{ name: 'STRIPE_KEY', valueFrom: secret }] } });
  stopBeforeStart(region, launch(region, cluster, payments, 'payments-job', 25, false), payments, 24.5);
}

/** A task that failed to start, with the reason the simulation gives it (sim/stopCauses.ts). */
function stopBeforeStart(region: Region, t: TaskRecord, td: TaskDefinitionRecord, minutesAgo: number): void {
  const how = ecsSim(region).causes.failsToStart(t, td)!;
  seededStop(region, t, { stoppingMinutesAgo: minutesAgo + 0.1, stoppedMinutesAgo: minutesAgo, stopCode: how.stopCode, reason: how.reason });
  for (const c of t.containers) {
    const reason = how.containerReasons?.[c.name];
    if (reason) c.reason = reason;
  }
  t.pullStartedAt = new Date(ago(region, minutesAgo).getTime() - MIN / 4);
}
