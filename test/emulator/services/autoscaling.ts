/**
 * Application Auto Scaling for `ecs:service:DesiredCount`: scalable targets (registering one
 * clamps the service's desired count into [min, max], as AAS does), target-tracking and step
 * policies, scheduled actions (one-time `at(...)` schedules run on the emulator's clock).
 */
import { AwsError } from '../errors';
import { ACCOUNT, arn, page, Input } from '../util';
import type { Handlers, RegionState } from '../world';
import type { Obj } from './ecs-state';

export class ScalingState {
  readonly targets: Obj[] = [];
  readonly policies: Obj[] = [];
  readonly scheduled: Obj[] = [];
  readonly activities: Obj[] = [];
}

const invalid = (message: string): AwsError => new AwsError('ValidationException', message);
const PAGE = { def: 50, max: 50, error: 'ValidationException', sizeName: 'MaxResults' };

function key(o: Obj): string {
  return `${o.ServiceNamespace} ${o.ResourceId} ${o.ScalableDimension}`;
}

function targetNotFound(input: Input): AwsError {
  return new AwsError('ObjectNotFoundException', `No scalable target registered for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}`);
}

/** The ECS service a `service/CLUSTER/SERVICE` resource id names, if it exists. */
function ecsService(region: RegionState, resourceId: string): Obj | undefined {
  const m = /^service\/([^/]+)\/([^/]+)$/.exec(resourceId);
  const svc = m ? region.ecs.servicesOf(m[1]).get(m[2]) : undefined;
  return svc && svc.status === 'ACTIVE' ? svc : undefined;
}

function checkEcsTarget(region: RegionState, input: Input): Obj | undefined {
  if (input.ServiceNamespace !== 'ecs') {
    return undefined;
  }
  if (input.ScalableDimension !== 'ecs:service:DesiredCount') {
    throw invalid(`Unsupported scalable dimension '${input.ScalableDimension}' for service namespace 'ecs'`);
  }
  const svc = ecsService(region, input.ResourceId);
  if (!svc) {
    throw invalid(`ECS service doesn't exist: ${input.ResourceId}`);
  }
  return svc;
}

