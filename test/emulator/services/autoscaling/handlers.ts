/** Application Auto Scaling operations on ECS services' desired count. */
import type * as aas from '../../generated/autoscaling';
import { ACCOUNT, arn, globalArn } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import type { Region } from '../../kit/world';
import { checkSchedule } from './schedule';
import { clamp, ecsService, findTarget, invalid, key, runScheduled, scalingState, targetNotFound, TargetKey } from './state';

const PAGE = { def: 50, max: 50, error: 'ValidationException', sizeName: 'MaxResults' };

function checkEcsTarget(region: Region, input: TargetKey): void {
  if (input.ServiceNamespace !== 'ecs') {
    return;
  }
  if (input.ScalableDimension !== 'ecs:service:DesiredCount') {
    throw invalid(`Unsupported scalable dimension '${input.ScalableDimension}' for service namespace 'ecs'`);
  }
  if (!ecsService(region, input.ResourceId)) {
    throw invalid(`ECS service doesn't exist: ${input.ResourceId}`);
  }
}

function matches(o: TargetKey, input: { ServiceNamespace: string; ResourceId?: string; ScalableDimension?: string }): boolean {
  return o.ServiceNamespace === input.ServiceNamespace
    && (!input.ResourceId || o.ResourceId === input.ResourceId)
    && (!input.ScalableDimension || o.ScalableDimension === input.ScalableDimension);
}

/** Deletes the item of a target named `name`, or says it is not found. */
function removeNamed<T extends TargetKey>(list: T[], input: TargetKey, nameOf: (o: T) => string, name: string, what: string, label: string): void {
  const i = list.findIndex((o) => key(o) === key(input) && nameOf(o) === name);
  if (i < 0) {
    throw new AwsError('ObjectNotFoundException', `No ${what} found for service namespace: ${input.ServiceNamespace}, resource ID: ${input.ResourceId}, scalable dimension: ${input.ScalableDimension}, ${label}: ${name}`);
  }
  list.splice(i, 1);
}

function alarmsFor(region: Region, resourceId: string): aas.Alarm[] {
  return ['AlarmHigh', 'AlarmLow'].map((suffix) => {
    const name = `TargetTracking-${resourceId}-${suffix}-${region.core.rnd.uuid()}`;
    return { AlarmName: name, AlarmARN: arn('cloudwatch', region.name, `alarm:${name}`) };
  });
}

