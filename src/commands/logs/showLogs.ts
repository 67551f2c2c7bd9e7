/**
 * ECS: Show Logs. From a service, task or container node (in the node's profile and region), from
 * the palette (cluster, then a service or a running task, with the paged pickers), from a failed
 * deployment's notification, or with an argument object:
 * `{ cluster, service? | task?, container?, region?, profile?, follow?, filterPattern?, since? }`
 * → `{ uri, logGroup, logStreams, events, mode }`.
 */
import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { parseArn, resourceName } from '../../aws/arn';
import { parseShowLogsArgs } from '../../logs/args';
import type { LogTarget } from '../../logs/logSources';
import { windowSince } from '../../logs/timeRange';
import type { Services } from '../../services';
import { pickCluster, pickRunningTask, pickService } from '../../ui/ecsPickers';
import { isArgumentObject } from '../../util/args';
import type { LogDocuments } from './logDocuments';

export interface ShowLogsResult {
  uri: string;
  logGroup: string;
  logStreams: string[];
  events: number;
  mode: 'live-tail' | 'polling' | 'none';
}

/** The default range: a service's stopped tasks are those of the last hour too. */
export const DEFAULT_SINCE = '1h';

interface NodeShape {
  kind?: string;
  cluster?: string;
  scope?: AwsScope;
  service?: { serviceName?: string };
  task?: { taskArn?: string; clusterArn?: string };
  container?: { name?: string; taskArn?: string };
  resource?: { scope: AwsScope };
}

/** The cluster of a task ARN (`task/<cluster>/<id>`). */
function clusterOfTask(taskArn: string | undefined): string {
  const parts = parseArn(taskArn)?.resource.split('/') ?? [];
  return parts.length === 3 ? parts[1] : '';
}

/** A service, task or container node of the explorer, as a target in its own scope. */
function fromNode(arg: unknown): { target: LogTarget; scope: AwsScope } | undefined {
  if (typeof arg !== 'object' || arg === null || isArgumentObject(arg)) return undefined;
  const node = arg as NodeShape;
  const scope = node.resource?.scope ?? node.scope;
  if (!scope) return undefined;
  if (node.kind === 'service' && node.cluster) return { target: { cluster: node.cluster, service: node.service?.serviceName }, scope };
  if (node.kind === 'task' && node.task?.taskArn) return { target: { cluster: resourceName(node.task.clusterArn) || clusterOfTask(node.task.taskArn), task: node.task.taskArn }, scope };
  if (node.kind === 'container' && node.container?.taskArn) return { target: { cluster: clusterOfTask(node.container.taskArn), task: node.container.taskArn, container: node.container.name }, scope };
  return undefined;
}

async function pickTarget(services: Services): Promise<{ target: LogTarget; scope: AwsScope }> {
  const scope = services.clientManager.resolve();
  const cluster = await pickCluster(services.clientManager, scope, 'Show Logs (1/3): Cluster');
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Service', description: 'its tasks, running and stopped in the last hour, interleaved', value: 'service' as const },
      { label: 'Task', description: 'one running task', value: 'task' as const },
    ],
    { title: 'Show Logs (2/3): Logs of', ignoreFocusOut: true },
  );
  if (!kind) throw new vscode.CancellationError();
  if (kind.value === 'service') return { target: { cluster, service: await pickService(services.clientManager, scope, cluster, 'Show Logs (3/3): Service') }, scope };
  return { target: { cluster, task: await pickRunningTask(services.clientManager, scope, cluster, 'Show Logs (3/3): Task') }, scope };
}

export async function showLogs(services: Services, documents: LogDocuments, arg: unknown): Promise<ShowLogsResult> {
  const now = Date.now();
  const parsed = isArgumentObject(arg) ? parseShowLogsArgs(arg, now) : undefined;
  const where = parsed ? { target: parsed.target, scope: services.clientManager.resolve(parsed.scope) } : (fromNode(arg) ?? (await pickTarget(services)));
  const { uri, view, reused } = documents.viewFor(where.target, where.scope, {
    window: windowSince(parsed?.since ?? DEFAULT_SINCE, now),
    filterPattern: parsed?.filterPattern ?? '',
  });
  // An open document is shown as it is, unless the caller asked for another range or filter.
  if (!reused || parsed?.since !== undefined || parsed?.filterPattern !== undefined) {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading logs of ${view.title}` }, () => view.load());
  }
  if (parsed?.follow === true) await view.startFollowing();
  if (parsed?.follow === false) view.stopFollowing();
  await documents.show(uri);
  return {
    uri: uri.toString(),
    logGroup: view.sets.map((s) => s.logGroup).join(', '),
    logStreams: view.sets.flatMap((s) => [...s.streams.keys()]),
    events: view.text.events,
    mode: view.mode,
  };
}
