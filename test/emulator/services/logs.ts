/** CloudWatch Logs: log groups, streams, events (written by tasks using the awslogs driver). */
import { AwsError } from '../errors';
import { arn, page, Input } from '../util';
import type { Handlers, RegionState } from '../world';
import { lastPart } from '../util';
import type { Obj } from './ecs-state';

interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

/** Keeps a long-running sandbox's memory bounded (oldest events go first). */
const MAX_EVENTS_PER_STREAM = 10_000;

const notFound = (what: 'group' | 'stream'): AwsError => new AwsError('ResourceNotFoundException', `The specified log ${what} does not exist.`);
const bad = (message: string): AwsError => new AwsError('InvalidParameterException', message);

export class LogsState {
  /** log group name -> group (with `_streams`). */
  readonly groups = new Map<string, Obj>();
  private eventSeq = 0;

  constructor(private readonly region: RegionState) {}

  createGroup(name: string, at = this.region.now()): Obj {
    const groupArn = arn('logs', this.region.name, `log-group:${name}`);
    const g: Obj = {
      logGroupName: name,
      creationTime: at.getTime(),
      metricFilterCount: 0,
      arn: `${groupArn}:*`,
      logGroupArn: groupArn,
      storedBytes: 0,
      logGroupClass: 'STANDARD',
      _streams: new Map<string, Obj>(),
    };
    this.groups.set(name, g);
    return g;
  }

  group(nameOrArn: string | undefined): Obj {
    const name = nameOrArn?.startsWith('arn:') ? nameOrArn.split(':log-group:')[1]?.replace(/:\*$/, '') : nameOrArn;
    const g = name ? this.groups.get(name) : undefined;
    if (!g) {
      throw notFound('group');
    }
    return g;
  }

  stream(g: Obj, name: string): Obj {
    const s = (g._streams as Map<string, Obj>).get(name);
    if (!s) {
      throw notFound('stream');
    }
    return s;
  }

  createStream(g: Obj, name: string, at = this.region.now()): Obj {
    const s: Obj = {
      logStreamName: name,
      creationTime: at.getTime(),
      arn: `${g.logGroupArn}:log-stream:${name}`,
      storedBytes: 0,
      _events: [] as LogEvent[],
    };
    (g._streams as Map<string, Obj>).set(name, s);
    return s;
  }

  /** Appends events (sorted by timestamp) to a stream, creating nothing. */
  append(g: Obj, s: Obj, events: { timestamp: number; message: string }[], ingestionTime: number): void {
    const list = s._events as LogEvent[];
    for (const e of events) {
      list.push({ timestamp: e.timestamp, message: e.message, ingestionTime, eventId: String(++this.eventSeq).padStart(56, '0') });
      s.storedBytes += e.message.length + 26;
      g.storedBytes += e.message.length + 26;
    }
    list.sort((a, b) => a.timestamp - b.timestamp);
    if (list.length > MAX_EVENTS_PER_STREAM) {
      list.splice(0, list.length - MAX_EVENTS_PER_STREAM);
    }
    if (list.length) {
      s.firstEventTimestamp = list[0].timestamp;
      s.lastEventTimestamp = list[list.length - 1].timestamp;
      s.lastIngestionTime = ingestionTime;
    }
  }

  /** Why a task with this definition could not start its log driver, if it could not. */
  checkTaskLogging(td: Obj): string | undefined {
    for (const c of td.containerDefinitions as Obj[]) {
      const opts = awslogsOptions(c);
      if (!opts || this.groups.has(opts['awslogs-group'])) {
        continue;
      }
      if (opts['awslogs-create-group'] === 'true') {
        this.createGroup(opts['awslogs-group']);
        continue;
      }
      return 'failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1';
    }
    return undefined;
  }

  /** Writes lines of a task's container to its awslogs stream (prefix/container/task-id). */
  writeContainerLogs(task: Obj, cd: Obj, messages: string[], at: Date): void {
    const opts = awslogsOptions(cd);
    const g = opts ? this.groups.get(opts['awslogs-group']) : undefined;
    if (!opts || !g) {
      return;
    }
    const prefix = opts['awslogs-stream-prefix'];
    const container = (task.containers as Obj[]).find((c) => c.name === cd.name);
    const streamName = prefix ? `${prefix}/${cd.name}/${lastPart(task.taskArn)}` : (container?.runtimeId ?? lastPart(task.taskArn));
    const s = (g._streams as Map<string, Obj>).get(streamName) ?? this.createStream(g, streamName, at);
    const t = at.getTime();
    this.append(g, s, messages.map((message, i) => ({ timestamp: t + i, message })), t + messages.length + 200);
  }
}

function awslogsOptions(cd: Obj): Record<string, string> | undefined {
  const lc = cd.logConfiguration;
  return lc?.logDriver === 'awslogs' && lc.options?.['awslogs-group'] ? lc.options : undefined;
}

function streamView(s: Obj): Obj {
  const { _events, ...rest } = s;
  void _events;
  return rest;
}

function groupView(g: Obj): Obj {
  const { _streams, ...rest } = g;
  void _streams;
  return rest;
}

