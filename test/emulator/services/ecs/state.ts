/**
 * ECS state of one region: records in their AWS shapes (generated/ecs.ts), the emulator's own data
 * about them in typed extras, and the lookups every ECS operation shares.
 */
import type * as ecs from '../../generated/ecs';
import { arn, arnResource, lastPart } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { Extras, getOrCreate, Has } from '../../kit/extras';
import { perRegion, Region } from '../../kit/world';

export type ClusterRecord = Has<ecs.Cluster, 'clusterArn' | 'clusterName' | 'status'>;
export type DeploymentRecord = Has<ecs.Deployment, 'id' | 'status' | 'taskDefinition' | 'desiredCount' | 'pendingCount' | 'runningCount' | 'failedTasks' | 'createdAt' | 'updatedAt' | 'rolloutState'>;
export type ServiceRecord = Has<Omit<ecs.Service, 'deployments'>, 'serviceArn' | 'serviceName' | 'clusterArn' | 'status' | 'desiredCount' | 'runningCount' | 'pendingCount' | 'events' | 'createdAt' | 'deploymentConfiguration' | 'deploymentController'>
  & { deployments: DeploymentRecord[] };
export type ContainerRecord = Has<ecs.Container, 'name' | 'image' | 'lastStatus' | 'networkInterfaces'>;
export type AttachmentRecord = Has<ecs.Attachment, 'status'>;
export type TaskRecord = Has<Omit<ecs.Task, 'containers' | 'attachments'>, 'taskArn' | 'clusterArn' | 'taskDefinitionArn' | 'lastStatus' | 'desiredStatus' | 'version' | 'createdAt' | 'launchType'>
  & { containers: ContainerRecord[]; attachments: AttachmentRecord[] };
export type TaskDefinitionRecord = Has<ecs.TaskDefinition, 'taskDefinitionArn' | 'family' | 'revision' | 'status' | 'containerDefinitions' | 'compatibilities'>;
export type InstanceRecord = Has<ecs.ContainerInstance, 'containerInstanceArn' | 'status' | 'version' | 'registeredResources'>;
export type ServiceDeploymentRecord = Has<ecs.ServiceDeployment, 'serviceDeploymentArn' | 'serviceArn' | 'clusterArn' | 'status' | 'createdAt' | 'updatedAt'>
  & { targetServiceRevision: Has<ecs.ServiceRevisionSummary, 'arn'>; deploymentCircuitBreaker: Has<ecs.ServiceDeploymentCircuitBreaker, 'failureCount'> };

/** A hook of the current lifecycle stage of a traffic-shifting deployment (sim/trafficShift.ts). */
export interface HookRun {
  detail: Has<ecs.DeploymentLifecycleHookDetail, 'hookId' | 'targetType' | 'status'>;
  /** What ECS does when the hook times out. */
  timeoutAction: ecs.DeploymentLifecycleHookAction;
}

/** Where a BLUE_GREEN / LINEAR / CANARY deployment is (sim/trafficShift.ts). */
export interface ShiftRun {
  strategy: 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
  /** Index into the deployment's stage list. */
  stageIndex: number;
  stages: string[];
  /** The deployment (blue) production traffic comes from; none for a service's first deployment. */
  blueId?: string;
  /** Per load balancer of the service: blue's and green's target groups. */
  blueTargetGroups: string[];
  greenTargetGroups: string[];
  /** The production traffic share of each PRODUCTION_TRAFFIC_SHIFT step, in percent. */
  percents: number[];
  step: number;
  stepBakeMs: number;
  hooks: HookRun[];
  /** Every hook the deployment ran, for ContinueServiceDeployment on one no longer waiting. */
  pastHooks: HookRun[];
  /** Bumped at each transition: a timer of an older one does nothing. */
  token: number;
  rollingBack: boolean;
  /** The return to blue is a StopServiceDeployment ABORT: it ends STOPPED, not ROLLBACK_SUCCESSFUL. */
  aborting?: boolean;
  /** The deployment stopped with nothing to return to (a first deployment). */
  aborted: boolean;
}

/** What the emulator knows about a service beyond its AWS shape. */
export interface ServiceExtras {
  /** The launch type the scheduler uses, resolved at creation (services on capacity providers show none). */
  launchType: ecs.LaunchType;
  /** ListServiceDeployments' records, newest first, with the id of the deployment each stands for. */
  serviceDeployments: ServiceDeploymentEntry[];
  /** Deployment id -> the target group of each of the service's load balancers its tasks register in (blue/green: blue's or green's). */
  deploymentTargetGroups: Map<string, string[]>;
  /** The target group of each load balancer taking production traffic now (it swaps after a blue/green deployment). */
  productionTargetGroups?: string[];
  /** The last deployment that completed: what a circuit-breaker rollback returns to. */
  lastCompleted?: { id: string; taskDefinition: string; revisionArn?: string };
  steady: boolean;
  reconcileScheduled: boolean;
  consecutiveFailures: number;
  /** Rollback deployment id -> the failed deployment it rolls back. */
  rollbackOf: Map<string, string>;
  /** The tasks its deployments started (an index: the cluster's task map holds them too). */
  tasks: Set<TaskRecord>;
}

