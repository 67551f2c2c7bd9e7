import * as assert from 'assert';
import {
  ApplicationAutoScalingClient, DeleteScalingPolicyCommand, DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand, PutScalingPolicyCommand, RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient, GetMetricStatisticsCommand, ListMetricsCommand, type Dimension } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { scalingEngine } from '../../emulator/services/autoscaling/engine';
import { sdkConfig, useEmulator } from './helpers';

const API = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/demo-fargate/api', ScalableDimension: 'ecs:service:DesiredCount' as const };
const MIN = 60_000;
/** An ELB ARN's resource (after its last colon, without `loadbalancer/`), as the AWS/ApplicationELB dimensions name it. */
const dimensionValue = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1).replace(/^loadbalancer\//, '');

describe('emulator: ALB request counts and ALBRequestCountPerTarget scaling', () => {
  const ctx = useEmulator({ seed: 'demo' });
  const sdk = () => ({ aas: new ApplicationAutoScalingClient(sdkConfig(ctx.emu)), ecs: new ECSClient(sdkConfig(ctx.emu)), cw: new CloudWatchClient(sdkConfig(ctx.emu)), elb: new ElasticLoadBalancingV2Client(sdkConfig(ctx.emu)) });
  let c: ReturnType<typeof sdk>;
  let group: Dimension;
  let balancer: Dimension;
  before(async () => {
    c = sdk();
    const service = (await c.ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'] }))).services![0];
    const tg = (await c.elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [service.loadBalancers![0].targetGroupArn!] }))).TargetGroups![0];
    group = { Name: 'TargetGroup', Value: dimensionValue(tg.TargetGroupArn!) };
    balancer = { Name: 'LoadBalancer', Value: dimensionValue(tg.LoadBalancerArns![0]) };
  });
  after(() => scalingEngine(ctx.emu.region().world).stop());

  const desired = async (): Promise<number> => (await c.ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'] }))).services![0].desiredCount!;
  const lastMinutes = async (name: string, dimensions: Dimension[], minutes: number): Promise<number[]> => {
    const now = ctx.emu.clock.now().getTime();
    const out = await c.cw.send(new GetMetricStatisticsCommand({ Namespace: 'AWS/ApplicationELB', MetricName: name, Dimensions: dimensions, StartTime: new Date(now - minutes * MIN), EndTime: new Date(now), Period: 60, Statistics: ['Sum'] }));
    return (out.Datapoints ?? []).sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime()).map((d) => d.Sum!);
  };

  it('lists RequestCount and RequestCountPerTarget with the dimensions AWS documents; per target is the count shared by the running tasks', async () => {
    const listed = async (dimension: Dimension) => (await c.cw.send(new ListMetricsCommand({ Namespace: 'AWS/ApplicationELB', Dimensions: [dimension] }))).Metrics!.map((m) => `${m.MetricName} ${m.Dimensions!.map((d) => d.Name).join('+')}`).sort();
    assert.deepStrictEqual(await listed(group), ['RequestCount LoadBalancer+TargetGroup', 'RequestCountPerTarget TargetGroup', 'RequestCountPerTarget TargetGroup+LoadBalancer']);
    assert.ok((await listed(balancer)).includes('RequestCount LoadBalancer'));
    const [count, perTarget, perTargetByGroup] = await Promise.all([
      lastMinutes('RequestCount', [balancer, group], 10), lastMinutes('RequestCountPerTarget', [group, balancer], 10), lastMinutes('RequestCountPerTarget', [group], 10),
    ]);
    assert.strictEqual(count.length, 10);
    assert.deepStrictEqual(perTargetByGroup, perTarget);
    const running = (await c.ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'] }))).services![0].runningCount!;
    count.forEach((n, i) => assert.ok(Math.abs(perTarget[i] - n / running) < 0.01, `minute ${i}: ${n} requests over ${running} targets, ${perTarget[i]} each`));
  });

  it('a target-tracking policy on requests per target scales out until the requests per target fall below the target', async () => {
    const seeded = (await c.aas.send(new DescribeScalingPoliciesCommand({ ...API }))).ScalingPolicies ?? [];
    for (const p of seeded) await c.aas.send(new DeleteScalingPolicyCommand({ ...API, PolicyName: p.PolicyName! }));
    await c.aas.send(new RegisterScalableTargetCommand({ ...API, MinCapacity: 1, MaxCapacity: 20 }));
    const before = await desired();
    const perTargetBefore = (await lastMinutes('RequestCountPerTarget', [group], 3)).pop()!;
    // A target a third of today's figure: the service needs about three times its tasks.
    const goal = Math.floor(perTargetBefore / 3);
    scalingEngine(ctx.emu.region().world).start();
    await c.aas.send(new PutScalingPolicyCommand({
      ...API, PolicyName: 'requests', PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: goal, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: `${balancer.Value}/${group.Value}` } },
    }));
    await ctx.emu.clock.advance(4 * MIN);
    const after = await desired();
    assert.ok(after >= before * 2 && after <= 20, `desired ${before} → ${after} for ${perTargetBefore} requests per target against ${goal}`);
    const act = (await c.aas.send(new DescribeScalingActivitiesCommand({ ...API }))).ScalingActivities![0];
    assert.strictEqual(act.Description, `Setting desired count to ${after}.`);
    assert.match(act.Cause!, /^monitor alarm TargetTracking-service\/demo-fargate\/api-AlarmHigh-[0-9a-f-]+ in state ALARM triggered policy requests$/);
    // Once the new tasks run, the same requests are shared by more targets.
    await ctx.emu.clock.advance(10 * MIN);
    const perTargetAfter = (await lastMinutes('RequestCountPerTarget', [group], 3)).pop()!;
    assert.ok(perTargetAfter < perTargetBefore / 1.8, `${perTargetBefore} → ${perTargetAfter} requests per target`);
    // With the default 300 s cooldown the new tasks run before the next evaluation: no second scale-out.
    assert.strictEqual(await desired(), after, `settled at ${after}: ${perTargetAfter} requests per target against ${goal}`);
  });
});
