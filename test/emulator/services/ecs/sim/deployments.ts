/**
 * Service deployments: PRIMARY / ACTIVE deployments with their rollout state, the service-deployment
 * records of ListServiceDeployments, and the deployment circuit breaker with rollback
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).
 */
import type * as ecs from '../../../generated/ecs';
import { lastClusterName, type DeploymentRecord, type ServiceDeploymentEntry, type ServiceDeploymentRecord, type ServiceRecord, type TaskRecord } from '../state';
import type { EcsSim } from './index';
import { failureThreshold } from './timing';

const BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';

export class Deployments {
  constructor(private readonly sim: EcsSim) {}

  private extras(svc: ServiceRecord) {
    return this.sim.ecs.serviceExtras.of(svc);
  }

  /** Starts a deployment of `taskDefinitionArn`: the new PRIMARY, the others ACTIVE. */
  start(svc: ServiceRecord, taskDefinitionArn: string, reason?: string): DeploymentRecord {
    const { ecs: state, rnd } = this.sim;
    const now = this.sim.now();
    const x = this.extras(svc);
    const id = `ecs-svc/${rnd.digits(19)}`;
    for (const d of svc.deployments) {
      d.status = 'ACTIVE';
      d.updatedAt = now;
    }
    const dep: DeploymentRecord = {
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
      launchType: svc.launchType,
      platformVersion: svc.platformVersion,
      platformFamily: svc.platformFamily,
      networkConfiguration: svc.networkConfiguration,
      capacityProviderStrategy: svc.capacityProviderStrategy,
    };
    svc.deployments.unshift(dep);
    x.steady = false;
    const cluster = lastClusterName(svc.clusterArn);
    const source = x.lastCompleted?.revisionArn ?? x.serviceDeployments[0]?.record.targetServiceRevision.arn;
    const blueId = x.lastCompleted && svc.deployments.some((d) => d.id === x.lastCompleted!.id) ? x.lastCompleted.id : undefined;
    const record: ServiceDeploymentRecord = {
      serviceDeploymentArn: state.arn(`service-deployment/${cluster}/${svc.serviceName}/${id.slice('ecs-svc/'.length)}`),
      serviceArn: svc.serviceArn,
      clusterArn: svc.clusterArn,
      createdAt: now,
      updatedAt: now,
      // "Service deployments start in the PENDING state" and are IN_PROGRESS once the scheduler
      // acts on them (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-deployment.html).
      status: 'PENDING',
      targetServiceRevision: { arn: state.arn(`service-revision/${cluster}/${svc.serviceName}/${rnd.digits(19)}`), requestedTaskCount: svc.desiredCount, runningTaskCount: 0, pendingTaskCount: 0 },
      sourceServiceRevisions: source ? [{ arn: source, requestedTaskCount: 0, runningTaskCount: 0, pendingTaskCount: 0 }] : [],
      deploymentConfiguration: structuredClone(svc.deploymentConfiguration),
      deploymentCircuitBreaker: { status: svc.deploymentConfiguration.deploymentCircuitBreaker?.enable ? 'MONITORING' : 'DISABLED', failureCount: 0, threshold: failureThreshold(svc.desiredCount) },
    };
    for (const { record: prev } of x.serviceDeployments) {
      if (prev.status === 'IN_PROGRESS' || prev.status === 'PENDING') {
        Object.assign(prev, { status: 'STOPPED', statusReason: 'Superseded by a newer deployment.', stoppedAt: now, updatedAt: now });
      }
    }
    const entry: ServiceDeploymentEntry = { deploymentId: id, record };
    x.serviceDeployments.unshift(entry);
    this.sim.shifts.prepare(svc, entry, blueId);
    this.revision(svc, record.targetServiceRevision.arn, taskDefinitionArn, x.deploymentTargetGroups.get(id) ?? []);
    this.sim.scheduler.scheduleReconcile(svc);
    return dep;
  }

