/**
 * The ECS reads and writes the deploy commands make, as plain data over the ClientManager.
 */
import { CAUSES, causeOfTask } from '../diagnose/stopCause';
import type { ClientManager, ClientOf, Scope } from '../aws/clientManager';
import type { Sdk } from '../aws/sdkLoader';
import type { ecs as EcsTypes } from '../aws/sdk';
import { EcsReader } from '../ecs/ecsReader';
import type { RegisterInput } from './render';
import type { UpdateFields } from './updatePlan';
import { resourceName, revisionLabel, shortTaskId, taskDefinitionParts } from '../aws/arn';
import { serviceOfGroup, type ChangeSink } from '../ecs/resourceChanges';
import { CodeDeployActions } from './codeDeploy/codeDeployActions';
import { ServiceDeploymentReader } from '../ecs/serviceDeployments';
import { readTicket, stamped } from '../ecs/readOrder';

export type Service = EcsTypes.Service;
export type Task = EcsTypes.Task;

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundException';
  }
}

/** One stopped task, as the failure report shows it. */
export interface StoppedTask {
  taskId: string;
  taskDefinition: string;
  stoppedReason: string;
  stopCode?: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
  /** Why it stopped, in plain words (src/diagnose), and its ARN for "Why did it stop?". */
  cause?: string;
  taskArn?: string;
}

