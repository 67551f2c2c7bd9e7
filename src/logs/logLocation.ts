/**
 * Where a container's logs go, read from the task definition the task actually ran (not the
 * service's current one): a CloudWatch Logs group and stream Show Logs can read, or, for every
 * other destination, where the lines go and what to change so they can be read here.
 */
import type { TaskDefinition } from '../ecs/ecsReader';
import { resourceName } from '../aws/arn';

type ContainerDefinition = NonNullable<TaskDefinition['containerDefinitions']>[number];

/** Logs in CloudWatch Logs: the group, its region, and the task's stream when it can be named. */
export interface CloudWatchLocation {
  readable: true;
  driver: 'awslogs' | 'awsfirelens';
  container: string;
  logGroup: string;
  /** From `awslogs-region` / the FireLens output's `region`: may differ from the browsed region. */
  region: string;
  /** The stream of this task's container; unset when the configuration does not name it after the task. */
  logStream?: string;
  /** Why no stream is named (and that the whole group is offered instead). */
  note?: string;
}

/** Logs somewhere Show Logs cannot read: where they go and what to change. */
export interface ElsewhereLocation {
  readable: false;
  driver: string;
  container: string;
  where: string;
  change: string;
}

export type LogLocation = CloudWatchLocation | ElsewhereLocation;

const ADD_AWSLOGS = 'add an awslogs log configuration ("awslogs-group", "awslogs-region", "awslogs-stream-prefix") to the container: the task-definition editor offers it as a quick fix on the container';

/** The location of `container`'s logs in a task of `taskDefinition` (task id from `taskArn`). */
export function logLocation(taskDefinition: TaskDefinition, container: string, taskArn: string, browsedRegion: string): LogLocation {
  const definition = taskDefinition.containerDefinitions?.find((c) => c.name === container);
  const config = definition?.logConfiguration;
  const taskId = resourceName(taskArn);
  const driver = config?.logDriver ?? 'none';
  const options = config?.options ?? {};
  if (!config) return noConfiguration(taskDefinition, container);
  if (driver === 'awslogs') return awslogs(options, container, taskId, browsedRegion);
  if (driver === 'awsfirelens') return firelens(taskDefinition, options, container, taskId, browsedRegion);
  return { readable: false, driver, container, where: elsewhere(driver, options), change: `To read them here, ${ADD_AWSLOGS} (or send them to CloudWatch Logs through FireLens).` };
}

function awslogs(options: Record<string, string>, container: string, taskId: string, browsedRegion: string): CloudWatchLocation {
  const logGroup = options['awslogs-group'];
  const region = options['awslogs-region'] || browsedRegion;
  const prefix = options['awslogs-stream-prefix'];
  if (!logGroup) return { readable: true, driver: 'awslogs', container, logGroup: '', region, note: 'The awslogs configuration names no "awslogs-group".' };
  if (!prefix) {
    return {
      readable: true,
      driver: 'awslogs',
      container,
      logGroup,
      region,
      note: `Without "awslogs-stream-prefix", ECS does not name streams after tasks (the stream is the Docker container id), so this is the whole group ${logGroup}. Add "awslogs-stream-prefix" to read one task's stream.`,
    };
  }
  return { readable: true, driver: 'awslogs', container, logGroup, region, logStream: `${prefix}/${container}/${taskId}` };
}

/** FireLens: the log router's Fluent Bit output; CloudWatch when the output is `cloudwatch_logs` / `cloudwatch`. */
function firelens(taskDefinition: TaskDefinition, options: Record<string, string>, container: string, taskId: string, browsedRegion: string): LogLocation {
  const router = taskDefinition.containerDefinitions?.find((c) => c.firelensConfiguration);
  const routerName = router?.name ?? '(no log router container)';
  const plugin = options.Name ?? options.name;
  const base = { driver: 'awsfirelens', container };
  if (!plugin) {
    const file = router?.firelensConfiguration?.options?.['config-file-value'];
    const where = file
      ? `the log router ${routerName} sends them where its own configuration file ${file} says`
      : `the log router ${routerName} receives them, but the container names no output plugin ("Name" in its log options)`;
    return { readable: false, ...base, where: `FireLens: ${where}.`, change: 'To read them here, add a cloudwatch_logs output ("Name": "cloudwatch_logs", "log_group_name", "log_stream_prefix", "region") to the container\'s log options.' };
  }
  if (plugin === 'cloudwatch_logs' || plugin === 'cloudwatch') {
    const logGroup = options.log_group_name ?? '';
    const region = options.region || browsedRegion;
    // FireLens tags a container's records `<container>-firelens-<task id>`; the plugin appends the tag to the prefix.
    if (options.log_stream_name) return { readable: true, driver: 'awsfirelens', container, logGroup, region, logStream: options.log_stream_name };
    if (options.log_stream_prefix) return { readable: true, driver: 'awsfirelens', container, logGroup, region, logStream: `${options.log_stream_prefix}${container}-firelens-${taskId}` };
    return { readable: true, driver: 'awsfirelens', container, logGroup, region, note: `The ${plugin} output names no "log_stream_prefix" or "log_stream_name", so this is the whole group ${logGroup}.` };
  }
  return {
    readable: false,
    ...base,
    where: `FireLens (log router ${routerName}) sends them with the Fluent Bit "${plugin}" output to ${firelensDestination(plugin, options)}, not to CloudWatch Logs.`,
    change: 'To read them here, use the cloudwatch_logs output ("Name": "cloudwatch_logs", "log_group_name", "log_stream_prefix", "region"), or add one beside it in the log router\'s configuration.',
  };
}

