/**
 * Application Auto Scaling writes on one ECS service's desired count (`service/CLUSTER/SERVICE`,
 * `ecs:service:DesiredCount`), with the ELBv2 and CloudWatch calls two of them need. Each returns
 * what it created or deleted.
 */
import { albResourceLabel, serviceScalingResourceId } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import type { autoscaling as AasTypes, cloudwatch as CwTypes } from '../aws/sdk';
import type { CapacityArgs, NamedArgs, PolicyArgs, ScalingRef, ScheduledArgs, SuspendArgs } from './scalingArgs';
import { describeRuns, nextRuns, parseSchedule } from './scalingSchedule';

const DIMENSION = 'ecs:service:DesiredCount' as const;

function target(a: ScalingRef) {
  return { ServiceNamespace: 'ecs' as const, ResourceId: serviceScalingResourceId(a.cluster, a.service), ScalableDimension: DIMENSION };
}

async function aas(clients: ClientManager, scope: Scope) {
  return clients.clientWithSdk('autoscaling', scope);
}

export interface CapacityResult { resourceId: string; scalableTargetArn?: string; minCapacity: number; maxCapacity: number }

export async function setScalingCapacity(clients: ClientManager, a: CapacityArgs): Promise<CapacityResult> {
  const { sdk, client } = await aas(clients, a.scope);
  const t = target(a);
  const out = await client.send(new sdk.autoscaling.RegisterScalableTargetCommand({ ...t, MinCapacity: a.minCapacity, MaxCapacity: a.maxCapacity }));
  return { resourceId: t.ResourceId, scalableTargetArn: out.ScalableTargetARN, minCapacity: a.minCapacity, maxCapacity: a.maxCapacity };
}

export interface SuspendResult { resourceId: string; suspendedState: AasTypes.SuspendedState }

/** RegisterScalableTarget with SuspendedState only (min and max stay): suspends or resumes the named kinds. */
export async function setScalingSuspended(clients: ClientManager, a: SuspendArgs, suspended: boolean): Promise<SuspendResult> {
  const { sdk, client } = await aas(clients, a.scope);
  const t = target(a);
  const state: AasTypes.SuspendedState = {};
  if (a.dynamicScalingIn) state.DynamicScalingInSuspended = suspended;
  if (a.dynamicScalingOut) state.DynamicScalingOutSuspended = suspended;
  if (a.scheduledScaling) state.ScheduledScalingSuspended = suspended;
  await client.send(new sdk.autoscaling.RegisterScalableTargetCommand({ ...t, SuspendedState: state }));
  const read = await client.send(new sdk.autoscaling.DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [t.ResourceId], ScalableDimension: DIMENSION }));
  return { resourceId: t.ResourceId, suspendedState: read.ScalableTargets?.[0]?.SuspendedState ?? state };
}

/** The service's first load balancer as an ALBRequestCountPerTarget resource label (DescribeServices, DescribeTargetGroups). */
export async function albLabelOf(clients: ClientManager, a: ScalingRef): Promise<string> {
  const ecs = await clients.clientWithSdk('ecs', a.scope);
  const svc = (await ecs.client.send(new ecs.sdk.ecs.DescribeServicesCommand({ cluster: a.cluster, services: [a.service] }))).services?.[0];
  const tgArn = svc?.loadBalancers?.find((lb) => lb.targetGroupArn)?.targetGroupArn;
  if (!tgArn) throw new Error(`Service ${a.service} has no load balancer target group: ALBRequestCountPerTarget needs one (use CPU or memory instead).`);
  const elb = await clients.clientWithSdk('elbv2', a.scope);
  const tg = (await elb.client.send(new elb.sdk.elbv2.DescribeTargetGroupsCommand({ TargetGroupArns: [tgArn] }))).TargetGroups?.[0];
  const lbArn = tg?.LoadBalancerArns?.[0];
  if (!lbArn) throw new Error(`Target group ${tg?.TargetGroupName ?? tgArn} is not attached to a load balancer yet.`);
  return albResourceLabel(lbArn, tgArn);
}

export interface PolicyResult { resourceId: string; policyName: string; policyArn?: string; alarms: string[]; createdAlarm?: string }

