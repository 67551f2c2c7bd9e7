/**
 * The argument objects of the auto scaling commands (issue 15), checked before anything is sent:
 * a caller that passes one gets a result or an error saying what is expected, never a picker.
 */
import type { Scope } from '../aws/clientManager';
import { readArgs, type ArgumentReader } from '../util/args';
import { checkTimezone, parseSchedule, ScheduleError } from './scalingSchedule';

type Arg = Record<string, unknown>;

export interface ScalingRef {
  scope: Scope;
  cluster: string;
  service: string;
}

const CAPACITY_MAX = 100_000;

function ref(r: ArgumentReader): ScalingRef {
  return { scope: r.scope(), cluster: r.string('cluster'), service: r.string('service') };
}

export interface CapacityArgs extends ScalingRef {
  minCapacity: number;
  maxCapacity: number;
}

export function parseCapacityArgs(arg: Arg): CapacityArgs {
  const r = readArgs('ecsWorkbench.setScalingCapacity', '{ cluster, service, minCapacity, maxCapacity }', arg, ['cluster', 'service', 'minCapacity', 'maxCapacity']);
  const out = { ...ref(r), minCapacity: r.int('minCapacity', 0, CAPACITY_MAX), maxCapacity: r.int('maxCapacity', 0, CAPACITY_MAX) };
  if (out.minCapacity > out.maxCapacity) r.fail(`"minCapacity" (${out.minCapacity}) cannot be greater than "maxCapacity" (${out.maxCapacity})`);
  return out;
}

export interface SuspendArgs extends ScalingRef {
  /** Which of the three to change; all three when none is named. */
  dynamicScalingIn: boolean;
  dynamicScalingOut: boolean;
  scheduledScaling: boolean;
}

export function parseSuspendArgs(command: 'suspendScaling' | 'resumeScaling', arg: Arg): SuspendArgs {
  const r = readArgs(`ecsWorkbench.${command}`, '{ cluster, service, dynamicScalingIn?, dynamicScalingOut?, scheduledScaling? }', arg, ['cluster', 'service', 'dynamicScalingIn', 'dynamicScalingOut', 'scheduledScaling']);
  const named = [r.bool('dynamicScalingIn'), r.bool('dynamicScalingOut'), r.bool('scheduledScaling')];
  const all = named.every((v) => v === undefined);
  const [dynamicScalingIn, dynamicScalingOut, scheduledScaling] = named.map((v) => all || v === true);
  return { ...ref(r), dynamicScalingIn, dynamicScalingOut, scheduledScaling };
}

export const TRACKING_METRICS = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'] as const;
export type TrackingMetric = (typeof TRACKING_METRICS)[number];
export const ADJUSTMENT_TYPES = ['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'] as const;
export const COMPARISONS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const;

export interface Step {
  lowerBound?: number;
  upperBound?: number;
  adjustment: number;
}

/** A new CloudWatch alarm on the service's CPU or memory for a step policy. */
export interface NewAlarm {
  metric: 'CPUUtilization' | 'MemoryUtilization';
  threshold: number;
  comparison: (typeof COMPARISONS)[number];
  evaluationPeriods: number;
  periodSeconds: number;
}

export type PolicyArgs = ScalingRef & { policyName: string } & (
  | { type: 'TargetTracking'; metric: TrackingMetric; targetValue: number; scaleInCooldown?: number; scaleOutCooldown?: number; disableScaleIn?: boolean }
  | { type: 'StepScaling'; alarmName?: string; alarm?: NewAlarm; steps: Step[]; adjustmentType: (typeof ADJUSTMENT_TYPES)[number]; cooldown?: number }
);

const POLICY_USAGE =
  "{ cluster, service, policyName, type: 'TargetTracking', metric, targetValue, scaleInCooldown?, scaleOutCooldown?, disableScaleIn? } or { cluster, service, policyName, type: 'StepScaling', alarmName | alarm: { metric, threshold, comparison, evaluationPeriods?, periodSeconds? }, steps: [{ lowerBound?, upperBound?, adjustment }], adjustmentType, cooldown? }";