export class EcsActions {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope = {},
    /** Told after every change this makes, so the views showing it re-read it. */
    private readonly onChange: ChangeSink = () => undefined,
  ) {}

  /** CodeDeploy in the same scope, for CODE_DEPLOY-controlled services. */
  codeDeploy(): CodeDeployActions {
    return new CodeDeployActions(this.clients, this.scope);
  }

  private ecs(): Promise<{ sdk: Sdk; client: ClientOf<'ecs'> }> {
    return this.clients.clientWithSdk('ecs', this.scope);
  }

  async describeService(cluster: string, service: string): Promise<Service> {
    const { sdk, client } = await this.ecs();
    const ticket = readTicket();
    const out = await client.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: [service] }));
    const found = out.services && stamped(out.services, ticket)[0];
    if (!found || found.status === 'INACTIVE') throw new NotFoundError(`Service "${resourceName(service)}" was not found in cluster "${resourceName(cluster)}"${this.scope.region ? ` (${this.scope.region})` : ''}.`);
    return found;
  }

  describeTaskDefinition(taskDefinition: string): Promise<{ taskDefinition?: EcsTypes.TaskDefinition; tags?: EcsTypes.Tag[] }> {
    return new EcsReader(this.clients, this.scope).taskDefinition(taskDefinition);
  }

  /** ACTIVE revisions of a family, newest first (ARNs). */
  async revisions(family: string, maxResults = 20): Promise<string[]> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults }));
    return (out.taskDefinitionArns ?? []).filter((arn) => taskDefinitionParts(arn).family === family);
  }

  /**
   * Not idempotent, and the SDK retries it on throttling, 5xx and dropped connections: a retry after a
   * response that was lost can register one more identical revision. That is harmless (the deploy uses
   * the revision the answer names; the other stays ACTIVE and unused), and ECS offers no client token
   * for it, so it is retried like any other call.
   */
  async register(input: RegisterInput): Promise<EcsTypes.TaskDefinition> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.RegisterTaskDefinitionCommand(input));
    if (!out.taskDefinition?.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no task definition.');
    this.onChange({ kind: 'taskDefinition', scope: this.scope, family: input.family ?? taskDefinitionParts(out.taskDefinition.taskDefinitionArn).family });
    return out.taskDefinition;
  }

  /**
   * Setting the same fields twice leaves the same service, so a retry is safe; a retried
   * forceNewDeployment may start a second deployment that replaces the first, also harmless.
   */
  async updateService(cluster: string, service: string, fields: UpdateFields): Promise<Service> {
    const { sdk, client } = await this.ecs();
    const ticket = readTicket();
    const out = await client.send(new sdk.ecs.UpdateServiceCommand({ cluster, service, ...fields }));
    if (!out.service) throw new Error('UpdateService returned no service.');
    stamped([out.service], ticket);
    this.onChange({ kind: 'service', scope: this.scope, cluster, service, snapshot: out.service });
    return out.service;
  }

  /**
   * Not retried blindly by ECS's rules: a second CreateService of a name that is ACTIVE fails ("Creation
   * of service was not idempotent"), so a retry after a lost answer refuses instead of making a twin.
   */
  async createService(input: EcsTypes.CreateServiceRequest): Promise<Service> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.CreateServiceCommand(input));
    if (!out.service) throw new Error('CreateService returned no service.');
    this.onChange({ kind: 'services', scope: this.scope, cluster: input.cluster ?? 'default' });
    return out.service;
  }

  async stopTask(cluster: string, task: string, reason?: string): Promise<Task> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.StopTaskCommand({ cluster, task, reason }));
    this.onChange({ kind: 'tasks', scope: this.scope, cluster, service: serviceOfGroup(out.task?.group) });
    return out.task ?? {};
  }

  /**
   * A retried RunTask could start the tasks twice; it is safe because every call carries a client
   * token (the SDK fills `clientToken`, an idempotency token, once per call and its retries resend
   * it), and ECS answers a repeated token with the tasks it already started.
   */
  async runTask(input: EcsTypes.RunTaskRequest): Promise<{ tasks: Task[]; failures: EcsTypes.Failure[] }> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.RunTaskCommand(input));
    if (out.tasks?.length) this.onChange({ kind: 'tasks', scope: this.scope, cluster: input.cluster ?? 'default' });
    return { tasks: out.tasks ?? [], failures: out.failures ?? [] };
  }

  async deregister(taskDefinition: string): Promise<EcsTypes.TaskDefinition> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.DeregisterTaskDefinitionCommand({ taskDefinition }));
    this.onChange({ kind: 'taskDefinition', scope: this.scope, family: out.taskDefinition?.family ?? taskDefinitionParts(taskDefinition).family });
    return out.taskDefinition ?? {};
  }

  /** The service deployments' reader (ListServiceDeployments, DescribeServiceDeployments 20 a call) in the same scope. */
  serviceDeployments(): ServiceDeploymentReader {
    return new ServiceDeploymentReader(this.clients, this.scope);
  }

  /** StopServiceDeployment: ROLLBACK to the last good revision, or ABORT where ECS allows it. */
  async stopServiceDeployment(cluster: string, service: string, serviceDeploymentArn: string, stopType: 'ROLLBACK' | 'ABORT'): Promise<string> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.StopServiceDeploymentCommand({ serviceDeploymentArn, stopType }));
    this.onChange({ kind: 'service', scope: this.scope, cluster, service });
    return out.serviceDeploymentArn ?? serviceDeploymentArn;
  }

  /** ContinueServiceDeployment: a paused lifecycle hook goes on (CONTINUE) or rolls the deployment back. */
  async continueServiceDeployment(cluster: string, service: string, serviceDeploymentArn: string, hookId: string, action: 'CONTINUE' | 'ROLLBACK'): Promise<string> {
    const { sdk, client } = await this.ecs();
    const out = await client.send(new sdk.ecs.ContinueServiceDeploymentCommand({ serviceDeploymentArn, hookId, action }));
    this.onChange({ kind: 'service', scope: this.scope, cluster, service });
    return out.serviceDeploymentArn ?? serviceDeploymentArn;
  }

  /** Stopped tasks of a service started by one deployment (ECS sets startedBy to the deployment id), newest first. */
  async stoppedTasks(cluster: string, service: string, deploymentId?: string, limit = 10): Promise<StoppedTask[]> {
    const tasks = await new EcsReader(this.clients, this.scope).deploymentStoppedTasks(cluster, service, { deploymentId, limit });
    return tasks.map((t) => ({
      taskId: resourceName(t.taskArn),
      taskDefinition: revisionLabel(t.taskDefinitionArn),
      stoppedReason: t.stoppedReason ?? '',
      stopCode: t.stopCode,
      containers: (t.containers ?? []).map((c) => ({ name: c.name ?? '', exitCode: c.exitCode, reason: c.reason })),
      cause: CAUSES[causeOfTask(t)].words,
      taskArn: t.taskArn,
    }));
  }
}

/** `a1b2c3d4 demo-api:4: an essential container exited: Essential container in task exited (EssentialContainerExited); api exit 1` */
export function stoppedTaskLine(t: StoppedTask): string {
  const containers = t.containers
    .filter((c) => c.exitCode !== undefined || c.reason)
    .map((c) => `${c.name}${c.exitCode !== undefined ? ` exit ${c.exitCode}` : ''}${c.reason ? ` (${c.reason})` : ''}`);
  return `${shortTaskId(t.taskId)} ${t.taskDefinition}: ${t.cause ? `${t.cause}: ` : ''}${t.stoppedReason}${t.stopCode ? ` (${t.stopCode})` : ''}${containers.length ? `; ${containers.join(', ')}` : ''}`;
}
