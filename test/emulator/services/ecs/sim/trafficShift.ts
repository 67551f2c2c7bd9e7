/**
 * BLUE_GREEN, LINEAR and CANARY service deployments: the lifecycle stages in AWS's order, the green
 * revision scaled up beside blue, test then production traffic moved between the production and
 * alternate target groups on the listener rules, bake time, CLEAN_UP, and rollback
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-linear.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-canary.html).
 *
 * - Stages: RECONCILE_SERVICE (only with more than one revision ACTIVE), PRE_SCALE_UP, SCALE_UP,
 *   POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, then per traffic step
 *   PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT ("For linear and canary deployments, this
 *   stage is invoked before every traffic shift step", API_DeploymentLifecycleHook.html), between
 *   steps the step bake time, then POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP. ECS's
 *   ServiceDeploymentLifecycleStage enum (model and SDK) has no PRE_PRODUCTION_TRAFFIC_SHIFT, but a
 *   hook can run there; the deployment shows that stage while it does.
 * - Hooks (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-lifecycle-hooks.html):
 *   a Lambda hook answers after TIMING.lambdaHook, SUCCEEDED, or FAILED when the function's name contains
 *   `fail` (the emulator runs no Lambda); a PAUSE hook is AWAITING_ACTION until
 *   ContinueServiceDeployment or its timeout (default 1440 min, then its timeout action, default
 *   ROLLBACK). A failed hook rolls the deployment back.
 * - Rollback: production (and test) traffic returns to blue, green's tasks stop, the service returns to
 *   blue's task definition; ROLLBACK_SUCCESSFUL once only blue runs. Without blue (a first deployment)
 *   there is nothing to return to: the deployment stops.
 */
import type * as ecs from '../../../generated/ecs';
import { elbState } from '../../elbv2/state';
import { shiftsTraffic, trafficSteps } from '../strategy-config';
import type { HookRun, ServiceDeploymentEntry, ServiceRecord, ShiftRun } from '../state';
import type { EcsSim } from './index';

export const SHIFT_TIMING = {
  /** A stage with nothing to do. */
  stage: 1_000,
  /** Moving traffic on the listener rules. */
  trafficShift: 5_000,
  /** How long a Lambda hook takes to answer. */
  lambdaHook: 10_000,
};

const PAUSE_DEFAULT_MINUTES = 1440;

export class TrafficShifts {
  constructor(private readonly sim: EcsSim) {}

  private extras(svc: ServiceRecord) {
    return this.sim.ecs.serviceExtras.of(svc);
  }

