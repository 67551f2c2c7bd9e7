/**
 * The last lines a container wrote, for "why did it stop?". An injected function so that the
 * full log reader (src/logs) can stand in; this minimal one reads the awslogs stream ECS names
 * after the task, `<awslogs-stream-prefix>/<container>/<task id>`, with GetLogEvents.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import type { ecs } from '../aws/sdk';

export type LogTail = (task: ecs.Task, taskDefinition: ecs.TaskDefinition | undefined, container: string, lines: number) => Promise<string[]>;

/** The awslogs group, region and stream of one container of a task, when it logs with awslogs and a stream prefix. */
export function awslogsStream(task: ecs.Task, td: ecs.TaskDefinition | undefined, container: string): { group: string; region?: string; stream: string } | undefined {
  const config = td?.containerDefinitions?.find((c) => c.name === container)?.logConfiguration;
  const opts = config?.logDriver === 'awslogs' ? config.options ?? {} : undefined;
  const prefix = opts?.['awslogs-stream-prefix'];
  const group = opts?.['awslogs-group'];
  if (!group || !prefix) return undefined;
  return { group, region: opts['awslogs-region'], stream: `${prefix}/${container}/${task.taskArn?.split('/').pop()}` };
}

export function getLogEventsTail(clients: ClientManager, scope: Scope): LogTail {
  return async (task, td, container, lines) => {
    const where = awslogsStream(task, td, container);
    if (!where) return [];
    const { sdk, client } = await clients.clientWithSdk('logs', { ...scope, region: where.region ?? scope.region });
    try {
      const out = await client.send(new sdk.logs.GetLogEventsCommand({ logGroupName: where.group, logStreamName: where.stream, startFromHead: false, limit: lines }));
      return (out.events ?? []).map((e) => e.message ?? '').slice(-lines);
    } catch (error) {
      // A task that never started has no stream: no lines, not a failure of the explanation.
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return [];
      throw error;
    }
  };
}
