/**
 * Session Manager in the emulator, through the real SDK and a data-channel client: ECS Exec shells
 * end to end (plain and KMS-encrypted), SSM StartSession targets and documents, the port stand-ins,
 * TerminateSession, ResumeSession and DescribeSessions.
 */
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { CreateClusterCommand, DescribeTasksCommand, ECSClient, ExecuteCommandCommand, ListTasksCommand, RunTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { DescribeSessionsCommand, ResumeSessionCommand, SSMClient, StartSessionCommand, TerminateSessionCommand } from '@aws-sdk/client-ssm';
import { TestClient } from './agent/client';
import { advanceUntil, raw, rejectsWith, sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };
/** A client before multiplexed port sessions (1.1.70): one TCP connection a session. */
const BASIC_CLIENT = '1.1.0';

describe('emulator: ECS Exec sessions (SSM StartSession, ports, data channel)', function () {
  this.timeout(30_000);
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  let ssm: SSMClient;
  const clients: TestClient[] = [];
  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    ssm = new SSMClient(sdkConfig(ctx.emu));
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));

  async function open(url: string, token: string): Promise<TestClient> {
    const c = await TestClient.open(url, token);
    clients.push(c);
    return c;
  }

  async function tasksOf(service: string, cluster = 'demo-fargate'): Promise<Task[]> {
    const list = await ecs.send(new ListTasksCommand({ cluster, serviceName: service }));
    return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: list.taskArns }))).tasks ?? [];
  }

  const targetOf = (t: Task): string => `ecs:${t.clusterArn!.split('/').pop()}_${t.taskArn!.split('/').pop()}_${t.containers![0].runtimeId}`;

  it('an ExecuteCommand shell runs in the container directory; its exit ends the session (History)', async () => {
    const [t] = await tasksOf('api');
    const r = await ecs.send(new ExecuteCommandCommand({ cluster: 'demo-fargate', task: t.taskArn, command: '/bin/sh', interactive: true }));
    const c = await open(r.session!.streamUrl!, r.session!.tokenValue!);
    await c.handshake();
    c.sendText('echo exec-$((6*7)); pwd\r');
    const id = t.taskArn!.split('/').pop()!;
    await c.until(() => (c.text().includes('exec-42') && c.text().includes(`demo-fargate-${id}/api`) ? true : undefined), 'echo and pwd in the task container directory');
    const active = await ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'SessionId', value: r.session!.sessionId! }] }));
    assert.deepStrictEqual(active.Sessions?.map((s) => [s.Target, s.DocumentName, s.Status]), [[targetOf(t), 'AmazonECS-ExecuteInteractiveCommand', 'Connected']]);
    c.sendText('exit\r');
    await c.next((m) => m.type === 'channel_closed', 'channel_closed');
    const history = await ssm.send(new DescribeSessionsCommand({ State: 'History', Filters: [{ key: 'Target', value: targetOf(t) }] }));
    const ended = history.Sessions?.find((s) => s.SessionId === r.session!.sessionId);
    assert.strictEqual(ended?.Status, 'Terminated');
    assert.ok(ended?.EndDate instanceof Date);
  });

  it('a cluster with a KMS key encrypts the session: the client sends a data key of that key, the agent opens it as the task role', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'exec-kms', configuration: { executeCommandConfiguration: { kmsKeyId: 'alias/ecs-exec', logging: 'NONE' } } }));
    const run = await ecs.send(new RunTaskCommand({ cluster: 'exec-kms', taskDefinition: 'demo-api:3', launchType: 'FARGATE', networkConfiguration: NET, enableExecuteCommand: true }));
    const arn = run.tasks![0].taskArn!;
    await advanceUntil(ctx.emu, async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'exec-kms', tasks: [arn] }))).tasks![0].lastStatus === 'RUNNING', { stepMs: 5_000, maxMs: 120_000 });
    const task = (await ecs.send(new DescribeTasksCommand({ cluster: 'exec-kms', tasks: [arn] }))).tasks![0];
    const r = await ecs.send(new ExecuteCommandCommand({ cluster: 'exec-kms', task: arn, command: '/bin/sh', interactive: true }));
    const key = await new KMSClient(sdkConfig(ctx.emu)).send(new GenerateDataKeyCommand({
      KeyId: 'alias/ecs-exec', NumberOfBytes: 64, EncryptionContext: { 'aws:ssm:SessionId': r.session!.sessionId!, 'aws:ssm:TargetId': targetOf(task) },
    }));
    const c = await open(r.session!.streamUrl!, r.session!.tokenValue!);
    const { request } = await c.handshake({ kmsCipherText: Buffer.from(key.CiphertextBlob!), dataKey: Buffer.from(key.Plaintext!) });
    assert.ok(request.RequestedClientActions.some((a) => a.ActionType === 'KMSEncryption'));
    c.sendText('echo sealed-$((2+3))\r');
    await c.until(() => (c.text().includes('sealed-5') ? true : undefined), 'decrypted output');
  });

  it('StartSession: TargetNotConnected for a container without ECS Exec, a stopped or unknown task, an instance', async () => {
    const [web] = await tasksOf('web');
    for (const target of [targetOf(web), 'ecs:demo-fargate_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef-1234567890', 'i-0123456789abcdef0']) {
      const e = await rejectsWith(ssm.send(new StartSessionCommand({ Target: target })), 'TargetNotConnected');
      assert.strictEqual(e.message, `${target} is not connected.`);
    }
    const [api] = await tasksOf('api');
    await rejectsWith(ssm.send(new StartSessionCommand({ Target: targetOf(api), DocumentName: 'My-Own-Document' })), 'InvalidDocument');
    await rejectsWith(ssm.send(new StartSessionCommand({ Target: targetOf(api), DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['http'] } })), 'ValidationException');
  });

  it('forwards a container port to its stand-in server, which answers with the task id, the port and the path', async () => {
    const [api] = await tasksOf('api');
    const s = await ssm.send(new StartSessionCommand({ Target: targetOf(api), DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['8080'], localPortNumber: ['0'] }, Reason: 'debug' }));
    assert.match(s.SessionId ?? '', /^emulator-[0-9a-f]{17}$/);
    const c = await open(s.StreamUrl!, s.TokenValue!);
    const { request } = await c.handshake({ clientVersion: BASIC_CLIENT });
    assert.deepStrictEqual(request.RequestedClientActions[0].ActionParameters, { SessionType: 'Port', Properties: { portNumber: '8080', type: 'LocalPortForwarding', localPortNumber: '0' } });
    c.sendText('GET /health?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    const id = api.taskArn!.split('/').pop();
    await c.until(() => (c.text().includes(`task ${id} port 8080 /health?x=1`) ? true : undefined), "the stand-in's answer");
    assert.match(c.text(), /^HTTP\/1\.1 200 OK/);
    const [listed] = (await ssm.send(new DescribeSessionsCommand({ State: 'Active', Filters: [{ key: 'SessionId', value: s.SessionId! }] }))).Sessions ?? [];
    assert.deepStrictEqual([listed.DocumentName, listed.Reason, listed.Owner], ['AWS-StartPortForwardingSession', 'debug', 'arn:aws:iam::123456789012:user/emulator']);
    await ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    await c.next((m) => m.type === 'channel_closed', 'channel_closed after TerminateSession');
    assert.ok(!ctx.emu.agent.activeSessions().includes(s.SessionId!));
    await rejectsWith(ssm.send(new ResumeSessionCommand({ SessionId: s.SessionId })), 'DoesNotExistException');
  });

  it('a port the container does not map refuses the connection; the remote-host document reaches a loopback server', async () => {
    const [api] = await tasksOf('api');
    const unmapped = await ssm.send(new StartSessionCommand({ Target: targetOf(api), DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['5432'] } }));
    const c1 = await open(unmapped.StreamUrl!, unmapped.TokenValue!);
    await c1.handshake({ clientVersion: BASIC_CLIENT });
    c1.sendText('hello');
    const closed = await c1.next((m) => m.type === 'channel_closed', 'channel_closed');
    assert.match(JSON.parse(closed.payload.toString()).Output, /Unable to connect to specified port/);

    const db = http.createServer((req, res) => res.end(`db says ${req.url}`));
    await new Promise<void>((resolve) => db.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((db.address() as AddressInfo).port);
      const s = await ssm.send(new StartSessionCommand({ Target: targetOf(api), DocumentName: 'AWS-StartPortForwardingSessionToRemoteHost', Parameters: { host: ['localhost'], portNumber: [port], localPortNumber: ['15432'] } }));
      const c = await open(s.StreamUrl!, s.TokenValue!);
      const { request } = await c.handshake({ clientVersion: BASIC_CLIENT });
      assert.strictEqual((request.RequestedClientActions[0].ActionParameters.Properties as Record<string, string>).host, 'localhost');
      c.sendText('GET /rows HTTP/1.1\r\nHost: db\r\nConnection: close\r\n\r\n');
      await c.until(() => (c.text().includes('db says /rows') ? true : undefined), "the loopback server's answer");
    } finally {
      db.close();
    }
  });

  it('ResumeSession gives an active session a new token that opens its channel', async () => {
    const [api] = await tasksOf('api');
    const s = await ssm.send(new StartSessionCommand({ Target: targetOf(api) }));
    const resumed = await ssm.send(new ResumeSessionCommand({ SessionId: s.SessionId }));
    assert.strictEqual(resumed.SessionId, s.SessionId);
    assert.notStrictEqual(resumed.TokenValue, s.TokenValue);
    const c = await open(resumed.StreamUrl!, resumed.TokenValue!);
    const { request } = await c.handshake();
    assert.strictEqual(request.RequestedClientActions[0].ActionParameters.SessionType, 'Standard_Stream');
    c.sendText('echo resumed\r');
    await c.until(() => (c.text().includes('resumed') ? true : undefined), 'shell output');
    await ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
  });

  it('an older agent (control endpoint) serves port sessions on one connection even for a multiplexing client', async () => {
    const set = await raw(ctx.emu.url, { path: '/_emulator/ssm/agent', body: JSON.stringify({ multiplexing: false }) });
    assert.strictEqual(set.status, 200);
    try {
      const [api] = await tasksOf('api');
      const s = await ssm.send(new StartSessionCommand({ Target: targetOf(api), DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['8080'] } }));
      const c = await open(s.StreamUrl!, s.TokenValue!);
      await c.handshake();
      c.sendText('GET /bytes/5 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      await c.until(() => (c.text().endsWith('\r\n\r\nxxxxx') ? true : undefined), '5 bytes through one connection');
    } finally {
      await raw(ctx.emu.url, { path: '/_emulator/ssm/agent', body: JSON.stringify({ multiplexing: true }) });
    }
    assert.strictEqual((await raw(ctx.emu.url, { path: '/_emulator/ssm/agent', body: '{}' })).status, 400);
  });
});
