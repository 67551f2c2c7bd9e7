// Show Logs' implementations: a bundle of their own (dist/logs-actions.js), required on the first
// log command through actionsLoader.ts, so activation does not evaluate them.
import type { Services } from '../../services';
import { filterLogs } from './filterLogs';
import { followLogs } from './followLogs';
import { LogDocuments } from './logDocuments';
import { loadOlderLogs } from './loadOlderLogs';
import { logTimeRange } from './logTimeRange';
import { showLogs } from './showLogs';
import { stopFollowingLogs } from './stopFollowingLogs';

export const LOG_COMMANDS = {
  showLogs: (services: Services, documents: LogDocuments, arg: unknown) => showLogs(services, documents, arg),
  followLogs: (_: Services, documents: LogDocuments, arg: unknown) => followLogs(documents, arg),
  stopFollowingLogs: (_: Services, documents: LogDocuments, arg: unknown) => stopFollowingLogs(documents, arg),
  filterLogs: (_: Services, documents: LogDocuments, arg: unknown) => filterLogs(documents, arg),
  logTimeRange: (_: Services, documents: LogDocuments, arg: unknown) => logTimeRange(documents, arg),
  loadOlderLogs: (_: Services, documents: LogDocuments, arg: unknown) => loadOlderLogs(documents, arg),
};

export type LogCommandName = keyof typeof LOG_COMMANDS;

let documents: LogDocuments | undefined;

/** The log documents of this session (created with the first log command). */
export function logDocuments(services: Services): LogDocuments {
  if (!documents) {
    documents = new LogDocuments(services.clientManager, services.log);
    services.context.subscriptions.push(documents);
  }
  return documents;
}

export function runLogCommand(services: Services, name: LogCommandName, arg: unknown): Promise<unknown> {
  return Promise.resolve(LOG_COMMANDS[name](services, logDocuments(services), arg));
}
