/** CloudWatch Logs events: PutLogEvents, GetLogEvents (forward/backward tokens), FilterLogEvents. */
import type * as logs from '../../generated/logs';
import { decodeToken, encodeToken, page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import { compileFilterPattern } from './filterPattern';
import { bad } from './groups';
import { logsState } from './state';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** "The maximum batch size is 1,048,576 bytes … the sum of all event messages in UTF-8, plus 26 bytes for each log event" (API_PutLogEvents). */
const MAX_BATCH_BYTES = 1_048_576;
const eventBytes = (message: string): number => Buffer.byteLength(message, 'utf8') + 26;

/**
 * Which events of a (chronological) batch are accepted, per API_PutLogEvents: none more than
 * 2 hours in the future, more than 14 days in the past, or older than the group's retention;
 * those are left out and reported in `rejectedLogEventsInfo` (end indexes exclusive, start inclusive).
 */
function acceptance(timestamps: number[], now: number, retentionInDays: number | undefined): { from: number; to: number; info?: logs.RejectedLogEventsInfo } {
  const count = (pred: (t: number) => boolean): number => timestamps.filter(pred).length;
  const tooOld = count((t) => t < now - 14 * DAY);
  const expired = retentionInDays ? count((t) => t < now - retentionInDays * DAY) : 0;
  const tooNewStart = timestamps.length - count((t) => t > now + 2 * HOUR);
  const info: logs.RejectedLogEventsInfo = {};
  if (tooOld) {
    info.tooOldLogEventEndIndex = tooOld;
  }
  if (expired) {
    info.expiredLogEventEndIndex = expired;
  }
  if (tooNewStart < timestamps.length) {
    info.tooNewLogEventStartIndex = tooNewStart;
  }
  const from = Math.min(Math.max(tooOld, expired), tooNewStart);
  return { from, to: tooNewStart, info: Object.keys(info).length ? info : undefined };
}

const TOKEN_WIDTH = 56;
const token = (dir: 'f' | 'b', i: number): string => `${dir}/${String(i).padStart(TOKEN_WIDTH, '0')}/s`;

function readToken(t: string): { dir: string; i: number } {
  const m = /^([fb])\/(\d+)(\/s)?$/.exec(t);
  if (!m) {
    throw bad('The specified nextToken is invalid.');
  }
  return { dir: m[1], i: Number(m[2]) };
}

/** The [from, to) window of GetLogEvents for a token or direction. */
function window(count: number, limit: number, input: logs.GetLogEventsRequest): [number, number] {
  if (input.nextToken) {
    const t = readToken(input.nextToken);
    if (t.dir === 'f') {
      const from = Math.min(t.i, count);
      return [from, Math.min(from + limit, count)];
    }
    const to = Math.min(t.i, count);
    return [Math.max(0, to - limit), to];
  }
  if (input.startFromHead) {
    return [0, Math.min(limit, count)];
  }
  return [Math.max(0, count - limit), count];
}

export const eventHandlers: Pick<Handlers<logs.Operations>, 'PutLogEvents' | 'GetLogEvents' | 'FilterLogEvents'> = {
  PutLogEvents: (input, { region }) => {
    const state = logsState(region);
    const g = state.group(input.logGroupName);
    const s = state.stream(g, input.logStreamName);
    const events = input.logEvents;
    for (let i = 1; i < events.length; i++) {
      if (events[i].timestamp < events[i - 1].timestamp) {
        throw bad('Log events in a single PutLogEvents request must be in chronological order.');
      }
    }
    if (events[events.length - 1].timestamp - events[0].timestamp > DAY) {
      throw bad('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    }
    if (events.reduce((n, e) => n + eventBytes(e.message), 0) > MAX_BATCH_BYTES) {
      throw bad('The maximum batch size is 1,048,576 bytes (UTF-8 messages plus 26 bytes per event).');
    }
    const now = region.now().getTime();
    const { from, to, info } = acceptance(events.map((e) => e.timestamp), now, g.group.retentionInDays);
    state.append(g, s, events.slice(from, to), now);
    return { nextSequenceToken: String(Date.now()).padStart(56, '4'), rejectedLogEventsInfo: info };
  },

  GetLogEvents: (input, { region }) => {
    const state = logsState(region);
    const s = state.stream(state.group(input.logGroupName ?? input.logGroupIdentifier), input.logStreamName);
    const all = s.events.filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime));
    const limit = input.limit ?? 10000;
    if (limit < 1 || limit > 10000) {
      throw bad('limit must be between 1 and 10000.');
    }
    const [from, to] = window(all.length, limit, input);
    const events = all.slice(from, to).map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime }));
    return { events, nextForwardToken: token('f', to), nextBackwardToken: token('b', from) };
  },

  FilterLogEvents: (input, { region }) => {
    const g = logsState(region).group(input.logGroupName ?? input.logGroupIdentifier);
    if (input.logStreamNames && input.logStreamNamePrefix) {
      throw bad('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const matches = compileFilterPattern(input.filterPattern);
    const names = input.logStreamNames;
    const streams = [...g.streams.values()].filter(
      (s) => (!names || names.includes(s.stream.logStreamName)) && (!input.logStreamNamePrefix || s.stream.logStreamName.startsWith(input.logStreamNamePrefix)),
    );
    const events = streams
      .flatMap((s) => s.events)
      .filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp <= input.endTime))
      .filter((e) => matches(e.message))
      .sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : 1));
    const p = page(events, input.limit, input.nextToken, { def: 10000, max: 10000, error: 'InvalidParameterException', sizeName: 'limit' });
    // "returns … up to 1 MB of log events" per page (API_FilterLogEvents): a full page ends there and goes on with nextToken.
    let bytes = 0;
    const fit = p.items.findIndex((e, i) => (bytes += eventBytes(e.message)) > MAX_BATCH_BYTES && i > 0);
    const items = fit < 0 ? p.items : p.items.slice(0, fit);
    const next = fit < 0 ? p.next : encodeToken((input.nextToken ? decodeToken(input.nextToken) ?? 0 : 0) + fit);
    return { events: items, searchedLogStreams: streams.map((s) => ({ logStreamName: s.stream.logStreamName, searchedCompletely: true })), nextToken: next };
  },
};
