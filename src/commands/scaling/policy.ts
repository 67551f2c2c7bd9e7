/** *Add Scaling Policy…* (target tracking or step scaling) and *Delete Scaling Policy*. */
import { ADJUSTMENT_TYPES, COMPARISONS, parseDeletePolicyArgs, parsePolicyArgs, TRACKING_METRICS } from '../../ecs/scalingArgs';
import { deleteScalingPolicy, putScalingPolicy, type DeletedResult, type PolicyResult } from '../../ecs/scalingWrites';
import type { Services } from '../../services';
import { input, pick } from '../../ui/input';
import { runSteps, type Step } from '../../ui/steps';
import { deleteNamed, scalingCommand } from './target';

type Answers = Record<string, unknown> & { type?: 'TargetTracking' | 'StepScaling'; alarmKind?: 'existing' | 'new' };

const METRIC_LABELS: Record<(typeof TRACKING_METRICS)[number], string> = {
  ECSServiceAverageCPUUtilization: 'Average CPU utilisation (%)',
  ECSServiceAverageMemoryUtilization: 'Average memory utilisation (%)',
  ALBRequestCountPerTarget: 'Requests per target (load balancer target group)',
};

const positive = (v: string): string | undefined => (Number.isFinite(Number(v)) && Number(v) > 0 ? undefined : 'A number above 0');

/** `0-10:+1, 10-:+3` → steps (bounds relative to the alarm threshold; either end may be left open). */
export function parseStepsText(text: string): { lowerBound?: number; upperBound?: number; adjustment: number }[] | string {
  const out = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(-?\d+(?:\.\d+)?)?\s*\.\.\s*(-?\d+(?:\.\d+)?)?\s*:\s*([+-]?\d+)$/.exec(part);
    if (!m) return `"${part}" is not LOWER..UPPER:ADJUSTMENT (e.g. 0..10:+1, 10..:+3)`;
    out.push({ lowerBound: m[1] === undefined ? undefined : Number(m[1]), upperBound: m[2] === undefined ? undefined : Number(m[2]), adjustment: Number(m[3]) });
  }
  return out.length ? out : 'Give at least one step, e.g. 0..:+1';
}

const STEPS: Step<Answers>[] = [
  { title: 'Name', ask: async (v, s) => void (s.policyName = await input(v, { value: 'cpu-target', prompt: 'The policy name (no ":", "/" or "|")', validate: (x) => (/^[^:/|]{1,256}$/.test(x.trim()) ? undefined : '1 to 256 characters without ":", "/" or "|"') })) },
  {
    title: 'Type',
    ask: async (v, s) => void (s.type = await pick([
      { label: 'Target tracking', detail: 'Keep a metric near a target value', value: 'TargetTracking' as const },
      { label: 'Step scaling', detail: 'Add or remove tasks when a CloudWatch alarm fires', value: 'StepScaling' as const },
    ], v)),
  },
  { title: 'Metric', when: (s) => s.type === 'TargetTracking', ask: async (v, s) => void (s.metric = await pick(TRACKING_METRICS.map((m) => ({ label: METRIC_LABELS[m], description: m, value: m })), v)) },
  { title: 'Target value', when: (s) => s.type === 'TargetTracking', ask: async (v, s) => void (s.targetValue = Number(await input(v, { value: s.metric === 'ALBRequestCountPerTarget' ? '1000' : '60', validate: positive }))) },
  {
    title: 'Alarm',
    when: (s) => s.type === 'StepScaling',
    ask: async (v, s) => void (s.alarmKind = await pick([
      { label: 'A new alarm on the service’s CPU or memory', value: 'new' as const },
      { label: 'An existing CloudWatch alarm (by name)', value: 'existing' as const },
    ], v)),
  },
  { title: 'Alarm name', when: (s) => s.alarmKind === 'existing' && s.type === 'StepScaling', ask: async (v, s) => void (s.alarmName = (await input(v, { validate: (x) => (x.trim() ? undefined : 'The alarm name') })).trim()) },
  {
    title: 'Alarm metric and threshold',
    when: (s) => s.alarmKind === 'new' && s.type === 'StepScaling',
    ask: async (v, s) => {
      const text = await input(v, { value: 'CPUUtilization >= 70', prompt: 'METRIC OPERATOR THRESHOLD: CPUUtilization or MemoryUtilization, one of >= > < <=', validate: (x) => (/^(CPUUtilization|MemoryUtilization)\s*(>=|>|<=|<)\s*\d+(\.\d+)?$/.test(x.trim()) ? undefined : 'e.g. CPUUtilization >= 70') });
      const [, metric, op, threshold] = /^(\w+)\s*(>=|>|<=|<)\s*(.+)$/.exec(text.trim())!;
      s.alarm = { metric, threshold: Number(threshold), comparison: COMPARISONS[['>=', '>', '<', '<='].indexOf(op)] };
    },
  },
  { title: 'Adjustment type', when: (s) => s.type === 'StepScaling', ask: async (v, s) => void (s.adjustmentType = await pick(ADJUSTMENT_TYPES.map((t) => ({ label: t, value: t })), v)) },
  {
    title: 'Steps',
    when: (s) => s.type === 'StepScaling',
    ask: async (v, s) => {
      const text = await input(v, { value: '0..:+1', prompt: 'LOWER..UPPER:ADJUSTMENT, comma-separated; bounds are relative to the alarm threshold', validate: (x) => { const r = parseStepsText(x); return typeof r === 'string' ? r : undefined; } });
      s.steps = parseStepsText(text);
    },
  },
];

export function putScalingPolicyCommand(services: Services, arg: unknown): Promise<PolicyResult> {
  return scalingCommand(services, arg, parsePolicyArgs, (a) => putScalingPolicy(services.clientManager, a), async (t) => {
    const { alarmKind: _kind, ...answers } = await runSteps<Answers>('Add Scaling Policy', STEPS, {});
    const a = parsePolicyArgs({ ...answers, policyName: String(answers.policyName).trim(), cluster: t.cluster, service: t.service });
    return { args: a, message: (r) => `${t.service}: scaling policy ${a.policyName} set${r.createdAlarm ? ` with alarm ${r.createdAlarm}` : ''}.` };
  });
}

export function deleteScalingPolicyCommand(services: Services, arg: unknown): Promise<DeletedResult> {
  return deleteNamed(services, arg, 'Scaling policy', parseDeletePolicyArgs, (a) => deleteScalingPolicy(services.clientManager, a), 'Target tracking alarms go with it; the desired count stays where it is.');
}