/** Moves the service's desired count into the target's range, recording a scaling activity. */
function clamp(region: RegionState, target: Obj, cause: string): void {
  const svc = ecsService(region, target.ResourceId);
  if (!svc) {
    return;
  }
  const want = Math.min(target.MaxCapacity, Math.max(target.MinCapacity, svc.desiredCount));
  if (want === svc.desiredCount) {
    return;
  }
  const now = region.now();
  region.scaling.activities.unshift({
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
  svc._steady = false;
  region.sim.scheduleReconcile(svc);
}

function findTarget(region: RegionState, input: Input): Obj | undefined {
  return region.scaling.targets.find((t) => key(t) === key(input));
}

function matches(o: Obj, input: Input): boolean {
  return o.ServiceNamespace === input.ServiceNamespace
    && (!input.ResourceId || o.ResourceId === input.ResourceId)
    && (!input.ScalableDimension || o.ScalableDimension === input.ScalableDimension);
}

/** Deletes the policy / scheduled action of a target named by `input[nameKey]`, or says it is not found. */
function removeNamed(list: Obj[], input: Input, nameKey: string, what: string, label: string): void {
  const i = list.findIndex((o) => key(o) === key(input) && o[nameKey] === input[nameKey]);
  if (i < 0) {
    throw new AwsError('ObjectNotFoundException', `No ${what} found for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}, ${label}: ${input[nameKey]}`);
  }
  list.splice(i, 1);
}

function runScheduled(region: RegionState, action: Obj): void {
  const m = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(action.Schedule);
  if (!m) {
    return; // cron() and rate() schedules are stored but not run (see README).
  }
  const at = Date.parse(m[1] + 'Z');
  const fire = (): void => {
    const target = findTarget(region, action);
    if (!region.scaling.scheduled.includes(action) || !target) {
      return;
    }
    const a = action.ScalableTargetAction ?? {};
    target.MinCapacity = a.MinCapacity ?? target.MinCapacity;
    target.MaxCapacity = a.MaxCapacity ?? target.MaxCapacity;
    clamp(region, target, `scheduled action name ${action.ScheduledActionName} was triggered`);
  };
  // Real time, not ECS timings: do not let the time scale shorten it.
  region.core.sched.after((at - region.now().getTime()) * region.core.sched.timeScale, fire);
}

export const scalingHandlers: Handlers = {
  RegisterScalableTarget: (input, { region }) => {
    checkEcsTarget(region, input);
    let target = findTarget(region, input);
    if (!target) {
      if (input.MinCapacity === undefined || input.MaxCapacity === undefined) {
        throw invalid('MinCapacity and MaxCapacity are required for registering a new scalable target');
      }
      target = {
        ServiceNamespace: input.ServiceNamespace,
        ResourceId: input.ResourceId,
        ScalableDimension: input.ScalableDimension,
        RoleARN: input.RoleARN ?? `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`,
        CreationTime: region.now(),
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
        ScalableTargetARN: arn('application-autoscaling', region.name, `scalable-target/${region.core.rnd.hex(32)}`),
      };
      region.scaling.targets.push(target);
    }
    target.MinCapacity = input.MinCapacity ?? target.MinCapacity;
    target.MaxCapacity = input.MaxCapacity ?? target.MaxCapacity;
    if (target.MinCapacity > target.MaxCapacity) {
      throw invalid('Minimum capacity cannot be greater than maximum capacity');
    }
    if (input.SuspendedState) {
      target.SuspendedState = { ...target.SuspendedState, ...input.SuspendedState };
    }
    clamp(region, target, 'minimum capacity was set');
    return { ScalableTargetARN: target.ScalableTargetARN };
  },

  DeregisterScalableTarget: (input, { region }) => {
    const target = findTarget(region, input);
    if (!target) {
      throw targetNotFound(input);
    }
    const s = region.scaling;
    s.targets.splice(s.targets.indexOf(target), 1);
    for (const list of [s.policies, s.scheduled]) {
      for (let i = list.length - 1; i >= 0; i--) {
        if (key(list[i]) === key(target)) {
          list.splice(i, 1);
        }
      }
    }
    return {};
  },

  DescribeScalableTargets: (input, { region }) => {
    const ids: string[] | undefined = input.ResourceIds;
    const items = region.scaling.targets.filter((t) => matches(t, { ...input, ResourceId: undefined }) && (!ids || ids.includes(t.ResourceId)));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScalableTargets: p.items, NextToken: p.next };
  },

  PutScalingPolicy: (input, { region }) => {
    if (!findTarget(region, input)) {
      throw targetNotFound(input);
    }
    const type: string = input.PolicyType ?? 'StepScaling';
    if (type === 'TargetTrackingScaling' && !input.TargetTrackingScalingPolicyConfiguration) {
      throw invalid('TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy');
    }
    if (type === 'StepScaling' && !input.StepScalingPolicyConfiguration) {
      throw invalid('StepScalingPolicyConfiguration is required for a StepScaling policy');
    }
    const s = region.scaling;
    const existing = s.policies.find((p) => key(p) === key(input) && p.PolicyName === input.PolicyName);
    const id = region.core.rnd.uuid();
    const policyArn = existing?.PolicyARN ?? arn('autoscaling', region.name, `scalingPolicy:${id}:resource/${input.ServiceNamespace}/${input.ResourceId}:policyName/${input.PolicyName}`);
    const alarms = type === 'TargetTrackingScaling'
      ? ['AlarmHigh', 'AlarmLow'].map((suffix) => {
        const name = `TargetTracking-${input.ResourceId}-${suffix}-${region.core.rnd.uuid()}`;
        return { AlarmName: name, AlarmARN: arn('cloudwatch', region.name, `alarm:${name}`) };
      })
      : [];
    const policy: Obj = {
      PolicyARN: policyArn,
      PolicyName: input.PolicyName,
      ServiceNamespace: input.ServiceNamespace,
      ResourceId: input.ResourceId,
      ScalableDimension: input.ScalableDimension,
      PolicyType: type,
      StepScalingPolicyConfiguration: input.StepScalingPolicyConfiguration,
      TargetTrackingScalingPolicyConfiguration: input.TargetTrackingScalingPolicyConfiguration,
      Alarms: existing?.Alarms ?? alarms,
      CreationTime: existing?.CreationTime ?? region.now(),
    };
    if (existing) {
      s.policies[s.policies.indexOf(existing)] = policy;
    } else {
      s.policies.push(policy);
    }
    return { PolicyARN: policy.PolicyARN, Alarms: policy.Alarms };
  },

  DescribeScalingPolicies: (input, { region }) => {
    const names: string[] | undefined = input.PolicyNames;
    const items = region.scaling.policies.filter((p) => matches(p, input) && (!names || names.includes(p.PolicyName)));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScalingPolicies: p.items, NextToken: p.next };
  },

  DeleteScalingPolicy: (input, { region }) => {
    removeNamed(region.scaling.policies, input, 'PolicyName', 'scaling policy', 'policy name');
    return {};
  },

  PutScheduledAction: (input, { region }) => {
    if (!findTarget(region, input)) {
      throw targetNotFound(input);
    }
    const s = region.scaling;
    const i = s.scheduled.findIndex((a) => key(a) === key(input) && a.ScheduledActionName === input.ScheduledActionName);
    const previous = i >= 0 ? s.scheduled[i] : undefined;
    const schedule = input.Schedule ?? previous?.Schedule;
    if (!schedule || !/^(at|cron|rate)\(.+\)$/.test(schedule)) {
      throw invalid('Schedule must be specified as at(yyyy-mm-ddThh:mm:ss), cron(...) or rate(...)');
    }
    const action: Obj = {
      ScheduledActionName: input.ScheduledActionName,
      ScheduledActionARN: previous?.ScheduledActionARN ?? arn('autoscaling', region.name, `scheduledAction:${region.core.rnd.uuid()}:resource/${input.ServiceNamespace}/${input.ResourceId}:scheduledActionName/${input.ScheduledActionName}`),
      ServiceNamespace: input.ServiceNamespace,
      Schedule: schedule,
      Timezone: input.Timezone ?? previous?.Timezone ?? 'UTC',
      ResourceId: input.ResourceId,
      ScalableDimension: input.ScalableDimension,
      StartTime: input.StartTime ?? previous?.StartTime,
      EndTime: input.EndTime ?? previous?.EndTime,
      ScalableTargetAction: input.ScalableTargetAction ?? previous?.ScalableTargetAction,
      CreationTime: previous?.CreationTime ?? region.now(),
    };
    if (previous) {
      s.scheduled[i] = action;
    } else {
      s.scheduled.push(action);
    }
    runScheduled(region, action);
    return {};
  },

  DescribeScheduledActions: (input, { region }) => {
    const names: string[] | undefined = input.ScheduledActionNames;
    const items = region.scaling.scheduled.filter((a) => matches(a, input) && (!names || names.includes(a.ScheduledActionName)));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScheduledActions: p.items, NextToken: p.next };
  },

  DeleteScheduledAction: (input, { region }) => {
    removeNamed(region.scaling.scheduled, input, 'ScheduledActionName', 'scheduled action', 'scheduled action name');
    return {};
  },

  DescribeScalingActivities: (input, { region }) => {
    const items = region.scaling.activities.filter((a) => matches(a, input));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScalingActivities: p.items, NextToken: p.next };
  },
};

/** Registers a scalable target with a target-tracking policy (seeds). */
export function seedScaling(region: RegionState, resourceId: string, min: number, max: number): void {
  const h = scalingHandlers;
  const ctx = { core: region.core, region, action: 'seed' };
  const base = { ServiceNamespace: 'ecs', ResourceId: resourceId, ScalableDimension: 'ecs:service:DesiredCount' };
  h.RegisterScalableTarget({ ...base, MinCapacity: min, MaxCapacity: max }, ctx);
  h.PutScalingPolicy({
    ...base,
    PolicyName: 'cpu-target-tracking',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 300, ScaleOutCooldown: 60 },
  }, ctx);
}