export const scalingHandlers: Handlers<aas.Operations> = {
  RegisterScalableTarget: (input, { region }) => {
    checkEcsTarget(region, input);
    const min = input.MinCapacity ?? findTarget(region, input)?.MinCapacity;
    const max = input.MaxCapacity ?? findTarget(region, input)?.MaxCapacity;
    if (min === undefined || max === undefined) {
      throw invalid('MinCapacity and MaxCapacity are required for registering a new scalable target');
    }
    if (min > max) {
      throw invalid('Minimum capacity cannot be greater than maximum capacity');
    }
    let target = findTarget(region, input);
    if (!target) {
      target = {
        ServiceNamespace: input.ServiceNamespace,
        ResourceId: input.ResourceId,
        ScalableDimension: input.ScalableDimension,
        MinCapacity: min,
        MaxCapacity: max,
        RoleARN: input.RoleARN ?? globalArn('iam', region.name, 'role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService', ACCOUNT),
        CreationTime: region.now(),
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
        ScalableTargetARN: arn('application-autoscaling', region.name, `scalable-target/${region.core.rnd.hex(32)}`),
      };
      scalingState(region).targets.push(target);
    }
    Object.assign(target, { MinCapacity: min, MaxCapacity: max });
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
    const s = scalingState(region);
    s.targets.splice(s.targets.indexOf(target), 1);
    const others = (o: TargetKey): boolean => key(o) !== key(target);
    s.policies.splice(0, s.policies.length, ...s.policies.filter(others));
    s.scheduled.splice(0, s.scheduled.length, ...s.scheduled.filter(others));
    return {};
  },

  DescribeScalableTargets: (input, { region }) => {
    const ids = input.ResourceIds;
    const items = scalingState(region).targets.filter((t) => matches(t, { ...input, ResourceId: undefined }) && (!ids || ids.includes(t.ResourceId)));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScalableTargets: p.items, NextToken: p.next };
  },

  PutScalingPolicy: (input, { region }) => {
    if (!findTarget(region, input)) {
      throw targetNotFound(input);
    }
    const type = input.PolicyType ?? 'StepScaling';
    if (type === 'TargetTrackingScaling' && !input.TargetTrackingScalingPolicyConfiguration) {
      throw invalid('TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy');
    }
    // ALBRequestCountPerTarget names its target group by ResourceLabel
    // (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html).
    const predefined = input.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification;
    if (predefined?.PredefinedMetricType === 'ALBRequestCountPerTarget' && !/^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/.test(predefined.ResourceLabel ?? '')) {
      throw invalid('ResourceLabel must be specified for predefined metric type ALBRequestCountPerTarget, as app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>');
    }
    if (type === 'StepScaling' && !input.StepScalingPolicyConfiguration) {
      throw invalid('StepScalingPolicyConfiguration is required for a StepScaling policy');
    }
    const s = scalingState(region);
    const existing = s.policies.find((p) => key(p) === key(input) && p.PolicyName === input.PolicyName);
    const policy: aas.ScalingPolicy = {
      PolicyARN: existing?.PolicyARN ?? arn('autoscaling', region.name, `scalingPolicy:${region.core.rnd.uuid()}:resource/${input.ServiceNamespace}/${input.ResourceId}:policyName/${input.PolicyName}`),
      PolicyName: input.PolicyName,
      ServiceNamespace: input.ServiceNamespace,
      ResourceId: input.ResourceId,
      ScalableDimension: input.ScalableDimension,
      PolicyType: type,
      StepScalingPolicyConfiguration: input.StepScalingPolicyConfiguration,
      TargetTrackingScalingPolicyConfiguration: input.TargetTrackingScalingPolicyConfiguration,
      Alarms: existing?.Alarms ?? (type === 'TargetTrackingScaling' ? alarmsFor(region, input.ResourceId) : []),
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
    const names = input.PolicyNames;
    const items = scalingState(region).policies.filter((p) => matches(p, input) && (!names || names.includes(p.PolicyName)));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScalingPolicies: p.items, NextToken: p.next };
  },

  DeleteScalingPolicy: (input, { region }) => {
    removeNamed(scalingState(region).policies, input, (p) => p.PolicyName, input.PolicyName, 'scaling policy', 'policy name');
    return {};
  },

  PutScheduledAction: (input, { region }) => {
    if (!findTarget(region, input)) {
      throw targetNotFound(input);
    }
    const s = scalingState(region);
    const i = s.scheduled.findIndex((a) => key(a) === key(input) && a.ScheduledActionName === input.ScheduledActionName);
    const previous = i >= 0 ? s.scheduled[i] : undefined;
    const schedule = input.Schedule ?? previous?.Schedule;
    // The three forms of https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
    // (Schedule, Timezone: an IANA name), refused as a ValidationException.
    const problem = checkSchedule(schedule ?? '', input.Timezone ?? previous?.Timezone ?? 'UTC');
    if (!schedule || problem) {
      throw invalid(problem ?? 'Schedule must be specified as at(yyyy-mm-ddThh:mm:ss), cron(...) or rate(...)');
    }
    const action: aas.ScheduledAction = {
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
    const names = input.ScheduledActionNames;
    const items = scalingState(region).scheduled.filter((a) => matches(a, input) && (!names || names.includes(a.ScheduledActionName)));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScheduledActions: p.items, NextToken: p.next };
  },

  DeleteScheduledAction: (input, { region }) => {
    removeNamed(scalingState(region).scheduled, input, (a) => a.ScheduledActionName, input.ScheduledActionName, 'scheduled action', 'scheduled action name');
    return {};
  },

  DescribeScalingActivities: (input, { region }) => {
    const items = scalingState(region).activities.filter((a) => matches(a, input));
    const p = page(items, input.MaxResults, input.NextToken, PAGE);
    return { ScalingActivities: p.items, NextToken: p.next };
  },
};
