/** The argument object of `ecsWorkbench.showLogs`, read through the one argument reader. */
import { readArgs } from '../util/args';
import { FilterPatternError, validateFilterPattern } from './filterPattern';
import type { LogTarget } from './logSources';
import { parseSince, TimeRangeError } from './timeRange';

export const SHOW_LOGS_USAGE = "{ cluster, service? | task?, container?, follow?: boolean, filterPattern?: string, since?: string ('15m', '2h', an ISO time) }";

export interface ShowLogsArgs {
  target: LogTarget;
  scope: { region?: string; profile?: string };
  follow?: boolean;
  filterPattern?: string;
  since?: string;
}

export function parseShowLogsArgs(value: unknown, now: number): ShowLogsArgs {
  const r = readArgs('ecsWorkbench.showLogs', SHOW_LOGS_USAGE, value, ['cluster', 'service', 'task', 'container', 'follow', 'filterPattern', 'since']);
  const cluster = r.string('cluster');
  const service = r.string('service', true);
  const task = r.string('task', true);
  if (service && task) r.fail('give "service" or "task", not both');
  if (!service && !task) r.fail('"service" or "task" is missing');
  // An empty pattern is allowed: it means no filter.
  const filter = (value as { filterPattern?: unknown }).filterPattern;
  if (filter !== undefined && typeof filter !== 'string') r.fail('"filterPattern" must be a string (CloudWatch Logs filter syntax)');
  let filterPattern: string | undefined;
  let since: string | undefined;
  try {
    filterPattern = typeof filter === 'string' ? validateFilterPattern(filter) : undefined;
    since = r.string('since', true);
    if (since !== undefined) parseSince(since, now);
  } catch (error) {
    if (error instanceof FilterPatternError || error instanceof TimeRangeError) r.fail(error.message.replace(/\.$/, ''));
    throw error;
  }
  return { target: { cluster, service, task, container: r.string('container', true) }, scope: r.scope(), follow: r.bool('follow'), filterPattern, since };
}
