import * as assert from 'assert';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, StopTaskCommand, UpdateServiceCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { explainStoppedTask } from '../../../src/diagnose/explain';
import { containerLogTail } from '../../../src/logs/logTail';
import type { StopCause } from '../../../src/diagnose/stopCause';
import { advanceUntil, raw } from '../emulator/helpers';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const NET = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'] } };

/** Every cause end to end: the demo seed's stopped tasks, and the others made to happen, explained through the real SDK. */
describe('diagnose: explainStoppedTask against the emulator', () => {
  let account: UnitEmulatorAccount;
  let ecs: ECSClient;
  beforeEach(async () => {
    account = await startEmulatorAccount();
    ecs = new ECSClient({ endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
  });
  afterEach(async () => {
    ecs.destroy();
    await account.close();
  });

  const explain = (cluster: string, task: string) => explainStoppedTask(account.manager, {}, cluster, task, (t, td, container, lines) => containerLogTail(account.manager, {}, t, container, lines, td));
  const stopped = async (cluster: string, filter: { startedBy?: string; serviceName?: string }) => (await ecs.send(new ListTasksCommand({ cluster, desiredStatus: 'STOPPED', ...filter }))).taskArns ?? [];
  const until = (check: () => Promise<unknown>) => advanceUntil(account.emulator, async () => Boolean(await check()), { stepMs: 5_000, maxMs: 20 * 60_000 });

  it('the demo seed: out of memory, image pull (with demo/web\'s tags), secrets, exit 1, each with its log tail', async () => {
    const oom = await explain('demo-fargate', (await stopped('demo-fargate', { startedBy: 'nightly-report' }))[0]);
    assert.deepStrictEqual([oom.cause, oom.exitCodes], ['out-of-memory', { report: 137 }]);
    assert.match(oom.summary, /512 MiB \(its memory limit\); the task has 512 MiB/);
    assert.strictEqual(oom.logTail.at(-1), 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
    const pull = await explain('demo-fargate', (await stopped('demo-fargate', { startedBy: 'preview-build' }))[0]);
    assert.strictEqual(pull.cause, 'image-pull');
    assert.match(pull.summary, /The repository has: 2\.0\.0, 2\.1\.0, latest\./);
    assert.deepStrictEqual(pull.logTail, []);
    assert.match(pull.logNote!, /never started/);
    const secret = await explain('demo-fargate', (await stopped('demo-fargate', { startedBy: 'payments-job' }))[0]);
    assert.strictEqual(secret.cause, 'secrets-or-registry-auth');
    assert.ok(secret.summary.includes('secret:demo/pay/stripe-key'), secret.summary);
    const worker = await explain('demo-fargate', (await stopped('demo-fargate', { serviceName: 'worker' }))[0]);
    assert.deepStrictEqual([worker.cause, worker.exitCodes], ['essential-container-exit', { worker: 1 }]);
    assert.ok(worker.logTail.includes('Error: connect ECONNREFUSED 10.0.3.12:5432'), worker.logTail.join('\n'));
  });

  it('load balancer and container health checks, from the service events and the target group', async () => {
    const td = async (family: string, image: string, extra = {}) => (await ecs.send(new RegisterTaskDefinitionCommand({
      family, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'api', image: `${REPO}/demo/api:${image}`, portMappings: [{ containerPort: 8080 }], ...extra }],
    }))).taskDefinition!.taskDefinitionArn!;
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'api', taskDefinition: await td('demo-api', '9-elbfail') }));
    await until(async () => (await stopped('demo-fargate', { serviceName: 'api' })).length);
    const elb = await explain('demo-fargate', (await stopped('demo-fargate', { serviceName: 'api' }))[0]);
    assert.strictEqual(elb.cause, 'load-balancer-health-check');
    assert.ok(elb.summary.includes('target group demo-api-tg: Health checks failed with these codes: [503]') && elb.summary.includes("HTTP /health on the traffic port (the container's 8080)"), elb.summary);
    const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], interval: 10, retries: 2 };
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'web', taskDefinition: await td('demo-web', '9-unhealthy', { healthCheck }) }));
    const sick = async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: await stopped('demo-fargate', { serviceName: 'web' }) }))).tasks?.find((t) => t.stoppedReason === 'Task failed container health checks');
    await until(sick);
    const hc = await explain('demo-fargate', (await sick())!.taskArn!);
    assert.strictEqual(hc.cause, 'container-health-check');
    assert.ok(hc.summary.includes('every 10 s'), hc.summary);
  });

  it('a user stop, a deployment replacement, a scale-in, a Spot interruption and a capacity shortage', async () => {
    const causeOf = async (cluster: string, arn: string): Promise<StopCause> => (await explain(cluster, arn)).cause;
    const [api1, api2] = (await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }))).taskArns!;
    await ecs.send(new StopTaskCommand({ cluster: 'demo-fargate', task: api1 }));
    assert.strictEqual(await causeOf('demo-fargate', api1), 'user-stopped');
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'api', desiredCount: 1 }));
    await until(async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [api2] }))).tasks![0].desiredStatus === 'STOPPED');
    const scaled = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: (await stopped('demo-fargate', { serviceName: 'api' })) }))).tasks!.filter((t) => t.stopCode === 'ServiceSchedulerInitiated');
    assert.ok(scaled.length > 0);
    assert.strictEqual(await causeOf('demo-fargate', scaled[0].taskArn!), 'scaled-in');

    const spot = (await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-worker:1', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: NET }))).tasks![0].taskArn!;
    await account.emulator.clock.advance(30_000);
    assert.strictEqual((await raw(account.emulator.url, { path: '/_emulator/ecs/spot-interruption', body: JSON.stringify({ cluster: 'demo-fargate', task: spot }) })).status, 200);
    await until(async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [spot] }))).tasks![0].lastStatus === 'STOPPED');
    assert.strictEqual(await causeOf('demo-fargate', spot), 'spot-interruption');

    const [cache] = (await ecs.send(new ListTasksCommand({ cluster: 'demo-ec2', serviceName: 'cache' }))).taskArns!;
    const big = (await ecs.send(new RegisterTaskDefinitionCommand({ family: 'demo-cache', networkMode: 'bridge', containerDefinitions: [{ name: 'redis', image: 'redis:7.2', cpu: 256, memory: 16_384 }] }))).taskDefinition!.taskDefinitionArn!;
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', taskDefinition: big, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } }));
    await until(async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-ec2', tasks: [cache] }))).tasks![0].lastStatus === 'STOPPED');
    await account.emulator.clock.advance(10_000);
    const capacity = await explain('demo-ec2', cache);
    assert.strictEqual(capacity.cause, 'capacity');
    assert.match(capacity.summary, /not enough memory\. The task needs 256 CPU units and 16384 MiB\./);

    // web's rollout (demo-web:1 → 2) has replaced its old tasks meanwhile.
    const replaced = async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: await stopped('demo-fargate', { serviceName: 'web' }) }))).tasks?.find((t) => /^Scaling activity/.test(t.stoppedReason ?? ''));
    await until(replaced);
    assert.strictEqual(await causeOf('demo-fargate', (await replaced())!.taskArn!), 'deployment-replaced');
  });

  it('refuses a task that is still running, saying so', async () => {
    const [running] = (await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }))).taskArns!;
    await assert.rejects(explain('demo-fargate', running), /is RUNNING: only a stopped task has a reason to explain/);
  });
});