function firelensDestination(plugin: string, options: Record<string, string>): string {
  const pick = (...keys: string[]) => keys.map((k) => options[k]).find(Boolean);
  if (plugin === 'firehose' || plugin === 'kinesis_firehose') return `the Firehose delivery stream ${pick('delivery_stream') ?? '(unnamed)'}`;
  if (plugin === 'kinesis' || plugin === 'kinesis_streams') return `the Kinesis data stream ${pick('stream') ?? '(unnamed)'}`;
  if (plugin === 's3') return `the S3 bucket ${pick('bucket') ?? '(unnamed)'}`;
  const host = pick('Host', 'host', 'endpoint', 'url');
  return host ? `${host}` : 'the destination in its options';
}

function elsewhere(driver: string, options: Record<string, string>): string {
  switch (driver) {
    case 'splunk':
      return `The splunk log driver sends them to Splunk at ${options['splunk-url'] ?? '(no splunk-url)'}${options['splunk-index'] ? `, index ${options['splunk-index']}` : ''}: search there.`;
    case 'fluentd':
      return `The fluentd log driver sends them to the Fluentd collector at ${options['fluentd-address'] ?? 'localhost:24224'}.`;
    case 'gelf':
      return `The gelf log driver sends them to the GELF endpoint ${options['gelf-address'] ?? '(no gelf-address)'} (Graylog, Logstash).`;
    case 'syslog':
      return `The syslog log driver sends them to ${options['syslog-address'] ?? 'the syslog of the container instance'}.`;
    case 'json-file':
      return 'The json-file log driver keeps them on the container instance\'s disk (`docker logs` on that EC2 instance); they go when the container is removed.';
    case 'journald':
      return 'The journald log driver writes them to the container instance\'s systemd journal (`journalctl` on that EC2 instance).';
    case 'none':
      return 'The none log driver discards them: nothing is kept.';
    default:
      return `The ${driver} log driver sends them outside CloudWatch Logs.`;
  }
}

function noConfiguration(taskDefinition: TaskDefinition, container: string): ElsewhereLocation {
  const fargate = taskDefinition.requiresCompatibilities?.includes('FARGATE') || taskDefinition.compatibilities?.every((c) => c === 'FARGATE');
  const where = fargate
    ? `Container ${container} has no log configuration: on Fargate its output is not kept anywhere.`
    : `Container ${container} has no log configuration: its output stays with the Docker daemon of the container instance (its default log driver, usually json-file), only until the container is removed.`;
  return { readable: false, driver: 'none', container, where, change: `To read them here, ${ADD_AWSLOGS}.` };
}

/** The containers of a task definition, in order (each task runs them all). */
export function containerNames(taskDefinition: TaskDefinition): string[] {
  return (taskDefinition.containerDefinitions ?? []).map((c: ContainerDefinition) => c.name ?? '').filter(Boolean);
}

/** One DescribeTaskDefinition per revision ARN: a revision never changes, so each is read once. */
export class RanTaskDefinitions {
  private readonly known = new Map<string, Promise<TaskDefinition>>();
  constructor(private readonly describe: (arn: string) => Promise<TaskDefinition | undefined>) {}

  get(arn: string): Promise<TaskDefinition> {
    let found = this.known.get(arn);
    if (!found) {
      found = this.describe(arn).then((td) => {
        if (!td) throw new Error(`Task definition ${arn} could not be read.`);
        return td;
      });
      this.known.set(arn, found);
      found.catch(() => this.known.delete(arn));
    }
    return found;
  }
}
