/**
 * Reads the lines of a set of log streams over a time window with FilterLogEvents (at most 100
 * stream names a call, paged by nextToken), and interleaves them by time, each line prefixed with
 * the short task id and container it came from.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import { awsPatternError } from './filterPattern';
import { labelOf, streamBatches, type StreamSet } from './logSources';
import type { TimeWindow } from './timeRange';

export interface LogLine {
  timestamp: number;
  /** FilterLogEvents' id (live-tail events have none): polling skips what it has shown. */
  eventId?: string;
  /** `ec0a8cbd/api` */
  label: string;
  message: string;
}

export interface WindowResult {
  lines: LogLine[];
  /** More lines matched than `maxLines`: the oldest `maxLines` were read (FilterLogEvents reads forward). */
  truncated: boolean;
}

/** At most this many lines are read for one window (Load older reads the window before). */
export const MAX_WINDOW_LINES = 10_000;

/** Oldest first; same millisecond: by event id, then label, so the order is stable. */
export function byTime(a: LogLine, b: LogLine): number {
  return a.timestamp - b.timestamp || (a.eventId ?? '').localeCompare(b.eventId ?? '') || a.label.localeCompare(b.label);
}

/** `2025-01-15T09:00:00.123Z [ec0a8cbd/api] message`: one line of the document. */
export function formatLine(line: LogLine): string {
  return `${new Date(line.timestamp).toISOString()} [${line.label}] ${line.message.replace(/\r?\n$/, '').replace(/\r?\n/g, '\n    ')}`;
}

/** The lines of one stream set in `window` (endTime inclusive, as FilterLogEvents reads it). */
async function readSet(clients: ClientManager, scope: Scope, set: StreamSet, window: TimeWindow, filterPattern: string, maxLines: number): Promise<{ lines: LogLine[]; truncated: boolean }> {
  const { sdk, client } = await clients.clientWithSdk('logs', { ...scope, region: set.region });
  const lines: LogLine[] = [];
  let truncated = false;
  await Promise.all(
    streamBatches(set).map(async (logStreamNames) => {
      let nextToken: string | undefined;
      do {
        const out = await client
          .send(
            new sdk.logs.FilterLogEventsCommand({
              logGroupName: set.logGroup,
              logStreamNames,
              startTime: window.start,
              endTime: window.end,
              filterPattern: filterPattern || undefined,
              nextToken,
            }),
          )
          .catch((error: unknown) => {
            throw awsPatternError(filterPattern, error) ?? error;
          });
        for (const e of out.events ?? []) lines.push({ timestamp: e.timestamp ?? 0, eventId: e.eventId, label: labelOf(set, e.logStreamName), message: e.message ?? '' });
        nextToken = out.nextToken;
        if (lines.length >= maxLines) truncated = nextToken !== undefined;
      } while (nextToken && lines.length < maxLines);
    }),
  );
  return { lines, truncated };
}

/** Every set's lines in `window`, interleaved by time; the oldest `maxLines` when there are more. */
export async function readWindow(clients: ClientManager, scope: Scope, sets: StreamSet[], window: TimeWindow, filterPattern = '', maxLines = MAX_WINDOW_LINES): Promise<WindowResult> {
  const results = await Promise.all(sets.map((set) => readSet(clients, scope, set, window, filterPattern, maxLines)));
  const lines = results.flatMap((r) => r.lines).sort(byTime);
  const truncated = results.some((r) => r.truncated) || lines.length > maxLines;
  return { lines: lines.slice(0, maxLines), truncated };
}
