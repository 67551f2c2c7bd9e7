/**
 * An ECS blue/green deployment as CodeDeploy runs it
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html): the lifecycle
 * events in order (state.ts ECS_EVENTS), the AppSpec's hook Lambda functions run at theirs (one whose
 * name contains `fail` reports Failed, as the ECS emulator's `fail` images do), Install creates the
 * replacement task set and waits until its tasks are healthy (tasks that keep failing fail the
 * deployment), AllowTraffic moves the production listener's weights from the original to the
 * replacement target group as the deployment configuration says, then the original task set is
 * deleted after the termination wait time
 * (https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_BlueInstanceTerminationOption.html).
 * A failed or stopped deployment with automatic rollback sends traffic back to the original task set
 * in a new deployment created by `codeDeployRollback`
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployments-rollback-and-redeploy.html).
 */
import type * as cd from '../../generated/codedeploy';
import type { Region } from '../../kit/world';
import { ecsSim } from '../ecs/sim/index';
import { controlOf, taskSetControl } from '../ecs/sim/taskSets';
import { ecsState, type ServiceRecord } from '../ecs/state';
import { elbState } from '../elbv2/state';
import { codeDeployState, ECS_CONFIGS, ECS_EVENTS, HOOKABLE, type DeploymentGroupRecord, type DeploymentRecord, type EcsDeploymentState } from './state';

/** CodeDeploy's own delays, in ms of AWS time (the clock's time scale divides them). */
const TIMING = { start: 2_000, event: 1_000, hook: 5_000, installCheck: 5_000, rollback: 5_000 };
/** Failed tasks of the replacement task set after which Install fails. */
const FAILED_TASKS_LIMIT = 3;

export interface AppSpecTarget {
  taskDefinition: string;
  containerName: string;
  containerPort: number;
}

function after(region: Region, ms: number, fn: () => void): void {
  region.core.sched.after(ms, fn);
}

export function serviceOfGroup(region: Region, group: DeploymentGroupRecord): ServiceRecord | undefined {
  const ref = group.ecsServices?.[0];
  const svc = ref?.clusterName && ref.serviceName ? ecsState(region).servicesOf(ref.clusterName).get(ref.serviceName) : undefined;
  return svc && svc.status === 'ACTIVE' ? svc : undefined;
}

/** The listener's forward weights by target group ARN (a plain forward is 100 % to its group). */
function weights(region: Region, listenerArn: string | undefined): Map<string, number> {
  const l = elbState(region).listeners.find((x) => x.ListenerArn === listenerArn);
  const forward = l?.DefaultActions?.find((a) => a.Type === 'forward');
  const out = new Map<string, number>();
  if (forward?.ForwardConfig?.TargetGroups?.length) {
    forward.ForwardConfig.TargetGroups.forEach((t) => t.TargetGroupArn && out.set(t.TargetGroupArn, t.Weight ?? 1));
  } else if (forward?.TargetGroupArn) {
    out.set(forward.TargetGroupArn, 100);
  }
  return out;
}

function route(region: Region, listenerArns: string[] | undefined, original: string, replacement: string, weight: number): void {
  for (const l of elbState(region).listeners.filter((x) => listenerArns?.includes(x.ListenerArn))) {
    l.DefaultActions = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: original, Weight: 100 - weight }, { TargetGroupArn: replacement, Weight: weight }] } }];
  }
}

/** The group's target groups (ARNs) and which of them production traffic goes to now. */
export function targetGroupsOf(region: Region, group: DeploymentGroupRecord): { serving?: string; other?: string; pair?: cd.TargetGroupPairInfo } {
  const pair = group.loadBalancerInfo?.targetGroupPairInfoList?.[0];
  const arns = (pair?.targetGroups ?? []).map((t) => elbState(region).targetGroups.find((g) => g.TargetGroupName === t.name)?.TargetGroupArn);
  const w = weights(region, pair?.prodTrafficRoute?.listenerArns?.[0]);
  const servingIndex = (w.get(arns[1] ?? '') ?? 0) > (w.get(arns[0] ?? '') ?? 0) ? 1 : 0;
  return { serving: arns[servingIndex], other: arns[1 - servingIndex], pair };
}

export class EcsBlueGreen {
  constructor(private readonly region: Region) {}

  private get state() {
    return codeDeployState(this.region);
  }

  private now(): Date {
    return this.region.now();
  }

  private ecsOf(dep: DeploymentRecord): EcsDeploymentState {
    return this.state.ecs.get(dep.deploymentId)!;
  }

  private group(dep: DeploymentRecord): DeploymentGroupRecord {
    return this.state.groupsOf(dep.applicationName).get(dep.deploymentGroupName)!;
  }

