import * as assert from 'assert';
import { albResourceLabel } from '../../../src/aws/arn';
import { parseCapacityArgs, parseDeletePolicyArgs, parsePolicyArgs, parseScheduledArgs, parseSuspendArgs } from '../../../src/ecs/scalingArgs';

const SVC = { cluster: 'demo-fargate', service: 'web' };

describe('scaling argument objects', () => {
  it('setScalingCapacity: min and max, min not above max, region and profile', () => {
    assert.deepStrictEqual(parseCapacityArgs({ ...SVC, minCapacity: 1, maxCapacity: 4, region: 'eu-west-1' }), { scope: { region: 'eu-west-1', profile: undefined }, ...SVC, minCapacity: 1, maxCapacity: 4 });
    assert.throws(() => parseCapacityArgs({ ...SVC, minCapacity: 5, maxCapacity: 4 }), /"minCapacity" \(5\) cannot be greater than "maxCapacity" \(4\)\. Expected \{ cluster, service, minCapacity, maxCapacity, region\?, profile\? \}/);
    assert.throws(() => parseCapacityArgs({ ...SVC, minCapacity: 1 }), /"maxCapacity" is missing/);
    assert.throws(() => parseCapacityArgs({ ...SVC, minCapacity: 1, maxCapacity: 2, desired: 3 }), /unknown member "desired"/);
  });

  it('suspend/resume: all three unless some are named', () => {
    const all = parseSuspendArgs('suspendScaling', SVC);
    assert.deepStrictEqual([all.dynamicScalingIn, all.dynamicScalingOut, all.scheduledScaling], [true, true, true]);
    const one = parseSuspendArgs('resumeScaling', { ...SVC, scheduledScaling: true });
    assert.deepStrictEqual([one.dynamicScalingIn, one.dynamicScalingOut, one.scheduledScaling], [false, false, true]);
  });

  it('putScalingPolicy TargetTracking: metric, target, cooldowns', () => {
    const p = parsePolicyArgs({ ...SVC, policyName: 'cpu', type: 'TargetTracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 50, scaleOutCooldown: 60 });
    assert.strictEqual(p.type, 'TargetTracking');
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'cpu', type: 'TargetTracking', metric: 'CPU', targetValue: 50 }), /"metric" must be one of ECSServiceAverageCPUUtilization/);
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'cpu', type: 'TargetTracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 150 }), /at most 100/);
    assert.doesNotThrow(() => parsePolicyArgs({ ...SVC, policyName: 'rq', type: 'TargetTracking', metric: 'ALBRequestCountPerTarget', targetValue: 1000 }));
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'cpu', type: 'TargetTracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 50, steps: [] }), /"steps" belongs to a StepScaling policy/);
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'a/b', type: 'TargetTracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 50 }), /without ":", "\/" or "\|"/);
  });

  it('putScalingPolicy StepScaling: one alarm, contiguous steps, adjustment type', () => {
    const steps = [{ lowerBound: 0, upperBound: 10, adjustment: 1 }, { lowerBound: 10, adjustment: 3 }];
    const p = parsePolicyArgs({ ...SVC, policyName: 'step', type: 'StepScaling', alarm: { metric: 'CPUUtilization', threshold: 70, comparison: 'GreaterThanOrEqualToThreshold' }, steps, adjustmentType: 'ChangeInCapacity' });
    assert.deepStrictEqual(p.type === 'StepScaling' && p.alarm, { metric: 'CPUUtilization', threshold: 70, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 60, evaluationPeriods: 3 });
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'step', type: 'StepScaling', alarmName: 'a', alarm: {}, steps, adjustmentType: 'ChangeInCapacity' }), /exactly one of "alarmName"/);
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'step', type: 'StepScaling', alarmName: 'a', steps: [{ lowerBound: 0, upperBound: 5, adjustment: 1 }, { lowerBound: 10, adjustment: 2 }], adjustmentType: 'ChangeInCapacity' }), /without gaps or overlaps/);
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'step', type: 'StepScaling', alarmName: 'a', steps: [{ adjustment: 1.5 }], adjustmentType: 'ChangeInCapacity' }), /adjustment must be a whole number/);
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'step', type: 'StepScaling', alarmName: 'a', steps: [], adjustmentType: 'ChangeInCapacity' }), /at least one step/);
    assert.throws(() => parsePolicyArgs({ ...SVC, policyName: 'step', type: 'StepScaling', alarmName: 'a', steps, adjustmentType: 'Percent' }), /"adjustmentType" must be one of/);
  });

  it('putScheduledAction: the schedule and time zone are checked before sending', () => {
    const s = parseScheduledArgs({ ...SVC, name: 'morning', schedule: 'cron(0 7 ? * MON-FRI *)', timezone: 'Europe/Paris', minCapacity: 4 });
    assert.strictEqual(s.timezone, 'Europe/Paris');
    assert.strictEqual(parseScheduledArgs({ ...SVC, name: 'm', schedule: 'rate(5 minutes)', maxCapacity: 4 }).timezone, 'UTC');
    assert.throws(() => parseScheduledArgs({ ...SVC, name: 'm', schedule: 'cron(0 7 * * MON *)', minCapacity: 1 }), /"schedule" cron\(0 7 \* \* MON \*\) is refused: one of Day-of-month and Day-of-week must be "\?"/);
    assert.throws(() => parseScheduledArgs({ ...SVC, name: 'm', schedule: 'rate(5 minutes)', timezone: 'Paris', minCapacity: 1 }), /not an IANA time zone name/);
    assert.throws(() => parseScheduledArgs({ ...SVC, name: 'm', schedule: 'rate(5 minutes)' }), /give "minCapacity", "maxCapacity" or both/);
  });

  it('delete commands name what they delete', () => {
    assert.strictEqual(parseDeletePolicyArgs({ ...SVC, policyName: 'cpu' }).name, 'cpu');
    assert.throws(() => parseDeletePolicyArgs({ ...SVC }), /"policyName" is missing/);
  });

  it('the ALB resource label from the load balancer and target group ARNs', () => {
    const lb = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/50dc6c495c0c9188';
    const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-api-tg/943f017f100becff';
    assert.strictEqual(albResourceLabel(lb, tg), 'app/demo-alb/50dc6c495c0c9188/targetgroup/demo-api-tg/943f017f100becff');
    assert.throws(() => albResourceLabel(lb.replace('/app/', '/net/'), tg), /not an Application Load Balancer/);
  });
});
