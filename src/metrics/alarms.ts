/**
 * The alarm lines of a service's target-tracking policies: Application Auto Scaling names the
 * alarms it created (DescribeScalingPolicies), CloudWatch DescribeAlarms gives their thresholds.
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import { readServiceScaling } from '../ecs/autoScaling';
import type { AlarmLine } from './model';


const CHART: Record<string, AlarmLine['metric']> = { CPUUtilization: 'cpu', MemoryUtilization: 'memory' };

export async function readAlarmLines(clients: ClientManager, scope: Scope, cluster: string, service: string): Promise<AlarmLine[]> {
  const scaling = await readServiceScaling(clients, scope, cluster, service);
  const byAlarm = new Map<string, string>();
  for (const p of scaling.policies) {
    if (p.PolicyType !== 'TargetTrackingScaling') continue;
    for (const a of p.Alarms ?? []) if (a.AlarmName) byAlarm.set(a.AlarmName, p.PolicyName ?? '');
  }
  if (!byAlarm.size) return [];
  const { sdk, client } = await clients.clientWithSdk('cloudwatch', scope);
  const names = [...byAlarm.keys()];
  const lines: AlarmLine[] = [];
  // DescribeAlarms takes at most 100 names.
  for (let i = 0; i < names.length; i += 100) {
    const out = await client.send(new sdk.cloudwatch.DescribeAlarmsCommand({ AlarmNames: names.slice(i, i + 100), AlarmTypes: ['MetricAlarm'] }));
    for (const a of out.MetricAlarms ?? []) {
      const metric = CHART[a.MetricName ?? ''];
      if (metric && a.Threshold !== undefined) lines.push({ name: a.AlarmName ?? '', policy: byAlarm.get(a.AlarmName ?? '') ?? '', metric, threshold: a.Threshold, comparison: a.ComparisonOperator ?? '', state: a.StateValue });
    }
  }
  return lines;
}
