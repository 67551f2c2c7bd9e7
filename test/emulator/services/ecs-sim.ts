/**
 * ECS over time: the task lifecycle (PROVISIONING -> PENDING -> ACTIVATING -> RUNNING -> ... ->
 * STOPPED) and the service scheduler (rolling deployments within minimumHealthyPercent /
 * maximumPercent, the deployment circuit breaker with rollback, service events).
 * Delays are ECS's own (in emulated ms); the clock's time scale divides them.
 */
import { AwsError } from '../errors';
import type { RegionState } from '../world';
import { Obj, Tag, taskId } from './ecs-state';

/** ECS's timings, in ms of AWS time. */
export const TIMING = {
  provisioning: 8_000,
  pending: 12_000,
  activating: 3_000,
  /** How long after RUNNING a container whose image "fails" exits 1. */
  failAfter: 3_000,
  deactivating: 2_000,
  stopping: 3_000,
  deprovisioning: 5_000,
  /** Stopped tasks stay visible this long. */
  stoppedRetention: 60 * 60_000,
  reconcile: 1_000,
  /** A task counts as healthy for deployments once RUNNING this long (no load balancer health checks). */
  healthyAfter: 10_000,
  logEvery: 30_000,
};

const ACTIVE_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);

export interface LaunchParams {
  cluster: Obj;
  taskDef: Obj;
  launchType: string;
  capacityProviderName?: string;
  startedBy?: string;
  group?: string;
  overrides?: Obj;
  networkConfiguration?: Obj;
  service?: Obj;
  deploymentId?: string;
  instance?: Obj;
  tags?: Tag[];
  enableExecuteCommand?: boolean;
  /** Seeds: create the task already RUNNING, started at this time. */
  runningSince?: Date;
}

/** "An image whose tag or name contains `fail`" makes its tasks exit 1. */
export function imageFails(img: string): boolean {
  return /fail/i.test(img.slice(img.lastIndexOf('/') + 1));
}

/** An image name containing `pullerror` cannot be pulled (CannotPullContainerError). */
export function imageUnpullable(img: string): boolean {
  return /pullerror/i.test(img);
}

export function isFargate(launchType: string | undefined): boolean {
  return launchType === 'FARGATE';
}

/** Task-level cpu/memory a task definition needs on a container instance. */
export function taskNeeds(td: Obj): { cpu: number; memory: number } {
  const containers: Obj[] = td.containerDefinitions ?? [];
  const cpu = td.cpu ? Number(td.cpu) : containers.reduce((n, c) => n + (c.cpu ?? 0), 0);
  const memory = td.memory ? Number(td.memory) : containers.reduce((n, c) => n + (c.memory ?? c.memoryReservation ?? 0), 0);
  return { cpu, memory };
}

export class EcsSim {
  constructor(private readonly region: RegionState) {}

  private get ecs() {
    return this.region.ecs;
  }
  private get rnd() {
    return this.region.core.rnd;
  }
  private now(): Date {
    return this.region.now();
  }
  private after(ms: number, fn: () => void): void {
    this.region.core.sched.after(ms, fn);
  }

  // -------------------------------------------------------------------------------------------
  // Placement

  /** Picks a container instance with room for `td`, or explains why there is none. */
  place(cluster: Obj, td: Obj): { instance?: Obj; reason?: string } {
    const instances = [...this.ecs.instancesOf(cluster.clusterName).values()].filter((i) => i.status === 'ACTIVE');
    if (instances.length === 0) {
      return { reason: 'No Container Instances were found in your cluster.' };
    }
    const need = taskNeeds(td);
    let best: Obj | undefined;
    let reason = 'RESOURCE:MEMORY';
    for (const inst of instances) {
      const free = this.remaining(inst);
      if (free.cpu < need.cpu) {
        reason = 'RESOURCE:CPU';
        continue;
      }
      if (free.memory < need.memory) {
        reason = 'RESOURCE:MEMORY';
        continue;
      }
      if (!best || this.remaining(best).memory < free.memory) {
        best = inst;
      }
    }
    return best ? { instance: best } : { reason };
  }

