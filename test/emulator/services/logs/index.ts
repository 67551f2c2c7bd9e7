/** CloudWatch Logs: groups, streams, events (tasks using the awslogs driver write theirs here). */
import type * as logs from '../../generated/logs';
import { defineService } from '../../kit/service';
import { eventHandlers } from './events';
import { groupHandlers } from './groups';

export const logsService = defineService<logs.Operations>({
  model: 'logs',
  iamPrefix: 'logs',
  validationError: 'InvalidParameterException',
  handlers: { ...groupHandlers, ...eventHandlers },
});
