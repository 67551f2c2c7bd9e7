/** CloudWatch Logs: groups, streams, events (tasks using the awslogs driver write theirs here). */
import type * as logs from '../../generated/logs';
import { defineService } from '../../kit/service';
import { eventHandlers } from './events';
import { groupHandlers } from './groups';
import { liveTailControl, liveTailHandlers } from './liveTail';

export const logsService = defineService<logs.Operations>({
  model: 'logs',
  iamPrefix: 'logs',
  validationError: 'InvalidParameterException',
  // "The specified nextToken is invalid." is what Logs answers (https://github.com/boto/boto3/issues/1467); "The token expires
  // after 24 hours" (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogGroups.html,
  // and the same for DescribeLogStreams, FilterLogEvents). GetLogEvents keeps its own position tokens: they come back
  // unchanged at the end of a stream, and a forward token is to be sent with startFromHead (API_GetLogEvents.html).
  pageTokens: { error: 'InvalidParameterException', message: 'The specified nextToken is invalid.', ttlMs: 24 * 3600_000, unbound: ['GetLogEvents'] },
  handlers: { ...groupHandlers, ...eventHandlers, ...liveTailHandlers },
  control: liveTailControl,
});
