import * as assert from 'assert';
import {
  ApplicationAutoScalingClient, DeleteScalingPolicyCommand, DeleteScheduledActionCommand, DescribeScalingActivitiesCommand, PutScalingPolicyCommand, PutScheduledActionCommand, RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { scalingEngine } from '../../emulator/services/autoscaling/engine';
import { due } from '../../emulator/services/autoscaling/schedule';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const WEB = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/demo-fargate/web', ScalableDimension: 'ecs:service:DesiredCount' as const };

describe('emulator: auto scaling at work on the clock', () => {
  const ctx = useEmulator({ seed: 'demo' });
  const clients = once(() => ({ aas: new ApplicationAutoScalingClient(sdkConfig(ctx.emu)), ecs: new ECSClient(sdkConfig(ctx.emu)), cw: new CloudWatchClient(sdkConfig(ctx.emu)) }));
  const aas = { send: ((command: never) => clients().aas.send(command)) as ApplicationAutoScalingClient['send'] };
  const desired = async (): Promise<number | undefined> => (await clients().ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['web'] }))).services?.[0].desiredCount;
  after(() => scalingEngine(ctx.emu.region().world).stop());

  it('refuses malformed schedules, time zones and ALB policies without a resource label', async () => {
    await aas.send(new RegisterScalableTargetCommand({ ...WEB, MinCapacity: 1, MaxCapacity: 6 }));
    const bad = async (Schedule: string, Timezone?: string) => (await rejectsWith(aas.send(new PutScheduledActionCommand({ ...WEB, ScheduledActionName: 'x', Schedule, Timezone, ScalableTargetAction: { MinCapacity: 1 } })), 'ValidationException')).message;
    assert.strictEqual(await bad('cron(0 9 * * MON *)'), 'Invalid cron expression: cron(0 9 * * MON *)');
    assert.strictEqual(await bad('rate(1 minutes)'), 'Invalid rate expression: rate(1 minutes)');
    assert.strictEqual(await bad('at(2026-12-01 10:00)'), 'Invalid at expression: at(2026-12-01 10:00)');
    assert.strictEqual(await bad('rate(5 minutes)', 'Mars/Olympus'), 'Invalid timezone: Mars/Olympus');
    await rejectsWith(aas.send(new PutScalingPolicyCommand({ ...WEB, PolicyName: 'rq', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 100, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' } } })), 'ValidationException');
  });

  it('cron and rate minutes in the action time zone', () => {
    const paris7 = Date.parse('2025-01-16T06:00:00Z'); // Thursday 07:00 in Paris
    assert.ok(due('cron(0 7 ? * MON-FRI *)', 'Europe/Paris', paris7, 0));
    assert.ok(!due('cron(0 7 ? * MON-FRI *)', 'UTC', paris7, 0));
    assert.ok(!due('cron(0 7 ? * SAT,SUN *)', 'Europe/Paris', paris7, 0));
    const start = Date.parse('2025-01-15T09:00:30Z');
    assert.ok(due('rate(5 minutes)', 'UTC', start - 30_000 + 5 * 60_000, start));
    assert.ok(!due('rate(5 minutes)', 'UTC', start - 30_000 + 4 * 60_000, start));
  });

  it('target tracking scales out when the simulated CPU is above the target, with an activity naming its alarm', async () => {
    scalingEngine(ctx.emu.region().world).start();
    await aas.send(new PutScalingPolicyCommand({ ...WEB, PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 5, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleOutCooldown: 60 } }));
    const before = (await desired())!;
    await ctx.emu.clock.advance(4 * 60_000);
    const after = (await desired())!;
    assert.ok(after > before && after <= 6, `desired ${before} → ${after}`);
    const act = (await aas.send(new DescribeScalingActivitiesCommand({ ...WEB }))).ScalingActivities![0];
    assert.strictEqual(act.Description, `Setting desired count to ${after}.`);
    assert.match(act.Cause!, /^monitor alarm TargetTracking-service\/demo-fargate\/web-AlarmHigh-[0-9a-f-]+ in state ALARM triggered policy cpu$/);
    await ctx.emu.clock.advance(10 * 60_000);
    assert.strictEqual(await desired(), 6, 'up to the maximum, not beyond');
  });

  it('a rate() scheduled action sets the range when its minute comes', async () => {
    await aas.send(new PutScheduledActionCommand({ ...WEB, ScheduledActionName: 'every-5', Schedule: 'rate(5 minutes)', ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 3 } }));
    await ctx.emu.clock.advance(6 * 60_000);
    assert.strictEqual(await desired(), 3);
    const acts = (await aas.send(new DescribeScalingActivitiesCommand({ ...WEB }))).ScalingActivities!;
    assert.ok(acts.some((a) => a.Cause === 'scheduled action name every-5 was triggered'));
  });

  it('a step policy runs while its PutMetricAlarm alarm is in ALARM, by its step for the breach', async () => {
    scalingEngine(ctx.emu.region().world).start();
    await aas.send(new DeleteScheduledActionCommand({ ...WEB, ScheduledActionName: 'every-5' })).catch(() => undefined);
    await aas.send(new DeleteScalingPolicyCommand({ ...WEB, PolicyName: 'cpu' })).catch(() => undefined);
    await aas.send(new RegisterScalableTargetCommand({ ...WEB, MinCapacity: 1, MaxCapacity: 8 }));
    const policy = await aas.send(new PutScalingPolicyCommand({
      ...WEB, PolicyName: 'step-out', PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', Cooldown: 60, StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 1000, ScalingAdjustment: 2 }, { MetricIntervalLowerBound: 1000, ScalingAdjustment: 5 }] },
    }));
    await clients().cw.send(new PutMetricAlarmCommand({
      AlarmName: 'web-cpu-high', Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', Dimensions: [{ Name: 'ClusterName', Value: 'demo-fargate' }, { Name: 'ServiceName', Value: 'web' }], AlarmActions: [policy.PolicyARN!],
    }));
    const shown = async () => (await clients().cw.send(new DescribeAlarmsCommand({ AlarmNames: ['web-cpu-high'] }))).MetricAlarms![0];
    assert.strictEqual((await shown()).StateValue, 'INSUFFICIENT_DATA');
    const before = (await desired())!;
    await ctx.emu.clock.advance(60_000);
    assert.strictEqual((await shown()).StateValue, 'ALARM');
    assert.strictEqual(await desired(), Math.min(8, before + 2));
    const act = (await aas.send(new DescribeScalingActivitiesCommand({ ...WEB }))).ScalingActivities![0];
    assert.strictEqual(act.Cause, 'monitor alarm web-cpu-high in state ALARM triggered policy step-out');
  });
});
