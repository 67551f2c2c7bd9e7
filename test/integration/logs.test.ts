import * as assert from 'assert';
import * as vscode from 'vscode';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import type { ShowLogsResult } from '../../src/commands/logs/showLogs';
import { liveTail } from '../emulator/services/logs/liveTail';
import { figure, hasDriver, screenshot, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand } from './support/tree';

const EDITOR = '.part.editor';
const LINE = /^(\S+) \[([0-9a-f]{8})\/([\w-]+)\] (.*)$/;

/** The lines of a log document below its header, parsed. */
function linesOf(text: string): { at: number; task: string; container: string; message: string }[] {
  return text
    .split('\n')
    .slice(1)
    .map((l) => LINE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ at: Date.parse(m[1]), task: m[2], container: m[3], message: m[4] }));
}

function documentOf(result: ShowLogsResult): vscode.TextDocument {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
  assert.ok(doc, `the log document ${result.uri} is open`);
  return doc;
}

describe('Show Logs: log documents of tasks, services and containers', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;
  let config: { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };

  before(async () => {
    // Wall-clock time: "the last hour" of the emulator's log events is the last hour of now.
    account = await useEmulatorAccount({ seed: 'demo', clock: 'real' });
    config = { region: 'us-east-1', endpoint: account.emulator.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'demo-secret' } };
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account?.close();
  });

  it("Show Logs on a task node opens a log document of the task's lines, each prefixed with its short id and container", async () => {
    const tasks = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'web', 'Tasks');
    const task = tasks.find((t) => t.contextValue === 'task.running')!;
    const result = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', task.node)) as ShowLogsResult;
    const doc = documentOf(result);
    assert.strictEqual(doc.languageId, 'log');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), result.uri);
    const short = task.label.slice(0, 8);
    assert.strictEqual(result.logGroup, '/ecs/demo-web');
    assert.deepStrictEqual(result.logStreams.length, 1);
    assert.match(result.logStreams[0], new RegExp(`^ecs/web/${short}`));
    const lines = linesOf(doc.getText());
    assert.ok(lines.length > 0 && lines.length === result.events, `${lines.length} lines, ${result.events} events`);
    assert.ok(lines.every((l) => l.task === short && l.container === 'web'));
    assert.match(doc.getText().split('\n')[0], /^# task [0-9a-f]{8} · group \/ecs\/demo-web · 1 stream · last 1 h · filter: none · not following/);
    await waitForText(EDITOR, [`[${short}/web]`]);
    // Asked again, the same document is shown, not a second one.
    const again = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', task.node)) as ShowLogsResult;
    assert.strictEqual(again.uri, result.uri);
    assert.strictEqual(vscode.workspace.textDocuments.filter((d) => d.uri.toString() === result.uri).length, 1);
  });

  it("a service's logs interleave its tasks' streams in time order; a container's are that container's alone", async () => {
    const service = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-fargate', service: 'web' })) as ShowLogsResult;
    const lines = linesOf(documentOf(service).getText());
    assert.ok(new Set(lines.map((l) => l.task)).size >= 2, 'lines of several tasks');
    assert.ok(service.logStreams.length >= 2);
    for (let i = 1; i < lines.length; i++) assert.ok(lines[i - 1].at <= lines[i].at, `ordered at line ${i}`);

    const containers = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'api', 'Tasks', /^[0-9a-f]{8}/);
    const container = containers.find((c) => c.contextValue === 'container')!;
    const result = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', container.node)) as ShowLogsResult;
    assert.match(result.uri, /\/task\/[0-9a-f]{32}\/api\.log/);
    const own = linesOf(documentOf(result).getText());
    assert.ok(own.length > 0 && own.every((l) => l.container === 'api'));
    assert.strictEqual(new Set(own.map((l) => l.task)).size, 1);
  });

  it('a filter pattern and a time range through the argument object; a broken pattern is refused before AWS is asked', async () => {
    const result = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-fargate', service: 'web', filterPattern: 'listening', since: '15m', region: 'us-east-1', profile: 'demo' })) as ShowLogsResult;
    const text = documentOf(result).getText();
    const lines = linesOf(text);
    assert.ok(lines.length > 0 && lines.every((l) => l.message.includes('listening')), text);
    assert.match(text.split('\n')[0], /last 15 min · filter: listening/);
    const calls = account.emulator.calls().get('logs:FilterLogEvents') ?? 0;
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-fargate', service: 'web', filterPattern: '{ $.level = "error"' })), /Filter pattern "\{ \$\.level = \\"error\\"": "\{" is not closed/);
    assert.strictEqual(account.emulator.calls().get('logs:FilterLogEvents') ?? 0, calls);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-fargate' })), /"service" or "task" is missing\. Expected \{ cluster, service\? \| task\?/);
  });

  it('Follow appends an event written through PutLogEvents while the document is open, and stops when it is closed', async () => {
    const tasks = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'api', 'Tasks');
    const task = tasks.find((t) => t.contextValue === 'task.running')!;
    const result = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-fargate', task: task.node.resource!.arn, follow: true })) as ShowLogsResult;
    assert.ok(result.mode === 'live-tail' || result.mode === 'polling', result.mode);
    const doc = documentOf(result);
    assert.match(doc.getText().split('\n')[0], result.mode === 'live-tail' ? /following: live tail/ : /following: polling/);
    const logs = new CloudWatchLogsClient(config);
    const message = `order-4711-paid (follow probe ${Date.now()})`;
    const written = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: result.logStreams[0], logEvents: [{ timestamp: written, message }] }));
    await eventually(() => doc.getText().includes(message) || undefined, 'the new event in the document', 15_000);
    const latency = Date.now() - written;
    figure(`follow latency: ${latency} ms from PutLogEvents to the line in the document (${result.mode})`);
    assert.match(doc.getText(), new RegExp(`\\[${task.label.slice(0, 8)}/api\\] order-4711-paid`));
    if (hasDriver()) {
      await waitForText(EDITOR, ['order-4711-paid']);
      await screenshot('logs-follow');
    }
    logs.destroy();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    if (result.mode === 'live-tail') await eventually(() => liveTail(account.emulator.region().world).open.size === 0 || undefined, 'the live-tail session to end');
  });

  it('FireLens to another output and a container with no log configuration: the document says where the lines go and what to change', async () => {
    const ecs = new ECSClient(config);
    const run = async (family: string, containerDefinitions: NonNullable<ConstructorParameters<typeof RegisterTaskDefinitionCommand>[0]>['containerDefinitions']) => {
      await ecs.send(new RegisterTaskDefinitionCommand({ family, networkMode: 'bridge', requiresCompatibilities: ['EC2'], containerDefinitions }));
      const out = await ecs.send(new RunTaskCommand({ cluster: 'demo-ec2', taskDefinition: family, launchType: 'EC2' }));
      return out.tasks![0].taskArn!;
    };
    const firelens = await run('logs-firelens', [
      { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', memory: 64, essential: true, firelensConfiguration: { type: 'fluentbit' } },
      { name: 'app', image: 'nginx', memory: 128, essential: true, logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'firehose', region: 'us-east-1', delivery_stream: 'app-logs' } } },
    ]);
    const flDoc = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-ec2', task: firelens, container: 'app' })) as ShowLogsResult;
    assert.deepStrictEqual([flDoc.logGroup, flDoc.logStreams, flDoc.events, flDoc.mode], ['', [], 0, 'none']);
    assert.match(documentOf(flDoc).getText(), /\/app\] FireLens \(log router log_router\) sends them with the Fluent Bit "firehose" output to the Firehose delivery stream app-logs, not to CloudWatch Logs\. To read them here, use the cloudwatch_logs output/);

    const silent = await run('logs-none', [{ name: 'quiet', image: 'nginx', memory: 128, essential: true }]);
    const noneDoc = (await vscode.commands.executeCommand('ecsWorkbench.showLogs', { cluster: 'demo-ec2', task: silent })) as ShowLogsResult;
    assert.match(documentOf(noneDoc).getText(), /\/quiet\] Container quiet has no log configuration: its output stays with the Docker daemon of the container instance.* To read them here, add an awslogs log configuration/);
    if (hasDriver()) await waitForText(EDITOR, ['/quiet]']);
    ecs.destroy();
  });
});
