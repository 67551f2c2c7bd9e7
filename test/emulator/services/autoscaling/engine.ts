/**
 * Application Auto Scaling at work on the emulator's clock, once a minute while it is switched on
 * (`scalingEngine(region).start()`: tests that want scaling turn it on, so the demo's seeded policy
 * and schedule do not move other tests' desired counts):
 * - target tracking on ECSServiceAverageCPUUtilization / MemoryUtilization reads the service's
 *   simulated AWS/ECS metric, ALBRequestCountPerTarget the AWS/ApplicationELB RequestCountPerTarget
 *   of the target group its ResourceLabel names (cloudwatch/metrics). As AWS documents for the alarms it creates
 *   (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html):
 *   AlarmHigh after 3 one-minute datapoints above the target scales out to ceil(desired × metric / target),
 *   AlarmLow after 15 below 90 % of it scales in the same way (never with DisableScaleIn); each
 *   waits out its cooldown (ECS default 300 s, https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html#target-tracking-cooldown);
 * - step policies run while a PutMetricAlarm alarm naming them is in ALARM (evaluate());
 * - scheduled actions with cron() and rate() schedules run in their minute (at() ones are timed
 *   when put: state.ts), unless ScheduledScalingSuspended;
 * each change a scaling activity with a cause in AWS's words.
 */
import type * as aas from '../../generated/autoscaling';
import { perRegion, type Region } from '../../kit/world';
import type * as cw from '../../generated/cloudwatch';
import { setAlarmState, userAlarms } from '../cloudwatch/alarms';
import { findSeries, MINUTE } from '../cloudwatch/metrics/catalogue';
import { ecsService, findTarget, recordActivity, scalingState, setCapacityFromSchedule } from './state';
import { due } from './schedule';

const COMPARE: Record<string, (v: number, t: number) => boolean> = {
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  GreaterThanThreshold: (v, t) => v > t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};
const METRICS: Record<string, string> = { ECSServiceAverageCPUUtilization: 'CPUUtilization', ECSServiceAverageMemoryUtilization: 'MemoryUtilization' };
const DEFAULT_COOLDOWN_S = 300;

/**
 * The CloudWatch metric a target-tracking policy follows. ALBRequestCountPerTarget's ResourceLabel is
 * `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>`, the two dimension values of the metric
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html).
 */
