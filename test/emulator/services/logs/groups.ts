/** CloudWatch Logs: log groups and streams. */
import type * as logs from '../../generated/logs';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import { logsState } from './state';

export const bad = (message: string): AwsError => new AwsError('InvalidParameterException', message);
export const LIMIT_PAGE = { def: 50, max: 50, error: 'InvalidParameterException', sizeName: 'limit' };

type GroupOps = 'CreateLogGroup' | 'DeleteLogGroup' | 'DescribeLogGroups' | 'PutRetentionPolicy' | 'CreateLogStream' | 'DeleteLogStream' | 'DescribeLogStreams';

export const groupHandlers: Pick<Handlers<logs.Operations>, GroupOps> = {
  CreateLogGroup: (input, { region }) => {
    if (logsState(region).groups.has(input.logGroupName)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    }
    logsState(region).createGroup(input.logGroupName);
    return {};
  },

  DeleteLogGroup: (input, { region }) => {
    logsState(region).group(input.logGroupName);
    logsState(region).groups.delete(input.logGroupName);
    return {};
  },

  DescribeLogGroups: (input, { region }) => {
    const prefix = input.logGroupNamePrefix;
    const pattern = input.logGroupNamePattern;
    if (prefix && pattern) {
      throw bad('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    }
    const groups = [...logsState(region).groups.values()]
      .map((g) => g.group)
      .filter((g) => (!prefix || g.logGroupName.startsWith(prefix)) && (!pattern || g.logGroupName.toLowerCase().includes(pattern.toLowerCase())))
      .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1));
    const p = page(groups, input.limit, input.nextToken, LIMIT_PAGE);
    return { logGroups: p.items, nextToken: p.next };
  },

  PutRetentionPolicy: (input, { region }) => {
    logsState(region).group(input.logGroupName).group.retentionInDays = input.retentionInDays;
    return {};
  },

  CreateLogStream: (input, { region }) => {
    const g = logsState(region).group(input.logGroupName);
    if (g.streams.has(input.logStreamName)) {
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    }
    logsState(region).createStream(g, input.logStreamName);
    return {};
  },

  DeleteLogStream: (input, { region }) => {
    const g = logsState(region).group(input.logGroupName);
    logsState(region).stream(g, input.logStreamName);
    g.streams.delete(input.logStreamName);
    return {};
  },

  DescribeLogStreams: (input, { region }) => {
    const g = logsState(region).group(input.logGroupName ?? input.logGroupIdentifier);
    const byTime = input.orderBy === 'LastEventTime';
    if (byTime && input.logStreamNamePrefix) {
      throw bad('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    let streams = [...g.streams.values()].map((s) => s.stream).filter((s) => !input.logStreamNamePrefix || s.logStreamName.startsWith(input.logStreamNamePrefix));
    streams.sort(byTime ? (a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) : (a, b) => (a.logStreamName < b.logStreamName ? -1 : 1));
    if (input.descending) {
      streams = streams.reverse();
    }
    const p = page(streams, input.limit, input.nextToken, LIMIT_PAGE);
    return { logStreams: p.items, nextToken: p.next };
  },
};