  /** Runs a deployment created by CreateDeployment (or a seed) from its first lifecycle event. */
  run(dep: DeploymentRecord, spec: AppSpecTarget): void {
    after(this.region, TIMING.start, () => {
      const x = this.ecsOf(dep);
      const svc = serviceOfGroup(this.region, this.group(dep));
      if (x.done) return;
      if (!svc) return this.fail(dep, 'INVALID_ECS_SERVICE', 'The Amazon ECS service of the deployment group does not exist or is not ACTIVE.');
      Object.assign(dep, { status: 'InProgress', startTime: this.now() });
      x.target.status = 'InProgress';
      this.overview(dep);
      this.event(dep, svc, spec, 0);
    });
  }

  private lifecycle(dep: DeploymentRecord, name: string): cd.LifecycleEvent {
    return this.ecsOf(dep).target.lifecycleEvents.find((e) => e.lifecycleEventName === name)!;
  }

  private event(dep: DeploymentRecord, svc: ServiceRecord, spec: AppSpecTarget, i: number): void {
    const x = this.ecsOf(dep);
    if (x.done) return;
    if (i >= ECS_EVENTS.length) return this.terminationWait(dep, svc);
    const name = ECS_EVENTS[i];
    const ev = this.lifecycle(dep, name);
    Object.assign(ev, { status: 'InProgress', startTime: this.now() });
    x.target.lastUpdatedAt = this.now();
    const next = (): void => {
      if (x.done) return;
      Object.assign(ev, { status: 'Succeeded', endTime: this.now() });
      x.target.lastUpdatedAt = this.now();
      after(this.region, TIMING.event, () => this.event(dep, svc, spec, i + 1));
    };
    if (HOOKABLE.has(name)) {
      const fn = x.hooks[name];
      if (!fn) return next();
      return after(this.region, TIMING.hook, () => {
        if (x.done) return;
        if (/fail/i.test(fn)) {
          return this.fail(dep, 'HOOK_EXECUTION_FAILURE', `The deployment failed because the ${name} lifecycle event hook ${fn} returned Failed.`, name);
        }
        next();
      });
    }
    if (name === 'Install') return this.install(dep, svc, spec, next);
    if (name === 'AllowTestTraffic') {
      const test = x.replacementTargetGroup && targetGroupsOf(this.region, this.group(dep)).pair?.testTrafficRoute?.listenerArns;
      if (test && x.originalTargetGroup) route(this.region, test, x.originalTargetGroup, x.replacementTargetGroup!, 100);
      return next();
    }
    this.allowTraffic(dep, svc, next);
  }

  /** Creates the replacement task set and waits for its tasks to be healthy. */
  private install(dep: DeploymentRecord, svc: ServiceRecord, spec: AppSpecTarget, next: () => void): void {
    const x = this.ecsOf(dep);
    const td = ecsState(this.region).findTaskDef(spec.taskDefinition);
    if (!td || td.status !== 'ACTIVE') return this.fail(dep, 'INVALID_REVISION', `The task definition ${spec.taskDefinition} of the AppSpec does not exist or is not ACTIVE.`, 'Install');
    if (!td.containerDefinitions.some((c) => c.name === spec.containerName && c.portMappings?.some((p) => p.containerPort === spec.containerPort))) {
      return this.fail(dep, 'ECS_UPDATE_ERROR', `The task definition has no container ${spec.containerName} with port ${spec.containerPort} (the AppSpec's LoadBalancerInfo).`, 'Install');
    }
    const sim = ecsSim(this.region);
    const control = controlOf(taskSetControl(this.region), svc);
    const original = svc.deployments[0];
    x.originalTaskSet = original?.id;
    if (original) {
      control.held.add(original.id);
      control.primary = original.id;
    }
    const replacement = sim.deployments.start(svc, td.taskDefinitionArn, `CodeDeploy deployment ${dep.deploymentId} in progress.`);
    x.replacementTaskSet = replacement.id;
    const check = (): void => {
      if (x.done) return;
      sim.scheduler.refreshCounts(svc);
      const healthy = sim.scheduler.serviceTasks(svc).filter((t) => ecsState(this.region).taskExtras.get(t)?.deploymentId === replacement.id && sim.scheduler.healthy(t)).length;
      if (replacement.failedTasks >= FAILED_TASKS_LIMIT) {
        return this.fail(dep, 'ECS_UPDATE_ERROR', `The replacement task set ${replacement.id} did not reach a steady state: ${replacement.failedTasks} of its tasks failed to start or stopped.`, 'Install');
      }
      if (healthy >= svc.desiredCount) return next();
      after(this.region, TIMING.installCheck, check);
    };
    after(this.region, TIMING.installCheck, check);
  }