function steps(r: ArgumentReader): Step[] {
  const list = r.array('steps', (item, i): Step => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return r.fail(`steps[${i}] must be an object { lowerBound?, upperBound?, adjustment }`);
    const o = item as Arg;
    const num = (k: string): number | undefined => (o[k] === undefined ? undefined : typeof o[k] === 'number' && Number.isFinite(o[k]) ? (o[k] as number) : r.fail(`steps[${i}].${k} must be a number`));
    const adjustment = num('adjustment');
    if (adjustment === undefined || !Number.isInteger(adjustment)) r.fail(`steps[${i}].adjustment must be a whole number`);
    const step = { lowerBound: num('lowerBound'), upperBound: num('upperBound'), adjustment };
    if (step.lowerBound !== undefined && step.upperBound !== undefined && step.upperBound <= step.lowerBound) r.fail(`steps[${i}]: upperBound must be greater than lowerBound`);
    return step;
  });
  if (!list?.length) r.fail('"steps" must list at least one step');
  // AWS: the ranges may not overlap or leave gaps, and at most one is unbounded at each end (API_StepAdjustment).
  const sorted = [...list].sort((a, b) => (a.lowerBound ?? -Infinity) - (b.lowerBound ?? -Infinity));
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i - 1].upperBound ?? Infinity) !== (sorted[i].lowerBound ?? -Infinity)) r.fail('step ranges must meet without gaps or overlaps (one step\'s upperBound is the next one\'s lowerBound)');
  }
  return list;
}

export function parsePolicyArgs(arg: Arg): PolicyArgs {
  const allowed = ['cluster', 'service', 'policyName', 'type', 'metric', 'targetValue', 'scaleInCooldown', 'scaleOutCooldown', 'disableScaleIn', 'alarmName', 'alarm', 'steps', 'adjustmentType', 'cooldown'];
  const r: ArgumentReader = readArgs('ecsWorkbench.putScalingPolicy', POLICY_USAGE, arg, allowed);
  const base = { ...ref(r), policyName: policyName(r, 'policyName') };
  const type = r.oneOf('type', ['TargetTracking', 'StepScaling'] as const);
  if (!type) r.fail('"type" is missing');
  const cooldown = (k: string) => r.int(k, 0, 86400, true);
  if (type === 'TargetTracking') {
    for (const k of ['alarmName', 'alarm', 'steps', 'adjustmentType', 'cooldown']) if (r.has(k)) r.fail(`"${k}" belongs to a StepScaling policy`);
    const metric = r.oneOf('metric', TRACKING_METRICS);
    if (!metric) r.fail(`"metric" is missing (one of ${TRACKING_METRICS.join(', ')})`);
    const targetValue = r.number('targetValue');
    if (targetValue === undefined || targetValue <= 0 || (metric !== 'ALBRequestCountPerTarget' && targetValue > 100)) r.fail(`"targetValue" must be a number above 0${metric === 'ALBRequestCountPerTarget' ? '' : ' and at most 100 (a percentage)'}`);
    return { ...base, type, metric, targetValue, scaleInCooldown: cooldown('scaleInCooldown'), scaleOutCooldown: cooldown('scaleOutCooldown'), disableScaleIn: r.bool('disableScaleIn') };
  }
  for (const k of ['metric', 'targetValue', 'scaleInCooldown', 'scaleOutCooldown', 'disableScaleIn']) if (r.has(k)) r.fail(`"${k}" belongs to a TargetTracking policy`);
  if (r.has('alarmName') === r.has('alarm')) r.fail('give exactly one of "alarmName" (an existing CloudWatch alarm) and "alarm" (a new one)');
  const adjustmentType = r.oneOf('adjustmentType', ADJUSTMENT_TYPES);
  if (!adjustmentType) r.fail(`"adjustmentType" is missing (one of ${ADJUSTMENT_TYPES.join(', ')})`);
  const a: ArgumentReader | undefined = r.nested('alarm', ['metric', 'threshold', 'comparison', 'evaluationPeriods', 'periodSeconds']);
  let alarm: NewAlarm | undefined;
  if (a) {
    const metric = a.oneOf('metric', ['CPUUtilization', 'MemoryUtilization'] as const);
    const comparison = a.oneOf('comparison', COMPARISONS);
    const threshold = a.number('threshold');
    if (!metric || !comparison || threshold === undefined) return r.fail('"alarm" needs "metric" (CPUUtilization or MemoryUtilization), "threshold" and "comparison"');
    const periodSeconds = a.int('periodSeconds', 10, 86400, true) ?? 60;
    if (periodSeconds !== 10 && periodSeconds !== 30 && periodSeconds % 60 !== 0) r.fail('"alarm.periodSeconds" must be 10, 30 or a multiple of 60');
    alarm = { metric, comparison, threshold, periodSeconds, evaluationPeriods: a.int('evaluationPeriods', 1, 100, true) ?? 3 };
  }
  return { ...base, type, alarmName: r.string('alarmName', true), alarm, steps: steps(r), adjustmentType, cooldown: cooldown('cooldown') };
}