export async function putScalingPolicy(clients: ClientManager, a: PolicyArgs): Promise<PolicyResult> {
  const { sdk, client } = await aas(clients, a.scope);
  const t = target(a);
  if (a.type === 'TargetTracking') {
    const ResourceLabel = a.metric === 'ALBRequestCountPerTarget' ? await albLabelOf(clients, a) : undefined;
    const out = await client.send(new sdk.autoscaling.PutScalingPolicyCommand({
      ...t,
      PolicyName: a.policyName,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: a.targetValue,
        PredefinedMetricSpecification: { PredefinedMetricType: a.metric, ResourceLabel },
        ScaleInCooldown: a.scaleInCooldown,
        ScaleOutCooldown: a.scaleOutCooldown,
        DisableScaleIn: a.disableScaleIn,
      },
    }));
    return { resourceId: t.ResourceId, policyName: a.policyName, policyArn: out.PolicyARN, alarms: (out.Alarms ?? []).map((x) => x.AlarmName ?? '') };
  }
  const cw = await clients.clientWithSdk('cloudwatch', a.scope);
  // The existing alarm first, so a missing one refuses before anything is written.
  const existing = a.alarmName ? (await cw.client.send(new cw.sdk.cloudwatch.DescribeAlarmsCommand({ AlarmNames: [a.alarmName], AlarmTypes: ['MetricAlarm'] }))).MetricAlarms?.[0] : undefined;
  if (a.alarmName && !existing) throw new Error(`No CloudWatch metric alarm named ${a.alarmName} in ${(clients.resolve(a.scope)).region}: give an existing alarm's name, or "alarm" to create one.`);
  const before = (await client.send(new sdk.autoscaling.DescribeScalingPoliciesCommand({ ...t, PolicyNames: [a.policyName] }))).ScalingPolicies?.[0];
  const out = await client.send(new sdk.autoscaling.PutScalingPolicyCommand({
    ...t,
    PolicyName: a.policyName,
    PolicyType: 'StepScaling',
    StepScalingPolicyConfiguration: {
      AdjustmentType: a.adjustmentType,
      Cooldown: a.cooldown,
      MetricAggregationType: 'Average',
      StepAdjustments: a.steps.map((s) => ({ MetricIntervalLowerBound: s.lowerBound, MetricIntervalUpperBound: s.upperBound, ScalingAdjustment: s.adjustment })),
    },
  }));
  const policyArn = out.PolicyARN ?? '';
  const alarm = existing ? withAction(existing, policyArn) : newAlarm(a, policyArn);
  try {
    await cw.client.send(new cw.sdk.cloudwatch.PutMetricAlarmCommand(alarm));
  } catch (error) {
    // Nothing half-applied: a policy this call created goes again when its alarm cannot be set.
    if (!before) await client.send(new sdk.autoscaling.DeleteScalingPolicyCommand({ ...t, PolicyName: a.policyName })).catch(() => undefined);
    throw error;
  }
  return { resourceId: t.ResourceId, policyName: a.policyName, policyArn, alarms: [alarm.AlarmName], createdAlarm: existing ? undefined : alarm.AlarmName };
}

type AlarmInput = CwTypes.PutMetricAlarmInput & { AlarmName: string };

function withAction(m: CwTypes.MetricAlarm, policyArn: string): AlarmInput {
  return {
    AlarmName: m.AlarmName ?? '', AlarmDescription: m.AlarmDescription, ActionsEnabled: m.ActionsEnabled, OKActions: m.OKActions, InsufficientDataActions: m.InsufficientDataActions,
    AlarmActions: [...new Set([...(m.AlarmActions ?? []), policyArn])],
    MetricName: m.MetricName, Namespace: m.Namespace, Statistic: m.Statistic, ExtendedStatistic: m.ExtendedStatistic, Dimensions: m.Dimensions, Period: m.Period, Unit: m.Unit,
    EvaluationPeriods: m.EvaluationPeriods, DatapointsToAlarm: m.DatapointsToAlarm, Threshold: m.Threshold, ComparisonOperator: m.ComparisonOperator,
    TreatMissingData: m.TreatMissingData, EvaluateLowSampleCountPercentile: m.EvaluateLowSampleCountPercentile, Metrics: m.Metrics, ThresholdMetricId: m.ThresholdMetricId,
  };
}

function newAlarm(a: Extract<PolicyArgs, { type: 'StepScaling' }>, policyArn: string): AlarmInput {
  const spec = a.alarm!;
  return {
    AlarmName: `Step-${a.cluster}-${a.service}-${a.policyName}`,
    AlarmDescription: `Runs step scaling policy ${a.policyName} of ECS service ${a.service} (cluster ${a.cluster}).`,
    ActionsEnabled: true,
    AlarmActions: [policyArn],
    Namespace: 'AWS/ECS', MetricName: spec.metric, Statistic: 'Average', Unit: 'Percent',
    Dimensions: [{ Name: 'ClusterName', Value: a.cluster }, { Name: 'ServiceName', Value: a.service }],
    Period: spec.periodSeconds, EvaluationPeriods: spec.evaluationPeriods, Threshold: spec.threshold, ComparisonOperator: spec.comparison,
  };
}

export interface DeletedResult { resourceId: string; deleted: string }

export async function deleteScalingPolicy(clients: ClientManager, a: NamedArgs): Promise<DeletedResult> {
  const { sdk, client } = await aas(clients, a.scope);
  const t = target(a);
  await client.send(new sdk.autoscaling.DeleteScalingPolicyCommand({ ...t, PolicyName: a.name }));
  return { resourceId: t.ResourceId, deleted: a.name };
}

export interface ScheduledResult { resourceId: string; name: string; schedule: string; timezone: string; nextRuns: string[]; nextRunsText: string[] }

export async function putScheduledAction(clients: ClientManager, a: ScheduledArgs, now = Date.now()): Promise<ScheduledResult> {
  const { sdk, client } = await aas(clients, a.scope);
  const t = target(a);
  await client.send(new sdk.autoscaling.PutScheduledActionCommand({
    ...t, ScheduledActionName: a.name, Schedule: a.schedule, Timezone: a.timezone,
    ScalableTargetAction: { MinCapacity: a.minCapacity, MaxCapacity: a.maxCapacity },
  }));
  const runs = nextRuns(parseSchedule(a.schedule), a.timezone, now);
  return { resourceId: t.ResourceId, name: a.name, schedule: a.schedule, timezone: a.timezone, nextRuns: runs.map((r) => r.toISOString()), nextRunsText: describeRuns(runs, a.timezone) };
}

export async function deleteScheduledAction(clients: ClientManager, a: NamedArgs): Promise<DeletedResult> {
  const { sdk, client } = await aas(clients, a.scope);
  const t = target(a);
  await client.send(new sdk.autoscaling.DeleteScheduledActionCommand({ ...t, ScheduledActionName: a.name }));
  return { resourceId: t.ResourceId, deleted: a.name };
}
