/** CloudWatch Logs events: PutLogEvents, GetLogEvents (forward/backward tokens), FilterLogEvents. */
import type * as logs from '../../generated/logs';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import { compileFilterPattern } from './filterPattern';
import { bad } from './groups';
import { logsState } from './state';

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
    state.append(g, s, events, region.now().getTime());
    return { nextSequenceToken: String(Date.now()).padStart(56, '4') };
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
    return { events: p.items, searchedLogStreams: streams.map((s) => ({ logStreamName: s.stream.logStreamName, searchedCompletely: true })), nextToken: p.next };
  },
};
