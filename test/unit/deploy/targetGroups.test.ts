import * as assert from 'assert';
import {
  DeleteRuleCommand, DeleteTargetGroupCommand, DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeRulesCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ServiceNetwork, alternateName } from '../../../src/deploy/serviceNetwork';
import { useDemo } from './helpers';

const LISTENER_OF = async (elb: ElasticLoadBalancingV2Client) => {
  const lb = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['demo-alb'] }))).LoadBalancers![0];
  return (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners![0].ListenerArn!;
};

describe('Create Service\'s target groups on an ALB: one, or two for blue/green, and nothing left behind when a part fails', () => {
  const demo = useDemo();
  let elb: ElasticLoadBalancingV2Client;
  beforeEach(() => {
    elb = new ElasticLoadBalancingV2Client({ endpoint: demo.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 1 });
  });
  const names = async () => ((await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []).map((t) => t.TargetGroupName);
  const base = { port: 8080, vpcId: 'vpc-0a1b2c3d4e5f67890', targetType: 'ip' as const, healthCheckPath: '/', pathPattern: '/shop/*' };

  it('blue/green: a primary and an alternate group, the rule forwarding to both at 100 and 0', async () => {
    const listenerArn = await LISTENER_OF(elb);
    const network = new ServiceNetwork(demo.manager, { region: 'us-east-1' });
    const made = await network.createTargetGroups({ ...base, name: 'shop-tg', listenerArn, priority: await network.freePriority(listenerArn), alternate: true });
    assert.deepStrictEqual([made.primary.TargetGroupName, made.alternate?.TargetGroupName], ['shop-tg', 'shop-tg-alt']);
    const rule = (await elb.send(new DescribeRulesCommand({ RuleArns: [made.ruleArn] }))).Rules![0];
    assert.deepStrictEqual(rule.Actions?.[0].ForwardConfig?.TargetGroups?.map((t) => [t.TargetGroupArn, t.Weight]), [[made.primary.TargetGroupArn, 100], [made.alternate!.TargetGroupArn, 0]]);
    assert.strictEqual(alternateName('a-name-of-exactly-thirty-two-chr'), 'a-name-of-exactly-thirty-two-alt');
  });

  it('a rule that cannot be made (its priority taken) removes the groups made before it', async () => {
    const listenerArn = await LISTENER_OF(elb);
    const network = new ServiceNetwork(demo.manager, { region: 'us-east-1' });
    const taken = (await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))).Rules!.find((r) => !r.IsDefault)!;
    await assert.rejects(network.createTargetGroups({ ...base, name: 'shop-tg', listenerArn, priority: Number(taken.Priority), alternate: true }), /Priority '\d+' is currently in use/);
    const left = await names();
    assert.ok(!left.includes('shop-tg') && !left.includes('shop-tg-alt'), left.join(', '));
  });

  it('removes a rule and its groups again (a CreateService that failed), the rule first', async () => {
    const listenerArn = await LISTENER_OF(elb);
    const network = new ServiceNetwork(demo.manager, { region: 'us-east-1' });
    const made = await network.createTargetGroups({ ...base, name: 'shop-tg', listenerArn, priority: await network.freePriority(listenerArn) });
    await network.removeTargetGroups({ ruleArn: made.ruleArn, groups: [made.primary] });
    assert.ok(!(await names()).includes('shop-tg'));
    await assert.rejects(elb.send(new DescribeRulesCommand({ RuleArns: [made.ruleArn] })), { name: 'RuleNotFoundException' });
  });

  it('the emulator refuses as ELB does: a group a rule forwards to is in use, a default rule cannot be deleted; a deleted group is gone for good', async () => {
    const listenerArn = await LISTENER_OF(elb);
    const rules = (await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))).Rules!;
    const inUse = rules.find((r) => !r.IsDefault)!.Actions!.flatMap((a) => [a.TargetGroupArn, ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)]).find(Boolean)!;
    await assert.rejects(elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: inUse })), { name: 'ResourceInUseException' });
    await assert.rejects(elb.send(new DeleteRuleCommand({ RuleArn: rules.find((r) => r.IsDefault)!.RuleArn })), { name: 'OperationNotPermittedException' });
    // DeleteTargetGroup lists no not-found error: deleting a group that is gone succeeds.
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/0123456789abcdef' }));
  });
});
