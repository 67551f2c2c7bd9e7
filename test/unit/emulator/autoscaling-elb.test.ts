import * as assert from 'assert';
import {
  ApplicationAutoScalingClient, RegisterScalableTargetCommand, DescribeScalableTargetsCommand, PutScalingPolicyCommand,
  DescribeScalingPoliciesCommand, DeleteScalingPolicyCommand, PutScheduledActionCommand, DescribeScheduledActionsCommand,
  DeregisterScalableTargetCommand, DescribeScalingActivitiesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand, DescribeListenersCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ECSClient, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { elbState } from '../../emulator/services/elbv2/index';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const WEB = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/demo-fargate/web', ScalableDimension: 'ecs:service:DesiredCount' as const };

describe('emulator: Application Auto Scaling', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let aas: ApplicationAutoScalingClient;
  let ecs: ECSClient;
  before(() => {
    aas = new ApplicationAutoScalingClient(sdkConfig(ctx.emu));
    ecs = new ECSClient(sdkConfig(ctx.emu));
  });

  it('has the demo api target with a target-tracking policy and a scheduled action', async () => {
    const t = await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs' }));
    assert.deepStrictEqual(t.ScalableTargets?.map((x) => [x.ResourceId, x.MinCapacity, x.MaxCapacity]), [['service/demo-fargate/api', 2, 10]]);
    assert.ok(t.ScalableTargets![0].CreationTime instanceof Date);
    const p = await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: 'service/demo-fargate/api' }));
    assert.strictEqual(p.ScalingPolicies?.[0].PolicyType, 'TargetTrackingScaling');
    assert.strictEqual(p.ScalingPolicies?.[0].Alarms?.length, 2);
    const s = await aas.send(new DescribeScheduledActionsCommand({ ServiceNamespace: 'ecs' }));
    assert.strictEqual(s.ScheduledActions?.[0].Schedule, 'cron(0 7 ? * MON-FRI *)');
  });

  it('registering a target clamps the desired count; policies and scheduled actions come and go', async () => {
    await rejectsWith(aas.send(new RegisterScalableTargetCommand({ ...WEB, ResourceId: 'service/demo-fargate/ghost', MinCapacity: 1, MaxCapacity: 2 })), 'ValidationException');
    await rejectsWith(aas.send(new PutScalingPolicyCommand({ ...WEB, PolicyName: 'p', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: {} })), 'ObjectNotFoundException');
    await aas.send(new RegisterScalableTargetCommand({ ...WEB, MinCapacity: 3, MaxCapacity: 6 }));
    const web = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['web'] }))).services![0];
    assert.strictEqual(web.desiredCount, 3);
    const act = await aas.send(new DescribeScalingActivitiesCommand({ ...WEB }));
    assert.strictEqual(act.ScalingActivities?.[0].Description, 'Setting desired count to 3.');
    const step = await aas.send(new PutScalingPolicyCommand({
      ...WEB, PolicyName: 'step', PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }], Cooldown: 60 },
    }));
    assert.match(step.PolicyARN!, /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:.+:resource\/ecs\/service\/demo-fargate\/web:policyName\/step$/);
    await aas.send(new DeleteScalingPolicyCommand({ ...WEB, PolicyName: 'step' }));
    await rejectsWith(aas.send(new DeleteScalingPolicyCommand({ ...WEB, PolicyName: 'step' })), 'ObjectNotFoundException');
    const at = new Date(ctx.emu.clock.now().getTime() + 3600_000).toISOString().slice(0, 19);
    await aas.send(new PutScheduledActionCommand({ ...WEB, ScheduledActionName: 'burst', Schedule: `at(${at})`, ScalableTargetAction: { MinCapacity: 5, MaxCapacity: 6 } }));
    await ctx.emu.clock.advance(3600_000 + 1000);
    const after = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['web'] }))).services![0];
    assert.strictEqual(after.desiredCount, 5);
    await aas.send(new DeregisterScalableTargetCommand({ ...WEB }));
    const left = await aas.send(new DescribeScheduledActionsCommand({ ...WEB }));
    assert.deepStrictEqual(left.ScheduledActions, []);
  });
});

describe('emulator: ELBv2 (awsQuery)', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let elb: ElasticLoadBalancingV2Client;
  before(() => {
    elb = new ElasticLoadBalancingV2Client(sdkConfig(ctx.emu));
  });

  it('describes the demo ALB, its listener, target group and the api tasks as healthy targets', async () => {
    const lbs = await elb.send(new DescribeLoadBalancersCommand({}));
    const lb = lbs.LoadBalancers![0];
    assert.strictEqual(lb.LoadBalancerName, 'demo-alb');
    assert.strictEqual(lb.State?.Code, 'active');
    assert.ok(lb.CreatedTime instanceof Date);
    assert.strictEqual(lb.AvailabilityZones?.length, 2);
    const tgs = await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    assert.strictEqual(tgs.TargetGroups?.[0].TargetGroupName, 'demo-api-tg');
    assert.deepStrictEqual(tgs.TargetGroups?.[0].LoadBalancerArns, [lb.LoadBalancerArn]);
    const ls = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    assert.strictEqual(ls.Listeners?.[0].DefaultActions?.[0].TargetGroupArn, tgs.TargetGroups![0].TargetGroupArn);
    const h = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgs.TargetGroups![0].TargetGroupArn }));
    assert.strictEqual(h.TargetHealthDescriptions?.length, 3);
    assert.ok(h.TargetHealthDescriptions!.every((d) => d.TargetHealth?.State === 'healthy' && d.Target?.Port === 8080));
  });

  it('a target group no load balancer uses has its targets unused, Target.NotInUse', async () => {
    const tg = elbState(ctx.emu.region('us-east-1').world).targetGroups[0];
    const attached = tg.LoadBalancerArns;
    tg.LoadBalancerArns = [];
    try {
      const h = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }));
      assert.deepStrictEqual(new Set(h.TargetHealthDescriptions?.map((d) => `${d.TargetHealth?.State} ${d.TargetHealth?.Reason}`)), new Set(['unused Target.NotInUse']));
      assert.strictEqual(h.TargetHealthDescriptions?.length, 3);
    } finally {
      tg.LoadBalancerArns = attached;
    }
  });

  it('answers LoadBalancerNotFound as an XML error', async () => {
    const e = await rejectsWith(elb.send(new DescribeLoadBalancersCommand({ Names: ['ghost'] })), 'LoadBalancerNotFoundException');
    assert.strictEqual(e.$metadata?.httpStatusCode, 400);
  });
});