/** A simple CloudWatch Logs filter pattern: terms (all), "quoted phrases", ?any-of, -excluded. */
export function matchesPattern(pattern: string | undefined, message: string): boolean {
  if (!pattern || !pattern.trim()) {
    return true;
  }
  const terms = pattern.match(/[?-]?"[^"]*"|\S+/g) ?? [];
  const unq = (t: string): string => t.replace(/^[?-]/, '').replace(/^"(.*)"$/, '$1');
  const optional = terms.filter((t) => t.startsWith('?')).map(unq);
  const excluded = terms.filter((t) => t.startsWith('-')).map(unq);
  const required = terms.filter((t) => !t.startsWith('?') && !t.startsWith('-')).map(unq);
  if (excluded.some((t) => message.includes(t))) {
    return false;
  }
  if (optional.length && !optional.some((t) => message.includes(t))) {
    return false;
  }
  return required.every((t) => message.includes(t));
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

function groupName(input: Input): string | undefined {
  return input.logGroupName ?? input.logGroupIdentifier;
}

export const logsHandlers: Handlers = {
  CreateLogGroup: (input, { region }) => {
    if (region.logs.groups.has(input.logGroupName)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    }
    region.logs.createGroup(input.logGroupName);
    return {};
  },

  DeleteLogGroup: (input, { region }) => {
    region.logs.group(input.logGroupName);
    region.logs.groups.delete(input.logGroupName);
    return {};
  },

  DescribeLogGroups: (input, { region }) => {
    const prefix: string | undefined = input.logGroupNamePrefix;
    const pattern: string | undefined = input.logGroupNamePattern;
    if (prefix && pattern) {
      throw bad('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    }
    const groups = [...region.logs.groups.values()]
      .filter((g) => (!prefix || g.logGroupName.startsWith(prefix)) && (!pattern || g.logGroupName.toLowerCase().includes(pattern.toLowerCase())))
      .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1))
      .map(groupView);
    const p = page(groups, input.limit, input.nextToken, { def: 50, max: 50, error: 'InvalidParameterException', sizeName: 'limit' });
    return { logGroups: p.items, nextToken: p.next };
  },

  PutRetentionPolicy: (input, { region }) => {
    region.logs.group(input.logGroupName).retentionInDays = input.retentionInDays;
    return {};
  },

  CreateLogStream: (input, { region }) => {
    const g = region.logs.group(input.logGroupName);
    if ((g._streams as Map<string, Obj>).has(input.logStreamName)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    }
    region.logs.createStream(g, input.logStreamName);
    return {};
  },

  DeleteLogStream: (input, { region }) => {
    const g = region.logs.group(input.logGroupName);
    region.logs.stream(g, input.logStreamName);
    (g._streams as Map<string, Obj>).delete(input.logStreamName);
    return {};
  },

  DescribeLogStreams: (input, { region }) => {
    const g = region.logs.group(groupName(input));
    const byTime = input.orderBy === 'LastEventTime';
    if (byTime && input.logStreamNamePrefix) {
      throw bad('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    let streams = [...(g._streams as Map<string, Obj>).values()].filter((s) => !input.logStreamNamePrefix || s.logStreamName.startsWith(input.logStreamNamePrefix));
    streams.sort(byTime ? (a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) : (a, b) => (a.logStreamName < b.logStreamName ? -1 : 1));
    if (input.descending) {
      streams = streams.reverse();
    }
    const p = page(streams.map(streamView), input.limit, input.nextToken, { def: 50, max: 50, error: 'InvalidParameterException', sizeName: 'limit' });
    return { logStreams: p.items, nextToken: p.next };
  },

  PutLogEvents: (input, { region }) => {
    const g = region.logs.group(input.logGroupName);
    const s = region.logs.stream(g, input.logStreamName);
    const events = input.logEvents as { timestamp: number; message: string }[];
    for (let i = 1; i < events.length; i++) {
      if (events[i].timestamp < events[i - 1].timestamp) {
        throw bad('Log events in a single PutLogEvents request must be in chronological order.');
      }
    }
    region.logs.append(g, s, events, region.now().getTime());
    return { nextSequenceToken: String(Date.now()).padStart(56, '4') };
  },

  GetLogEvents: (input, { region }) => {
    const g = region.logs.group(groupName(input));
    const s = region.logs.stream(g, input.logStreamName);
    const all = (s._events as LogEvent[]).filter(
      (e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime),
    );
    const limit: number = input.limit ?? 10000;
    if (limit < 1 || limit > 10000) {
      throw bad('limit must be between 1 and 10000.');
    }
    let from: number;
    let to: number;
    if (input.nextToken) {
      const t = readToken(input.nextToken);
      if (t.dir === 'f') {
        from = Math.min(t.i, all.length);
        to = Math.min(from + limit, all.length);
      } else {
        to = Math.min(t.i, all.length);
        from = Math.max(0, to - limit);
      }
    } else if (input.startFromHead) {
      from = 0;
      to = Math.min(limit, all.length);
    } else {
      to = all.length;
      from = Math.max(0, to - limit);
    }
    const events = all.slice(from, to).map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime }));
    return { events, nextForwardToken: token('f', to), nextBackwardToken: token('b', from) };
  },

  FilterLogEvents: (input, { region }) => {
    const g = region.logs.group(groupName(input));
    if (input.logStreamNames && input.logStreamNamePrefix) {
      throw bad('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const names: string[] | undefined = input.logStreamNames;
    const streams = [...(g._streams as Map<string, Obj>).values()].filter(
      (s) => (!names || names.includes(s.logStreamName)) && (!input.logStreamNamePrefix || s.logStreamName.startsWith(input.logStreamNamePrefix)),
    );
    const events = streams
      .flatMap((s) => (s._events as LogEvent[]).map((e) => ({ logStreamName: s.logStreamName as string, ...e })))
      .filter((e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp <= input.endTime))
      .filter((e) => matchesPattern(input.filterPattern, e.message))
      .sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : 1));
    const p = page(events, input.limit, input.nextToken, { def: 10000, max: 10000, error: 'InvalidParameterException', sizeName: 'limit' });
    return { events: p.items, searchedLogStreams: streams.map((s) => ({ logStreamName: s.logStreamName, searchedCompletely: true })), nextToken: p.next };
  },
};
