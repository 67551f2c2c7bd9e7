/**
 * Application Auto Scaling state for `ecs:service:DesiredCount`: scalable targets (registering one
 * clamps the service's desired count into [min, max], as AAS does), policies, scheduled actions
 * (one-time `at(...)` schedules run on the emulator's clock) and scaling activities.
 */
import type * as aas from '../../generated/autoscaling';
import { AwsError } from '../../kit/errors';
import { perRegion, Region } from '../../kit/world';
import { ecsSim } from '../ecs/sim/index';
import { ecsState, type ServiceRecord } from '../ecs/state';

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

/** Moves the service's desired count into the target's range, recording a scaling activity. */
export function clamp(region: Region, target: aas.ScalableTarget, cause: string): void {
  const svc = ecsService(region, target.ResourceId);
  if (!svc) {
    return;
  }
  const want = Math.min(target.MaxCapacity, Math.max(target.MinCapacity, svc.desiredCount));
  if (want === svc.desiredCount) {
    return;
  }
  const now = region.now();
  scalingState(region).activities.unshift({
    ActivityId: region.core.rnd.uuid(),
    ServiceNamespace: target.ServiceNamespace,
    ResourceId: target.ResourceId,
    ScalableDimension: target.ScalableDimension,
    Description: `Setting desired count to ${want}.`,
    Cause: cause,
    StartTime: now,
    EndTime: now,
    StatusCode: 'Successful',
    StatusMessage: `Successfully set desired count to ${want}. Change successfully fulfilled by ecs.`,
  });
  svc.desiredCount = want;
  ecsState(region).serviceExtras.of(svc).steady = false;
  ecsSim(region).scheduler.scheduleReconcile(svc);
}

/** Runs a one-time `at(...)` scheduled action when its time comes (cron/rate ones are stored only). */
export function runScheduled(region: Region, action: aas.ScheduledAction): void {
  const m = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(action.Schedule);
  if (!m) {
    return;
  }
  const at = Date.parse(m[1] + 'Z');
  const fire = (): void => {
    const target = findTarget(region, action);
    if (!scalingState(region).scheduled.includes(action) || !target) {
      return;
    }
    const a = action.ScalableTargetAction ?? {};
    target.MinCapacity = a.MinCapacity ?? target.MinCapacity;
    target.MaxCapacity = a.MaxCapacity ?? target.MaxCapacity;
    clamp(region, target, `scheduled action name ${action.ScheduledActionName} was triggered`);
  };
  // Real time, not ECS timings: do not let the time scale shorten it.
  const sched = region.core.sched;
  sched.after((at - region.now().getTime()) * sched.timeScale, fire);
}
