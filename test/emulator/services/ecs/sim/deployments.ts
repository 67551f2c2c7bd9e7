/**
 * Service deployments: PRIMARY / ACTIVE deployments with their rollout state, the service-deployment
 * records of ListServiceDeployments, and the deployment circuit breaker with rollback
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).
 */
import { lastClusterName, type DeploymentRecord, type ServiceDeploymentRecord, type ServiceRecord, type TaskRecord } from '../state';
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
      sourceServiceRevisions: x.serviceDeployments.slice(0, 1).map((p) => ({ arn: p.record.targetServiceRevision.arn, requestedTaskCount: 0, runningTaskCount: 0, pendingTaskCount: 0 })),
      deploymentConfiguration: svc.deploymentConfiguration,
      deploymentCircuitBreaker: { status: svc.deploymentConfiguration.deploymentCircuitBreaker?.enable ? 'MONITORING' : 'DISABLED', failureCount: 0, threshold: failureThreshold(svc.desiredCount) },
    };
    for (const { record: prev } of x.serviceDeployments) {
      if (prev.status === 'IN_PROGRESS' || prev.status === 'PENDING') {
        Object.assign(prev, { status: 'STOPPED', statusReason: 'Superseded by a newer deployment.', stoppedAt: now, updatedAt: now });
      }
    }
    x.serviceDeployments.unshift({ deploymentId: id, record });
    this.sim.scheduler.scheduleReconcile(svc);
    return dep;
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
