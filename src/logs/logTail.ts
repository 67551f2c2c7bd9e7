/**
 * The last lines of one container of one task (what "why did it stop?" shows of the essential
 * container that exited): its stream from the task definition the task ran, read backwards with
 * GetLogEvents. A container whose logs are not in CloudWatch gives, as `note`, where they go.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import type { Task, TaskDefinition } from '../ecs/ecsReader';
import { logLocation } from './logLocation';
import { containerLogs } from './logSources';

export interface LogTailLines {
  lines: string[];
  /** Why there are no lines, when that is known (logs elsewhere, no stream named after the task). */
  note?: string;
}

/** `taskDefinition`, when the caller has already read the one the task ran, saves reading it again. */
export async function containerLogTail(clients: ClientManager, scope: Scope, task: Task, container: string, count = 20, taskDefinition?: TaskDefinition): Promise<LogTailLines> {
  const where = taskDefinition
    ? logLocation(taskDefinition, container, task.taskArn ?? '', clients.resolve(scope).region)
    : (await containerLogs(clients, scope, [task], container))[0].location;
  if (!where.readable) return { lines: [], note: `${where.where} ${where.change}` };
  if (!where.logStream) return { lines: [], note: where.note ?? `no stream of ${container} is named after the task` };
  const { sdk, client } = await clients.clientWithSdk('logs', { ...scope, region: where.region });
  try {
    const out = await client.send(new sdk.logs.GetLogEventsCommand({ logGroupName: where.logGroup, logStreamName: where.logStream, limit: count, startFromHead: false }));
    return { lines: (out.events ?? []).map((e) => e.message ?? '') };
  } catch (error) {
    // A container that never started has no stream yet: no lines, not a failure.
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return { lines: [] };
    throw error;
  }
}
