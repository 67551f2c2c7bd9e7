/**
 * The ECS service scheduler: keeps a service at its desired count and rolls deployments within
 * minimumHealthyPercent / maximumPercent
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html), writing the
 * service events ECS writes.
 */
import { flat } from '../../../kit/flat';
import { lastPart } from '../../../kit/arn';
import { parseConstraints, parseStrategies } from '../placement-config';
import { lastClusterName, taskId, type ClusterRecord, type ServiceRecord, type TaskDefinitionRecord, type TaskRecord } from '../state';
import { nextCapacityProvider } from './capacitySplit';
import { serviceHistory } from './history';
import type { EcsSim } from './index';
import { SERVICE_DEFAULT_STRATEGY, type Placed } from './placement';
import { closestRejection, type PlacementConstraintRule, type StrategyRule } from './placementEngine';
import { taskSetControl } from './taskSets';
import { ACTIVE_STATES, isFargate, scheduled, TIMING } from './timing';

/**
 * The service event of a task no container instance can take, as ECS words it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html and the
 * events ECS writes: "... The closest matching (container-instance id) has insufficient memory
 * available. ...", "is already using a port required by your task", "doesn't have the agent
 * connected", "is missing an attribute required by your task", "encountered error "MemberOf
 * placement constraint unsatisfied."").
 */
export function unplaceableEvent(placed: Placed): string {
  const head = 'was unable to place a task because no container instance met all of its requirements.';
  const tail = 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
  const closest = closestRejection(placed.rejected);
  if (!closest) return `${head} Reason: No Container Instances were found in your cluster. ${tail}`;
  const what: Record<string, string> = {
    'RESOURCE:CPU': 'has insufficient CPU units available.',
    'RESOURCE:MEMORY': 'has insufficient memory available.',
    'RESOURCE:PORTS': 'is already using a port required by your task.',
    AGENT: "doesn't have the agent connected.",
    ATTRIBUTE: 'is missing an attribute required by your task.',
  };
  return `${head} The closest matching (container-instance ${lastPart(closest.instance.containerInstanceArn)}) ${what[closest.reason] ?? `encountered error "${closest.reason}".`} ${tail}`;
}

/** A service's strategies (spread over zones, then instances, when it names none) and constraints with its task definition's. */
export function servicePlacement(svc: ServiceRecord, td: TaskDefinitionRecord): { strategies: StrategyRule[]; constraints: PlacementConstraintRule[] } {
  return {
    strategies: svc.placementStrategy?.length ? parseStrategies(svc.placementStrategy) : SERVICE_DEFAULT_STRATEGY,
    constraints: parseConstraints(svc.placementConstraints, td.placementConstraints),
  };
}

export class ServiceScheduler {
  constructor(private readonly sim: EcsSim) {}

  private extras(svc: ServiceRecord) {
    return this.sim.ecs.serviceExtras.of(svc);
  }

  /** The capacity provider of the service's next task: its strategy's (else the cluster default's) base, then weights. */
  nextProvider(svc: ServiceRecord, cluster: ClusterRecord): string | undefined {
    const strategy = svc.capacityProviderStrategy?.length ? svc.capacityProviderStrategy : svc.launchType ? undefined : cluster.defaultCapacityProviderStrategy;
    if (!strategy?.length) return undefined;
    const running = new Map<string, number>();
    for (const t of this.serviceTasks(svc)) {
      if (t.desiredStatus === 'RUNNING' && t.capacityProviderName) running.set(t.capacityProviderName, (running.get(t.capacityProviderName) ?? 0) + 1);
    }
    return nextCapacityProvider(strategy, running);
  }

  private deploymentOf(task: TaskRecord): string | undefined {
    return this.sim.ecs.taskExtras.get(task)?.deploymentId;
  }

  serviceChanged(task: TaskRecord): void {
    const svc = this.sim.ecs.serviceOfTask(task);
    if (svc) {
      this.scheduleReconcile(svc);
    }
  }

  scheduleReconcile(svc: ServiceRecord, delay = TIMING.reconcile): void {
    const x = this.extras(svc);
    if (x.reconcileScheduled || !scheduled(svc)) {
      return;
    }
    x.reconcileScheduled = true;
    this.sim.after(delay, () => {
      x.reconcileScheduled = false;
      this.reconcile(svc);
    });
  }

