/**
 * CloudWatch metrics of the simulated ECS services (metrics/: GetMetricData, GetMetricStatistics,
 * ListMetrics, computed from the service history) and DescribeAlarms: the two alarms Application Auto Scaling creates for each
 * target-tracking policy (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html),
 * so the explorer can show what scales a service, and the alarms PutMetricAlarm stores (alarms.ts). The model declares awsJson1_0, awsQuery and
 * rpcv2Cbor; the kit serves all three (the Debian AWS CLI sends awsQuery).
 */
import type * as aas from '../../generated/autoscaling';
import type * as cw from '../../generated/cloudwatch';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import type { Region } from '../../kit/world';
import { scalingState } from '../autoscaling/state';
import { putMetricAlarm, userAlarms } from './alarms';
import { getMetricData } from './metrics/getMetricData';
import { getMetricStatistics } from './metrics/getMetricStatistics';
import { listMetrics } from './metrics/listMetrics';

const METRIC: Record<string, { name: string; namespace: string; statistic: cw.Statistic }> = {
  ECSServiceAverageCPUUtilization: { name: 'CPUUtilization', namespace: 'AWS/ECS', statistic: 'Average' },
  ECSServiceAverageMemoryUtilization: { name: 'MemoryUtilization', namespace: 'AWS/ECS', statistic: 'Average' },
};

/** A target-tracking alarm: High (above the target for 3 minutes) or Low (below 90% of it for 15). */
function alarmOf(region: Region, policy: aas.ScalingPolicy, alarm: aas.Alarm): cw.MetricAlarm {
  const config = policy.TargetTrackingScalingPolicyConfiguration;
  const metric = METRIC[config?.PredefinedMetricSpecification?.PredefinedMetricType ?? ''] ?? { name: 'CPUUtilization', namespace: 'AWS/ECS', statistic: 'Average' };
  const high = alarm.AlarmName.includes('-AlarmHigh-');
  const target = config?.TargetValue ?? 0;
  const [cluster, service] = policy.ResourceId.split('/').slice(1);
  return {
    AlarmName: alarm.AlarmName,
    AlarmArn: alarm.AlarmARN,
    AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.PolicyARN}.`,
    AlarmConfigurationUpdatedTimestamp: policy.CreationTime,
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [policy.PolicyARN],
    InsufficientDataActions: [],
    // A quiet demo service: below the target, so the scale-in alarm is the one in ALARM.
    StateValue: high ? 'OK' : 'ALARM',
    StateReason: high ? 'Threshold Crossed: no datapoints were above the threshold.' : 'Threshold Crossed: 15 datapoints were less than the threshold.',
    StateUpdatedTimestamp: region.now(),
    MetricName: metric.name,
    Namespace: metric.namespace,
    Statistic: metric.statistic,
    Dimensions: [{ Name: 'ClusterName', Value: cluster }, { Name: 'ServiceName', Value: service }],
    Period: 60,
    EvaluationPeriods: high ? 3 : 15,
    DatapointsToAlarm: high ? 3 : 15,
    Threshold: high ? target : Math.round(target * 0.9 * 100) / 100,
    ComparisonOperator: high ? 'GreaterThanThreshold' : 'LessThanThreshold',
    Unit: 'Percent',
  };
}

export const cloudwatchService = defineService<cw.Operations>({
  model: 'cloudwatch',
  iamPrefix: 'cloudwatch',
  // The error its model lists for DescribeAlarms, worded as the model documents it.
  // ListMetrics' model lists no InvalidNextToken: its tokens are its own (metrics/listMetrics.ts), refused with the InvalidParameterValue it lists.
  pageTokens: { error: 'InvalidNextToken', message: 'The next token specified is invalid.', unbound: ['ListMetrics'] },
  handlers: {
    DescribeAlarms: (input, { region }) => {
      const alarms = scalingState(region).policies
        .flatMap((p) => (p.Alarms ?? []).map((a) => alarmOf(region, p, a)))
        .concat([...userAlarms(region).values()])
        .filter((a) => (!input.AlarmNames || input.AlarmNames.includes(a.AlarmName ?? '')) && (!input.AlarmNamePrefix || (a.AlarmName ?? '').startsWith(input.AlarmNamePrefix)))
        .filter((a) => (!input.StateValue || a.StateValue === input.StateValue) && (!input.ActionPrefix || (a.AlarmActions ?? []).some((x) => x.startsWith(input.ActionPrefix!))))
        .filter(() => !input.AlarmTypes || input.AlarmTypes.includes('MetricAlarm'));
      const p = page(alarms, input.MaxRecords, input.NextToken, { def: 50, max: 100, error: 'InvalidNextToken', sizeName: 'MaxRecords' });
      return { MetricAlarms: p.items, CompositeAlarms: [], NextToken: p.next };
    },
    GetMetricData: (input, { region }) => getMetricData(region, input),
    GetMetricStatistics: (input, { region }) => getMetricStatistics(region, input),
    ListMetrics: (input, { region }) => listMetrics(region, input),
    PutMetricAlarm: (input, { region }) => {
      putMetricAlarm(region, input);
      return {};
    },
  },
});
