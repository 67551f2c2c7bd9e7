import * as assert from 'assert';
import * as net from 'net';
import { checkExecReadiness } from '../../../src/exec/readiness';
import { check, CLUSTER, failed, runTask, taskOfService, useDemoAccount } from './readinessFixture';

const ALL_CHECKS = ['task-running', 'task-exec-enabled', 'service-exec-enabled', 'exec-agent', 'platform-version', 'caller-execute-command', 'task-role', 'exec-logging', 'kms-key', 'ssm-endpoint'];

describe('exec: readiness check against the emulator', () => {
  const ctx = useDemoAccount();

  it('a task of the demo api service (ECS Exec on, task role with ssmmessages:*) is ready', async () => {
    const { manager } = ctx.account;
    const task = await taskOfService(manager, 'api');
    const report = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(report.checks.map((c) => c.id), ALL_CHECKS);
    assert.deepStrictEqual(failed(report), [], JSON.stringify(report, null, 1));
    assert.strictEqual(report.ready, true);
    assert.match(check(report, 'exec-agent').message, /^The ExecuteCommandAgent of container api is RUNNING\.$/);
    assert.match(check(report, 'task-role').message, /^Task role demo-api-task-role may call ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel, ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel\.$/);
    assert.match(check(report, 'caller-execute-command').message, /^You \(arn:aws:iam::123456789012:user\/emulator\) may call ecs:ExecuteCommand on task [0-9a-f]{32}\.$/);
    assert.match(check(report, 'platform-version').message, /Fargate platform version 1\.4\.0 supports ECS Exec/);
    // With the emulator's loopback endpoint, the data channel is the emulator's own listener.
    assert.match(check(report, 'ssm-endpoint').message, new RegExp(`^The session endpoint 127\\.0\\.0\\.1:${ctx.account.emulator.port} is reachable from here`));
    assert.ok(report.checks.every((c) => !c.unverified));
  });

  it('a task of the demo web service (ECS Exec off, no task role) is not, and says to Enable ECS Exec on its service', async () => {
    const { manager } = ctx.account;
    const task = await taskOfService(manager, 'web');
    const report = await checkExecReadiness(manager, { cluster: CLUSTER, task, scope: { region: 'us-east-1' } });
    assert.strictEqual(report.ready, false);
    assert.deepStrictEqual(failed(report), ['task-exec-enabled', 'service-exec-enabled', 'exec-agent', 'task-role']);
    const enabled = check(report, 'task-exec-enabled');
    assert.match(enabled.message, /was started without ECS Exec \(enableExecuteCommand is false\)/);
    assert.match(enabled.fix!, /^Enable ECS Exec on service web \(UpdateService with enableExecuteCommand: true and a new deployment\)/);
    assert.deepStrictEqual(enabled.action, { kind: 'enable-execute-command', cluster: CLUSTER, service: 'web' });
    assert.deepStrictEqual(check(report, 'service-exec-enabled').action, enabled.action);
    assert.match(check(report, 'exec-agent').message, /Container web has no ExecuteCommandAgent: ECS Exec was not enabled when the task started/);
    assert.match(check(report, 'task-role').fix!, /Give the task definition a task role \(taskRoleArn\) that allows ssmmessages:CreateControlChannel/);
    assert.ok(report.checks.filter((c) => !c.ok).every((c) => c.fix), 'every failed check has a fix');
  });

  it('a task whose role lacks ssmmessages fails the task-role check with the actions to allow', async () => {
    const task = await runTask(ctx.account, { taskDefinition: 'demo-worker:1', enableExecuteCommand: true });
    const report = await checkExecReadiness(ctx.account.manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(failed(report), ['task-role']);
    const role = check(report, 'task-role');
    assert.strictEqual(role.message, 'Task role demo-worker-task-role may not call ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel, ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel.');
    assert.match(role.fix!, /^Add a policy to role demo-worker-task-role that allows ssmmessages:CreateControlChannel, .* on "\*"/);
    // A standalone task: no service check, and the enable fix would be a new task.
    assert.ok(!report.checks.some((c) => c.id === 'service-exec-enabled'));
  });

  it('a Fargate task on platform version 1.3.0 fails the platform check', async () => {
    const task = await runTask(ctx.account, { taskDefinition: 'demo-api:3', enableExecuteCommand: true, platformVersion: '1.3.0' });
    const report = await checkExecReadiness(ctx.account.manager, { cluster: CLUSTER, task, scope: {} });
    assert.deepStrictEqual(failed(report), ['platform-version']);
    const pv = check(report, 'platform-version');
    assert.strictEqual(pv.message, 'The task runs on Fargate platform version 1.3.0; ECS Exec needs 1.4.0 or later.');
    assert.match(pv.fix!, /platform version 1\.4\.0 or LATEST/);
  });

  it('an unreachable session endpoint fails its check quickly, saying what happened', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const task = await taskOfService(ctx.account.manager, 'api');
    const report = await checkExecReadiness(ctx.account.manager, { cluster: CLUSTER, task, scope: {} }, { sessionEndpoint: `http://127.0.0.1:${closed}` });
    assert.deepStrictEqual(failed(report), ['ssm-endpoint']);
    const endpoint = check(report, 'ssm-endpoint');
    assert.strictEqual(endpoint.message, `The session endpoint 127.0.0.1:${closed} is not reachable from here: the connection was refused.`);
    assert.match(endpoint.fix!, /is running and reachable/);
  });

  it('names the container it checks, and says when the task has no such container', async () => {
    const { manager } = ctx.account;
    const task = await taskOfService(manager, 'api');
    const named = await checkExecReadiness(manager, { cluster: CLUSTER, task, container: 'api', scope: {} });
    assert.strictEqual(named.ready, true);
    const wrong = await checkExecReadiness(manager, { cluster: CLUSTER, task, container: 'sidecar', scope: {} });
    assert.deepStrictEqual(failed(wrong), ['exec-agent']);
    assert.deepStrictEqual([check(wrong, 'exec-agent').message, check(wrong, 'exec-agent').fix], [`Task ${task.split('/').pop()} has no container named "sidecar".`, 'Name one of its containers: api.']);
  });

  it('a task on EC2: the container agent\'s version is checked instead of a platform version', async () => {
    const { manager } = ctx.account;
    const { sdk, client } = await manager.clientWithSdk('ecs');
    const [task] = (await client.send(new sdk.ecs.ListTasksCommand({ cluster: 'demo-ec2', serviceName: 'cache' }))).taskArns ?? [];
    const report = await checkExecReadiness(manager, { cluster: 'demo-ec2', task, scope: {} });
    assert.match(check(report, 'platform-version').message, /^The ECS container agent 1\.89\.2 on i-0[0-9a-f]+ supports ECS Exec \(1\.50\.2 or later\)\.$/);
    assert.deepStrictEqual(failed(report), ['task-exec-enabled', 'service-exec-enabled', 'exec-agent', 'task-role']);
  });

  it('a task that does not exist is one failed check (and the endpoint)', async () => {
    const report = await checkExecReadiness(ctx.account.manager, { cluster: CLUSTER, task: '0123456789abcdef0123456789abcdef', scope: {} });
    assert.deepStrictEqual(report.checks.map((c) => [c.id, c.ok]), [['task-running', false], ['ssm-endpoint', true]]);
    assert.match(check(report, 'task-running').message, /^Task 0123456789abcdef0123456789abcdef was not found in cluster demo-fargate\.$/);
  });
});
