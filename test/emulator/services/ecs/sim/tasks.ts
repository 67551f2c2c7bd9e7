/**
 * The task lifecycle as ECS documents it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle-explanation.html):
 * PROVISIONING -> PENDING -> ACTIVATING -> RUNNING, and DEACTIVATING -> STOPPING ->
 * DEPROVISIONING -> STOPPED, with stop codes, reasons, exit codes and awslogs lines on the way.
 */
import type * as ecs from '../../../generated/ecs';
import { flat } from '../../../kit/flat';
import { logsState } from '../../logs/state';
import { lastClusterName, taskId, type ClusterRecord, type ContainerRecord, type InstanceRecord, type ServiceRecord, type TaskDefinitionRecord, type TaskRecord } from '../state';
import { serviceHistory } from './history';
import { agentsRunning, agentsStopped, pendingAgents } from './execAgent';
import type { EcsSim } from './index';
import { SHARED } from './shared';
import { containerOverrides, isFargate, networkBindings, taskNeeds, TIMING, zone } from './timing';

export interface LaunchParams {
  cluster: ClusterRecord;
  taskDef: TaskDefinitionRecord;
  launchType: ecs.LaunchType;
  capacityProviderName?: string;
  startedBy?: string;
  group?: string;
  overrides?: ecs.TaskOverride;
  networkConfiguration?: ecs.NetworkConfiguration;
  service?: ServiceRecord;
  deploymentId?: string;
  instance?: InstanceRecord;
  tags?: ecs.Tag[];
  enableExecuteCommand?: boolean;
  /** Fargate: the platform version asked for; LATEST or none is 1.4.0 (Linux's latest). */
  platformVersion?: string;
  /** Seeds: create the task already RUNNING, started at this time. */
  runningSince?: Date;
  /** Seeds and fixtures: the task id (default: a random one). */
  id?: string;
}

export interface StopHow {
  stopCode: ecs.TaskStopCode;
  reason: string;
  exitCodes?: Record<string, number>;
  /** Containers' own `reason` (e.g. "OutOfMemoryError: Container killed due to memory usage"). */
  containerReasons?: Record<string, string>;
  /** The task failed (counts towards the circuit breaker and ECS's restart back-off). */
  failure?: boolean;
}

export class TaskLifecycle {
  constructor(private readonly sim: EcsSim) {}

