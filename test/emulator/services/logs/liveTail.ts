/**
 * CloudWatch Logs StartLiveTail, as https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartLiveTail.html
 * describes it: an event stream (over HTTP/2 for the JS SDK, HTTP/1.1 chunked for botocore) that sends one `sessionStart`, then every second a
 * `sessionUpdate` with the events ingested since (an empty array when there were none; at most
 * 500, "sampled down" beyond, with `sessionMetadata.sampled`), until the client closes the stream
 * or the session reaches three hours (`SessionTimeoutException` in the stream). Log groups are
 * named by ARN (at most 10, not ending in `*`); `logStreamNames` and `logStreamNamePrefixes`
 * exclude each other and need exactly one log group; `logEventFilterPattern` filters as
 * FilterLogEvents does.
 *
 * Concurrent sessions are limited per account and Region: 15 by default ("StartLiveTail: 15
 * concurrent sessions", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html);
 * the next one is refused with LimitExceededException. Both limits can be changed for tests
 * (`liveTail(region).limits`, `POST /_emulator/logs/live-tail`).
 */
import type * as logs from '../../generated/logs';
import { AwsError } from '../../kit/errors';
import { eventStream, EventSink } from '../../kit/eventstream';
import type { ControlRoute, Handlers } from '../../kit/service';
import { perRegion, Region } from '../../kit/world';
import { compileFilterPattern } from './filterPattern';
import { bad } from './groups';
import { GroupState, LogEventRecord, logsState } from './state';

export interface LiveTailLimits {
  /** Concurrent sessions per account and Region (AWS: 15). */
  maxSessions: number;
  /** How long a session lasts (AWS: 3 hours). */
  maxSessionMs: number;
}

export const LIVE_TAIL_DEFAULTS: LiveTailLimits = { maxSessions: 15, maxSessionMs: 3 * 3600_000 };
/** "If the number of log events matching the request exceeds 500 per second, the log events are sampled down to 500." */
const MAX_PER_UPDATE = 500;
const UPDATE_MS = 1000;

type Stream = logs.StartLiveTailResponseStream;

class LiveTailSessions {
  limits: LiveTailLimits = { ...LIVE_TAIL_DEFAULTS };
  /** Open sessions by id. */
  readonly open = new Map<string, () => void>();
}

export const liveTail = perRegion('logs-live-tail', () => new LiveTailSessions());

interface Target {
  group: GroupState;
  identifier: string;
}

function targets(region: Region, input: logs.StartLiveTailRequest): Target[] {
  if (input.logStreamNames && input.logStreamNamePrefixes) {
    throw bad('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
  }
  if ((input.logStreamNames || input.logStreamNamePrefixes) && input.logGroupIdentifiers.length !== 1) {
    throw bad('logStreamNames and logStreamNamePrefixes can only be specified with a single log group.');
  }
  return input.logGroupIdentifiers.map((identifier) => {
    if (!identifier.startsWith('arn:') || !identifier.includes(':log-group:')) {
      throw bad(`Log group identifier must be an ARN: ${identifier}`);
    }
    if (identifier.endsWith('*')) {
      throw bad(`Log group ARN must not end with '*': ${identifier}`);
    }
    return { group: logsState(region).group(identifier), identifier };
  });
}

/** Every `step` events of `events`, down to `max` (AWS documents sampling, not how it samples). */
function sample<T>(events: T[], max: number): T[] {
  if (events.length <= max) {
    return events;
  }
  const step = events.length / max;
  return Array.from({ length: max }, (_, i) => events[Math.floor(i * step)]);
}

export const liveTailHandlers: Pick<Handlers<logs.Operations>, 'StartLiveTail'> = {
  StartLiveTail: (input, { region, requestId, core }) => {
    const chosen = targets(region, input);
    const matches = compileFilterPattern(input.logEventFilterPattern);
    const sessions = liveTail(region);
    if (sessions.open.size >= sessions.limits.maxSessions) {
      throw new AwsError('LimitExceededException', `You have reached the maximum number of concurrent Live Tail sessions (${sessions.limits.maxSessions}).`);
    }
    const sessionId = core.rnd.uuid();
    const names = input.logStreamNames;
    const prefixes = input.logStreamNamePrefixes;
    const wanted = (streamName: string): boolean => (!names || names.includes(streamName)) && (!prefixes || prefixes.some((p) => streamName.startsWith(p)));
    // Claimed now, so that a burst of calls cannot pass the quota before their streams open.
    sessions.open.set(sessionId, () => undefined);
    const { maxSessionMs } = sessions.limits;
    return {
      responseStream: eventStream<Stream>((sink: EventSink<Stream>) => {
        let closed = false;
        let pending: logs.LiveTailSessionLogEvent[] = [];
        const state = logsState(region);
        const onAppend = (g: GroupState, added: LogEventRecord[]): void => {
          const target = chosen.find((t) => t.group === g);
          if (!target) {
            return;
          }
          for (const e of added) {
            if (wanted(e.logStreamName) && matches(e.message)) {
              pending.push({ logStreamName: e.logStreamName, logGroupIdentifier: target.identifier, message: e.message, timestamp: e.timestamp, ingestionTime: e.ingestionTime });
            }
          }
        };
        const stop = (): void => {
          closed = true;
          state.appendListeners.delete(onAppend);
          sessions.open.delete(sessionId);
        };
        // Live tail's timings are AWS's own, not ECS's: undo the time scale the scheduler applies.
        const after = (ms: number, fn: () => void): void => core.sched.after(ms * core.sched.timeScale, () => !closed && fn());
        const tick = (): void => {
          const batch = pending;
          pending = [];
          sink.event('sessionUpdate', { sessionMetadata: { sampled: batch.length > MAX_PER_UPDATE }, sessionResults: sample(batch, MAX_PER_UPDATE) });
          after(UPDATE_MS, tick);
        };
        sessions.open.set(sessionId, stop);
        state.appendListeners.add(onAppend);
        sink.event('sessionStart', {
          requestId, sessionId, logGroupIdentifiers: input.logGroupIdentifiers, logStreamNames: names, logStreamNamePrefixes: prefixes, logEventFilterPattern: input.logEventFilterPattern,
        });
        after(UPDATE_MS, tick);
        after(maxSessionMs, () => {
          stop();
          sink.exception('SessionTimeoutException', 'Session timed out.');
        });
        return stop;
      }),
    };
  },
};

/** `POST /_emulator/logs/live-tail {"region"?, "maxSessions"?, "maxSessionMs"?}`: changes the limits; answers them and the open sessions. */
export const liveTailControl: Record<string, ControlRoute> = {
  'POST /_emulator/logs/live-tail': (input, core) => {
    const sessions = liveTail(core.region(typeof input.region === 'string' ? input.region : 'us-east-1'));
    for (const key of ['maxSessions', 'maxSessionMs'] as const) {
      const v = input[key];
      if (v !== undefined) {
        if (typeof v !== 'number' || !(v > 0)) {
          return [400, { error: `${key} must be a positive number` }];
        }
        sessions.limits[key] = v;
      }
    }
    return [200, { ...sessions.limits, open: sessions.open.size }];
  },
};
