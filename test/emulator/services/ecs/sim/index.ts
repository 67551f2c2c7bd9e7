/**
 * ECS over time, per region: the task lifecycle (tasks.ts; RunTask / StartTask in runTasks.ts), placement on container
 * instances (placement.ts over the pure placementEngine.ts and clusterQuery.ts; Fargate capacity providers: capacitySplit.ts), the service scheduler (scheduler.ts), deployments with the circuit breaker
 * (deployments.ts; BLUE_GREEN / LINEAR / CANARY in trafficShift.ts), why tasks stop (stopCauses.ts, with the lines they log: taskLogs.ts) and the tasks' targets in their services' target groups (loadBalancing.ts). Delays are ECS's own (timing.ts), in emulated ms; the clock's time scale
 * divides them.
 */
import { perRegion, Region } from '../../../kit/world';
import { ecsState } from '../state';
import { Deployments } from './deployments';
import { LoadBalancing } from './loadBalancing';
import { Placement } from './placement';
import { ServiceScheduler } from './scheduler';
import { StopCauses } from './stopCauses';
import { TaskLifecycle } from './tasks';
import { TrafficShifts } from './trafficShift';

export class EcsSim {
  readonly tasks: TaskLifecycle;
  readonly placement: Placement;
  readonly scheduler: ServiceScheduler;
  readonly deployments: Deployments;
  readonly loadBalancing: LoadBalancing;
  readonly causes: StopCauses;
  readonly shifts: TrafficShifts;

  constructor(readonly region: Region) {
    this.tasks = new TaskLifecycle(this);
    this.placement = new Placement(this);
    this.scheduler = new ServiceScheduler(this);
    this.deployments = new Deployments(this);
    this.loadBalancing = new LoadBalancing(this);
    this.causes = new StopCauses(this);
    this.shifts = new TrafficShifts(this);
  }

  get ecs() {
    return ecsState(this.region);
  }

  get rnd() {
    return this.region.core.rnd;
  }

  now(): Date {
    return this.region.now();
  }

  after(ms: number, fn: () => void): void {
    this.region.core.sched.after(ms, fn);
  }
}

export const ecsSim = perRegion('ecs-sim', (region) => new EcsSim(region));
