import * as assert from 'assert';
import type { ecs } from '../../../src/aws/sdk';
import { parseUpdateArgs } from '../../../src/deploy/args';
import { changeLines, planServiceUpdate, strategyRefusal } from '../../../src/deploy/updatePlan';

const ACCOUNT = '123456789012';
const TG = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;
const advanced = {
  alternateTargetGroupArn: TG('green'),
  productionListenerRule: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/demo/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRole`,
};
const service = (over: Partial<ecs.Service> = {}): ecs.Service => ({
  serviceName: 'checkout',
  deploymentController: { type: 'ECS' },
  deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, strategy: 'ROLLING' },
  loadBalancers: [{ targetGroupArn: TG('blue'), containerName: 'web', containerPort: 80, advancedConfiguration: advanced }],
  deployments: [{ status: 'PRIMARY', id: 'ecs-svc/1' }],
  ...over,
});
const args = (deploymentConfiguration: Record<string, unknown>) => ({ cluster: 'demo-fargate', service: 'checkout', deploymentConfiguration });

describe('Update Service: deployment strategies', () => {
  it('reads the strategy members of deploymentConfiguration', () => {
    const a = parseUpdateArgs(args({ strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 } }));
    assert.deepStrictEqual(a.deploymentConfiguration, { minimumHealthyPercent: undefined, maximumPercent: undefined, deploymentCircuitBreaker: undefined, strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 }, lifecycleHooks: undefined });
    const hooks = [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 30, action: 'ROLLBACK' } }];
    assert.deepStrictEqual(parseUpdateArgs(args({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2, lifecycleHooks: hooks })).deploymentConfiguration?.lifecycleHooks, hooks);
  });

  it('refuses what the language refuses, saying what is expected', () => {
    assert.throws(() => parseUpdateArgs(args({ strategy: 'SLOW' })), /"strategy" must be one of ROLLING, BLUE_GREEN, LINEAR, CANARY/);
    assert.throws(() => parseUpdateArgs(args({ bakeTimeInMinutes: 2000 })), /"bakeTimeInMinutes" must be an integer from 0 to 1440/);
    assert.throws(() => parseUpdateArgs(args({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } })), /stepPercent.*multiple of 0\.1 from 3\.0 to 100\.0/);
    assert.throws(() => parseUpdateArgs(args({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0.05 } })), /canaryPercent.*0\.1 to 100\.0/);
    assert.throws(() => parseUpdateArgs(args({ strategy: 'CANARY', canaryConfiguration: { canaryBakeTimeInMinutes: 1441 } })), /canaryBakeTimeInMinutes.*0 to 1440/);
    assert.throws(() => parseUpdateArgs(args({ lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['TEST_TRAFFIC_SHIFT'] }] })), /lifecycleHooks\[0\]\.lifecycleStages\[0\]: A PAUSE hook cannot wait at TEST_TRAFFIC_SHIFT/);
    assert.throws(() => parseUpdateArgs(args({ lifecycleHooks: [{ lifecycleStages: ['PRE_SCALE_UP'] }] })), /Lambda hook needs "hookTargetArn"/);
    assert.throws(() => parseUpdateArgs(args({ lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['LATER'] }] })), /lifecycleStages is a list of RECONCILE_SERVICE/);
    assert.throws(() => parseUpdateArgs(args({ linearConfiguration: { stepPercent: 'ten' } })), /"stepPercent" must be a number/);
  });

  it('lists the strategy change and sends the configuration whole, without the other strategy\'s settings', () => {
    const current = service({ deploymentConfiguration: { strategy: 'LINEAR', bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 }, minimumHealthyPercent: 100, maximumPercent: 200 } });
    const plan = planServiceUpdate(current, { deploymentConfiguration: { strategy: 'CANARY', bakeTimeInMinutes: 3, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 } } });
    assert.deepStrictEqual(changeLines(plan), [
      'deploymentConfiguration.strategy: LINEAR → CANARY',
      'deploymentConfiguration.bakeTimeInMinutes: 1 min → 3 min',
      'deploymentConfiguration.canaryConfiguration: (not set) → 10% canary · 3 min bake',
    ]);
    assert.deepStrictEqual(plan.input.deploymentConfiguration, { strategy: 'CANARY', bakeTimeInMinutes: 3, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 }, minimumHealthyPercent: 100, maximumPercent: 200 });
    assert.strictEqual(plan.input.loadBalancers, undefined, 'the load balancers (and their advancedConfiguration) are kept, not sent');
    assert.strictEqual(strategyRefusal(current, plan.input), undefined);
    assert.deepStrictEqual(planServiceUpdate(current, { deploymentConfiguration: { strategy: 'LINEAR', bakeTimeInMinutes: 1 } }).changes, []);
  });

  it('says what the load balancers need instead of sending what ECS would refuse', () => {
    const bare = service({ loadBalancers: [{ targetGroupArn: TG('blue'), containerName: 'web', containerPort: 80 }] });
    const plan = planServiceUpdate(bare, { deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 } });
    const refusal = strategyRefusal(bare, plan.input)!;
    assert.match(refusal, /^Service "checkout" was not changed/);
    assert.match(refusal, /loadBalancers\[0\]: BLUE_GREEN needs "advancedConfiguration" on this load balancer/);
    assert.match(refusal, /Update Service keeps the load balancers as they are: first give each of them "advancedConfiguration".*or turn on Service Connect; then choose BLUE_GREEN again/);
    const serviceConnect = service({ loadBalancers: [], deployments: [{ status: 'PRIMARY', serviceConnectConfiguration: { enabled: true, namespace: 'internal' } }] });
    assert.strictEqual(strategyRefusal(serviceConnect, planServiceUpdate(serviceConnect, { deploymentConfiguration: { strategy: 'CANARY' } }).input), undefined);
    const codeDeploy = service({ deploymentController: { type: 'CODE_DEPLOY' } });
    assert.match(strategyRefusal(codeDeploy, planServiceUpdate(codeDeploy, { deploymentConfiguration: { strategy: 'LINEAR' } }).input)!, /works only with the ECS deployment controller, not CODE_DEPLOY/);
    // Back to rolling needs nothing of the load balancers.
    const blueGreen = service({ loadBalancers: bare.loadBalancers, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 } });
    assert.strictEqual(strategyRefusal(blueGreen, planServiceUpdate(blueGreen, { deploymentConfiguration: { strategy: 'ROLLING' } }).input), undefined);
  });

  it('summarises lifecycle hooks in the change list', () => {
    const plan = planServiceUpdate(service(), {
      deploymentConfiguration: { lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }, { hookTargetArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:smoke`, roleArn: advanced.roleArn, lifecycleStages: ['PRE_SCALE_UP', 'POST_SCALE_UP'] }] },
    });
    assert.deepStrictEqual(changeLines(plan), ['deploymentConfiguration.lifecycleHooks: none → PAUSE at POST_TEST_TRAFFIC_SHIFT, Lambda smoke at PRE_SCALE_UP+POST_SCALE_UP']);
  });
});
