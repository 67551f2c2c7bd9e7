/**
 * BLUE_GREEN, LINEAR and CANARY service deployments of the emulator (sim/trafficShift.ts), through
 * the real SDK over HTTP against the demo seed's checkout, payments, search and catalog, on the
 * manual clock.
 */
import * as assert from 'assert';
import {
  ContinueServiceDeploymentCommand, DescribeServiceDeploymentsCommand, DescribeServiceRevisionsCommand, DescribeServicesCommand,
  ECSClient, ListServiceDeploymentsCommand, ServiceDeployment, StopServiceDeploymentCommand, UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { DescribeRulesCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const CLUSTER = 'demo-fargate';
const ACTIVE = new Set(['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED']);

interface Followed { sd: ServiceDeployment; stages: string[]; statuses: string[]; greenWeights: number[] }

describe('emulator: blue/green, linear and canary service deployments', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  let elb: ElasticLoadBalancingV2Client;

  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    elb = new ElasticLoadBalancingV2Client(sdkConfig(ctx.emu));
  });

  const describe1 = async (arn: string) => (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];

  /** Deploys `demo-<name>:<revision>`: the service deployment's ARN, its production rule and the target group green registers in. */
  async function start(name: string, revision: number) {
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [name] }))).services![0];
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: name, taskDefinition: `demo-${name}:${revision}` }));
    const arn = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: name }))).serviceDeployments![0].serviceDeploymentArn!;
    const sd = await describe1(arn);
    const rev = (await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [sd.targetServiceRevision!.arn!] }))).serviceRevisions![0];
    return { arn, rule: svc.loadBalancers![0].advancedConfiguration!.productionListenerRule!, green: rev.resolvedConfiguration!.loadBalancers![0].targetGroupArn! };
  }

  /** The stages, statuses and green's production weights seen 5 s apart until the deployment ends or `until` holds. */
  async function follow(d: { arn: string; rule: string; green: string }, until?: (sd: ServiceDeployment) => boolean): Promise<Followed> {
    const out: Followed = { sd: {}, stages: [], statuses: [], greenWeights: [] };
    const push = (list: (string | number)[], v: string | number | undefined) => v !== undefined && list[list.length - 1] !== v && list.push(v);
    for (let t = 0; t < 30 * 60; t += 5) {
      out.sd = await describe1(d.arn);
      push(out.stages, out.sd.lifecycleStage);
      push(out.statuses, out.sd.status);
      const tuples = (await elb.send(new DescribeRulesCommand({ RuleArns: [d.rule] }))).Rules![0].Actions![0].ForwardConfig!.TargetGroups!;
      push(out.greenWeights, tuples.find((x) => x.TargetGroupArn === d.green)?.Weight);
      if (!ACTIVE.has(out.sd.status!) || until?.(out.sd)) break;
      await ctx.emu.clock.advance(5_000);
    }
    return out;
  }

  const paused = (sd: ServiceDeployment) => sd.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION';

  it('BLUE_GREEN (checkout): stages in order, production to the other group at once, bake 2 min, then SUCCESSFUL', async () => {
    const t0 = ctx.emu.clock.now().getTime();
    const r = await follow(await start('checkout', 1));
    assert.strictEqual(r.sd.status, 'SUCCESSFUL');
    assert.deepStrictEqual(r.stages, ['SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP']);
    assert.deepStrictEqual(r.greenWeights, [0, 100]);
    const took = ctx.emu.clock.now().getTime() - t0;
    assert.ok(took >= 3 * 60_000 && took <= 5 * 60_000, `took ${took} ms`);
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['checkout'] }))).services![0];
    assert.deepStrictEqual([svc.deployments!.length, svc.runningCount, svc.taskDefinition!.split('/').pop()], [1, 2, 'demo-checkout:1']);
    await rejectsWith(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: r.sd.serviceDeploymentArn!, stopType: 'ROLLBACK' })), 'ConflictException');
  });

  it('CANARY (search): 10 % for the canary bake, then 100 %', async () => {
    const r = await follow(await start('search', 1));
    assert.strictEqual(r.sd.status, 'SUCCESSFUL');
    assert.deepStrictEqual(r.greenWeights, [0, 10, 100]);
  });

  it('LINEAR (catalog): 25 % steps a minute apart', async () => {
    const r = await follow(await start('catalog', 1));
    assert.strictEqual(r.sd.status, 'SUCCESSFUL');
    assert.deepStrictEqual(r.greenWeights, [0, 25, 50, 75, 100]);
  });

  it('StopServiceDeployment ROLLBACK mid-canary: traffic back on blue, ROLLBACK_REQUESTED → ROLLBACK_SUCCESSFUL', async () => {
    const d = await start('search', 2);
    const at10 = await follow(d, (sd) => sd.lifecycleStage === 'PRODUCTION_TRAFFIC_SHIFT');
    await ctx.emu.clock.advance(10_000);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: d.arn, stopType: 'ROLLBACK' }));
    const r = await follow(d);
    assert.deepStrictEqual([at10.greenWeights, r.greenWeights], [[0, 10], [0]]);
    assert.deepStrictEqual(r.statuses, ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    assert.match(r.sd.rollback!.reason!, /by request/);
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['search'] }))).services![0];
    assert.strictEqual(svc.taskDefinition!.split('/').pop(), 'demo-search:1');
  });

  it('a PAUSE hook (payments) waits AWAITING_ACTION until ContinueServiceDeployment CONTINUE', async () => {
    const d = await start('payments', 1);
    const p = await follow(d, paused);
    const hook = p.sd.lifecycleHookDetails![0];
    assert.deepStrictEqual([p.sd.lifecycleStage, hook.targetType, hook.timeoutAction], ['POST_TEST_TRAFFIC_SHIFT', 'PAUSE', 'ROLLBACK']);
    const left = hook.expiresAt!.getTime() - ctx.emu.clock.now().getTime();
    assert.ok(left > 55 * 60_000 && left <= 60 * 60_000, `expires in ${left} ms`);
    await ctx.emu.clock.advance(10 * 60_000);
    assert.deepStrictEqual([(await describe1(d.arn)).status, (await describe1(d.arn)).lifecycleStage], ['IN_PROGRESS', 'POST_TEST_TRAFFIC_SHIFT']);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: d.arn, hookId: hook.hookId!, action: 'CONTINUE' }));
    await rejectsWith(ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: d.arn, hookId: hook.hookId! })), 'InvalidParameterException');
    const r = await follow(d);
    assert.strictEqual(r.sd.status, 'SUCCESSFUL');
  });

  it('a PAUSE hook continued with ROLLBACK rolls back; one left alone times out and its timeout action (ROLLBACK) acts', async () => {
    const current = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['payments'] }))).services![0].taskDefinition!.endsWith(':1') ? 1 : 2;
    const other = 3 - current;
    const d = await start('payments', other);
    const p = await follow(d, paused);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: d.arn, hookId: p.sd.lifecycleHookDetails![0].hookId!, action: 'ROLLBACK' }));
    assert.strictEqual((await follow(d)).sd.status, 'ROLLBACK_SUCCESSFUL');
    const d2 = await start('payments', other);
    await follow(d2, paused);
    await ctx.emu.clock.advance(60 * 60_000);
    const r = await follow(d2);
    assert.deepStrictEqual([r.sd.status, r.sd.lifecycleHookDetails![0].status], ['ROLLBACK_SUCCESSFUL', 'TIMED_OUT']);
  });

  it('a failing image (checkout:3): the circuit breaker rolls back during SCALE_UP, production never moves', async () => {
    const r = await follow(await start('checkout', 3));
    assert.deepStrictEqual([r.sd.status, r.sd.deploymentCircuitBreaker?.status], ['ROLLBACK_SUCCESSFUL', 'TRIGGERED']);
    assert.deepStrictEqual(r.greenWeights, [0]);
    assert.match(r.sd.rollback!.reason!, /circuit breaker/);
  });

  it('a Lambda hook whose function name contains `fail` rolls back; ABORT ends STOPPED', async () => {
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'checkout', deploymentConfiguration: { lifecycleHooks: [{ hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:smoke-fail', roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_SCALE_UP'] }] } }));
    const r = await follow(await start('checkout', 2));
    assert.deepStrictEqual([r.sd.status, r.sd.lifecycleHookDetails![0].status, r.sd.lifecycleHookDetails![0].targetType], ['ROLLBACK_SUCCESSFUL', 'FAILED', 'AWS_LAMBDA']);
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'checkout', deploymentConfiguration: { lifecycleHooks: [] } }));
    const d = await start('checkout', 2);
    await follow(d, (sd) => sd.lifecycleStage === 'SCALE_UP');
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: d.arn, stopType: 'ABORT' }));
    const a = await follow(d);
    assert.deepStrictEqual(a.statuses.slice(-2), ['STOP_REQUESTED', 'STOPPED']);
  });

  it('refuses strategy settings AWS refuses, changing nothing', async () => {
    const refused = async (deploymentConfiguration: Record<string, unknown>, pattern: RegExp) => {
      const e = await rejectsWith(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'catalog', deploymentConfiguration })), 'InvalidParameterException');
      assert.match(e.message, pattern);
    };
    await refused({ linearConfiguration: { stepPercent: 2 } }, /stepPercent/);
    await refused({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0.05 } }, /canaryPercent/);
    await refused({ bakeTimeInMinutes: 1441 }, /bakeTimeInMinutes/);
    await refused({ lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }] }, /PAUSE/);
    await refused({ lifecycleHooks: [{ lifecycleStages: ['POST_SCALE_UP'] }] }, /hookTargetArn and roleArn/);
    const e = await rejectsWith(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'api', deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } })), 'InvalidParameterException');
    assert.match(e.message, /advancedConfiguration/);
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['catalog', 'api'] }))).services!;
    assert.deepStrictEqual(svc.map((s) => s.deploymentConfiguration!.strategy ?? 'ROLLING'), ['LINEAR', 'ROLLING']);
  });

  it('a rolling deployment has its service deployment and revision too; ROLLBACK deploys the last completed revision', async () => {
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'api', forceNewDeployment: true }));
    const arn = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: 'api' }))).serviceDeployments![0].serviceDeploymentArn!;
    await ctx.emu.clock.advance(5_000);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn }));
    const r = await follow({ arn, rule: (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['checkout'] }))).services![0].loadBalancers![0].advancedConfiguration!.productionListenerRule!, green: '' });
    assert.deepStrictEqual(r.statuses, ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    const rev = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [r.sd.targetServiceRevision!.arn!, 'arn:aws:ecs:us-east-1:123456789012:service-revision/demo-fargate/api/1'] }));
    assert.strictEqual(rev.serviceRevisions![0].taskDefinition!.split('/').pop(), 'demo-api:3');
    assert.deepStrictEqual(rev.failures!.map((f) => f.reason), ['MISSING']);
  });
});