  /**
   * Counts towards minimumHealthyPercent and a completed deployment: RUNNING, and behind a load
   * balancer its targets healthy, else RUNNING for a while (loadBalancing.ts).
   */
  healthy(t: TaskRecord): boolean {
    if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING' || t.startedAt === undefined) {
      return false;
    }
    const lb = this.sim.loadBalancing;
    return lb.behindLoadBalancer(t) ? lb.targetsHealthy(t) : this.sim.now().getTime() - t.startedAt.getTime() >= TIMING.healthyAfter / this.sim.region.core.sched.timeScale;
  }

  addEvent(svc: ServiceRecord, message: string): void {
    svc.events.unshift({ id: this.sim.rnd.uuid(), createdAt: this.sim.now(), message: `(service ${svc.serviceName}) ${message}` });
    if (svc.events.length > 100) {
      svc.events.length = 100;
    }
  }

  serviceTasks(svc: ServiceRecord): TaskRecord[] {
    return [...this.extras(svc).tasks];
  }

  /** Recomputes running/pending counts of a service and its deployments. */
  refreshCounts(svc: ServiceRecord): void {
    const tasks = this.serviceTasks(svc).filter((t) => t.desiredStatus === 'RUNNING');
    const count = (list: TaskRecord[], running: boolean): number => list.filter((t) => (t.lastStatus === 'RUNNING') === running && ACTIVE_STATES.has(t.lastStatus)).length;
    serviceHistory(this.sim.region).noteDesired(svc, this.sim.now().getTime());
    svc.runningCount = count(tasks, true);
    svc.pendingCount = count(tasks, false);
    for (const d of svc.deployments) {
      const mine = tasks.filter((t) => this.deploymentOf(t) === d.id);
      d.runningCount = count(mine, true);
      d.pendingCount = count(mine, false);
    }
  }

  /** One pass of the service scheduler. */
  reconcile(svc: ServiceRecord): void {
    if (svc.status === 'INACTIVE') {
      return;
    }
    const { ecs: state, tasks: lifecycle } = this.sim;
    const cluster = state.clusters.get(lastClusterName(svc.clusterArn));
    const all = this.serviceTasks(svc);
    const active = all.filter((t) => t.desiredStatus === 'RUNNING');
    const stopByScheduler = (t: TaskRecord, reason: string): void => lifecycle.stop(t, { stopCode: 'ServiceSchedulerInitiated', reason });
    if (svc.status === 'DRAINING' || !cluster) {
      active.forEach((t) => stopByScheduler(t, `Scaling activity initiated by (deployment ${this.deploymentOf(t)})`));
      if (all.every((t) => t.lastStatus === 'STOPPED') && active.length === 0) {
        Object.assign(svc, { status: 'INACTIVE', deployments: [], runningCount: 0, pendingCount: 0 });
      } else {
        this.scheduleReconcile(svc, 5_000);
      }
      return;
    }
    const primary = svc.deployments[0];
    this.sim.deployments.begin(svc, primary.id);
    const desired = svc.desiredCount;
    const dc = svc.deploymentConfiguration;
    const maxTotal = Math.floor((desired * (dc.maximumPercent ?? 200)) / 100);
    const minHealthy = Math.ceil((desired * (dc.minimumHealthyPercent ?? 100)) / 100);
    const isHealthy = (t: TaskRecord): boolean => this.healthy(t);
    const stopped: TaskRecord[] = [];
    const doStop = (t: TaskRecord): void => {
      stopByScheduler(t, `Scaling activity initiated by (deployment ${primary.id})`);
      stopped.push(t);
    };
    let prim = active.filter((t) => this.deploymentOf(t) === primary.id);
    // Scale in: too many primary tasks (pending ones first).
    if (prim.length > desired) {
      const extra = [...prim].sort((a, b) => Number(isHealthy(a)) - Number(isHealthy(b))).slice(0, prim.length - desired);
      extra.forEach(doStop);
      prim = prim.filter((t) => !extra.includes(t));
    }
    // Old deployments: pending tasks go at once, running ones within minimumHealthyPercent.
    // A task set its controller holds (CodeDeploy's original one until it deletes it) is left as it is.
    const held = taskSetControl(this.sim.region).get(svc)?.held;
    const old = active.filter((t) => this.deploymentOf(t) !== primary.id && !held?.has(this.deploymentOf(t) ?? ''));
    old.filter((t) => !isHealthy(t)).forEach(doStop);
    // Blue/green (BLUE_GREEN, LINEAR, CANARY): blue keeps all its tasks until CLEAN_UP, which stops
    // them at once; green scales up to 100 % beside it from SCALE_UP on (sim/trafficShift.ts).
    const shifts = this.sim.shifts;
    const keepBlue = shifts.keepsBlue(svc);
    const shifting = !!shifts.activeEntry(svc);
    let healthy = active.filter((t) => isHealthy(t) && !stopped.includes(t)).length;
    for (const t of keepBlue ? [] : old.filter(isHealthy)) {
      if (!shifting && healthy - 1 < minHealthy) {
        break;
      }
      doStop(t);
      healthy -= 1;
    }
    // Start primary tasks within maximumPercent.
    const activeNow = active.length - stopped.length;
    const need = shifts.mayScaleUp(svc) ? desired - prim.length : 0;
    const room = shifting ? need : Math.max(maxTotal, desired > 0 && activeNow === 0 ? 1 : 0) - activeNow;
    const started: TaskRecord[] = [];
    const launchType = this.extras(svc).launchType;
    const td = need > 0 && room > 0 && primary.rolloutState !== 'FAILED' ? state.findTaskDef(primary.taskDefinition) : undefined;
    const group = flat(`service:${svc.serviceName}`);
    const placing = td && !isFargate(launchType) ? servicePlacement(svc, td) : undefined;
    for (let i = 0; td && i < Math.min(need, room); i++) {
      const placed = placing ? this.sim.placement.place({ cluster, taskDef: td, group, ...placing }) : undefined;
      if (placed && !placed.instance) {
        this.addEvent(svc, unplaceableEvent(placed));
        this.scheduleReconcile(svc, 60_000);
        break;
      }
      started.push(lifecycle.launch({
        cluster,
        taskDef: td,
        launchType,
        capacityProviderName: this.nextProvider(svc, cluster),
        startedBy: primary.id,
        group,
        networkConfiguration: svc.networkConfiguration,
        service: svc,
        deploymentId: primary.id,
        instance: placed?.instance,
        enableExecuteCommand: svc.enableExecuteCommand,
        platformVersion: primary.platformVersion ?? svc.platformVersion,
      }));
    }
    if (started.length) {
      this.extras(svc).steady = false;
      this.addEvent(svc, `has started ${started.length} tasks: ${started.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
    }
    if (stopped.length) {
      this.extras(svc).steady = false;
      this.addEvent(svc, `has stopped ${stopped.length} running tasks: ${stopped.map((t) => `(task ${taskId(t)})`).join(' ')}.`);
    }
    this.settle(svc);
  }

  /** Drops drained deployments, completes the primary one and reports a steady state. */
  private settle(svc: ServiceRecord): void {
    this.refreshCounts(svc);
    const x = this.extras(svc);
    const primary = svc.deployments[0];
    primary.desiredCount = svc.desiredCount;
    const tasks = this.serviceTasks(svc).filter((t) => t.lastStatus !== 'STOPPED');
    const of = (d: string): TaskRecord[] => tasks.filter((t) => this.deploymentOf(t) === d);
    for (const d of svc.deployments.slice(1)) {
      d.desiredCount = of(d.id).filter((t) => t.desiredStatus === 'RUNNING').length;
    }
    svc.deployments = svc.deployments.filter((d, i) => i === 0 || of(d.id).length > 0);
    const sd = this.sim.deployments.serviceDeployment(svc, primary.id);
    if (sd) {
      Object.assign(sd.targetServiceRevision, { runningTaskCount: primary.runningCount, pendingTaskCount: primary.pendingCount, requestedTaskCount: svc.desiredCount });
    }
    const healthyPrimary = of(primary.id).filter((t) => this.healthy(t)).length;
    if (healthyPrimary === svc.desiredCount && primary.pendingCount === 0) {
      this.sim.shifts.greenHealthy(svc);
    }
    const steady = svc.deployments.length === 1 && healthyPrimary === svc.desiredCount && primary.runningCount === svc.desiredCount && primary.pendingCount === 0
      && tasks.every((t) => t.desiredStatus === 'RUNNING' || this.deploymentOf(t) === primary.id);
    if (!steady) {
      return;
    }
    if (this.sim.shifts.steady(svc) === 'none' && primary.rolloutState === 'IN_PROGRESS') {
      this.sim.deployments.complete(svc, primary);
    }
    if (!x.steady) {
      x.steady = true;
      this.addEvent(svc, 'has reached a steady state.');
    }
  }
}