  /** Moves production traffic to the replacement target group, step by step, then makes it primary. */
  private allowTraffic(dep: DeploymentRecord, svc: ServiceRecord, next: () => void): void {
    const x = this.ecsOf(dep);
    const listeners = targetGroupsOf(this.region, this.group(dep)).pair?.prodTrafficRoute?.listenerArns;
    const config = ECS_CONFIGS[dep.deploymentConfigName ?? ''] ?? ECS_CONFIGS['CodeDeployDefault.ECSAllAtOnce'];
    const step = (): void => {
      if (x.done) return;
      const share = config.type === 'AllAtOnce' ? 100 : config.type === 'Canary' ? (x.replacementWeight === 0 ? config.percent : 100) : Math.min(100, x.replacementWeight + config.percent);
      x.replacementWeight = share;
      if (x.originalTargetGroup && x.replacementTargetGroup) route(this.region, listeners, x.originalTargetGroup, x.replacementTargetGroup, share);
      x.target.lastUpdatedAt = this.now();
      if (share < 100) return after(this.region, config.minutes * 60_000, step);
      const control = controlOf(taskSetControl(this.region), svc);
      control.primary = x.replacementTaskSet;
      const replacement = svc.deployments.find((d) => d.id === x.replacementTaskSet);
      if (replacement) svc.taskDefinition = replacement.taskDefinition;
      next();
    };
    step();
  }

  /** The original task set keeps running for the termination wait time, then is deleted. */
  private terminationWait(dep: DeploymentRecord, svc: ServiceRecord): void {
    const x = this.ecsOf(dep);
    const minutes = dep.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes ?? 0;
    dep.instanceTerminationWaitTimeStarted = true;
    after(this.region, minutes * 60_000, () => {
      if (x.done) return;
      this.release(svc, x, 'original');
      x.done = true;
      Object.assign(dep, { status: 'Succeeded', completeTime: this.now() });
      x.target.status = 'Succeeded';
      x.target.lastUpdatedAt = this.now();
      this.overview(dep);
      const group = this.group(dep);
      group.targetRevision = dep.revision;
      group.lastSuccessfulDeployment = { deploymentId: dep.deploymentId, status: 'Succeeded', endTime: dep.completeTime, createTime: dep.createTime };
      group.lastAttemptedDeployment = group.lastSuccessfulDeployment;
    });
  }

  /** Deletes one of the two task sets: its tasks stop; the other one is the service's only one. */
  private release(svc: ServiceRecord, x: EcsDeploymentState, which: 'original' | 'replacement'): void {
    const control = controlOf(taskSetControl(this.region), svc);
    const keep = which === 'original' ? x.replacementTaskSet : x.originalTaskSet;
    const drop = which === 'original' ? x.originalTaskSet : x.replacementTaskSet;
    if (drop) control.held.delete(drop);
    const kept = svc.deployments.find((d) => d.id === keep);
    const dropped = svc.deployments.find((d) => d.id === drop);
    if (kept) {
      // The scheduler scales the first deployment up and the others down.
      svc.deployments = [kept, ...svc.deployments.filter((d) => d !== kept)];
      kept.status = 'PRIMARY';
      svc.taskDefinition = kept.taskDefinition;
    }
    if (dropped) Object.assign(dropped, { status: 'ACTIVE', rolloutState: which === 'replacement' ? 'FAILED' : dropped.rolloutState, updatedAt: this.now() });
    control.primary = keep;
    ecsSim(this.region).scheduler.scheduleReconcile(svc);
  }

  /** Ends the deployment Failed (or Stopped), rolling back when its configuration says so. */
  fail(dep: DeploymentRecord, code: cd.ErrorCode, message: string, eventName?: string, stopped = false, rollback?: boolean): void {
    const x = this.ecsOf(dep);
    if (x.done) return;
    x.done = true;
    const now = this.now();
    Object.assign(dep, { status: stopped ? 'Stopped' : 'Failed', errorInformation: { code, message }, completeTime: now });
    const ev = eventName ? this.lifecycle(dep, eventName) : x.target.lifecycleEvents.find((e) => e.status === 'InProgress');
    if (ev) Object.assign(ev, { status: 'Failed', endTime: now, diagnostics: { errorCode: 'ScriptFailed', message } });
    x.target.lifecycleEvents.filter((e) => e.status === 'Pending').forEach((e) => (e.status = 'Skipped'));
    Object.assign(x.target, { status: 'Failed', lastUpdatedAt: now });
    this.overview(dep);
    const group = this.group(dep);
    group.lastAttemptedDeployment = { deploymentId: dep.deploymentId, status: dep.status, endTime: now, createTime: dep.createTime };
    const auto = dep.autoRollbackConfiguration;
    const rolls = rollback ?? (auto?.enabled === true && (auto.events ?? []).includes(stopped ? 'DEPLOYMENT_STOP_ON_REQUEST' : 'DEPLOYMENT_FAILURE'));
    const svc = serviceOfGroup(this.region, group);
    if (!svc || !x.replacementTaskSet) return;
    if (!rolls) {
      // Without a rollback the original task set stays primary where traffic had not moved yet.
      if (x.replacementWeight === 0) this.release(svc, x, 'replacement');
      return;
    }
    this.rollBack(dep, svc, x);
  }