  remaining(inst: Obj): { cpu: number; memory: number } {
    const reg = (name: string): number => inst.registeredResources.find((r: Obj) => r.name === name)?.integerValue ?? 0;
    let cpu = reg('CPU');
    let memory = reg('MEMORY');
    for (const t of this.ecs.tasksOf(lastClusterName(inst.containerInstanceArn)).values()) {
      if (t.containerInstanceArn === inst.containerInstanceArn && t.lastStatus !== 'STOPPED') {
        const td = this.ecs.findTaskDef(t.taskDefinitionArn);
        const n = td ? taskNeeds(td) : { cpu: 0, memory: 0 };
        cpu -= n.cpu;
        memory -= n.memory;
      }
    }
    return { cpu, memory };
  }

  // -------------------------------------------------------------------------------------------
  // Tasks

  launch(p: LaunchParams): Obj {
    const id = this.rnd.hex(32);
    const clusterName = p.cluster.clusterName as string;
    const taskArn = this.ecs.arn(`task/${clusterName}/${id}`);
    const td = p.taskDef;
    const fargate = isFargate(p.launchType);
    const now = this.now();
    const overrides = p.overrides ?? {};
    const containerOverrides: Obj[] = overrides.containerOverrides ?? [];
    const awsvpc = td.networkMode === 'awsvpc';
    const ip = `10.0.${this.rnd.int(200) + 1}.${this.rnd.int(250) + 2}`;
    const containers = (td.containerDefinitions as Obj[]).map((cd) => ({
      containerArn: this.ecs.arn(`container/${clusterName}/${id}/${this.rnd.uuid()}`),
      taskArn,
      name: cd.name,
      image: cd.image,
      lastStatus: 'PENDING',
      networkBindings: [],
      networkInterfaces: awsvpc ? [{ attachmentId: '', privateIpv4Address: ip }] : [],
      healthStatus: 'UNKNOWN',
      cpu: String(cd.cpu ?? 0),
      ...(cd.memory ? { memory: String(cd.memory) } : {}),
      ...(cd.memoryReservation ? { memoryReservation: String(cd.memoryReservation) } : {}),
      _essential: cd.essential !== false,
      _override: containerOverrides.find((o) => o.name === cd.name),
    }));
    const attachmentId = this.rnd.uuid();
    for (const c of containers) {
      if (c.networkInterfaces.length) {
        c.networkInterfaces[0].attachmentId = attachmentId;
      }
    }
    const subnet = p.networkConfiguration?.awsvpcConfiguration?.subnets?.[0] ?? 'subnet-0a1b2c3d4e5f60001';
    const task: Obj = {
      attachments: awsvpc
        ? [{
          id: attachmentId,
          type: 'ElasticNetworkInterface',
          status: 'PRECREATED',
          details: [
            { name: 'subnetId', value: subnet },
            { name: 'networkInterfaceId', value: `eni-${this.rnd.hex(17)}` },
            { name: 'macAddress', value: '0a:1b:2c:3d:4e:5f' },
            { name: 'privateDnsName', value: `ip-${ip.replace(/\./g, '-')}.ec2.internal` },
            { name: 'privateIPv4Address', value: ip },
          ],
        }]
        : [],
      attributes: [{ name: 'ecs.cpu-architecture', value: td.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64' }],
      availabilityZone: `${this.region.name}${'abc'[this.rnd.int(3)]}`,
      clusterArn: p.cluster.clusterArn,
      taskArn,
      taskDefinitionArn: td.taskDefinitionArn,
      containers,
      cpu: String(td.cpu ?? taskNeeds(td).cpu),
      memory: String(td.memory ?? taskNeeds(td).memory),
      createdAt: now,
      desiredStatus: 'RUNNING',
      lastStatus: fargate ? 'PROVISIONING' : 'PENDING',
      enableExecuteCommand: p.enableExecuteCommand ?? false,
      group: p.group ?? `family:${td.family}`,
      launchType: p.launchType,
      overrides: { inferenceAcceleratorOverrides: [], ...overrides, containerOverrides },
      version: 1,
      healthStatus: 'UNKNOWN',
      _service: p.service?.serviceName,
      _deployment: p.deploymentId,
    };
    if (p.capacityProviderName) {
      task.capacityProviderName = p.capacityProviderName;
    }
    if (p.startedBy) {
      task.startedBy = p.startedBy;
    }
    if (fargate) {
      task.platformVersion = '1.4.0';
      task.platformFamily = 'Linux';
      task.ephemeralStorage = { sizeInGiB: 20 };
      task.fargateEphemeralStorage = { sizeInGiB: 20 };
    }
    if (p.instance) {
      task.containerInstanceArn = p.instance.containerInstanceArn;
    }
    this.ecs.tasksOf(clusterName).set(id, task);
    this.ecs.setTags(taskArn, p.tags);
    if (p.runningSince) {
      this.markRunning(task, p.runningSince);
      return task;
    }
    if (fargate) {
      this.after(TIMING.provisioning, () => this.toPending(task));
    } else {
      this.toPending(task);
    }
    return task;
  }

  private bump(task: Obj, lastStatus: string): void {
    task.lastStatus = lastStatus;
    task.version += 1;
  }

  private toPending(task: Obj): void {
    if (task.desiredStatus !== 'RUNNING') {
      return;
    }
    const now = this.now();
    this.bump(task, 'PENDING');
    task.connectivity = 'CONNECTED';
    task.connectivityAt = now;
    task.pullStartedAt = now;
    for (const a of task.attachments) {
      a.status = 'ATTACHED';
    }
    this.after(TIMING.pending, () => this.toActivating(task));
  }

  private toActivating(task: Obj): void {
    if (task.desiredStatus !== 'RUNNING') {
      return;
    }
    const unpullable = (task.containers as Obj[]).find((c) => imageUnpullable(c.image));
    if (unpullable) {
      this.stop(task, {
        stopCode: 'TaskFailedToStart',
        reason: `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${unpullable.image}: not found`,
        failure: true,
      });
      return;
    }
    const td = this.ecs.findTaskDef(task.taskDefinitionArn);
    const logProblem = td ? this.region.logs.checkTaskLogging(td) : undefined;
    if (logProblem) {
      this.stop(task, { stopCode: 'TaskFailedToStart', reason: `ResourceInitializationError: ${logProblem}`, failure: true });
      return;
    }
    task.pullStoppedAt = this.now();
    this.bump(task, 'ACTIVATING');
    this.after(TIMING.activating, () => this.toRunning(task));
  }

  private toRunning(task: Obj): void {
    if (task.desiredStatus !== 'RUNNING') {
      return;
    }
    this.markRunning(task, this.now());
    const td = this.ecs.findTaskDef(task.taskDefinitionArn);
    if (td) {
      this.writeLogs(task, td, (c) => [`Starting ${c.name} (${c.image})`, `${c.name} listening on port ${c.portMappings?.[0]?.containerPort ?? 8080}`]);
    }
    this.serviceChanged(task);
    this.after(TIMING.healthyAfter, () => this.serviceChanged(task));
    const failing = (task.containers as Obj[]).find((c) => c._essential && imageFails(c.image));
    if (failing) {
      this.after(TIMING.failAfter, () => {
        if (td) {
          this.writeLogs(task, td, (c) => (c.name === failing.name ? ['Error: failed to start application (exit 1)'] : []));
        }
        this.stop(task, { stopCode: 'EssentialContainerExited', reason: 'Essential container in task exited', exitCodes: { [failing.name]: 1 }, failure: true });
      });
    } else {
      this.scheduleHeartbeatLogs(task);
    }
  }

  private markRunning(task: Obj, at: Date): void {
    this.bump(task, 'RUNNING');
    task.connectivity = 'CONNECTED';
    task.connectivityAt ??= at;
    task.pullStartedAt ??= at;
    task.pullStoppedAt ??= at;
    task.startedAt = at;
    if (task.createdAt > at) {
      task.createdAt = at;
    }
    for (const a of task.attachments) {
      a.status = 'ATTACHED';
    }
    for (const c of task.containers) {
      c.lastStatus = 'RUNNING';
      c.runtimeId = `${taskId(task)}-${this.rnd.digits(10)}`;
    }
  }

  private scheduleHeartbeatLogs(task: Obj): void {
    this.after(TIMING.logEvery, () => {
      if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') {
        return;
      }
      const td = this.ecs.findTaskDef(task.taskDefinitionArn);
      if (td) {
        this.writeLogs(task, td, (c) => [`${c.name}: GET /health 200 ${1 + this.rnd.int(20)}ms`]);
      }
      this.scheduleHeartbeatLogs(task);
    });
  }

  writeLogs(task: Obj, td: Obj, lines: (c: Obj) => string[]): void {
    for (const cd of td.containerDefinitions as Obj[]) {
      const msgs = lines(cd);
      if (msgs.length) {
        this.region.logs.writeContainerLogs(task, cd, msgs, this.now());
      }
    }
  }

  /** Stops a task the way ECS does, through DEACTIVATING / STOPPING / DEPROVISIONING. */
  stop(task: Obj, how: { stopCode: string; reason: string; exitCodes?: Record<string, number>; failure?: boolean; byScheduler?: boolean }): void {
    if (task.desiredStatus === 'STOPPED') {
      return;
    }
    const wasRunning = task.lastStatus === 'RUNNING';
    task.desiredStatus = 'STOPPED';
    task.stopCode = how.stopCode;
    task.stoppedReason = how.reason;
    task.stoppingAt = this.now();
    task._failure = how.failure ?? false;
    task.version += 1;
    const exit = (): void => {
      task.executionStoppedAt = this.now();
      for (const c of task.containers) {
        if (c.lastStatus === 'RUNNING') {
          c.exitCode = how.exitCodes?.[c.name] ?? 0;
        }
        c.lastStatus = 'STOPPED';
      }
    };
    const finish = (): void => {
      this.bump(task, 'STOPPED');
      task.stoppedAt = this.now();
      task.executionStoppedAt ??= task.stoppedAt;
      for (const a of task.attachments) {
        a.status = 'DELETED';
      }
      this.after(TIMING.stoppedRetention, () => this.ecs.tasksOf(lastClusterName(task.clusterArn)).delete(taskId(task)));
      this.serviceChanged(task);
    };
    if (how.failure) {
      this.onServiceTaskFailed(task);
    } else {
      this.serviceChanged(task);
    }
    if (wasRunning) {
      this.bump(task, 'DEACTIVATING');
      if (how.exitCodes) {
        exit();
      }
      this.after(TIMING.deactivating, () => {
        exit();
        this.bump(task, 'STOPPING');
        this.after(TIMING.stopping, () => {
          if (isFargate(task.launchType)) {
            this.bump(task, 'DEPROVISIONING');
            this.after(TIMING.deprovisioning, finish);
          } else {
            finish();
          }
        });
      });
    } else {
      exit();
      if (isFargate(task.launchType) && task.lastStatus !== 'PROVISIONING') {
        this.bump(task, 'DEPROVISIONING');
        this.after(TIMING.deprovisioning, finish);
      } else {
        finish();
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Services

  private serviceOf(task: Obj): Obj | undefined {
    return task._service ? this.ecs.servicesOf(lastClusterName(task.clusterArn)).get(task._service) : undefined;
  }

  private serviceChanged(task: Obj): void {
    const svc = this.serviceOf(task);
    if (svc) {
      this.scheduleReconcile(svc);
    }
  }

  scheduleReconcile(svc: Obj, delay = TIMING.reconcile): void {
    if (svc._reconcileScheduled) {
      return;
    }
    svc._reconcileScheduled = true;
    this.after(delay, () => {
      svc._reconcileScheduled = false;
      this.reconcile(svc);
    });
  }

  /** RUNNING long enough to count towards minimumHealthyPercent and a completed deployment. */
  healthy(t: Obj): boolean {
    return t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING'
      && this.now().getTime() - t.startedAt.getTime() >= TIMING.healthyAfter / this.region.core.sched.timeScale;
  }

  addEvent(svc: Obj, message: string): void {
    svc.events.unshift({ id: this.rnd.uuid(), createdAt: this.now(), message: `(service ${svc.serviceName}) ${message}` });
    if (svc.events.length > 100) {
      svc.events.length = 100;
    }
  }

  serviceTasks(svc: Obj): Obj[] {
    return [...this.ecs.tasksOf(lastClusterName(svc.clusterArn)).values()].filter((t) => t._service === svc.serviceName);
  }

  /** Recomputes running/pending counts of a service and its deployments. */
  refreshCounts(svc: Obj): void {
    const tasks = this.serviceTasks(svc).filter((t) => t.desiredStatus === 'RUNNING');
    const count = (list: Obj[], running: boolean): number => list.filter((t) => (t.lastStatus === 'RUNNING') === running && ACTIVE_STATES.has(t.lastStatus)).length;
    svc.runningCount = count(tasks, true);
    svc.pendingCount = count(tasks, false);
    for (const d of svc.deployments as Obj[]) {
      const mine = tasks.filter((t) => t._deployment === d.id);
      d.runningCount = count(mine, true);
      d.pendingCount = count(mine, false);
    }
  }

  newDeployment(svc: Obj, taskDefinitionArn: string, reason?: string): Obj {
    const now = this.now();
    const id = `ecs-svc/${this.rnd.digits(19)}`;
    for (const d of svc.deployments as Obj[]) {
      d.status = 'ACTIVE';
      d.updatedAt = now;
    }
    const dep: Obj = {
      id,
      status: 'PRIMARY',
      taskDefinition: taskDefinitionArn,
      desiredCount: svc.desiredCount,
      pendingCount: 0,
      runningCount: 0,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: reason ?? `ECS deployment ${id} in progress.`,
    };
    for (const k of ['launchType', 'platformVersion', 'platformFamily', 'networkConfiguration', 'capacityProviderStrategy']) {
      if (svc[k] !== undefined) {
        dep[k] = svc[k];
      }
    }
    svc.deployments.unshift(dep);
    svc._steady = false;
    const sd: Obj = {
      serviceDeploymentArn: this.ecs.arn(`service-deployment/${lastClusterName(svc.clusterArn)}/${svc.serviceName}/${id.slice('ecs-svc/'.length)}`),
      serviceArn: svc.serviceArn,
      clusterArn: svc.clusterArn,
      createdAt: now,
      startedAt: now,
      updatedAt: now,
      status: 'IN_PROGRESS',
      targetServiceRevision: { arn: this.ecs.arn(`service-revision/${lastClusterName(svc.clusterArn)}/${svc.serviceName}/${this.rnd.digits(19)}`), requestedTaskCount: svc.desiredCount, runningTaskCount: 0, pendingTaskCount: 0 },
      sourceServiceRevisions: (svc._serviceDeployments as Obj[]).slice(0, 1).map((p) => ({ arn: p.targetServiceRevision.arn, requestedTaskCount: 0, runningTaskCount: 0, pendingTaskCount: 0 })),
      deploymentConfiguration: svc.deploymentConfiguration,
      deploymentCircuitBreaker: { status: svc.deploymentConfiguration?.deploymentCircuitBreaker?.enable ? 'MONITORING' : 'DISABLED', failureCount: 0, threshold: failureThreshold(svc.desiredCount) },
      _deployment: id,
      _taskDefinition: taskDefinitionArn,
    };
    for (const prev of svc._serviceDeployments as Obj[]) {
      if (prev.status === 'IN_PROGRESS') {
        prev.status = 'STOPPED';
        prev.statusReason = 'Superseded by a newer deployment.';
        prev.stoppedAt = now;
        prev.updatedAt = now;
      }
    }
    svc._serviceDeployments.unshift(sd);
    this.scheduleReconcile(svc);
    return dep;
  }

  private serviceDeployment(svc: Obj, depId: string): Obj | undefined {
    return (svc._serviceDeployments as Obj[]).find((s) => s._deployment === depId);
  }

  private onServiceTaskFailed(task: Obj): void {
    const svc = this.serviceOf(task);
    if (!svc) {
      return;
    }
    svc._consecutiveFailures = (svc._consecutiveFailures ?? 0) + 1;
    const primary = svc.deployments[0];
    if (primary && task._deployment === primary.id && primary.rolloutState === 'IN_PROGRESS') {
      primary.failedTasks += 1;
      primary.updatedAt = this.now();
      const sd = this.serviceDeployment(svc, primary.id);
      if (sd) {
        sd.deploymentCircuitBreaker.failureCount = primary.failedTasks;
      }
      const breaker = svc.deploymentConfiguration?.deploymentCircuitBreaker;
      if (breaker?.enable && primary.failedTasks >= failureThreshold(svc.desiredCount)) {
        this.failDeployment(svc, primary, breaker.rollback === true);
        return;
      }
    }
    if (svc._consecutiveFailures === 3) {
      this.addEvent(svc, 'is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.');
    }
    // ECS backs off relaunching tasks that keep failing.
    this.scheduleReconcile(svc, Math.min(5 * 60_000, 5_000 * 2 ** Math.min(6, svc._consecutiveFailures - 1)));
  }

  private failDeployment(svc: Obj, dep: Obj, rollback: boolean): void {
    const now = this.now();
    dep.rolloutState = 'FAILED';
    dep.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
    dep.updatedAt = now;
    this.addEvent(svc, `(deployment ${dep.id}) deployment failed: tasks failed to start.`);
    const sd = this.serviceDeployment(svc, dep.id);
    if (sd) {
      sd.deploymentCircuitBreaker.status = 'TRIGGERED';
      sd.updatedAt = now;
    }
    const previous: Obj | undefined = svc._lastCompleted;
    if (rollback && previous) {
      if (sd) {
        sd.status = 'ROLLBACK_IN_PROGRESS';
        sd.statusReason = 'ECS deployment circuit breaker: tasks failed to start.';
        sd.rollback = { reason: 'ECS deployment circuit breaker: tasks failed to start.', startedAt: now, serviceRevisionArn: previous.revisionArn };
      }
      svc.taskDefinition = previous.taskDefinition;
      this.addEvent(svc, `rolling back to deployment ${previous.id}.`);
      const rolledBack = this.newDeployment(svc, previous.taskDefinition, `ECS deployment circuit breaker: rolling back to deploymentId ${previous.id}.`);
      rolledBack._rollbackOf = dep.id;
      // newDeployment marked the failed one STOPPED as superseded: it is a rollback instead.
      if (sd) {
        sd.status = 'ROLLBACK_IN_PROGRESS';
        delete sd.statusReason;
        delete sd.stoppedAt;
      }
    } else if (sd) {
      sd.status = 'STOPPED';
      sd.statusReason = 'ECS deployment circuit breaker: tasks failed to start.';
      sd.stoppedAt = now;
    }
    this.scheduleReconcile(svc);
  }

  /** One pass of the service scheduler. */
  reconcile(svc: Obj): void {
    if (svc.status === 'INACTIVE') {
      return;
    }
    const cluster = this.ecs.clusters.get(lastClusterName(svc.clusterArn));
    const all = this.serviceTasks(svc);
    const active = all.filter((t) => t.desiredStatus === 'RUNNING');
    const stopByScheduler = (t: Obj, reason: string): void => this.stop(t, { stopCode: 'ServiceSchedulerInitiated', reason, byScheduler: true });
    if (svc.status === 'DRAINING' || !cluster) {
      active.forEach((t) => stopByScheduler(t, 'Scaling activity initiated by (deployment ' + t._deployment + ')'));
      if (all.every((t) => t.lastStatus === 'STOPPED') && active.length === 0) {
        svc.status = 'INACTIVE';
        svc.deployments = [];
        svc.runningCount = 0;
        svc.pendingCount = 0;
      } else {
        this.scheduleReconcile(svc, 5_000);
      }
      return;
    }
    const primary: Obj = svc.deployments[0];
    const desired: number = svc.desiredCount;
    const dc = svc.deploymentConfiguration ?? {};
    const maxTotal = Math.floor((desired * (dc.maximumPercent ?? 200)) / 100);
    const minHealthy = Math.ceil((desired * (dc.minimumHealthyPercent ?? 100)) / 100);
    const isHealthy = (t: Obj): boolean => this.healthy(t);
    const stopped: Obj[] = [];
    const doStop = (t: Obj): void => {
      stopByScheduler(t, `Scaling activity initiated by (deployment ${primary.id})`);
      stopped.push(t);
    };
    let prim = active.filter((t) => t._deployment === primary.id);
    // Scale in: too many primary tasks (pending ones first).
    if (prim.length > desired) {
      const extra = [...prim].sort((a, b) => Number(isHealthy(a)) - Number(isHealthy(b))).slice(0, prim.length - desired);
      extra.forEach(doStop);
      prim = prim.filter((t) => !extra.includes(t));
    }
    // Old deployments: pending tasks go at once, running ones within minimumHealthyPercent.
    const old = active.filter((t) => t._deployment !== primary.id);
    old.filter((t) => !isHealthy(t)).forEach(doStop);
    let healthy = active.filter((t) => isHealthy(t) && !stopped.includes(t)).length;
    for (const t of old.filter(isHealthy)) {
      if (healthy - 1 < minHealthy) {
        break;
      }
      doStop(t);
      healthy -= 1;
    }
    // Start primary tasks within maximumPercent.
    const activeNow = active.length - stopped.length;
    const need = desired - prim.length;
    const room = Math.max(maxTotal, desired > 0 && activeNow === 0 ? 1 : 0) - activeNow;
    const started: Obj[] = [];
    if (need > 0 && room > 0 && primary.rolloutState !== 'FAILED') {
      const td = this.ecs.findTaskDef(primary.taskDefinition);
      for (let i = 0; td && i < Math.min(need, room); i++) {
        const fargate = isFargate(schedulerLaunchType(svc));
        const placed = fargate ? {} : this.place(cluster, td);
        if (!fargate && !placed.instance) {
          this.addEvent(svc, `was unable to place a task because no container instance met all of its requirements. Reason: ${placed.reason}`);
          this.scheduleReconcile(svc, 60_000);
          break;
        }
        started.push(this.launch({
          cluster,
          taskDef: td,
          launchType: schedulerLaunchType(svc),
          capacityProviderName: svc.capacityProviderStrategy?.[0]?.capacityProvider,
          startedBy: primary.id,
          group: `service:${svc.serviceName}`,
          networkConfiguration: svc.networkConfiguration,
          service: svc,
          deploymentId: primary.id,
          instance: placed.instance,
          enableExecuteCommand: svc.enableExecuteCommand,
        }));
      }
    }
    if (started.length) {
      svc._steady = false;
      this.addEvent(svc, `has started ${started.length} tasks: ${started.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
    }
    if (stopped.length) {
      svc._steady = false;
      this.addEvent(svc, `has stopped ${stopped.length} running tasks: ${stopped.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
    }
    this.settle(svc);
  }

  /** Drops drained deployments, completes the primary one and reports a steady state. */
  private settle(svc: Obj): void {
    this.refreshCounts(svc);
    const now = this.now();
    const primary: Obj = svc.deployments[0];
    primary.desiredCount = svc.desiredCount;
    const tasks = this.serviceTasks(svc).filter((t) => t.lastStatus !== 'STOPPED');
    for (const d of svc.deployments.slice(1) as Obj[]) {
      d.desiredCount = tasks.filter((t) => t._deployment === d.id && t.desiredStatus === 'RUNNING').length;
    }
    svc.deployments = (svc.deployments as Obj[]).filter((d, i) => i === 0 || tasks.some((t) => t._deployment === d.id));
    const sd = this.serviceDeployment(svc, primary.id);
    if (sd) {
      sd.targetServiceRevision.runningTaskCount = primary.runningCount;
      sd.targetServiceRevision.pendingTaskCount = primary.pendingCount;
      sd.targetServiceRevision.requestedTaskCount = svc.desiredCount;
    }
    const healthyPrimary = tasks.filter((t) => t._deployment === primary.id && this.healthy(t)).length;
    const steady = svc.deployments.length === 1 && healthyPrimary === svc.desiredCount && primary.runningCount === svc.desiredCount && primary.pendingCount === 0
      && tasks.every((t) => t.desiredStatus === 'RUNNING' || t._deployment === primary.id);
    if (!steady) {
      return;
    }
    if (primary.rolloutState === 'IN_PROGRESS') {
      primary.rolloutState = 'COMPLETED';
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
      primary.updatedAt = now;
      this.addEvent(svc, `(deployment ${primary.id}) deployment completed.`);
      svc._lastCompleted = { id: primary.id, taskDefinition: primary.taskDefinition, revisionArn: sd?.targetServiceRevision.arn };
      svc._consecutiveFailures = 0;
      if (sd) {
        sd.status = 'SUCCESSFUL';
        sd.finishedAt = now;
        sd.updatedAt = now;
      }
      const failed = primary._rollbackOf ? this.serviceDeployment(svc, primary._rollbackOf) : undefined;
      if (failed) {
        failed.status = 'ROLLBACK_SUCCESSFUL';
        failed.finishedAt = now;
        failed.updatedAt = now;
      }
    }
    if (!svc._steady) {
      svc._steady = true;
      this.addEvent(svc, 'has reached a steady state.');
    }
  }

  /** Validates and places a RunTask / StartTask request, returning tasks and failures. */
  runTasks(p: Omit<LaunchParams, 'instance'> & { count: number; instances?: Obj[] }): { tasks: Obj[]; failures: Obj[] } {
    const tasks: Obj[] = [];
    const failures: Obj[] = [];
    for (let i = 0; i < p.count; i++) {
      if (isFargate(p.launchType)) {
        tasks.push(this.launch(p));
        continue;
      }
      if (p.instances) {
        const inst = p.instances[i % p.instances.length];
        tasks.push(this.launch({ ...p, instance: inst }));
        continue;
      }
      const placed = this.place(p.cluster, p.taskDef);
      if (!placed.instance) {
        if (placed.reason?.startsWith('No Container Instances')) {
          throw new AwsError('InvalidParameterException', placed.reason);
        }
        failures.push({ arn: this.anyInstanceArn(p.cluster), reason: placed.reason });
        continue;
      }
      tasks.push(this.launch({ ...p, instance: placed.instance }));
    }
    return { tasks, failures };
  }

  private anyInstanceArn(cluster: Obj): string | undefined {
    return [...this.ecs.instancesOf(cluster.clusterName).values()][0]?.containerInstanceArn;
  }
}

/** The launch type the service scheduler uses (resolved from capacity providers at creation). */
export function schedulerLaunchType(svc: Obj): string {
  return svc.launchType ?? svc._launchType;
}

export function failureThreshold(desired: number): number {
  return Math.max(3, Math.min(200, Math.ceil(desired * 0.5)));
}

/** Cluster name inside an ECS ARN (`.../cluster/NAME`, `.../task/NAME/ID`, ...). */
export function lastClusterName(resourceArn: string): string {
  const resource = resourceArn.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return parts[0] === 'cluster' ? parts[parts.length - 1] : parts[1];
}
