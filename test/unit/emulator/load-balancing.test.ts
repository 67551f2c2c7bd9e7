import * as assert from 'assert';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, Service, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import {
  DescribeTargetGroupAttributesCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand, ModifyTargetGroupCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { startEmulator, type EmulatorHandle } from '../../emulator/index';
import { advanceUntil, rejectsWith, sdkConfig } from './helpers';

const API = { cluster: 'demo-fargate', service: 'api' };
const DELAY = 'deregistration_delay.timeout_seconds';

/** The demo seed's api (3 tasks behind demo-api-tg: health checks every 30 s, healthy after 5) rolled out on the manual clock. */
describe('emulator: ECS rollouts behind a load balancer (demo api, demo-api-tg)', () => {
  let emu: EmulatorHandle;
  let ecs: ECSClient;
  let elb: ElasticLoadBalancingV2Client;
  let tgArn: string;

  beforeEach(async () => {
    emu = await startEmulator({ seed: 'demo' });
    ecs = new ECSClient(sdkConfig(emu));
    elb = new ElasticLoadBalancingV2Client(sdkConfig(emu));
    tgArn = (await elb.send(new DescribeTargetGroupsCommand({ Names: ['demo-api-tg'] }))).TargetGroups![0].TargetGroupArn!;
  });
  afterEach(async () => {
    ecs.destroy();
    elb.destroy();
    await emu.close();
  });

  const api = async (): Promise<Service> => (await ecs.send(new DescribeServicesCommand({ cluster: API.cluster, services: [API.service] }))).services![0];
  /** Target states with their count, e.g. { healthy: 3, initial: 3 }. */
  const targets = async (): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const d of (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }))).TargetHealthDescriptions ?? []) {
      out[d.TargetHealth!.State!] = (out[d.TargetHealth!.State!] ?? 0) + 1;
    }
    return out;
  };
  const deploymentStates = async (): Promise<string[]> => (await api()).deployments!.map((d) => `${d.status} ${d.rolloutState}`);
  const completed = async (): Promise<boolean> => (await api()).deployments!.map((d) => `${d.status} ${d.rolloutState}`).join() === 'PRIMARY COMPLETED';

  it('keeps the old deployment ACTIVE while its targets drain for the deregistration delay (300 s), shown draining', async () => {
    await ecs.send(new UpdateServiceCommand({ ...API, forceNewDeployment: true }));
    // The new tasks run within ~25 s but count as healthy only once their targets pass 5 checks 30 s apart.
    await emu.clock.advance(120_000);
    assert.deepStrictEqual(await targets(), { healthy: 3, initial: 3 });
    const midway = await api();
    assert.deepStrictEqual(midway.deployments!.map((d) => [d.status, d.runningCount]), [['PRIMARY', 3], ['ACTIVE', 3]], 'no old task stopped before the new targets are healthy');

    const untilDraining = await advanceUntil(emu, async () => (await targets()).draining === 3, { stepMs: 1_000, maxMs: 5 * 60_000 });
    assert.ok(untilDraining <= 60_000, `the old targets are deregistered once the new ones are healthy (after ${120 + untilDraining / 1000} s)`);
    assert.deepStrictEqual(await targets(), { healthy: 3, draining: 3 });
    const oldArns = (await ecs.send(new ListTasksCommand({ ...API, serviceName: API.service, desiredStatus: 'STOPPED' }))).taskArns!;
    const old = (await ecs.send(new DescribeTasksCommand({ cluster: API.cluster, tasks: oldArns }))).tasks!;
    assert.deepStrictEqual(old.map((t) => `${t.lastStatus}/${t.desiredStatus}`), ['DEACTIVATING/STOPPED', 'DEACTIVATING/STOPPED', 'DEACTIVATING/STOPPED']);
    const events = (await api()).events!.map((e) => e.message!);
    assert.ok(events.some((m) => m === '(service api) has begun draining connections on 1 tasks.'), events.join('\n'));
    assert.ok(events.some((m) => m === `(service api) deregistered 1 targets in (target-group ${tgArn})`), events.join('\n'));
    assert.ok(events.some((m) => m === `(service api) registered 1 targets in (target-group ${tgArn})`), events.join('\n'));

    await emu.clock.advance(290_000);
    assert.deepStrictEqual(await targets(), { healthy: 3, draining: 3 });
    assert.deepStrictEqual(await deploymentStates(), ['PRIMARY IN_PROGRESS', 'ACTIVE COMPLETED'], 'the old deployment is ACTIVE while its targets drain');

    const rest = await advanceUntil(emu, completed, { stepMs: 1_000, maxMs: 5 * 60_000 });
    assert.ok(rest >= 10_000 && rest <= 30_000, `completed ${290 + rest / 1000} s after the old targets began draining`);
    assert.deepStrictEqual(await targets(), { healthy: 3 });
    const done = await api();
    assert.deepStrictEqual([done.runningCount, done.deployments!.length], [3, 1]);
  });

  it('with a deregistration delay of 0 the old tasks stop as soon as the new targets are healthy', async () => {
    const set = await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tgArn, Attributes: [{ Key: DELAY, Value: '0' }] }));
    assert.strictEqual(set.Attributes!.find((a) => a.Key === DELAY)?.Value, '0');
    await ecs.send(new UpdateServiceCommand({ ...API, forceNewDeployment: true }));
    const took = await advanceUntil(emu, completed, { stepMs: 1_000, maxMs: 10 * 60_000 });
    // ~25 s to RUNNING, 150 s of health checks, then DEACTIVATING 2 s, STOPPING 3 s, DEPROVISIONING 5 s as without a load balancer.
    assert.ok(took >= 170_000 && took <= 200_000, `completed after ${took / 1000} s`);
    assert.deepStrictEqual(await targets(), { healthy: 3 });
  });

  it('faster health checks (ModifyTargetGroup) make the new targets healthy sooner', async () => {
    const changed = await elb.send(new ModifyTargetGroupCommand({ TargetGroupArn: tgArn, HealthCheckIntervalSeconds: 5, HealthyThresholdCount: 2 }));
    assert.deepStrictEqual([changed.TargetGroups![0].HealthCheckIntervalSeconds, changed.TargetGroups![0].HealthyThresholdCount, changed.TargetGroups![0].HealthCheckPath], [5, 2, '/health']);
    await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tgArn, Attributes: [{ Key: DELAY, Value: '0' }] }));
    await ecs.send(new UpdateServiceCommand({ ...API, forceNewDeployment: true }));
    const took = await advanceUntil(emu, completed, { stepMs: 1_000, maxMs: 10 * 60_000 });
    assert.ok(took <= 50_000, `completed after ${took / 1000} s (10 s of health checks)`);
  });

  it('a task failing its ELB health checks (an elbfail image) is stopped once the grace period is over; the circuit breaker then rolls back', async () => {
    const td = (await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'demo-api', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'api', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:1.3.0-elbfail', portMappings: [{ containerPort: 8080 }] }],
    }))).taskDefinition!;
    await ecs.send(new UpdateServiceCommand({ ...API, taskDefinition: td.taskDefinitionArn, healthCheckGracePeriodSeconds: 300 }));
    // Failing after 2 checks 30 s apart, but ECS ignores that during the grace period.
    await emu.clock.advance(200_000);
    assert.deepStrictEqual(await targets(), { healthy: 3, unhealthy: 3 });
    const unhealthy = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }))).TargetHealthDescriptions!.find((d) => d.TargetHealth?.State === 'unhealthy')!;
    assert.deepStrictEqual([unhealthy.TargetHealth?.Reason, unhealthy.TargetHealth?.Description], ['Target.ResponseCodeMismatch', 'Health checks failed with these codes: [503]']);
    assert.deepStrictEqual((await ecs.send(new ListTasksCommand({ ...API, serviceName: API.service, desiredStatus: 'STOPPED' }))).taskArns, [], 'nothing stopped within the grace period');

    const stopped = async () => (await ecs.send(new ListTasksCommand({ ...API, serviceName: API.service, desiredStatus: 'STOPPED' }))).taskArns!;
    await advanceUntil(emu, async () => (await stopped()).length === 3, { stepMs: 5_000, maxMs: 5 * 60_000 });
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: API.cluster, tasks: await stopped() }))).tasks!;
    assert.deepStrictEqual(new Set(tasks.map((t) => `${t.stopCode}: ${t.stoppedReason}`)), new Set([`ServiceSchedulerInitiated: Task failed ELB health checks in (target-group ${tgArn})`]));
    assert.ok(tasks.every((t) => t.startedAt!.getTime() + 300_000 <= t.stoppingAt!.getTime()), 'stopped after the grace period');
    const events = (await api()).events!.map((e) => e.message!);
    for (const t of tasks) {
      const id = t.taskArn!.split('/').pop();
      assert.ok(events.includes(`(service api) (task ${id}) (port 8080) is unhealthy in (target-group ${tgArn}) due to (reason Health checks failed with these codes: [503]).`), events.join('\n'));
      assert.ok(events.includes(`(service api) has stopped 1 running tasks: (task ${id}).`), events.join('\n'));
    }
    assert.ok(events.some((m) => /deployment failed: tasks failed to start/.test(m)), events.join('\n'));
    assert.ok(events.some((m) => /rolling back to deployment/.test(m)), events.join('\n'));
  });

  it('target group attributes: documented defaults, changes kept, bad keys and values refused without a change', async () => {
    const attributes = async () => Object.fromEntries((await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tgArn }))).Attributes!.map((a) => [a.Key, a.Value]));
    const before = await attributes();
    assert.deepStrictEqual([before[DELAY], before['stickiness.enabled'], before['stickiness.type'], before['load_balancing.algorithm.type'], before['slow_start.duration_seconds']], ['300', 'false', 'lb_cookie', 'round_robin', '0']);
    await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tgArn, Attributes: [{ Key: DELAY, Value: '3600' }, { Key: 'stickiness.enabled', Value: 'true' }] }));
    assert.deepStrictEqual([(await attributes())[DELAY], (await attributes())['stickiness.enabled']], ['3600', 'true']);
    let e = await rejectsWith(elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tgArn, Attributes: [{ Key: DELAY, Value: '10' }, { Key: 'no.such.key', Value: '1' }] })), 'ValidationError');
    assert.strictEqual(e.message, "Target group attribute key 'no.such.key' is not recognized");
    e = await rejectsWith(elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: tgArn, Attributes: [{ Key: DELAY, Value: '3601' }] })), 'ValidationError');
    assert.match(e.message, /deregistration_delay\.timeout_seconds.*0 to 3600/);
    assert.strictEqual((await attributes())[DELAY], '3600', 'a refused call changes nothing');
    await rejectsWith(elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tgArn.replace(/\/[0-9a-f]+$/, '/0000000000000000') })), 'TargetGroupNotFoundException');
    await rejectsWith(elb.send(new ModifyTargetGroupCommand({ TargetGroupArn: tgArn, HealthyThresholdCount: 11 })), 'ValidationError');
  });
});
