/**
 * ECS and Elastic Load Balancing. A task of a service with `loadBalancers` is registered in each of
 * its target groups during ACTIVATING; it counts towards minimumHealthyPercent and a completed
 * deployment only once every group reports its target healthy ("the service scheduler will wait for
 * the load balancer target group health check to return a healthy status",
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html). When
 * ECS stops it, it deregisters it first and keeps it in DEACTIVATING until the load balancer reports
 * the target unused, i.e. for the group's deregistration delay
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html).
 * The old deployment of a rollout therefore stays ACTIVE while its tasks drain.
 */
import { elbState, healthyAfterMs, unhealthyAfterMs, type TargetGroupRecord } from '../../elbv2/state';
import { emulatedMsSince, serviceTargetGroups, taskTarget } from '../../elbv2/targets';
import { lastPart } from '../../../kit/arn';
import { lastClusterName, taskId, type TaskRecord } from '../state';
import type { EcsSim } from './index';

export class LoadBalancing {
  constructor(private readonly sim: EcsSim) {}

  private groups(task: TaskRecord) {
    return serviceTargetGroups(this.sim.region, this.sim.ecs.serviceOfTask(task), this.sim.ecs.taskExtras.get(task)?.deploymentId);
  }

  /** Whether the task belongs to a service whose target groups exist. */
  behindLoadBalancer(task: TaskRecord): boolean {
    return this.groups(task).length > 0;
  }

  /** Every target group of the task reports its target healthy. */
  targetsHealthy(task: TaskRecord): boolean {
    return this.groups(task).every(({ tg, lb }) => taskTarget(this.sim.region, tg, lb, task)?.TargetHealth?.State === 'healthy');
  }

  /**
   * Registers the task's targets: now (during ACTIVATING, with the service event ECS writes), or for
   * seeds at `seededAt`, in the past, silently. ECS then watches them until they are healthy.
   */
  register(task: TaskRecord, seededAt?: Date): void {
    const x = this.sim.ecs.taskExtras.get(task);
    const groups = this.groups(task);
    if (!x || x.registeredAt || groups.length === 0) {
      return;
    }
    x.registeredAt = seededAt ?? this.sim.now();
    const svc = this.sim.ecs.serviceOfTask(task);
    if (!seededAt && svc) {
      groups.forEach(({ tg }) => this.sim.scheduler.addEvent(svc, `registered 1 targets in (target-group ${tg.TargetGroupArn})`));
    }
    if (!this.targetsHealthy(task)) {
      this.watch(task);
    }
  }

  /**
   * ECS looks at the targets at each health check (or when they are due to pass or fail) and tells
   * the scheduler once they are healthy; a group's changed settings count from the next look. A
   * target found unhealthy once the service's healthCheckGracePeriodSeconds after the task started
   * are over gets the task stopped ("ignores unhealthy Elastic Load Balancing ... health checks after
   * a task has first started", https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
   */
  private watch(task: TaskRecord): void {
    const x = this.sim.ecs.taskExtras.get(task);
    if (!x?.registeredAt || x.deregisteredAt || task.desiredStatus !== 'RUNNING') {
      return;
    }
    const region = this.sim.region;
    const groups = this.groups(task).map((g) => ({ ...g, health: taskTarget(region, g.tg, g.lb, task)?.TargetHealth }));
    if (groups.every((g) => g.health?.State === 'healthy')) {
      return this.sim.scheduler.serviceChanged(task);
    }
    const failing = groups.find((g) => g.health?.State === 'unhealthy');
    if (failing) {
      const graceLeft = (this.sim.ecs.serviceOfTask(task)?.healthCheckGracePeriodSeconds ?? 0) * 1000 - emulatedMsSince(region, task.startedAt ?? x.registeredAt);
      return graceLeft > 0 ? this.sim.after(graceLeft, () => this.watch(task)) : this.failedHealthChecks(task, failing.tg, failing.lb.containerPort, failing.health?.Description);
    }
    const since = emulatedMsSince(region, x.registeredAt);
    const wait = Math.max(...groups.map(({ tg }) => {
      const interval = (tg.HealthCheckIntervalSeconds ?? 30) * 1000;
      const left = Math.min(healthyAfterMs(tg), unhealthyAfterMs(tg)) - since;
      return left > 0 ? Math.min(left, interval) : interval;
    }));
    this.sim.after(wait, () => this.watch(task));
  }

  /**
   * The service events and stop reason ECS gives a task whose target failed its health checks: on
   * Fargate "(service s) (task t) (port p) is unhealthy in (target-group g) due to (reason r)", on EC2
   * with "(instance i)" after the task
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-unhealthy-event-messages.html),
   * then the task stopped, "Task failed ELB health checks in (target-group g)".
   */
  private failedHealthChecks(task: TaskRecord, tg: TargetGroupRecord, port: number | undefined, why: string | undefined): void {
    const svc = this.sim.ecs.serviceOfTask(task);
    if (svc) {
      const inst = task.containerInstanceArn ? this.sim.ecs.instancesOf(lastClusterName(task.clusterArn)).get(lastPart(task.containerInstanceArn)) : undefined;
      const instance = inst ? ` (instance ${inst.ec2InstanceId})` : '';
      this.sim.scheduler.addEvent(svc, `(task ${taskId(task)})${instance} (port ${port}) is unhealthy in (target-group ${tg.TargetGroupArn}) due to (reason ${why}).`);
    }
    this.sim.tasks.stop(task, { stopCode: 'ServiceSchedulerInitiated', reason: `Task failed ELB health checks in (target-group ${tg.TargetGroupArn})`, failure: true });
    if (svc) {
      this.sim.scheduler.addEvent(svc, `has stopped 1 running tasks: (task ${taskId(task)}).`);
    }
  }

  /**
   * Deregisters the task's targets as ECS stops it. Returns how long its targets drain (emulated
   * ms: the longest deregistration delay of its groups), or undefined when it was never registered.
   */
  deregister(task: TaskRecord): number | undefined {
    const x = this.sim.ecs.taskExtras.get(task);
    const groups = this.groups(task);
    if (!x?.registeredAt || x.deregisteredAt || groups.length === 0) {
      return undefined;
    }
    x.deregisteredAt = this.sim.now();
    const svc = this.sim.ecs.serviceOfTask(task);
    if (svc) {
      this.sim.scheduler.addEvent(svc, 'has begun draining connections on 1 tasks.');
      groups.forEach(({ tg }) => this.sim.scheduler.addEvent(svc, `deregistered 1 targets in (target-group ${tg.TargetGroupArn})`));
    }
    const state = elbState(this.sim.region);
    return Math.max(...groups.map(({ tg }) => state.deregistrationDelayMs(tg)));
  }
}