  private rollBack(failed: DeploymentRecord, svc: ServiceRecord, x: EcsDeploymentState): void {
    const id = newDeploymentId(this.region);
    const now = this.now();
    const rb: DeploymentRecord = {
      ...failed, deploymentId: id, status: 'InProgress', createTime: now, startTime: now, completeTime: undefined, creator: 'codeDeployRollback',
      revision: failed.previousRevision, previousRevision: failed.revision, errorInformation: undefined, description: undefined,
      rollbackInfo: { rollbackTriggeringDeploymentId: failed.deploymentId }, instanceTerminationWaitTimeStarted: false,
    };
    failed.rollbackInfo = { rollbackDeploymentId: id, rollbackMessage: `Deployment ${failed.deploymentId} was rolled back by deployment ${id}.` };
    this.state.deployments.unshift(rb);
    const events = ECS_EVENTS.map((n) => ({ lifecycleEventName: n, status: 'Pending' as const }));
    const rx: EcsDeploymentState = {
      ...x, done: false, hooks: {},
      target: { ...x.target, deploymentId: id, status: 'InProgress', lastUpdatedAt: now, lifecycleEvents: events },
      // The rollback's replacement is the failed deployment's original, and the other way round.
      originalTaskSet: x.replacementTaskSet, replacementTaskSet: x.originalTaskSet,
      originalTargetGroup: x.replacementTargetGroup, replacementTargetGroup: x.originalTargetGroup, replacementWeight: 100 - x.replacementWeight,
    };
    this.state.ecs.set(id, rx);
    this.overview(rb);
    const listeners = targetGroupsOf(this.region, this.group(failed)).pair?.prodTrafficRoute?.listenerArns;
    if (x.originalTargetGroup && x.replacementTargetGroup) route(this.region, listeners, x.originalTargetGroup, x.replacementTargetGroup, 0);
    rx.replacementWeight = 100;
    this.release(svc, x, 'replacement');
    after(this.region, TIMING.rollback, () => {
      rx.done = true;
      rx.target.lifecycleEvents.forEach((e) => Object.assign(e, { status: 'Succeeded', startTime: now, endTime: this.now() }));
      Object.assign(rb, { status: 'Succeeded', completeTime: this.now() });
      Object.assign(rx.target, { status: 'Succeeded', lastUpdatedAt: this.now() });
      this.overview(rb);
    });
  }

  private overview(dep: DeploymentRecord): void {
    const status = this.ecsOf(dep).target.status;
    dep.deploymentOverview = {
      Pending: status === 'Pending' ? 1 : 0, InProgress: status === 'InProgress' ? 1 : 0, Succeeded: status === 'Succeeded' ? 1 : 0,
      Failed: status === 'Failed' ? 1 : 0, Skipped: status === 'Skipped' ? 1 : 0, Ready: status === 'Ready' ? 1 : 0,
    };
  }

  /** ECSTarget.taskSetsInfo now: the original (Blue) and replacement (Green) task sets with their traffic. */
  taskSetsInfo(dep: DeploymentRecord): cd.ECSTaskSet[] {
    const x = this.ecsOf(dep);
    const svc = serviceOfGroup(this.region, this.group(dep));
    if (svc) ecsSim(this.region).scheduler.refreshCounts(svc);
    const primary = svc ? taskSetControl(this.region).get(svc)?.primary : undefined;
    const names = new Map(elbState(this.region).targetGroups.map((t) => [t.TargetGroupArn, t.TargetGroupName]));
    const sets: [string | undefined, string | undefined, number, cd.TargetLabel][] = [
      [x.originalTaskSet, x.originalTargetGroup, 100 - x.replacementWeight, 'Blue'],
      [x.replacementTaskSet, x.replacementTargetGroup, x.replacementWeight, 'Green'],
    ];
    return sets.flatMap(([id, tg, weight, label]) => {
      if (!id) return [];
      const d = svc?.deployments.find((s) => s.id === id);
      return [{
        identifer: id, desiredCount: d?.desiredCount ?? 0, pendingCount: d?.pendingCount ?? 0, runningCount: d?.runningCount ?? 0,
        status: d ? (id === primary ? 'PRIMARY' : 'ACTIVE') : 'DRAINING', trafficWeight: weight, targetGroup: { name: tg ? names.get(tg) : undefined }, taskSetLabel: label,
      }];
    });
  }
}

/** `d-` and nine letters and digits, as CodeDeploy's deployment ids look. */
export function newDeploymentId(region: Region): string {
  return `d-${region.core.rnd.token(9).toUpperCase()}`;
}