  /**
   * The service revision a deployment deploys: the service's settings that "trigger a new
   * deployment", the images it resolved, and the target groups it uses
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-revision.html).
   */
  private revision(svc: ServiceRecord, arn: string, taskDefinitionArn: string, targetGroups: string[]): void {
    const td = this.sim.ecs.findTaskDef(taskDefinitionArn);
    const rev: ecs.ServiceRevision = {
      serviceRevisionArn: arn, serviceArn: svc.serviceArn, clusterArn: svc.clusterArn, taskDefinition: taskDefinitionArn,
      capacityProviderStrategy: svc.capacityProviderStrategy, launchType: svc.launchType, platformVersion: svc.platformVersion, platformFamily: svc.platformFamily,
      loadBalancers: structuredClone(svc.loadBalancers ?? []), serviceRegistries: svc.serviceRegistries ?? [], networkConfiguration: svc.networkConfiguration,
      containerImages: (td?.containerDefinitions ?? []).map((c) => ({ containerName: c.name, image: c.image, imageDigest: `sha256:${this.sim.rnd.hex(64)}` })),
      guardDutyEnabled: false, createdAt: this.sim.now(),
    };
    if ((svc.loadBalancers ?? []).some((lb) => lb.advancedConfiguration)) {
      rev.resolvedConfiguration = { loadBalancers: (svc.loadBalancers ?? []).map((lb, i) => ({ targetGroupArn: targetGroups[i] ?? lb.targetGroupArn, productionListenerRule: lb.advancedConfiguration?.productionListenerRule })) };
    }
    this.sim.ecs.serviceRevisions.set(arn, rev);
  }

  entry(svc: ServiceRecord, deploymentId: string): ServiceDeploymentEntry | undefined {
    return this.extras(svc).serviceDeployments.find((s) => s.deploymentId === deploymentId);
  }

  serviceDeployment(svc: ServiceRecord, deploymentId: string): ServiceDeploymentRecord | undefined {
    return this.extras(svc).serviceDeployments.find((s) => s.deploymentId === deploymentId)?.record;
  }

  /** The scheduler's first pass over a deployment starts it. */
  begin(svc: ServiceRecord, deploymentId: string): void {
    const sd = this.serviceDeployment(svc, deploymentId);
    if (sd?.status === 'PENDING') {
      const now = this.sim.now();
      Object.assign(sd, { status: 'IN_PROGRESS', startedAt: now, updatedAt: now });
      this.sim.shifts.begin(svc, this.entry(svc, deploymentId)!);
    }
  }

