/**
 * "Why did it stop?": reads what the diagnosis needs beside the task (the task definition it ran,
 * its service's events and load balancers, the target groups' health checks, the ECR repository's
 * tags) and the last log lines of the container that exited, each only when its cause needs it.
 */
import { parseEcrImageUri, resourceName } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { readPages } from '../aws/paging';
import type { ecs } from '../aws/sdk';
import { serviceOfGroup } from '../ecs/resourceChanges';
import { diagnose, type Diagnosis, type StopFacts, type TargetGroupFacts } from './diagnosis';
import type { LogTail } from './logTail';
import { causeOfTask } from './stopCause';

export const LOG_TAIL_LINES = 20;

export interface Explanation extends Diagnosis {
  taskArn: string;
  cluster: string;
  /** The last lines of `container`'s log (empty when it has none, or its logs are not awslogs). */
  logTail: string[];
  /** Why there is no log tail, when there is none. */
  logNote?: string;
  stoppedReason?: string;
  stopCode?: string;
  stoppedAt?: Date;
  taskDefinitionArn?: string;
}

export class TaskNotStoppedError extends Error {
  constructor(task: string, status: string | undefined) {
    super(`Task ${task} is ${status ?? 'not stopped'}: only a stopped task has a reason to explain.`);
    this.name = 'TaskNotStoppedError';
  }
}

export async function explainStoppedTask(clients: ClientManager, scope: Scope, cluster: string, taskRef: string, logTail: LogTail): Promise<Explanation> {
  const { sdk, client: ecsClient } = await clients.clientWithSdk('ecs', scope);
  const out = await ecsClient.send(new sdk.ecs.DescribeTasksCommand({ cluster, tasks: [taskRef] }));
  const task = out.tasks?.[0];
  if (!task) throw new Error(`Task ${taskRef} was not found in cluster ${cluster} (${out.failures?.[0]?.reason ?? 'MISSING'}): ECS lists a stopped task for about an hour.`);
  if (task.lastStatus !== 'STOPPED' && task.desiredStatus !== 'STOPPED') throw new TaskNotStoppedError(resourceName(task.taskArn ?? taskRef), task.lastStatus);
  const facts: StopFacts = { task };
  if (task.taskDefinitionArn) {
    facts.taskDefinition = (await ecsClient.send(new sdk.ecs.DescribeTaskDefinitionCommand({ taskDefinition: task.taskDefinitionArn }))).taskDefinition;
  }
  const serviceName = serviceOfGroup(task.group);
  if (serviceName) {
    facts.service = (await ecsClient.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: [serviceName] }))).services?.[0];
    facts.events = facts.service?.events ?? [];
  }
  const cause = causeOfTask(task, facts.events);
  if (cause === 'load-balancer-health-check') facts.targetGroups = await targetGroups(clients, scope, facts.service);
  if (cause === 'capacity' && facts.service?.taskDefinition && facts.service.taskDefinition !== task.taskDefinitionArn) {
    facts.replacementTaskDefinition = (await ecsClient.send(new sdk.ecs.DescribeTaskDefinitionCommand({ taskDefinition: facts.service.taskDefinition }))).taskDefinition;
  }
  if (cause === 'image-pull') facts.repositoryTags = await repositoryTags(clients, scope, task);
  const diagnosis = diagnose(facts);
  const tail = diagnosis.container ? await readTail(logTail, task, facts.taskDefinition, diagnosis.container) : { lines: [], note: 'no container to read' };
  return {
    ...diagnosis,
    taskArn: task.taskArn ?? taskRef,
    cluster: resourceName(task.clusterArn ?? cluster),
    logTail: tail.lines,
    logNote: tail.note,
    stoppedReason: task.stoppedReason,
    stopCode: task.stopCode,
    stoppedAt: task.stoppedAt,
    taskDefinitionArn: task.taskDefinitionArn,
  };
}

async function readTail(logTail: LogTail, task: ecs.Task, taskDefinition: ecs.TaskDefinition | undefined, container: string): Promise<{ lines: string[]; note?: string }> {
  try {
    const { lines, note } = await logTail(task, taskDefinition, container, LOG_TAIL_LINES);
    return lines.length ? { lines } : { lines, note: note ?? (task.startedAt ? `no log lines from ${container}` : `${container} never started, so it wrote no log lines`) };
  } catch (error) {
    return { lines: [], note: `its log could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The health check settings of the service's target groups (ELBv2 DescribeTargetGroups); none when they cannot be read. */
async function targetGroups(clients: ClientManager, scope: Scope, service: ecs.Service | undefined): Promise<TargetGroupFacts[]> {
  const arns = (service?.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a): a is string => Boolean(a));
  if (!arns.length) return [];
  try {
    const { sdk, client } = await clients.clientWithSdk('elbv2', scope);
    const out = await client.send(new sdk.elbv2.DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
    return (out.TargetGroups ?? []).map((g) => ({
      arn: g.TargetGroupArn ?? '', name: g.TargetGroupName, protocol: g.HealthCheckProtocol, port: g.Port,
      healthCheckPath: g.HealthCheckPath, healthCheckPort: g.HealthCheckPort, matcher: g.Matcher?.HttpCode ?? g.Matcher?.GrpcCode,
    }));
  } catch {
    return [];
  }
}

/** The tags of the ECR repository of the image that could not be pulled (ListImages, tagged only); undefined when not ECR or not readable. */
async function repositoryTags(clients: ClientManager, scope: Scope, task: ecs.Task): Promise<string[] | undefined> {
  const image = (task.containers ?? []).map((c) => c.image && parseEcrImageUri(c.image)).find((ref) => ref);
  if (!image) return undefined;
  try {
    const { sdk, client } = await clients.clientWithSdk('ecr', { ...scope, region: image.region });
    const { items } = await readPages({ limit: 5000 }, 1000, async (nextToken, maxResults) => {
      const out = await client.send(new sdk.ecr.ListImagesCommand({ registryId: image.registryId, repositoryName: image.repositoryName, filter: { tagStatus: 'TAGGED' }, nextToken, maxResults }));
      return { items: out.imageIds ?? [], nextToken: out.nextToken };
    });
    const tags = items.map((i) => i.imageTag).filter((t): t is string => Boolean(t));
    return tags.sort();
  } catch {
    return undefined;
  }
}