export interface ServiceDeploymentEntry {
  deploymentId: string;
  record: ServiceDeploymentRecord;
  /** Set for BLUE_GREEN / LINEAR / CANARY deployments. */
  run?: ShiftRun;
}

/** What the emulator knows about a task beyond its AWS shape: the service deployment that started it. */
export interface TaskExtras {
  service?: ServiceRecord;
  deploymentId?: string;
  /** When ECS registered the task in its service's target groups (ecs/sim/loadBalancers.ts). */
  registeredAt?: Date;
  /** When ECS deregistered it: its targets drain from then for the groups' deregistration delay. */
  deregisteredAt?: Date;
}

export class EcsState {
  /** All clusters by name, ACTIVE and INACTIVE. */
  readonly clusters = new Map<string, ClusterRecord>();
  /** cluster name -> service name -> service (ACTIVE, DRAINING, and INACTIVE ones). */
  readonly services = new Map<string, Map<string, ServiceRecord>>();
  /** cluster name -> task id -> task (stopped tasks stay visible for an hour). */
  readonly tasks = new Map<string, Map<string, TaskRecord>>();
  /** family -> revisions (index = revision - 1). */
  readonly taskDefs = new Map<string, TaskDefinitionRecord[]>();
  /** cluster name -> container instance id -> container instance. */
  readonly instances = new Map<string, Map<string, InstanceRecord>>();
  readonly capacityProviders = new Map<string, ecs.CapacityProvider>();
  /** resource ARN -> tags */
  readonly tags = new Map<string, ecs.Tag[]>();
  /** DescribeServiceRevisions: every service revision by ARN (ECS keeps them as long as the service's deployment history). */
  readonly serviceRevisions = new Map<string, ecs.ServiceRevision>();
  readonly serviceExtras = new Extras<ServiceRecord, ServiceExtras>();
  readonly taskExtras = new Extras<TaskRecord, TaskExtras>();

  constructor(readonly region: Region) {
    for (const name of ['FARGATE', 'FARGATE_SPOT']) {
      this.capacityProviders.set(name, { capacityProviderArn: this.arn(`capacity-provider/${name}`), name, status: 'ACTIVE', tags: [] });
    }
  }

  arn(resource: string): string {
    return arn('ecs', this.region.name, resource);
  }

  /** The cluster name a `cluster` parameter (name, ARN or absent = default) refers to. */
  clusterName(ref: string | undefined): string {
    return ref ? lastPart(ref) : 'default';
  }

  cluster(ref: string | undefined): ClusterRecord {
    const c = this.clusters.get(this.clusterName(ref));
    if (!c || c.status !== 'ACTIVE') {
      throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    }
    return c;
  }

  servicesOf(clusterName: string): Map<string, ServiceRecord> {
    return getOrCreate(this.services, clusterName);
  }

  tasksOf(clusterName: string): Map<string, TaskRecord> {
    return getOrCreate(this.tasks, clusterName);
  }

  instancesOf(clusterName: string): Map<string, InstanceRecord> {
    return getOrCreate(this.instances, clusterName);
  }

  service(cluster: ClusterRecord, ref: string): ServiceRecord {
    const s = this.servicesOf(cluster.clusterName).get(lastPart(ref));
    if (!s) {
      throw new AwsError('ServiceNotFoundException', 'Service not found.');
    }
    return s;
  }

  /** The service a task of a service deployment belongs to. */
  serviceOfTask(task: TaskRecord): ServiceRecord | undefined {
    return this.taskExtras.get(task)?.service;
  }

  /** Resolves `family`, `family:revision` or a task-definition ARN. */
  findTaskDef(ref: string): TaskDefinitionRecord | undefined {
    const s = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length) : ref;
    const [family, rev] = s.split(':');
    const revisions = this.taskDefs.get(family);
    if (!revisions) {
      return undefined;
    }
    if (rev === undefined) {
      return [...revisions].reverse().find((td) => td.status === 'ACTIVE');
    }
    return revisions[Number(rev) - 1];
  }

  /** A task definition for RunTask / CreateService / UpdateService. */
  taskDefForUse(ref: string): TaskDefinitionRecord {
    const td = this.findTaskDef(ref);
    if (!td) {
      throw new AwsError('ClientException', 'TaskDefinition not found.');
    }
    if (td.status !== 'ACTIVE') {
      throw new AwsError('ClientException', `TaskDefinition is inactive: ${td.taskDefinitionArn}`);
    }
    return td;
  }

  tagsOf(resourceArn: string): ecs.Tag[] {
    return this.tags.get(resourceArn) ?? [];
  }

  setTags(resourceArn: string, tags: ecs.Tag[] | undefined): void {
    if (tags && tags.length) {
      const merged = new Map(this.tagsOf(resourceArn).map((t) => [t.key, t]));
      for (const t of tags) {
        merged.set(t.key, t);
      }
      this.tags.set(resourceArn, [...merged.values()]);
    }
  }
}

export const ecsState = perRegion('ecs', (region) => new EcsState(region));

export function taskId(task: TaskRecord): string {
  return lastPart(task.taskArn);
}

/** Cluster name inside an ECS ARN (`.../cluster/NAME`, `.../task/NAME/ID`, ...). */
export function lastClusterName(resourceArn: string): string {
  const parts = arnResource(resourceArn).split('/');
  return parts[0] === 'cluster' ? parts[parts.length - 1] : parts[1];
}
