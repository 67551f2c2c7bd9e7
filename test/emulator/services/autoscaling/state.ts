/**
 * Application Auto Scaling state for `ecs:service:DesiredCount`: scalable targets (registering one
 * clamps the service's desired count into [min, max], as AAS does), policies, scheduled actions
 * (one-time `at(...)` schedules run on the emulator's clock; cron and rate ones and the policies
 * in engine.ts) and scaling activities.
 */
import type * as aas from '../../generated/autoscaling';
import { AwsError } from '../../kit/errors';
import { perRegion, Region } from '../../kit/world';
import { ecsSim } from '../ecs/sim/index';
import { ecsState, type ServiceRecord } from '../ecs/state';
import { atInstant } from './schedule';

export class ScalingState {
  readonly targets: aas.ScalableTarget[] = [];
  readonly policies: aas.ScalingPolicy[] = [];
  readonly scheduled: aas.ScheduledAction[] = [];
  readonly activities: aas.ScalingActivity[] = [];
}

export const scalingState = perRegion('application-autoscaling', () => new ScalingState());

export const invalid = (message: string): AwsError => new AwsError('ValidationException', message);

export interface TargetKey {
  ServiceNamespace: string;
  ResourceId: string;
  ScalableDimension?: string;
}

export function key(o: TargetKey): string {
  return `${o.ServiceNamespace} ${o.ResourceId} ${o.ScalableDimension}`;
}

export function targetNotFound(input: TargetKey): AwsError {
  return new AwsError('ObjectNotFoundException', `No scalable target registered for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`);
}

export function findTarget(region: Region, input: TargetKey): aas.ScalableTarget | undefined {
  return scalingState(region).targets.find((t) => key(t) === key(input));
}

/** The ECS service a `service/CLUSTER/SERVICE` resource id names, if it exists. */
export function ecsService(region: Region, resourceId: string): ServiceRecord | undefined {
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(resourceId);
  const svc = m ? ecsState(region).servicesOf(m[1]).get(m[2]) : undefined;
  return svc && svc.status === 'ACTIVE' ? svc : undefined;
}

/**
 * Sets the service's desired count to `to`, recording a scaling activity with `cause` (AWS's words);
 * false when it is already there.
 */
export function recordActivity(region: Region, target: aas.ScalableTarget, to: number, cause: string, description = `Setting desired count to ${to}.`): boolean {
  const svc = ecsService(region, target.ResourceId);
  if (!svc || to === svc.desiredCount) {
    return false;
  }
  const now = region.now();
  scalingState(region).activities.unshift({
    ActivityId: region.core.rnd.uuid(),
    ServiceNamespace: target.ServiceNamespace,
    ResourceId: target.ResourceId,
    ScalableDimension: target.ScalableDimension,
    Description: description,
    Cause: cause,
    StartTime: now,
    EndTime: now,
    StatusCode: 'Successful',
    StatusMessage: `Successfully set desired count to ${to}. Change successfully fulfilled by ecs.`,
  });
  svc.desiredCount = to;
  ecsState(region).serviceExtras.of(svc).steady = false;
  ecsSim(region).scheduler.scheduleReconcile(svc);
  return true;
}

/** Moves the service's desired count into the target's range, recording a scaling activity. */
export function clamp(region: Region, target: aas.ScalableTarget, cause: string): void {
  const svc = ecsService(region, target.ResourceId);
  if (svc) {
    recordActivity(region, target, Math.min(target.MaxCapacity, Math.max(target.MinCapacity, svc.desiredCount)), cause);
  }
}

/** A scheduled action runs: the target's min/max become the action's, and the desired count moves into them. */
export function setCapacityFromSchedule(region: Region, action: aas.ScheduledAction, target: aas.ScalableTarget): void {
  const a = action.ScalableTargetAction ?? {};
  target.MinCapacity = a.MinCapacity ?? target.MinCapacity;
  target.MaxCapacity = a.MaxCapacity ?? target.MaxCapacity;
  clamp(region, target, `scheduled action name ${action.ScheduledActionName} was triggered`);
}

/** Runs a one-time `at(...)` scheduled action when its time comes, in its time zone (cron/rate ones: engine.ts). */
export function runScheduled(region: Region, action: aas.ScheduledAction): void {
  const at = atInstant(action.Schedule, action.Timezone ?? 'UTC');
  if (at === undefined) {
    return;
  }
  const fire = (): void => {
    const target = findTarget(region, action);
    if (!scalingState(region).scheduled.includes(action) || !target || target.SuspendedState?.ScheduledScalingSuspended) {
      return;
    }
    setCapacityFromSchedule(region, action, target);
  };
  // Real time, not ECS timings: do not let the time scale shorten it.
  const sched = region.core.sched;
  sched.after((at - region.now().getTime()) * sched.timeScale, fire);
}