/** Policy and scheduled-action names: 1–256 characters, no colons or slashes (the API's pattern). */
function policyName(r: ArgumentReader, name: string): string {
  const v = r.string(name);
  if (v.length > 256 || /[:/|]/.test(v)) r.fail(`"${name}" must be 1 to 256 characters without ":", "/" or "|"`);
  return v;
}

export interface NamedArgs extends ScalingRef {
  name: string;
}

export function parseDeletePolicyArgs(arg: Arg): NamedArgs {
  const r = readArgs('ecsWorkbench.deleteScalingPolicy', '{ cluster, service, policyName }', arg, ['cluster', 'service', 'policyName']);
  return { ...ref(r), name: r.string('policyName') };
}

export function parseDeleteScheduledArgs(arg: Arg): NamedArgs {
  const r = readArgs('ecsWorkbench.deleteScheduledAction', '{ cluster, service, name }', arg, ['cluster', 'service', 'name']);
  return { ...ref(r), name: r.string('name') };
}

export interface ScheduledArgs extends NamedArgs {
  schedule: string;
  timezone: string;
  minCapacity?: number;
  maxCapacity?: number;
}

export function parseScheduledArgs(arg: Arg): ScheduledArgs {
  const r = readArgs('ecsWorkbench.putScheduledAction', '{ cluster, service, name, schedule, timezone?, minCapacity?, maxCapacity? }', arg, ['cluster', 'service', 'name', 'schedule', 'timezone', 'minCapacity', 'maxCapacity']);
  const out: ScheduledArgs = {
    ...ref(r),
    name: policyName(r, 'name'),
    schedule: r.string('schedule'),
    timezone: r.string('timezone', true) ?? 'UTC',
    minCapacity: r.int('minCapacity', 0, CAPACITY_MAX, true),
    maxCapacity: r.int('maxCapacity', 0, CAPACITY_MAX, true),
  };
  try {
    parseSchedule(out.schedule);
  } catch (e) {
    if (e instanceof ScheduleError) r.fail(`"schedule" ${out.schedule} is refused: ${e.message}`);
    throw e;
  }
  const zone = checkTimezone(out.timezone);
  if (zone) r.fail(`"timezone" ${zone}`);
  if (out.minCapacity === undefined && out.maxCapacity === undefined) r.fail('give "minCapacity", "maxCapacity" or both: what the action sets');
  if (out.minCapacity !== undefined && out.maxCapacity !== undefined && out.minCapacity > out.maxCapacity) r.fail('"minCapacity" cannot be greater than "maxCapacity"');
  return out;
}

export function parseActivitiesArgs(arg: Arg): ScalingRef {
  return ref(readArgs('ecsWorkbench.showScalingActivities', '{ cluster, service }', arg, ['cluster', 'service']));
}
