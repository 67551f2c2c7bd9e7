/**
 * The last lines of one container of one task (what "why did it stop?" shows of the essential
 * container that exited): its stream from the task definition the task ran, read backwards with
 * GetLogEvents. A container whose logs are not in CloudWatch gives the sentence saying where they go.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import type { Task } from '../ecs/ecsReader';
import { containerLogs } from './logSources';

export async function containerLogTail(clients: ClientManager, scope: Scope, task: Task, container: string, count = 20): Promise<string[]> {
  const [log] = await containerLogs(clients, scope, [task], container);
  const where = log.location;
  if (!where.readable) return [`${where.where} ${where.change}`];
  if (!where.logStream) return [where.note ?? `No stream of ${container} is named after the task.`];
  const { sdk, client } = await clients.clientWithSdk('logs', { ...scope, region: where.region });
  const out = await client.send(new sdk.logs.GetLogEventsCommand({ logGroupName: where.logGroup, logStreamName: where.logStream, limit: count, startFromHead: false }));
  return (out.events ?? []).map((e) => e.message ?? '');
}
