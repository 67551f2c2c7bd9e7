import * as assert from 'assert';
import * as vscode from 'vscode';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand } from './support/tree';

interface Explained { cause: string; summary: string; fixes: string[]; exitCodes: Record<string, number>; logTail: string[]; docUrl: string; uri?: string }

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const NET = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'] } };

/** "Why did it stop?" for every cause, from the demo seed and what a person does to it, through ecsWorkbench.explainStoppedTask and the explorer. */
describe('Why did it stop? (explainStoppedTask, stopped tasks in the explorer)', function () {
  this.timeout(180_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;
  let ecs: ECSClient;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' });
    ({ workbench, emulator } = account);
    ecs = new ECSClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
  });
  after(async () => {
    ecs.destroy();
    await account.close();
  });

  const explain = (cluster: string, task: string) => vscode.commands.executeCommand<Explained>('ecsWorkbench.explainStoppedTask', { cluster, task });
  const tasksOf = (cluster: string) => [...emulator.region('us-east-1').ecs.tasksOf(cluster).values()];
  const stoppedBy = (cluster: string, test: (t: ReturnType<typeof tasksOf>[number]) => boolean) => tasksOf(cluster).find((t) => t.lastStatus === 'STOPPED' && test(t));
  /** Moves ECS time on until `find` finds a stopped task (no sleeping: the manual clock runs what falls due). */
  async function until(find: () => { taskArn: string } | undefined, what: string): Promise<string> {
    for (let i = 0; i < 400; i++) {
      const found = find();
      if (found) return found.taskArn;
      await emulator.clock.advance(5_000);
    }
    throw new Error(`no ${what} after 2000 s of ECS time`);
  }

  it('the demo seed\'s stopped tasks: out of memory, image pull, secrets, an essential container exit (exit 1)', async () => {
    const oom = await explain('demo-fargate', stoppedBy('demo-fargate', (t) => t.startedBy === 'nightly-report')!.taskArn);
    assert.deepStrictEqual([oom.cause, oom.exitCodes], ['out-of-memory', { report: 137 }]);
    assert.match(oom.summary, /Container report was killed for using more memory than it may: 512 MiB/);
    assert.strictEqual(oom.logTail.length <= 20 && oom.logTail.at(-1), 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
    assert.strictEqual(oom.docUrl, 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html');
    assert.strictEqual(oom.uri, undefined, 'an argument object opens nothing');
    const pull = await explain('demo-fargate', stoppedBy('demo-fargate', (t) => t.startedBy === 'preview-build')!.taskArn);
    assert.deepStrictEqual([pull.cause, pull.logTail], ['image-pull', []]);
    assert.match(pull.summary, /demo\/web:2\.2\.0-nopull: that tag \(or repository\) does not exist\. The repository has: 2\.0\.0, 2\.1\.0, latest\./);
    const secret = await explain('demo-fargate', stoppedBy('demo-fargate', (t) => t.startedBy === 'payments-job')!.taskArn);
    assert.strictEqual(secret.cause, 'secrets-or-registry-auth');
    assert.ok(secret.fixes[0].includes('secretsmanager:GetSecretValue'), secret.fixes.join('\n'));
    const worker = await explain('demo-fargate', stoppedBy('demo-fargate', (t) => t.group === 'service:worker')!.taskArn);
    assert.deepStrictEqual([worker.cause, worker.exitCodes], ['essential-container-exit', { worker: 1 }]);
    assert.match(worker.summary, /^Essential container worker exited 1: the application failed/);
    assert.ok(worker.logTail.includes('Error: connect ECONNREFUSED 10.0.3.12:5432'), worker.logTail.join('\n'));
  });

  it('what people and AWS do: a user stop, a scale-in, a deployment replacing tasks, a Spot interruption, health checks, capacity', async () => {
    const [api1] = tasksOf('demo-fargate').filter((t) => t.group === 'service:api' && t.lastStatus === 'RUNNING');
    await vscode.commands.executeCommand('ecsWorkbench.stopTask', { cluster: 'demo-fargate', task: api1.taskArn });
    assert.strictEqual((await explain('demo-fargate', await until(() => stoppedBy('demo-fargate', (t) => t.taskArn === api1.taskArn), 'user stop'))).cause, 'user-stopped');

    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', desiredCount: 2 }));
    await until(() => tasksOf('demo-ec2').filter((t) => t.group === 'service:cache' && t.lastStatus === 'RUNNING').length === 2 ? { taskArn: 'x' } : undefined, 'cache at 2');
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', desiredCount: 1 }));
    const scaled = await until(() => stoppedBy('demo-ec2', (t) => t.group === 'service:cache' && /^Scaling activity/.test(t.stoppedReason ?? '')), 'scale-in');
    assert.strictEqual((await explain('demo-ec2', scaled)).cause, 'scaled-in');

    const replaced = await until(() => stoppedBy('demo-fargate', (t) => t.group === 'service:web' && /^Scaling activity/.test(t.stoppedReason ?? '')), 'web task replaced by its rollout');
    assert.strictEqual((await explain('demo-fargate', replaced)).cause, 'deployment-replaced');

    const spot = (await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-worker:1', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: NET }))).tasks![0].taskArn!;
    await emulator.clock.advance(30_000);
    const reply = await fetch(`${emulator.url}/_emulator/ecs/spot-interruption`, { method: 'POST', body: JSON.stringify({ cluster: 'demo-fargate', task: spot }) });
    assert.strictEqual(reply.status, 200);
    assert.strictEqual((await explain('demo-fargate', await until(() => stoppedBy('demo-fargate', (t) => t.taskArn === spot), 'Spot interruption'))).cause, 'spot-interruption');

    const register = async (family: string, image: string, extra = {}) => (await ecs.send(new RegisterTaskDefinitionCommand({
      family, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: family === 'demo-api' ? 'api' : 'web', image: `${REPO}/${image}`, portMappings: [{ containerPort: family === 'demo-api' ? 8080 : 80 }], ...extra }],
    }))).taskDefinition!.taskDefinitionArn!;
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'api', taskDefinition: await register('demo-api', 'demo/api:9-elbfail') }));
    const elb = await explain('demo-fargate', await until(() => stoppedBy('demo-fargate', (t) => /failed ELB health checks/.test(t.stoppedReason ?? '')), 'ELB health check failure'));
    assert.strictEqual(elb.cause, 'load-balancer-health-check');
    assert.ok(elb.summary.includes('demo-api-tg: Health checks failed with these codes: [503]') && elb.summary.includes("HTTP /health on the traffic port (the container's 8080)"), elb.summary);
    const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/health || exit 1'], interval: 10, retries: 2 };
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'web', taskDefinition: await register('demo-web', 'demo/web:9-unhealthy', { healthCheck }) }));
    const hc = await explain('demo-fargate', await until(() => stoppedBy('demo-fargate', (t) => t.stoppedReason === 'Task failed container health checks'), 'container health check failure'));
    assert.strictEqual(hc.cause, 'container-health-check');
    assert.ok(hc.summary.includes('"CMD-SHELL curl -f http://localhost/health || exit 1" every 10 s'), hc.summary);

    const [cache] = (await ecs.send(new ListTasksCommand({ cluster: 'demo-ec2', serviceName: 'cache' }))).taskArns!;
    const big = (await ecs.send(new RegisterTaskDefinitionCommand({ family: 'demo-cache', networkMode: 'bridge', containerDefinitions: [{ name: 'redis', image: 'redis:7.2', cpu: 256, memory: 16_384 }] }))).taskDefinition!.taskDefinitionArn!;
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', taskDefinition: big, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } }));
    await until(() => stoppedBy('demo-ec2', (t) => t.taskArn === cache), 'cache replaced');
    await emulator.clock.advance(10_000);
    const capacity = await explain('demo-ec2', cache);
    assert.strictEqual(capacity.cause, 'capacity');
    assert.match(capacity.summary, /No container instance had room for its replacement: not enough memory\. The task needs 256 CPU units and 16384 MiB\./);
    assert.deepStrictEqual((await ecs.send(new DescribeTasksCommand({ cluster: 'demo-ec2', tasks: [cache] }))).tasks![0].lastStatus, 'STOPPED');
  });

  it('refuses an invalid argument object, saying what it expects', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.explainStoppedTask', { cluster: 'demo-fargate' })), /ecsWorkbench\.explainStoppedTask: "task" is missing\. Expected \{ cluster: string, task: string \(ARN or id\), open\?: boolean, region\?, profile\? \}/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.explainStoppedTask', { cluster: 'demo-fargate', task: 'x', why: 1 })), /unknown member "why"/);
  });

  it('through the explorer: the stopped task\'s row and tooltip say why, and Why Did It Stop? opens the report', async () => {
    const folder = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate')).find((n) => n.label === 'Tasks')!;
    await vscode.commands.executeCommand('ecsWorkbench.showStoppedTasks', folder.node);
    const oomArn = stoppedBy('demo-fargate', (t) => t.startedBy === 'nightly-report')!.taskArn;
    const row = await eventually(async () => (await childrenOf(workbench.explorer, folder.node)).find((r) => oomArn.endsWith(`/${r.label}`) || oomArn.split('/').pop()!.startsWith(r.label)), 'the report task\'s row');
    assert.match(row.description!, / · report out of memory$/);
    assert.match(row.tooltip!, /^Why it stopped: a container ran out of memory\n/);
    assert.strictEqual(row.contextValue, 'task.stopped');
    // The context menu and the inline action run the command with the node.
    const result = await vscode.commands.executeCommand<Explained>('ecsWorkbench.explainStoppedTask', row.node);
    const editor = await eventually(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === result.uri), 'the report');
    const text = editor.document.getText();
    assert.strictEqual(editor.document.languageId, 'markdown');
    for (const part of ['# Why did task ', '**A container ran out of memory**', '## What to do', 'report: exited 137 \\(SIGKILL\\)', ' log lines of report', 'FATAL ERROR: Reached heap limit', "AWS's guide: [https\\://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html)"]) {
      assert.ok(text.includes(part), `${part} in:\n${text}`);
    }
    await vscode.commands.executeCommand('ecsWorkbench.showStoppedTasks', folder.node);
  });
});