function trackedMetric(p: aas.ScalingPolicy): cw.Metric {
  const predefined = p.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification;
  if (predefined?.PredefinedMetricType === 'ALBRequestCountPerTarget') {
    const label = predefined.ResourceLabel ?? '';
    const at = label.indexOf('/targetgroup/');
    return { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCountPerTarget', Dimensions: [{ Name: 'TargetGroup', Value: label.slice(at + 1) }, { Name: 'LoadBalancer', Value: label.slice(0, at) }] };
  }
  const [, cluster, service] = p.ResourceId.split('/');
  return { Namespace: 'AWS/ECS', MetricName: METRICS[predefined?.PredefinedMetricType ?? ''] ?? '', Dimensions: [{ Name: 'ClusterName', Value: cluster }, { Name: 'ServiceName', Value: service }] };
}

class ScalingEngine {
  private on = false;
  private lastMinute = 0;
  /** When each policy last scaled out / in (its cooldown). */
  private readonly lastOut = new Map<string, number>();
  private readonly lastIn = new Map<string, number>();

  constructor(private readonly region: Region) {}

  start(): void {
    if (this.on) return;
    this.on = true;
    this.lastMinute = Math.floor(this.region.now().getTime() / MINUTE) * MINUTE;
    this.arm();
  }

  stop(): void {
    this.on = false;
  }

  private arm(): void {
    const sched = this.region.core.sched;
    const now = this.region.now().getTime();
    const next = (Math.floor(now / MINUTE) + 1) * MINUTE;
    // AWS time, not ECS's own delays: do not let the time scale shorten it.
    sched.after((next - now) * sched.timeScale, () => {
      if (!this.on) return;
      this.tick();
      this.arm();
    });
  }

  private tick(): void {
    const now = Math.floor(this.region.now().getTime() / MINUTE) * MINUTE;
    for (let m = this.lastMinute + MINUTE; m <= now; m += MINUTE) this.scheduled(m);
    this.lastMinute = now;
    for (const p of [...scalingState(this.region).policies]) {
      if (p.PolicyType === 'TargetTrackingScaling') this.track(p, now);
    }
    for (const alarm of userAlarms(this.region).values()) this.evaluate(alarm, now);
  }

  /**
   * A PutMetricAlarm alarm on an AWS/ECS metric: ALARM when its last EvaluationPeriods periods all
   * breach the threshold, else OK; while in ALARM it invokes the step policies in its AlarmActions
   * (https://docs.aws.amazon.com/autoscaling/application/userguide/step-scaling-policy-overview.html).
   */
  private evaluate(alarm: cw.MetricAlarm, now: number): void {
    const series = alarm.Namespace && alarm.MetricName ? findSeries(this.region, { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }) : undefined;
    const period = (alarm.Period ?? 60) * 1000;
    const periods = alarm.EvaluationPeriods ?? 1;
    if (!series || period < MINUTE) return;
    const values: number[] = [];
    for (let i = periods; i > 0; i--) {
      const xs = series.samples(now - i * period, now - (i - 1) * period).flatMap((x) => x.values);
      if (!xs.length) return;
      values.push(xs.reduce((a, b) => a + b, 0) / xs.length);
    }
    const breach = (v: number): boolean => COMPARE[alarm.ComparisonOperator ?? '']?.(v, alarm.Threshold ?? 0) ?? false;
    const inAlarm = values.every(breach);
    const last = values[values.length - 1];
    setAlarmState(this.region, alarm, inAlarm ? 'ALARM' : 'OK', `Threshold Crossed: ${periods} datapoint${periods > 1 ? 's were' : ' was'} ${inAlarm ? '' : 'not '}${alarm.ComparisonOperator} the threshold (${alarm.Threshold}); the most recent: ${Math.round(last * 100) / 100}.`);
    if (!inAlarm || alarm.ActionsEnabled === false) return;
    for (const action of alarm.AlarmActions ?? []) {
      const policy = scalingState(this.region).policies.find((p) => p.PolicyARN === action && p.PolicyType === 'StepScaling');
      if (policy) this.step(policy, alarm, last, now);
    }
  }

  private step(p: aas.ScalingPolicy, alarm: cw.MetricAlarm, value: number, now: number): void {
    const config = p.StepScalingPolicyConfiguration ?? {};
    const target = findTarget(this.region, p);
    const svc = ecsService(this.region, p.ResourceId);
    if (!target || !svc) return;
    if (now - (this.lastOut.get(p.PolicyARN) ?? -Infinity) < (config.Cooldown ?? DEFAULT_COOLDOWN_S) * 1000) return;
    // Step bounds are relative to the threshold: lower inclusive, upper exclusive.
    const diff = value - (alarm.Threshold ?? 0);
    const s = config.StepAdjustments?.find((x) => (x.MetricIntervalLowerBound ?? -Infinity) <= diff && diff < (x.MetricIntervalUpperBound ?? Infinity));
    if (!s) return;
    const n = s.ScalingAdjustment;
    const raw = config.AdjustmentType === 'ExactCapacity' ? n : config.AdjustmentType === 'PercentChangeInCapacity' ? svc.desiredCount + Math.trunc((svc.desiredCount * n) / 100) : svc.desiredCount + n;
    const to = Math.min(target.MaxCapacity, Math.max(target.MinCapacity, raw));
    const suspended = to > svc.desiredCount ? target.SuspendedState?.DynamicScalingOutSuspended : target.SuspendedState?.DynamicScalingInSuspended;
    if (!suspended && recordActivity(this.region, target, to, `monitor alarm ${alarm.AlarmName} in state ALARM triggered policy ${p.PolicyName}`)) this.lastOut.set(p.PolicyARN, now);
  }

  private scheduled(minute: number): void {
    for (const a of [...scalingState(this.region).scheduled]) {
      const target = findTarget(this.region, a);
      if (!target || target.SuspendedState?.ScheduledScalingSuspended) continue;
      if ((a.StartTime && minute < a.StartTime.getTime()) || (a.EndTime && minute > a.EndTime.getTime())) continue;
      if (due(a.Schedule, a.Timezone ?? 'UTC', minute, (a.StartTime ?? a.CreationTime).getTime())) setCapacityFromSchedule(this.region, a, target);
    }
  }

  /** The service's metric, one average per minute, for the `n` minutes before `now`. */
  private datapoints(p: aas.ScalingPolicy, now: number, n: number): number[] | undefined {
    const series = findSeries(this.region, trackedMetric(p));
    const samples = series?.samples(now - n * MINUTE, now) ?? [];
    if (samples.length < n) return undefined;
    return samples.map((s) => s.values.reduce((a, b) => a + b, 0) / s.values.length);
  }

  private track(p: aas.ScalingPolicy, now: number): void {
    const config = p.TargetTrackingScalingPolicyConfiguration!;
    const target = findTarget(this.region, p);
    const svc = ecsService(this.region, p.ResourceId);
    if (!target || !svc) return;
    const goal = config.TargetValue;
    const high = this.datapoints(p, now, 3);
    const [alarmHigh, alarmLow] = [p.Alarms?.find((a) => a.AlarmName.includes('-AlarmHigh-')), p.Alarms?.find((a) => a.AlarmName.includes('-AlarmLow-'))];
    const want = (metric: number): number => Math.ceil((svc.desiredCount * metric) / goal);
    if (high && high.every((v) => v > goal) && !target.SuspendedState?.DynamicScalingOutSuspended) {
      if (now - (this.lastOut.get(p.PolicyARN) ?? -Infinity) < (config.ScaleOutCooldown ?? DEFAULT_COOLDOWN_S) * 1000) return;
      const to = Math.min(target.MaxCapacity, Math.max(svc.desiredCount + 1, want(high[high.length - 1])));
      if (to > svc.desiredCount && this.scale(p, target, to, alarmHigh?.AlarmName)) this.lastOut.set(p.PolicyARN, now);
      return;
    }
    const low = this.datapoints(p, now, 15);
    if (low && !config.DisableScaleIn && low.every((v) => v < goal * 0.9) && !target.SuspendedState?.DynamicScalingInSuspended) {
      if (now - (this.lastIn.get(p.PolicyARN) ?? -Infinity) < (config.ScaleInCooldown ?? DEFAULT_COOLDOWN_S) * 1000) return;
      const to = Math.max(target.MinCapacity, Math.min(svc.desiredCount - 1, want(low[low.length - 1])));
      if (to < svc.desiredCount && this.scale(p, target, to, alarmLow?.AlarmName)) this.lastIn.set(p.PolicyARN, now);
    }
  }

  private scale(p: aas.ScalingPolicy, target: aas.ScalableTarget, to: number, alarm: string | undefined): boolean {
    return recordActivity(this.region, target, to, `monitor alarm ${alarm ?? 'TargetTracking'} in state ALARM triggered policy ${p.PolicyName}`);
  }
}

export const scalingEngine = perRegion('application-autoscaling-engine', (region) => new ScalingEngine(region));
