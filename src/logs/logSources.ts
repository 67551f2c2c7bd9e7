/**
 * What Show Logs reads for a service, a task or a container: the tasks (a service's running ones
 * and those stopped in the last hour), the task definition each ran, and from it where each
 * container's lines go, grouped into the log groups and streams to ask CloudWatch Logs for.
 */
import { resourceName, shortTaskId } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { plainObjects } from '../aws/plainObjects';
import { chunk } from '../aws/paging';
import { EcsReader, LIMITS, type Task } from '../ecs/ecsReader';
import { containerNames, logLocation, RanTaskDefinitions, type LogLocation } from './logLocation';

/** What to show the logs of: a service, one task, or one container of a task. */
export interface LogTarget {
  cluster: string;
  service?: string;
  task?: string;
  container?: string;
}

/** One container of one task and where its lines are. */
export interface ContainerLog {
  taskArn: string;
  /** `ec0a8cbd/api`: the prefix of each of its lines. */
  label: string;
  container: string;
  location: LogLocation;
}

/** The streams of one log group to read (all of the group when `wholeGroup`). */
export interface StreamSet {
  region: string;
  logGroup: string;
  /** Stream name → the line prefix of its events. */
  streams: Map<string, string>;
  /** Some container's configuration names no stream: the whole group is read. */
  wholeGroup: boolean;
}

/** A service's stopped tasks are read for this long after they stopped. */
export const STOPPED_WITHIN_MS = 3_600_000;

const definitionsByClients = new WeakMap<ClientManager, Map<string, RanTaskDefinitions>>();

/** The per-scope cache of task definitions by ARN (a revision never changes). */
export function ranTaskDefinitions(clients: ClientManager, scope: Scope): RanTaskDefinitions {
  let byScope = definitionsByClients.get(clients);
  if (!byScope) definitionsByClients.set(clients, (byScope = new Map()));
  const resolved = clients.resolve(scope);
  const key = `${resolved.profile ?? ''}|${resolved.region}`;
  let found = byScope.get(key);
  if (!found) {
    const reader = new EcsReader(clients, resolved);
    byScope.set(key, (found = new RanTaskDefinitions(async (arn) => (await reader.taskDefinition(arn)).taskDefinition)));
  }
  return found;
}

/** The tasks of a target: one task, or a service's running tasks and those stopped in the last hour. */
export async function targetTasks(clients: ClientManager, scope: Scope, target: LogTarget, now: number): Promise<Task[]> {
  if (target.task) {
    const { sdk, client } = await clients.clientWithSdk('ecs', scope);
    const out = await client.send(new sdk.ecs.DescribeTasksCommand({ cluster: target.cluster, tasks: [target.task] }));
    const task = plainObjects(out.tasks ?? [])[0];
    if (!task) throw new Error(`Task ${target.task} was not found in cluster ${resourceName(target.cluster)} (ECS forgets stopped tasks after about an hour).`);
    return [task];
  }
  if (!target.service) throw new Error('Show Logs needs a service or a task.');
  const reader = new EcsReader(clients, scope);
  const [running, stopped] = await Promise.all([
    reader.tasks(target.cluster, { serviceName: target.service, desiredStatus: 'RUNNING' }, { limit: Infinity }),
    reader.stoppedTasks(target.cluster, { serviceName: target.service }, LIMITS.listPage * 10),
  ]);
  const recent = stopped.tasks.filter((t) => !t.stoppedAt || now - t.stoppedAt.getTime() <= STOPPED_WITHIN_MS);
  return [...running.items, ...recent];
}

/** Where each container of each task writes (only `target.container` when set). */
export async function containerLogs(clients: ClientManager, scope: Scope, tasks: Task[], container: string | undefined): Promise<ContainerLog[]> {
  const definitions = ranTaskDefinitions(clients, scope);
  const region = clients.resolve(scope).region;
  const perTask = await Promise.all(
    tasks.map(async (task) => {
      const taskArn = task.taskArn ?? '';
      const td = await definitions.get(task.taskDefinitionArn ?? '');
      const names = containerNames(td).filter((n) => !container || n === container);
      return names.map((name) => ({ taskArn, container: name, label: `${shortTaskId(taskArn)}/${name}`, location: logLocation(td, name, taskArn, region) }));
    }),
  );
  const all = perTask.flat();
  if (container && !all.length) throw new Error(`No task of ${tasks.length === 1 ? shortTaskId(tasks[0].taskArn) : 'the target'} runs a container named "${container}".`);
  return all;
}

/** The readable locations grouped by region and log group. */
export function streamSets(logs: ContainerLog[]): StreamSet[] {
  const sets = new Map<string, StreamSet>();
  for (const log of logs) {
    const where = log.location;
    if (!where.readable || !where.logGroup) continue;
    const key = `${where.region}|${where.logGroup}`;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { region: where.region, logGroup: where.logGroup, streams: new Map(), wholeGroup: false }));
    if (where.logStream) set.streams.set(where.logStream, log.label);
    else set.wholeGroup = true;
  }
  return [...sets.values()];
}

/** FilterLogEvents and StartLiveTail take at most 100 stream names: the calls one set needs. */
export function streamBatches(set: StreamSet): (string[] | undefined)[] {
  return set.wholeGroup || set.streams.size === 0 ? [undefined] : chunk([...set.streams.keys()], 100);
}

/** The prefix of an event of `stream`: its container's label, or one read from an ECS-style stream name. */
export function labelOf(set: StreamSet, stream: string | undefined): string {
  const known = stream ? set.streams.get(stream) : undefined;
  if (known) return known;
  const parts = (stream ?? '').split('/');
  return parts.length >= 3 ? `${shortTaskId(parts[parts.length - 1])}/${parts[parts.length - 2]}` : (stream ?? '').slice(0, 12);
}
