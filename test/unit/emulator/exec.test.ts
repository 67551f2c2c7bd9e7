/**
 * ECS Exec in the emulator, through the real SDK: DescribeTasks' runtimeId and managedAgents,
 * ExecuteCommand's answer and refusals, and the session it hands to the emulator's agent.
 */
import * as assert from 'assert';
import {
  CreateClusterCommand, DescribeClustersCommand, DescribeTasksCommand, ECSClient, ExecuteCommandCommand, ListTasksCommand,
  RegisterTaskDefinitionCommand, RunTaskCommand, UpdateClusterCommand, UpdateServiceCommand, type Task,
} from '@aws-sdk/client-ecs';

import { advanceUntil, rejectsWith, sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };
const NOT_ENABLED = 'The execute command failed because execute command was not enabled when the task was run or the execute command agent isn’t running. Wait and try again or run a new task with execute command enabled and try again.';

describe('emulator: ECS Exec (ExecuteCommand, managed agents)', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
  });

  async function serviceTasks(service: string): Promise<Task[]> {
    const list = await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: service }));
    return (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: list.taskArns }))).tasks ?? [];
  }

  async function task(arn: string): Promise<Task> {
    return (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [arn] }))).tasks![0];
  }

  it("gives api's containers a runtime id and a RUNNING ExecuteCommandAgent, web's none", async () => {
    const api = await serviceTasks('api');
    assert.strictEqual(api.length, 3);
    for (const t of api) {
      assert.strictEqual(t.enableExecuteCommand, true);
      const c = t.containers![0];
      assert.match(c.runtimeId ?? '', new RegExp(`^${t.taskArn!.split('/').pop()}-\\d{10}$`));
      assert.deepStrictEqual(c.managedAgents?.map((a) => [a.name, a.lastStatus]), [['ExecuteCommandAgent', 'RUNNING']]);
      assert.ok(c.managedAgents![0].lastStartedAt instanceof Date);
    }
    const web = await serviceTasks('web');
    assert.ok(web.length > 0);
    for (const t of web) {
      assert.strictEqual(t.enableExecuteCommand, false);
      assert.ok(t.containers![0].runtimeId);
      assert.strictEqual(t.containers![0].managedAgents, undefined);
    }
  });

  it('opens a session on an api container and registers it with the agent', async () => {
    const [t] = await serviceTasks('api');
    const r = await ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: t.taskArn, command: '/bin/sh', interactive: true }));
    assert.strictEqual(r.clusterArn, 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-fargate');
    assert.strictEqual(r.taskArn, t.taskArn);
    assert.strictEqual(r.containerName, 'api');
    assert.strictEqual(r.containerArn, t.containers![0].containerArn);
    assert.strictEqual(r.interactive, true);
    assert.match(r.session?.sessionId ?? '', /^ecs-execute-command-[0-9a-f]{17}$/);
    assert.match(r.session?.streamUrl ?? '', new RegExp(`/v1/data-channel/${r.session!.sessionId}\\?role=publish_subscribe`));
    assert.ok((r.session?.tokenValue ?? '').length > 100);
    const agent = ctx.emu.agent;
    assert.ok(agent.activeSessions().includes(r.session!.sessionId!));
    // The task id alone names the task too.
    const byId = await ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: t.taskArn!.split('/').pop(), container: 'api', command: 'ls', interactive: true }));
    assert.notStrictEqual(byId.session?.sessionId, r.session?.sessionId);
  });

  it('refuses a non-interactive command, a task without ECS Exec and an unknown task as ECS does', async () => {
    const [api] = await serviceTasks('api');
    const [web] = await serviceTasks('web');
    const e1 = await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: api.taskArn, command: 'ls', interactive: false })), 'InvalidParameterException');
    assert.strictEqual(e1.message, 'Interactive is the only mode supported currently.');
    const e2 = await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: web.taskArn, command: '/bin/sh', interactive: true })), 'InvalidParameterException');
    assert.strictEqual(e2.message, NOT_ENABLED);
    await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: '0123456789abcdef0123456789abcdef', command: 'ls', interactive: true })), 'InvalidParameterException');
    const e3 = await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: 'short', command: 'ls', interactive: true })), 'InvalidParameterException');
    assert.strictEqual(e3.message, 'task length should be one of [32,36]');
    await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'ghost', task: api.taskArn, command: 'ls', interactive: true })), 'ClusterNotFoundException');
  });

  it('a task run with ECS Exec: PENDING agent while it starts (refused), RUNNING once it runs; several containers need a name', async () => {
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'exec-pair', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      taskRoleArn: 'arn:aws:iam::123456789012:role/demo-api-task-role',
      containerDefinitions: [{ name: 'app', image: 'nginx', portMappings: [{ containerPort: 80 }] }, { name: 'sidecar', image: 'busybox', essential: false }],
    }));
    const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'exec-pair', launchType: 'FARGATE', networkConfiguration: NET, enableExecuteCommand: true }));
    const arn = run.tasks![0].taskArn!;
    assert.strictEqual(run.tasks![0].enableExecuteCommand, true);
    assert.deepStrictEqual(run.tasks![0].containers!.map((c) => c.managedAgents?.map((a) => a.lastStatus)), [['PENDING'], ['PENDING']]);
    const early = await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: arn, container: 'app', command: 'ls', interactive: true })), 'InvalidParameterException');
    assert.strictEqual(early.message, NOT_ENABLED);
    await advanceUntil(ctx.emu, async () => (await task(arn)).lastStatus === 'RUNNING', { stepMs: 5_000, maxMs: 120_000 });
    const running = await task(arn);
    assert.deepStrictEqual(running.containers!.map((c) => c.managedAgents?.map((a) => a.lastStatus)), [['RUNNING'], ['RUNNING']]);
    const e = await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: arn, command: 'ls', interactive: true })), 'InvalidParameterException');
    assert.match(e.message, /app, sidecar/);
    const r = await ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: arn, container: 'sidecar', command: 'ls', interactive: true }));
    assert.strictEqual(r.containerName, 'sidecar');
    await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: arn, container: 'nope', command: 'ls', interactive: true })), 'InvalidParameterException');
  });

  it('a task without a task role, or with one that may not open ssmmessages channels, never connects (TargetNotConnectedException)', async () => {
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'exec-norole', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'app', image: 'nginx' }],
    }));
    const runs = await Promise.all([undefined, 'arn:aws:iam::123456789012:role/demo-worker-task-role'].map((taskRoleArn) => ecs.send(new RunTaskCommand({
      cluster: 'demo-fargate', taskDefinition: 'exec-norole', launchType: 'FARGATE', networkConfiguration: NET, enableExecuteCommand: true, overrides: { taskRoleArn },
    }))));
    const arns = runs.map((r) => r.tasks![0].taskArn!);
    await advanceUntil(ctx.emu, async () => (await Promise.all(arns.map(task))).every((t) => t.lastStatus === 'RUNNING'), { stepMs: 5_000, maxMs: 120_000 });
    for (const arn of arns) {
      const e = await rejectsWith(ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: arn, command: 'ls', interactive: true })), 'TargetNotConnectedException');
      assert.strictEqual(e.message, 'The execute command failed due to an internal error. Try again later.');
    }
  });

  it('UpdateService enableExecuteCommand: the tasks of the new deployment have ECS Exec', async () => {
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'worker', enableExecuteCommand: true, forceNewDeployment: true }));
    // worker's image keeps failing, but every task it starts now has ECS Exec.
    await advanceUntil(ctx.emu, async () => (await serviceTasks('worker')).some((t) => t.enableExecuteCommand), { stepMs: 5_000, maxMs: 300_000 });
    const started = (await serviceTasks('worker')).filter((t) => t.enableExecuteCommand);
    assert.ok(started.every((t) => t.containers!.every((c) => c.managedAgents?.[0]?.name === 'ExecuteCommandAgent')));
  });

  it("keeps a cluster's executeCommandConfiguration (CreateCluster, UpdateCluster, DescribeClusters)", async () => {
    const created = await ecs.send(new CreateClusterCommand({
      clusterName: 'exec-cfg',
      configuration: { executeCommandConfiguration: { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', logging: 'DEFAULT' } },
    }));
    assert.strictEqual(created.cluster?.configuration?.executeCommandConfiguration?.logging, 'DEFAULT');
    const override = { logging: 'OVERRIDE' as const, logConfiguration: { cloudWatchLogGroupName: '/ecs/exec', cloudWatchEncryptionEnabled: true } };
    const updated = await ecs.send(new UpdateClusterCommand({ cluster: 'exec-cfg', configuration: { executeCommandConfiguration: override } }));
    assert.deepStrictEqual(updated.cluster?.configuration?.executeCommandConfiguration, override);
    const d = await ecs.send(new DescribeClustersCommand({ clusters: ['exec-cfg'], include: ['CONFIGURATIONS'] }));
    assert.deepStrictEqual(d.clusters?.[0].configuration?.executeCommandConfiguration, override);
    const plain = await ecs.send(new DescribeClustersCommand({ clusters: ['exec-cfg'] }));
    assert.strictEqual(plain.clusters?.[0].configuration, undefined);
    await rejectsWith(ecs.send(new UpdateClusterCommand({ cluster: 'exec-cfg', configuration: { executeCommandConfiguration: { logging: 'OVERRIDE' } } })), 'InvalidParameterException');
  });
});
