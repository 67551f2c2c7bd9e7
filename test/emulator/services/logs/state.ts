/** CloudWatch Logs state of one region: log groups, their streams and events (written by tasks using the awslogs driver). */
import type * as ecs from '../../generated/ecs';
import type * as logs from '../../generated/logs';
import { arn, lastPart } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Has } from '../../kit/extras';
import { perRegion, Region } from '../../kit/world';

export type LogGroupRecord = Has<logs.LogGroup, 'logGroupName' | 'logGroupArn' | 'storedBytes'>;
export type LogStreamRecord = Has<logs.LogStream, 'logStreamName' | 'storedBytes'>;
export type LogEventRecord = Required<logs.FilteredLogEvent>;

export interface GroupState {
  group: LogGroupRecord;
  streams: Map<string, StreamState>;
}

export interface StreamState {
  stream: LogStreamRecord;
  /** Sorted by timestamp; `logStreamName` as in FilterLogEvents. */
  events: LogEventRecord[];
}

/** Keeps a long-running sandbox's memory bounded (oldest events go first). */
const MAX_EVENTS_PER_STREAM = 10_000;

export const notFound = (what: 'group' | 'stream'): AwsError => new AwsError('ResourceNotFoundException', `The specified log ${what} does not exist.`);

/** The task-level view the awslogs driver needs of a container. */
interface TaskLike {
  taskArn: string;
  containers: { name: string; runtimeId?: string }[];
}

export class LogsState {
  readonly groups = new Map<string, GroupState>();
  /** Told of every event ingested (live tail sessions), whoever wrote it: PutLogEvents or a simulated task. */
  readonly appendListeners = new Set<(g: GroupState, added: LogEventRecord[]) => void>();
  private eventSeq = 0;

  constructor(private readonly region: Region) {}

  createGroup(name: string, at = this.region.now()): GroupState {
    const groupArn = arn('logs', this.region.name, `log-group:${name}`);
    const g: GroupState = {
      group: { logGroupName: name, creationTime: at.getTime(), metricFilterCount: 0, arn: `${groupArn}:*`, logGroupArn: groupArn, storedBytes: 0, logGroupClass: 'STANDARD' },
      streams: new Map(),
    };
    this.groups.set(name, g);
    return g;
  }

  group(nameOrArn: string | undefined): GroupState {
    const name = nameOrArn?.startsWith('arn:') ? nameOrArn.split(':log-group:')[1]?.replace(/:\*$/, '') : nameOrArn;
    const g = name ? this.groups.get(name) : undefined;
    if (!g) {
      throw notFound('group');
    }
    return g;
  }

  stream(g: GroupState, name: string): StreamState {
    const s = g.streams.get(name);
    if (!s) {
      throw notFound('stream');
    }
    return s;
  }

  createStream(g: GroupState, name: string, at = this.region.now()): StreamState {
    const s: StreamState = { stream: { logStreamName: name, creationTime: at.getTime(), arn: `${g.group.logGroupArn}:log-stream:${name}`, storedBytes: 0 }, events: [] };
    g.streams.set(name, s);
    return s;
  }

  /** Appends events (sorted by timestamp) to a stream, creating nothing. */
  append(g: GroupState, s: StreamState, events: { timestamp: number; message: string }[], ingestionTime: number): void {
    const list = s.events;
    const added: LogEventRecord[] = [];
    for (const e of events) {
      added.push({ logStreamName: s.stream.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime, eventId: String(++this.eventSeq).padStart(56, '0') });
      s.stream.storedBytes += e.message.length + 26;
      g.group.storedBytes += e.message.length + 26;
    }
    list.push(...added);
    for (const listener of this.appendListeners) {
      listener(g, added);
    }
    list.sort((a, b) => a.timestamp - b.timestamp);
    if (list.length > MAX_EVENTS_PER_STREAM) {
      list.splice(0, list.length - MAX_EVENTS_PER_STREAM);
    }
    if (list.length) {
      Object.assign(s.stream, { firstEventTimestamp: list[0].timestamp, lastEventTimestamp: list[list.length - 1].timestamp, lastIngestionTime: ingestionTime });
    }
  }

  /** Why a task with this definition could not start its log driver, if it could not. */
  checkTaskLogging(td: ecs.TaskDefinition): string | undefined {
    for (const c of td.containerDefinitions ?? []) {
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
  writeContainerLogs(task: TaskLike, cd: ecs.ContainerDefinition, messages: string[], at: Date): void {
    const opts = awslogsOptions(cd);
    const g = opts ? this.groups.get(opts['awslogs-group']) : undefined;
    if (!opts || !g) {
      return;
    }
    const prefix = opts['awslogs-stream-prefix'];
    const container = task.containers.find((c) => c.name === cd.name);
    const streamName = prefix ? `${prefix}/${cd.name}/${lastPart(task.taskArn)}` : (container?.runtimeId ?? lastPart(task.taskArn));
    const s = g.streams.get(streamName) ?? this.createStream(g, streamName, at);
    const t = at.getTime();
    this.append(g, s, messages.map((message, i) => ({ timestamp: t + i, message })), t + messages.length + 200);
  }
}

function awslogsOptions(cd: ecs.ContainerDefinition): Record<string, string> | undefined {
  const lc = cd.logConfiguration;
  return lc?.logDriver === 'awslogs' && lc.options?.['awslogs-group'] ? lc.options : undefined;
}

export const logsState = perRegion('logs', (region) => new LogsState(region));