  /** The run of the service's primary deployment while it is under way (not finished, stopped or rolled back). */
  activeEntry(svc: ServiceRecord): (ServiceDeploymentEntry & { run: ShiftRun }) | undefined {
    const e = this.extras(svc).serviceDeployments.find((s) => s.run && !s.run.aborted && ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'].includes(s.record.status));
    return e as (ServiceDeploymentEntry & { run: ShiftRun }) | undefined;
  }

  /** Whether the primary's tasks may start now (green waits for SCALE_UP). */
  mayScaleUp(svc: ServiceRecord): boolean {
    const e = this.activeEntry(svc);
    return !e || e.deploymentId !== svc.deployments[0]?.id || e.run.stages.indexOf('SCALE_UP') <= e.run.stageIndex;
  }

  /** Whether blue's tasks must keep running (everything before CLEAN_UP). */
  keepsBlue(svc: ServiceRecord): boolean {
    const e = this.activeEntry(svc);
    return !!e && !e.run.rollingBack && e.deploymentId === svc.deployments[0]?.id && e.run.stages[e.run.stageIndex] !== 'CLEAN_UP';
  }

  /** A new deployment: its run when the strategy shifts traffic, and the target groups its tasks use. */
  prepare(svc: ServiceRecord, entry: ServiceDeploymentEntry, blueId: string | undefined): void {
    const x = this.extras(svc);
    const lbs = svc.loadBalancers ?? [];
    const production = x.productionTargetGroups ?? lbs.map((lb) => lb.targetGroupArn ?? '');
    x.productionTargetGroups = production;
    const dc = svc.deploymentConfiguration;
    if (!shiftsTraffic(dc.strategy) || svc.deploymentController.type !== 'ECS') {
      x.deploymentTargetGroups.set(entry.deploymentId, production);
      return;
    }
    const green = blueId ? lbs.map((lb, i) => {
      const alt = lb.advancedConfiguration?.alternateTargetGroupArn;
      return alt ? (production[i] === alt ? lb.targetGroupArn ?? '' : alt) : production[i];
    }) : production;
    x.deploymentTargetGroups.set(entry.deploymentId, green);
    const { percents, stepBakeMs } = trafficSteps(dc);
    const older = svc.deployments.slice(1).filter((d) => d.runningCount + d.pendingCount > 0).length;
    const stages = [
      ...(older > 1 ? ['RECONCILE_SERVICE'] : []), 'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
      ...percents.flatMap(() => ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']), 'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP',
    ];
    entry.run = {
      strategy: dc.strategy, stageIndex: -1, stages, blueId, blueTargetGroups: production, greenTargetGroups: green,
      percents, step: -1, stepBakeMs, hooks: [], pastHooks: [], token: 0, rollingBack: false, aborted: false,
    };
  }

  /** The scheduler started the deployment: its first stage. */
  begin(svc: ServiceRecord, entry: ServiceDeploymentEntry): void {
    if (entry.run && entry.run.stageIndex < 0) {
      this.enter(svc, entry as ServiceDeploymentEntry & { run: ShiftRun }, 0);
    }
  }

  private later(e: ServiceDeploymentEntry & { run: ShiftRun }, ms: number, fn: () => void): void {
    const token = e.run.token;
    this.sim.after(ms, () => {
      if (e.run.token === token && !e.run.rollingBack && !e.run.aborted && e.record.status === 'IN_PROGRESS') {
        fn();
      }
    });
  }

  private touch(e: ServiceDeploymentEntry): void {
    e.record.updatedAt = this.sim.now();
  }

  private enter(svc: ServiceRecord, e: ServiceDeploymentEntry & { run: ShiftRun }, index: number): void {
    const run = e.run;
    run.token += 1;
    run.stageIndex = index;
    const stage = run.stages[index];
    e.record.lifecycleStage = stage as ecs.ServiceDeploymentLifecycleStage;
    this.touch(e);
    run.hooks = [];
    delete e.record.lifecycleHookDetails;
    const afterWork = (): void => this.runHooks(svc, e);
    switch (stage) {
      case 'SCALE_UP':
        // Green starts now; the scheduler reports when all its tasks are healthy (greenHealthy).
        this.sim.scheduler.scheduleReconcile(svc);
        return;
      case 'TEST_TRAFFIC_SHIFT':
        this.shiftTest(svc, run, true);
        return this.later(e, SHIFT_TIMING.trafficShift, afterWork);
      case 'PRODUCTION_TRAFFIC_SHIFT':
        run.step += 1;
        this.shiftProduction(svc, run, run.percents[run.step]);
        // The revisions' shares as DescribeServiceDeployments reports them (ServiceRevisionSummary
        // requestedProductionTrafficWeight, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRevisionSummary.html).
        e.record.targetServiceRevision.requestedProductionTrafficWeight = run.percents[run.step];
        for (const source of e.record.sourceServiceRevisions ?? []) source.requestedProductionTrafficWeight = Math.round((100 - run.percents[run.step]) * 10) / 10;
        return this.later(e, SHIFT_TIMING.trafficShift, afterWork);
      case 'BAKE_TIME':
        return this.later(e, (svc.deploymentConfiguration.bakeTimeInMinutes ?? 0) * 60_000, afterWork);
      case 'CLEAN_UP':
        this.shiftTest(svc, run, false);
        this.extras(svc).productionTargetGroups = run.greenTargetGroups;
        // Blue's tasks stop now; the scheduler completes the deployment once they are gone (cleanedUp).
        this.sim.scheduler.scheduleReconcile(svc);
        return;
      default:
        return this.later(e, SHIFT_TIMING.stage, afterWork);
    }
  }

  /** The configured hooks of a stage, as ECS starts them. */
  private hooksOf(svc: ServiceRecord, stage: string): HookRun[] {
    const now = this.sim.now().getTime();
    return (svc.deploymentConfiguration.lifecycleHooks ?? []).filter((h) => h.lifecycleStages?.includes(stage as ecs.DeploymentLifecycleHookStage)).map((h) => {
      const type = h.targetType ?? 'AWS_LAMBDA';
      const timeoutAction = h.timeoutConfiguration?.action ?? 'ROLLBACK';
      const detail: HookRun['detail'] = { hookId: this.sim.rnd.uuid(), targetType: type, status: type === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS', timeoutAction };
      if (h.hookTargetArn) {
        detail.targetArn = h.hookTargetArn;
      }
      if (type === 'PAUSE') {
        detail.expiresAt = new Date(now + (h.timeoutConfiguration?.timeoutInMinutes ?? PAUSE_DEFAULT_MINUTES) * 60_000 / this.sim.region.core.sched.timeScale);
      }
      return { detail, timeoutAction };
    });
  }

  /** Starts the stage's hooks (or goes on when it has none). */
  private runHooks(svc: ServiceRecord, e: ServiceDeploymentEntry & { run: ShiftRun }): void {
    const run = e.run;
    run.hooks = this.hooksOf(svc, run.stages[run.stageIndex]);
    run.pastHooks.push(...run.hooks);
    e.record.lifecycleHookDetails = run.hooks.map((h) => h.detail);
    this.touch(e);
    if (!run.hooks.length) {
      return this.next(svc, e);
    }
    for (const h of run.hooks) {
      if (h.detail.targetType === 'PAUSE') {
        this.later(e, (h.detail.expiresAt!.getTime() - this.sim.now().getTime()) * this.sim.region.core.sched.timeScale, () => {
          if (h.detail.status === 'AWAITING_ACTION') {
            h.detail.status = 'TIMED_OUT';
            this.hookDone(svc, e, h.timeoutAction === 'CONTINUE', 'Lifecycle hook timed out.');
          }
        });
      } else {
        const fails = /fail/i.test((h.detail.targetArn ?? '').split(':').pop() ?? '');
        this.later(e, SHIFT_TIMING.lambdaHook, () => {
          h.detail.status = fails ? 'FAILED' : 'SUCCEEDED';
          this.hookDone(svc, e, !fails, `Lifecycle hook ${h.detail.targetArn} failed.`);
        });
      }
    }
  }

  /** A hook finished: all done goes on, a failed one rolls back. */
  private hookDone(svc: ServiceRecord, e: ServiceDeploymentEntry & { run: ShiftRun }, ok: boolean, reason: string): void {
    this.touch(e);
    if (!ok) {
      return this.rollback(svc, e, reason);
    }
    if (e.run.hooks.every((h) => h.detail.status === 'SUCCEEDED' || (h.detail.status === 'TIMED_OUT' && h.timeoutAction === 'CONTINUE'))) {
      this.next(svc, e);
    }
  }

  /** ContinueServiceDeployment on a hook AWAITING_ACTION. */
  continueHook(svc: ServiceRecord, e: ServiceDeploymentEntry & { run: ShiftRun }, hook: HookRun, action: ecs.DeploymentLifecycleHookAction): void {
    hook.detail.status = action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED';
    this.hookDone(svc, e, action === 'CONTINUE', 'Rolled back by ContinueServiceDeployment.');
  }

  private next(svc: ServiceRecord, e: ServiceDeploymentEntry & { run: ShiftRun }): void {
    const run = e.run;
    const stage = run.stages[run.stageIndex];
    const go = (): void => this.enter(svc, e, run.stageIndex + 1);
    if (stage === 'PRODUCTION_TRAFFIC_SHIFT' && run.step < run.percents.length - 1) {
      // The step bake time: "not applied after reaching 100 percent traffic" (API_LinearConfiguration.html).
      run.token += 1;
      return this.later(e, run.stepBakeMs, go);
    }
    go();
  }

  /** The scheduler: green's tasks are all healthy. */
  greenHealthy(svc: ServiceRecord): void {
    const e = this.activeEntry(svc);
    if (e && !e.run.rollingBack && e.deploymentId === svc.deployments[0]?.id && e.run.stages[e.run.stageIndex] === 'SCALE_UP') {
      this.runHooks(svc, e);
    }
  }

  /** The scheduler: only the primary deployment's tasks are left and they are healthy. `none` when no run is under way (rolling rules apply). */
  steady(svc: ServiceRecord): 'none' | 'running' | 'finished' {
    const e = this.activeEntry(svc);
    if (!e) {
      return 'none';
    }
    const now = this.sim.now();
    if (e.run.rollingBack) {
      e.run.token += 1;
      Object.assign(e.record, e.run.aborting ? { status: 'STOPPED', stoppedAt: now, updatedAt: now } : { status: 'ROLLBACK_SUCCESSFUL', finishedAt: now, updatedAt: now });
      return 'finished';
    }
    if (e.run.stages[e.run.stageIndex] === 'CLEAN_UP') {
      e.run.token += 1;
      this.sim.deployments.complete(svc, svc.deployments[0]);
      return 'finished';
    }
    return 'running';
  }

  private shiftTest(svc: ServiceRecord, run: ShiftRun, toGreen: boolean): void {
    (svc.loadBalancers ?? []).forEach((lb, i) => {
      const rule = lb.advancedConfiguration?.testListenerRule;
      if (rule && run.blueTargetGroups[i] !== run.greenTargetGroups[i]) {
        elbState(this.sim.region).setWeights(rule, [[run.blueTargetGroups[i], toGreen ? 0 : 100], [run.greenTargetGroups[i], toGreen ? 100 : 0]]);
      }
    });
  }

  /** Production traffic: `percent` on green, the rest on blue, on each load balancer's production listener rule. */
  private shiftProduction(svc: ServiceRecord, run: ShiftRun, percent: number): void {
    (svc.loadBalancers ?? []).forEach((lb, i) => {
      const rule = lb.advancedConfiguration?.productionListenerRule;
      if (rule && run.blueTargetGroups[i] !== run.greenTargetGroups[i]) {
        const green = Math.round(percent * 10) / 10;
        elbState(this.sim.region).setWeights(rule, [[run.blueTargetGroups[i], Math.round((100 - green) * 10) / 10], [run.greenTargetGroups[i], green]]);
      }
    });
  }

  /**
   * Production traffic back on blue, green's tasks stopped, the service back on blue's task
   * definition: `auto` (a failed hook, the circuit breaker), `requested` (StopServiceDeployment
   * ROLLBACK: ROLLBACK_REQUESTED first), or `abort` (StopServiceDeployment ABORT: the same return to
   * blue, as STOP_REQUESTED then STOPPED; the emulator's reading, AWS documents only the value).
   */
  rollback(svc: ServiceRecord, e: ServiceDeploymentEntry & { run: ShiftRun }, reason: string, how: 'auto' | 'requested' | 'abort' = 'auto'): void {
    const requested = how !== 'auto';
    const run = e.run;
    const now = this.sim.now();
    run.token += 1;
    const blue = svc.deployments.find((d) => d.id === run.blueId);
    if (!blue) {
      run.aborted = true;
      Object.assign(e.record, { status: 'STOPPED', statusReason: reason, stoppedAt: now, updatedAt: now });
      return;
    }
    run.rollingBack = true;
    run.aborting = how === 'abort';
    this.shiftProduction(svc, run, 0);
    this.shiftTest(svc, run, false);
    this.extras(svc).productionTargetGroups = run.blueTargetGroups;
    const green = svc.deployments[0];
    Object.assign(green, { status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: reason, updatedAt: now });
    Object.assign(blue, { status: 'PRIMARY', updatedAt: now });
    svc.deployments = [blue, ...svc.deployments.filter((d) => d !== blue)];
    svc.taskDefinition = blue.taskDefinition;
    const blueEntry = this.extras(svc).serviceDeployments.find((s) => s.deploymentId === blue.id);
    if (how === 'abort') {
      Object.assign(e.record, { status: 'STOP_REQUESTED', statusReason: reason, updatedAt: now });
    } else {
      Object.assign(e.record, {
        status: requested ? 'ROLLBACK_REQUESTED' : 'ROLLBACK_IN_PROGRESS', updatedAt: now,
        rollback: { reason, startedAt: now, serviceRevisionArn: blueEntry?.record.targetServiceRevision.arn },
      });
      this.sim.scheduler.addEvent(svc, `rolling back to ${blueEntry?.record.targetServiceRevision.arn}: ${reason}`);
    }
    if (how === 'requested') {
      this.sim.after(SHIFT_TIMING.stage, () => {
        if (e.record.status === 'ROLLBACK_REQUESTED') {
          Object.assign(e.record, { status: 'ROLLBACK_IN_PROGRESS', updatedAt: this.sim.now() });
        }
      });
    }
    this.extras(svc).steady = false;
    this.sim.scheduler.scheduleReconcile(svc);
  }
}