  launch(p: LaunchParams): TaskRecord {
    const { rnd, ecs: state } = this.sim;
    const id = p.id ?? rnd.hex(32);
    const clusterName = p.cluster.clusterName;
    const taskArn = state.arn(`task/${clusterName}/${id}`);
    const td = p.taskDef;
    const awsvpc = td.networkMode === 'awsvpc';
    const ip = `10.0.${rnd.int(200) + 1}.${rnd.int(250) + 2}`;
    const attachmentId = rnd.uuid();
    const containers: ContainerRecord[] = td.containerDefinitions.map((cd) => ({
      containerArn: state.arn(`container/${clusterName}/${id}/${rnd.uuid()}`),
      taskArn,
      name: cd.name ?? '',
      image: cd.image ?? '',
      lastStatus: 'PENDING',
      networkBindings: SHARED.noNetworkBindings,
      networkInterfaces: awsvpc ? [{ attachmentId, privateIpv4Address: ip }] : [],
      healthStatus: 'UNKNOWN',
      cpu: String(cd.cpu ?? 0),
      ...(cd.memory ? { memory: String(cd.memory) } : {}),
      ...(cd.memoryReservation ? { memoryReservation: String(cd.memoryReservation) } : {}),
      ...pendingAgents(p.enableExecuteCommand),
    }));
    const overrides = p.overrides ?? {};
    const subnet = p.networkConfiguration?.awsvpcConfiguration?.subnets?.[0] ?? 'subnet-0a1b2c3d4e5f60001';
    const task: TaskRecord = {
      attachments: awsvpc
        ? [{
          id: attachmentId,
          type: 'ElasticNetworkInterface',
          status: 'PRECREATED',
          details: [
            { name: 'subnetId', value: subnet },
            { name: 'networkInterfaceId', value: flat(`eni-${rnd.hex(17)}`) },
            SHARED.macAddress,
            { name: 'privateDnsName', value: flat(`ip-${ip.replace(/\./g, '-')}.ec2.internal`) },
            { name: 'privateIPv4Address', value: ip },
          ],
        }]
        : [],
      attributes: SHARED.attributes[td.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64'],
      availabilityZone: zone(this.sim.region.name, rnd.int(3), p.instance),
      clusterArn: p.cluster.clusterArn,
      taskArn,
      taskDefinitionArn: td.taskDefinitionArn,
      containers,
      cpu: String(td.cpu ?? taskNeeds(td).cpu),
      memory: String(td.memory ?? taskNeeds(td).memory),
      createdAt: this.sim.now(),
      desiredStatus: 'RUNNING',
      lastStatus: isFargate(p.launchType) ? 'PROVISIONING' : 'PENDING',
      enableExecuteCommand: p.enableExecuteCommand ?? false,
      group: p.group ?? `family:${td.family}`,
      launchType: p.launchType,
      overrides: { inferenceAcceleratorOverrides: [], ...overrides, containerOverrides: containerOverrides(td, overrides.containerOverrides) },
      version: 1,
      healthStatus: 'UNKNOWN',
      capacityProviderName: p.capacityProviderName,
      startedBy: p.startedBy,
      containerInstanceArn: p.instance?.containerInstanceArn,
    };
    if (isFargate(p.launchType)) {
      Object.assign(task, { platformVersion: p.platformVersion && p.platformVersion !== 'LATEST' ? p.platformVersion : '1.4.0', platformFamily: 'Linux', ephemeralStorage: SHARED.ephemeralStorage, fargateEphemeralStorage: SHARED.ephemeralStorage });
    }
    state.taskExtras.set(task, { service: p.service, deploymentId: p.deploymentId });
    if (p.service) {
      state.serviceExtras.of(p.service).tasks.add(task);
    }
    state.tasksOf(clusterName).set(id, task);
    state.setTags(taskArn, p.tags);
    if (p.runningSince) {
      this.markRunning(task, p.runningSince);
    } else if (isFargate(p.launchType)) {
      this.sim.after(TIMING.provisioning, () => this.toPending(task));
    } else {
      this.toPending(task);
    }
    return task;
  }

  private bump(task: TaskRecord, lastStatus: string): void {
    task.lastStatus = lastStatus;
    task.version += 1;
  }

  private toPending(task: TaskRecord): void {
    if (task.desiredStatus !== 'RUNNING') {
      return;
    }
    const now = this.sim.now();
    this.bump(task, 'PENDING');
    Object.assign(task, { connectivity: 'CONNECTED', connectivityAt: now, pullStartedAt: now });
    task.attachments.forEach((a) => (a.status = 'ATTACHED'));
    this.sim.after(TIMING.pending, () => this.toActivating(task));
  }

  private toActivating(task: TaskRecord): void {
    if (task.desiredStatus !== 'RUNNING') {
      return;
    }
    const cannot = this.sim.causes.failsToStart(task, this.sim.ecs.findTaskDef(task.taskDefinitionArn));
    if (cannot) {
      return this.stop(task, cannot);
    }
    task.pullStoppedAt = this.sim.now();
    this.bump(task, 'ACTIVATING');
    this.sim.loadBalancing.register(task);
    this.sim.after(TIMING.activating, () => this.toRunning(task));
  }

  private toRunning(task: TaskRecord): void {
    if (task.desiredStatus !== 'RUNNING') {
      return;
    }
    this.markRunning(task, this.sim.now());
    this.sim.scheduler.serviceChanged(task);
    this.sim.after(TIMING.healthyAfter, () => this.sim.scheduler.serviceChanged(task));
    this.sim.causes.running(task, this.sim.ecs.findTaskDef(task.taskDefinitionArn));
  }

  /** Marks a task RUNNING since `at` (also used by seeds). */
  markRunning(task: TaskRecord, at: Date): void {
    this.bump(task, 'RUNNING');
    task.connectivity = 'CONNECTED';
    task.connectivityAt ??= at;
    task.pullStartedAt ??= at;
    task.pullStoppedAt ??= at;
    task.startedAt = at;
    if (task.createdAt > at) {
      task.createdAt = at;
    }
    task.attachments.forEach((a) => (a.status = 'ATTACHED'));
    const td = this.sim.ecs.findTaskDef(task.taskDefinitionArn);
    const taken = this.sim.placement.portsTakenOn(task.containerInstanceArn, task);
    for (const c of task.containers) {
      c.lastStatus = 'RUNNING';
      c.runtimeId = flat(`${taskId(task)}-${this.sim.rnd.digits(10)}`);
      c.networkBindings = networkBindings(td, c.name, (n) => this.sim.rnd.int(n), taken);
      agentsRunning(c, at);
    }
    // Seeds: registered in the target groups when it started (a live task was in ACTIVATING).
    this.sim.loadBalancing.register(task, at);
  }

  /** Writes lines to the awslogs streams of a task's containers. */
  writeLogs(task: TaskRecord, td: TaskDefinitionRecord | undefined, lines: (c: ecs.ContainerDefinition) => string[]): void {
    for (const cd of td?.containerDefinitions ?? []) {
      const msgs = lines(cd);
      if (msgs.length) {
        logsState(this.sim.region).writeContainerLogs(task, cd, msgs, this.sim.now());
      }
    }
  }

  /**
   * Stops a task the way ECS does, through DEACTIVATING / STOPPING / DEPROVISIONING. A task
   * registered in target groups is deregistered first and stays DEACTIVATING while its targets drain.
   */
  stop(task: TaskRecord, how: StopHow): void {
    if (task.desiredStatus === 'STOPPED') {
      return;
    }
    const wasRunning = task.lastStatus === 'RUNNING';
    Object.assign(task, { desiredStatus: 'STOPPED', stopCode: how.stopCode, stoppedReason: how.reason, stoppingAt: this.sim.now() });
    task.version += 1;
    const exit = (): void => {
      task.executionStoppedAt = this.sim.now();
      for (const c of task.containers) {
        if (c.lastStatus === 'RUNNING') {
          c.exitCode = how.exitCodes?.[c.name] ?? 0;
        }
        const reason = how.containerReasons?.[c.name];
        if (reason) c.reason = reason;
        c.lastStatus = 'STOPPED';
        agentsStopped(c);
      }
    };
    const finish = (): void => {
      this.bump(task, 'STOPPED');
      task.stoppedAt = this.sim.now();
      task.executionStoppedAt ??= task.stoppedAt;
      task.attachments.forEach((a) => (a.status = 'DELETED'));
      this.sim.after(TIMING.stoppedRetention, () => this.forget(task));
      this.sim.scheduler.serviceChanged(task);
    };
    const deprovisionThenFinish = (): void => {
      if (isFargate(task.launchType) && task.lastStatus !== 'PROVISIONING') {
        this.bump(task, 'DEPROVISIONING');
        this.sim.after(TIMING.deprovisioning, finish);
      } else {
        finish();
      }
    };
    if (how.failure) {
      this.sim.deployments.onServiceTaskFailed(task);
    } else {
      this.sim.scheduler.serviceChanged(task);
    }
    const draining = this.sim.loadBalancing.deregister(task);
    if (!wasRunning && draining === undefined) {
      exit();
      return deprovisionThenFinish();
    }
    this.bump(task, 'DEACTIVATING');
    if (how.exitCodes) {
      exit();
    }
    this.sim.after(Math.max(TIMING.deactivating, draining ?? 0), () => {
      exit();
      this.bump(task, 'STOPPING');
      this.sim.after(TIMING.stopping, deprovisionThenFinish);
    });
  }

  /** A stopped task's retention is over: it is no longer listed. */
  private forget(task: TaskRecord): void {
    const state = this.sim.ecs;
    state.tasksOf(lastClusterName(task.clusterArn)).delete(taskId(task));
    const svc = state.serviceOfTask(task);
    if (svc) {
      state.serviceExtras.of(svc).tasks.delete(task);
      serviceHistory(this.sim.region).taskForgotten(svc, task, this.sim.now().getTime());
    }
  }
}
