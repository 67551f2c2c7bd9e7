/**
 * The URI scheme of the read-only describe documents (explorer/describeDocuments.ts), here so the
 * editor can treat a registered revision shown there as describe output without importing the explorer.
 */
export const DESCRIBE_SCHEME = 'ecs-workbench-describe';

/** The URI scheme of the read-only log documents of Show Logs (commands/logs/logDocuments.ts). */
export const LOGS_SCHEME = 'ecs-workbench-logs';
