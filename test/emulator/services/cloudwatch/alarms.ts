/**
 * Metric alarms put with PutMetricAlarm (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html):
 * stored per region, created in INSUFFICIENT_DATA and replaced whole by a PutMetricAlarm of the same
 * name, as CloudWatch does. Their state is evaluated by Application Auto Scaling's engine
 * (autoscaling/engine.ts), which runs the step policies they name in AlarmActions.
 */
import type * as cw from '../../generated/cloudwatch';
import { arn } from '../../kit/arn';
import { perRegion, type Region } from '../../kit/world';

export const userAlarms = perRegion('cloudwatch-alarms', () => new Map<string, cw.MetricAlarm>());

export function putMetricAlarm(region: Region, input: cw.PutMetricAlarmInput): void {
  const alarms = userAlarms(region);
  const previous = alarms.get(input.AlarmName);
  const now = region.now();
  const { Tags: _tags, ...config } = input as cw.PutMetricAlarmInput & { Tags?: unknown };
  alarms.set(input.AlarmName, {
    ...config,
    AlarmArn: arn('cloudwatch', region.name, `alarm:${input.AlarmName}`),
    ActionsEnabled: input.ActionsEnabled ?? true,
    OKActions: input.OKActions ?? [],
    AlarmActions: input.AlarmActions ?? [],
    InsufficientDataActions: input.InsufficientDataActions ?? [],
    AlarmConfigurationUpdatedTimestamp: now,
    StateValue: previous?.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: previous?.StateReason ?? 'Unchecked: Initial alarm creation',
    StateUpdatedTimestamp: previous?.StateUpdatedTimestamp ?? now,
  });
}

/** Moves an alarm to `state` with CloudWatch's kind of reason; true when the state changed. */
export function setAlarmState(region: Region, alarm: cw.MetricAlarm, state: cw.StateValue, reason: string): boolean {
  if (alarm.StateValue === state) return false;
  Object.assign(alarm, { StateValue: state, StateReason: reason, StateUpdatedTimestamp: region.now() });
  return true;
}
