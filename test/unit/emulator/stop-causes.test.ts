import * as assert from 'assert';
import {
  CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand, Task, UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startEmulator, type EmulatorHandle } from '../../emulator/index';
import { advanceUntil, raw, sdkConfig } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'], assignPublicIp: 'DISABLED' as const } };
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const LOGS = { logDriver: 'awslogs' as const, options: { 'awslogs-group': '/ecs/demo-worker', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } };

/** Each stop cause of AWS's troubleshooting guide, made to happen by an image name (sim/timing.ts), read back through the SDK. */
describe('emulator: why tasks stop (stopped-task-errors.html)', () => {
  let emu: EmulatorHandle;
  let ecs: ECSClient;
  let logs: CloudWatchLogsClient;

  beforeEach(async () => {
    emu = await startEmulator({ seed: 'demo' });
    ecs = new ECSClient(sdkConfig(emu));
    logs = new CloudWatchLogsClient(sdkConfig(emu));
  });
  afterEach(async () => {
    ecs.destroy();
    logs.destroy();
    await emu.close();
  });

  const register = async (family: string, image: string, extra: Record<string, unknown> = {}) => (await ecs.send(new RegisterTaskDefinitionCommand({
    family, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [{ name: 'app', image: `${REPO}/${image}`, essential: true, logConfiguration: LOGS, ...extra }],
  }))).taskDefinition!.taskDefinitionArn!;
  const run = async (taskDefinition: string, capacityProvider?: string) => {
    const placement = capacityProvider ? { capacityProviderStrategy: [{ capacityProvider, weight: 1 }] } : { launchType: 'FARGATE' as const };
    return (await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition, networkConfiguration: NET, ...placement }))).tasks![0].taskArn!;
  };
  const describe1 = async (arn: string): Promise<Task> => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [arn] }))).tasks![0];
  const stoppedTask = async (arn: string, maxMs = 10 * 60_000): Promise<Task> => {
    await advanceUntil(emu, async () => (await describe1(arn)).lastStatus === 'STOPPED', { stepMs: 5_000, maxMs });
    return describe1(arn);
  };
  const logLines = async (arn: string) => (await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/demo-worker', logStreamName: `ecs/app/${arn.split('/').pop()}`, startFromHead: true }))).events!.map((e) => e.message!);

  it('nopull (and the older pullerror): CannotPullContainerError, TaskFailedToStart, never started', async () => {
    for (const tag of ['9.9-nopull', '9.9-pullerror']) {
      const t = await stoppedTask(await run(await register('pull', `demo/worker:${tag}`)));
      assert.strictEqual(t.stopCode, 'TaskFailedToStart');
      assert.strictEqual(t.stoppedReason, `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${REPO}/demo/worker:${tag}: not found`);
      assert.strictEqual(t.containers![0].reason, t.stoppedReason);
      assert.strictEqual(t.startedAt, undefined);
      assert.strictEqual(t.containers![0].exitCode, undefined);
    }
  });

  it('badsecret: ResourceInitializationError, unable to pull secrets or registry auth, naming the secret and the execution role', async () => {
    const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/worker/api-key-AbCdEf';
    const t = await stoppedTask(await run(await register('secret', 'demo/worker:1-badsecret', { secrets: [{ name: 'API_KEY', valueFrom: secret }] })));
    assert.strictEqual(t.stopCode, 'TaskFailedToStart');
    assert.match(t.stoppedReason!, /^ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: /);
    assert.ok(t.stoppedReason!.includes(`failed to fetch secret ${secret} from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/`), t.stoppedReason);
  });

  it('oom: runs a while with its heap climbing, then OutOfMemoryError, exit 137, EssentialContainerExited', async () => {
    const arn = await run(await register('oom', 'demo/worker:2-oom'));
    await advanceUntil(emu, async () => (await describe1(arn)).lastStatus === 'RUNNING');
    await emu.clock.advance(20_000);
    assert.strictEqual((await describe1(arn)).lastStatus, 'RUNNING', 'still running a while after it started');
    const t = await stoppedTask(arn);
    assert.deepStrictEqual([t.stopCode, t.stoppedReason, t.containers![0].exitCode, t.containers![0].reason], ['EssentialContainerExited', 'Essential container in task exited', 137, 'OutOfMemoryError: Container killed due to memory usage']);
    assert.ok(t.stoppingAt!.getTime() - t.startedAt!.getTime() >= 45_000);
    const lines = await logLines(arn);
    assert.ok(lines.some((l) => /heap used \d+ MiB of 512 MiB/.test(l)), lines.join('\n'));
    assert.strictEqual(lines.at(-1), 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
  });

  it('fail: exits 1 after a stack trace in its log', async () => {
    const arn = await run(await register('crash', 'demo/worker:3-fail'));
    const t = await stoppedTask(arn);
    assert.deepStrictEqual([t.stopCode, t.containers![0].exitCode], ['EssentialContainerExited', 1]);
    const lines = await logLines(arn);
    assert.ok(lines[0].startsWith('Starting app ('), lines.join('\n'));
    assert.ok(lines.includes('Error: connect ECONNREFUSED 10.0.3.12:5432') && lines.some((l) => /^ {4}at /.test(l)), lines.join('\n'));
  });

  it('unhealthy: a service task failing its container health check is UNHEALTHY, then stopped ("Task failed container health checks"); a standalone one keeps running', async () => {
    const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], interval: 10, timeout: 5, retries: 3, startPeriod: 20 };
    const td = await register('sick', 'demo/worker:4-unhealthy', { healthCheck, portMappings: [{ containerPort: 8080 }] });
    const standalone = await run(td);
    await ecs.send(new CreateServiceCommand({ cluster: 'demo-fargate', serviceName: 'sick', taskDefinition: td, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: NET }));
    const stopped = async () => (await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'sick', desiredStatus: 'STOPPED' }))).taskArns!;
    await advanceUntil(emu, async () => (await stopped()).length > 0, { stepMs: 5_000, maxMs: 5 * 60_000 });
    const t = await describe1((await stopped())[0]);
    assert.deepStrictEqual([t.stopCode, t.stoppedReason, t.healthStatus, t.containers![0].healthStatus], ['ServiceSchedulerInitiated', 'Task failed container health checks', 'UNHEALTHY', 'UNHEALTHY']);
    const alone = await describe1(standalone);
    assert.deepStrictEqual([alone.lastStatus, alone.healthStatus], ['RUNNING', 'UNHEALTHY']);
  });

  it('a user stop: UserInitiated, "Task stopped by user" unless a reason is given', async () => {
    const arn = await run(await register('plain', 'demo/worker:0.9.0'));
    await emu.clock.advance(30_000);
    await ecs.send(new StopTaskCommand({ cluster: 'demo-fargate', task: arn }));
    const t = await stoppedTask(arn);
    assert.deepStrictEqual([t.stopCode, t.stoppedReason], ['UserInitiated', 'Task stopped by user']);
  });

  it('Spot interruption from the control endpoint: only FARGATE_SPOT tasks, SpotInterruption two minutes later', async () => {
    const td = await register('spot', 'demo/worker:0.9.0');
    const spot = await run(td, 'FARGATE_SPOT');
    const onDemand = await run(td);
    await emu.clock.advance(30_000);
    const reply = await raw(emu.url, { path: '/_emulator/ecs/spot-interruption', body: JSON.stringify({ cluster: 'demo-fargate' }) });
    assert.strictEqual(reply.status, 200, reply.body);
    assert.ok(JSON.parse(reply.body).interrupted.includes(spot));
    await emu.clock.advance(60_000);
    assert.strictEqual((await describe1(spot)).desiredStatus, 'RUNNING', 'runs on through the two-minute warning');
    const t = await stoppedTask(spot);
    assert.deepStrictEqual([t.stopCode, t.stoppedReason, t.capacityProviderName], ['SpotInterruption', 'Your Spot Task was interrupted.', 'FARGATE_SPOT']);
    assert.strictEqual((await describe1(onDemand)).lastStatus, 'RUNNING');
    const refused = await raw(emu.url, { path: '/_emulator/ecs/spot-interruption', body: JSON.stringify({ cluster: 'demo-fargate', task: onDemand }) });
    assert.strictEqual(refused.status, 400);
  });

  it('deployment replacement and scale-in: ServiceSchedulerInitiated, "Scaling activity initiated by (deployment …)"', async () => {
    const before = (await ecs.send(new ListTasksCommand({ cluster: 'demo-ec2', serviceName: 'cache' }))).taskArns!;
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', forceNewDeployment: true }));
    const replaced = async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-ec2', tasks: before }))).tasks![0];
    await advanceUntil(emu, async () => (await replaced()).lastStatus === 'STOPPED');
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-ec2', services: ['cache'] }))).services![0];
    const t = await replaced();
    assert.strictEqual(t.stopCode, 'ServiceSchedulerInitiated');
    assert.strictEqual(t.stoppedReason, `Scaling activity initiated by (deployment ${svc.deployments![0].id})`);
    assert.notStrictEqual(t.startedBy, svc.deployments![0].id, 'stopped for a newer deployment than its own');
  });

  it('capacity: an EC2 service no container instance can hold gets AWS\'s "unable to place" event naming the closest instance and the resource', async () => {
    const big = (await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'big', networkMode: 'bridge', requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'big', image: `${REPO}/demo/batch:latest`, cpu: 256, memory: 16_384, essential: true }],
    }))).taskDefinition!.taskDefinitionArn!;
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', taskDefinition: big }));
    const events = async () => (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-ec2', services: ['cache'] }))).services![0].events!.map((e) => e.message!);
    await advanceUntil(emu, async () => (await events()).some((m) => m.includes('unable to place')));
    const message = (await events()).find((m) => m.includes('unable to place'))!;
    assert.match(message, /^\(service cache\) was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]{32}\) has insufficient memory available\. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide\.$/);
  });
});
