/** Application Auto Scaling of one ECS service (its DesiredCount): target, policies, scheduled actions. */
import { serviceScalingResourceId } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import type { autoscaling as AasTypes } from '../aws/sdk';
import type { Presented } from './present';
import { code, detailRows } from '../util/markdown';

export interface ServiceScaling {
  target?: AasTypes.ScalableTarget;
  policies: AasTypes.ScalingPolicy[];
  scheduled: AasTypes.ScheduledAction[];
}

/** Three calls side by side (DescribeScalableTargets, DescribeScalingPolicies, DescribeScheduledActions) for `service/CLUSTER/SERVICE`. */
export async function readServiceScaling(clients: ClientManager, scope: Scope, cluster: string, service: string): Promise<ServiceScaling> {
  const { sdk, client } = await clients.clientWithSdk('autoscaling', scope);
  const query = { ServiceNamespace: 'ecs' as const, ResourceId: serviceScalingResourceId(cluster, service), ScalableDimension: 'ecs:service:DesiredCount' as const };
  const [targets, policies, scheduled] = await Promise.all([
    client.send(new sdk.autoscaling.DescribeScalableTargetsCommand({ ServiceNamespace: query.ServiceNamespace, ResourceIds: [query.ResourceId], ScalableDimension: query.ScalableDimension })),
    client.send(new sdk.autoscaling.DescribeScalingPoliciesCommand(query)),
    client.send(new sdk.autoscaling.DescribeScheduledActionsCommand(query)),
  ]);
  return { target: targets.ScalableTargets?.[0], policies: policies.ScalingPolicies ?? [], scheduled: scheduled.ScheduledActions ?? [] };
}

export function presentScalableTarget(t: AasTypes.ScalableTarget): Presented {
  const suspended = Object.entries(t.SuspendedState ?? {}).filter(([, v]) => v === true).map(([k]) => k);
  return {
    label: `Scalable target: min ${t.MinCapacity} · max ${t.MaxCapacity}`,
    description: suspended.length ? `suspended: ${suspended.join(', ')}` : 'active',
    details: detailRows([['Resource', code(t.ResourceId)], ['Min', t.MinCapacity], ['Max', t.MaxCapacity], ['Role', code(t.RoleARN)]]),
    state: suspended.length ? 'warning' : 'ok',
  };
}

export function presentScalingPolicy(p: AasTypes.ScalingPolicy): Presented {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  const metric = tt?.PredefinedMetricSpecification?.PredefinedMetricType ?? tt?.CustomizedMetricSpecification?.MetricName;
  const what = tt ? `${metric ?? 'metric'} → ${tt.TargetValue}` : `${p.StepScalingPolicyConfiguration?.StepAdjustments?.length ?? 0} step(s), ${p.StepScalingPolicyConfiguration?.AdjustmentType ?? ''}`;
  return {
    label: `Policy ${p.PolicyName}`,
    description: `${p.PolicyType} · ${what}`,
    details: detailRows([['Policy', p.PolicyName], ['Type', p.PolicyType], ['Configuration', what], ['Alarms', p.Alarms?.map((a) => a.AlarmName).join(', ')]]),
    state: 'ok',
  };
}

export function presentScheduledAction(a: AasTypes.ScheduledAction): Presented {
  const range = `min ${a.ScalableTargetAction?.MinCapacity ?? '–'} · max ${a.ScalableTargetAction?.MaxCapacity ?? '–'}`;
  return {
    label: `Scheduled ${a.ScheduledActionName}`,
    description: `${a.Schedule}${a.Timezone ? ` ${a.Timezone}` : ''} → ${range}`,
    details: detailRows([['Schedule', code(`${a.Schedule}${a.Timezone ? ` (${a.Timezone})` : ''}`)], ['Sets', range]]),
    state: 'ok',
  };
}

/** A scaling activity: what it set, when, and its cause in AWS's words (all of it in the tooltip). */
export function presentScalingActivity(a: ScalingActivity): Presented {
  const when = a.startTime ? a.startTime.slice(0, 16).replace('T', ' ') : '';
  return {
    label: a.description || 'Scaling activity',
    description: `${a.status}${when ? ` · ${when} UTC` : ''}`,
    details: detailRows([['Activity', a.description], ['Status', a.status], ['Started', a.startTime], ['Cause', a.cause], ['Result', a.statusMessage]]),
    state: a.status === 'Successful' ? 'ok' : a.status === 'Failed' ? 'error' : 'progress',
  };
}

export interface ScalingActivity { description: string; cause: string; status: string; statusMessage?: string; startTime?: string; endTime?: string }

/** The most recent scaling activities, newest first (DescribeScalingActivities, one page of up to `limit`). */
export async function readScalingActivities(clients: ClientManager, a: { scope: Scope; cluster: string; service: string }, limit = 20): Promise<ScalingActivity[]> {
  const { sdk, client } = await clients.clientWithSdk('autoscaling', a.scope);
  const out = await client.send(new sdk.autoscaling.DescribeScalingActivitiesCommand({ ServiceNamespace: 'ecs', ResourceId: serviceScalingResourceId(a.cluster, a.service), ScalableDimension: 'ecs:service:DesiredCount', MaxResults: limit }));
  return (out.ScalingActivities ?? []).map((x) => ({
    description: x.Description ?? '', cause: x.Cause ?? '', status: x.StatusCode ?? '', statusMessage: x.StatusMessage,
    startTime: x.StartTime?.toISOString(), endTime: x.EndTime?.toISOString(),
  }));
}