  /** The primary deployment reached its desired count of healthy tasks. */
  complete(svc: ServiceRecord, primary: DeploymentRecord): void {
    const now = this.sim.now();
    const x = this.extras(svc);
    Object.assign(primary, { rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${primary.id} completed.`, updatedAt: now });
    this.sim.scheduler.addEvent(svc, `(deployment ${primary.id}) deployment completed.`);
    const sd = this.serviceDeployment(svc, primary.id);
    x.lastCompleted = { id: primary.id, taskDefinition: primary.taskDefinition, revisionArn: sd?.targetServiceRevision.arn };
    x.consecutiveFailures = 0;
    if (sd) {
      Object.assign(sd, { status: 'SUCCESSFUL', finishedAt: now, updatedAt: now });
    }
    const failedId = x.rollbackOf.get(primary.id);
    const failed = failedId ? this.serviceDeployment(svc, failedId) : undefined;
    if (failed) {
      Object.assign(failed, { status: 'ROLLBACK_SUCCESSFUL', finishedAt: now, updatedAt: now });
    }
  }

  /**
   * StopServiceDeployment on a rolling deployment: ROLLBACK starts a deployment of the last completed
   * revision (the failed one ROLLBACK_REQUESTED, then ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL when it
   * completes); ABORT stops it where it is (STOP_REQUESTED, then STOPPED), its tasks left running.
   */
  stopRolling(svc: ServiceRecord, entry: ServiceDeploymentEntry, stopType: 'ROLLBACK' | 'ABORT'): void {
    const x = this.extras(svc);
    const sd = entry.record;
    const dep = svc.deployments.find((d) => d.id === entry.deploymentId);
    const now = this.sim.now();
    if (stopType === 'ABORT') {
      Object.assign(sd, { status: 'STOP_REQUESTED', statusReason: 'Service deployment stopped by request (ABORT).', updatedAt: now });
      if (dep) {
        Object.assign(dep, { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment stopped by request.', updatedAt: now });
      }
      this.sim.after(1_000, () => Object.assign(sd, { status: 'STOPPED', stoppedAt: this.sim.now(), updatedAt: this.sim.now() }));
      return;
    }
    const previous = x.lastCompleted!;
    const reason = 'Service deployment rolled back by request (StopServiceDeployment ROLLBACK).';
    svc.taskDefinition = previous.taskDefinition;
    if (dep) {
      Object.assign(dep, { rolloutState: 'FAILED', rolloutStateReason: reason, updatedAt: now });
    }
    this.sim.scheduler.addEvent(svc, `rolling back to deployment ${previous.id}.`);
    const rolledBack = this.start(svc, previous.taskDefinition, `ECS deployment rolling back to deploymentId ${previous.id}.`);
    x.rollbackOf.set(rolledBack.id, entry.deploymentId);
    delete sd.statusReason;
    delete sd.stoppedAt;
    Object.assign(sd, { status: 'ROLLBACK_REQUESTED', updatedAt: now, rollback: { reason, startedAt: now, serviceRevisionArn: previous.revisionArn } });
    this.sim.after(1_000, () => {
      if (sd.status === 'ROLLBACK_REQUESTED') {
        Object.assign(sd, { status: 'ROLLBACK_IN_PROGRESS', updatedAt: this.sim.now() });
      }
    });
  }

  /** A service task failed: counts towards the circuit breaker; ECS backs off relaunching. */
  onServiceTaskFailed(task: TaskRecord): void {
    const svc = this.sim.ecs.serviceOfTask(task);
    if (!svc) {
      return;
    }
    const x = this.extras(svc);
    x.consecutiveFailures += 1;
    const primary = svc.deployments[0];
    if (primary && this.sim.ecs.taskExtras.get(task)?.deploymentId === primary.id && primary.rolloutState === 'IN_PROGRESS') {
      primary.failedTasks += 1;
      primary.updatedAt = this.sim.now();
      const sd = this.serviceDeployment(svc, primary.id);
      if (sd) {
        sd.deploymentCircuitBreaker.failureCount = primary.failedTasks;
      }
      const breaker = svc.deploymentConfiguration.deploymentCircuitBreaker;
      if (breaker?.enable && primary.failedTasks >= failureThreshold(svc.desiredCount)) {
        return this.fail(svc, primary, breaker.rollback === true);
      }
    }
    if (x.consecutiveFailures === 3) {
      this.sim.scheduler.addEvent(svc, 'is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.');
    }
    this.sim.scheduler.scheduleReconcile(svc, Math.min(5 * 60_000, 5_000 * 2 ** Math.min(6, x.consecutiveFailures - 1)));
  }

  private fail(svc: ServiceRecord, dep: DeploymentRecord, rollback: boolean): void {
    const now = this.sim.now();
    const x = this.extras(svc);
    const shifting = this.sim.shifts.activeEntry(svc);
    if (shifting?.deploymentId === dep.id && !shifting.run.rollingBack) {
      this.sim.scheduler.addEvent(svc, `(deployment ${dep.id}) deployment failed: tasks failed to start.`);
      shifting.record.deploymentCircuitBreaker.status = 'TRIGGERED';
      if (rollback) {
        return this.sim.shifts.rollback(svc, shifting, BREAKER_REASON);
      }
      Object.assign(dep, { rolloutState: 'FAILED', rolloutStateReason: BREAKER_REASON, updatedAt: now });
      shifting.run.aborted = true;
      Object.assign(shifting.record, { status: 'STOPPED', statusReason: BREAKER_REASON, stoppedAt: now, updatedAt: now });
      return;
    }
    Object.assign(dep, { rolloutState: 'FAILED', rolloutStateReason: BREAKER_REASON, updatedAt: now });
    this.sim.scheduler.addEvent(svc, `(deployment ${dep.id}) deployment failed: tasks failed to start.`);
    const sd = this.serviceDeployment(svc, dep.id);
    if (sd) {
      sd.deploymentCircuitBreaker.status = 'TRIGGERED';
      sd.updatedAt = now;
    }
    const previous = x.lastCompleted;
    if (rollback && previous) {
      svc.taskDefinition = previous.taskDefinition;
      this.sim.scheduler.addEvent(svc, `rolling back to deployment ${previous.id}.`);
      const rolledBack = this.start(svc, previous.taskDefinition, `ECS deployment circuit breaker: rolling back to deploymentId ${previous.id}.`);
      x.rollbackOf.set(rolledBack.id, dep.id);
      // start() marked the failed one STOPPED as superseded: it is a rollback instead.
      if (sd) {
        sd.status = 'ROLLBACK_IN_PROGRESS';
        sd.rollback = { reason: BREAKER_REASON, startedAt: now, serviceRevisionArn: previous.revisionArn };
        delete sd.statusReason;
        delete sd.stoppedAt;
      }
    } else if (sd) {
      Object.assign(sd, { status: 'STOPPED', statusReason: BREAKER_REASON, stoppedAt: now });
    }
    this.sim.scheduler.scheduleReconcile(svc);
  }
}
