/**
 * Port forwarding end to end: startPortForward → the emulator's SSM StartSession over HTTP → our data
 * channel → the emulator's agent → the loopback stand-in for the container's port (or a loopback
 * server as the remote host). Clients are plain HTTP requests to the local port.
 */
import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { startPortForward } from '../../../src/exec/portForward';
import { ExecSessionError } from '../../../src/exec/sessions';
import type { ExecTarget } from '../../../src/exec/types';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

/** One GET on a fresh connection: status and body. */
export function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The emulator's control endpoint: its agents multiplex port sessions, or play older ones that do not. */
async function agentMultiplexing(emulatorUrl: string, multiplexing: boolean): Promise<void> {
  const res = await fetch(`${emulatorUrl}/_emulator/ssm/agent`, { method: 'POST', body: JSON.stringify({ multiplexing }) });
  assert.strictEqual(res.status, 200);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('exec port forwarding against the emulator', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  let api: ExecTarget;
  let taskId: string;

  before(async () => {
    account = await startEmulatorAccount();
    const { sdk, client } = await account.manager.clientWithSdk('ecs');
    const arn = (await client.send(new sdk.ecs.ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }))).taskArns![0];
    api = { cluster: 'demo-fargate', task: arn, scope: {} };
    taskId = arn.split('/').pop()!;
  });
  after(() => account.close());

  it('20 parallel HTTP requests through one multiplexed forward all answer', async () => {
    const forward = await startPortForward(account.manager, { target: api, remotePort: 8080 });
    try {
      assert.strictEqual(forward.mode, 'multiplexed');
      assert.ok(forward.localPort > 0);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => get(forward.localPort, `/r/${i}`)));
      answers.forEach((a, i) => {
        assert.strictEqual(a.status, 200);
        assert.strictEqual(a.body, `task ${taskId} port 8080 /r/${i}\n`);
      });
      assert.strictEqual(forward.connections().total, 20);
    } finally {
      await forward.stop();
    }
  });

  it('forwards through the task to a remote host (a loopback server)', async () => {
    const remote = http.createServer((req, res) => res.end(`remote says ${req.url}`));
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    const remotePort = (remote.address() as net.AddressInfo).port;
    const forward = await startPortForward(account.manager, { target: api, remotePort, remoteHost: '127.0.0.1' });
    try {
      assert.strictEqual(forward.remoteHost, '127.0.0.1');
      const answer = await get(forward.localPort, '/db');
      assert.strictEqual(answer.body, 'remote says /db');
    } finally {
      await forward.stop();
      remote.close();
    }
  });

  it('carries a large response intact', async () => {
    const forward = await startPortForward(account.manager, { target: api, remotePort: 8080 });
    try {
      const answer = await get(forward.localPort, `/bytes/${2 * 1024 * 1024}`);
      assert.strictEqual(answer.body.length, 2 * 1024 * 1024);
      assert.ok(/^x+$/.test(answer.body));
    } finally {
      await forward.stop();
    }
  });

  it('stop frees the local port and ends the session', async () => {
    const forward = await startPortForward(account.manager, { target: api, remotePort: 8080 });
    const ended = new Promise((resolve) => forward.onEnd(resolve));
    assert.strictEqual(await canListen(forward.localPort), false);
    await forward.stop();
    assert.strictEqual(await canListen(forward.localPort), true);
    await ended;
    assert.ok(!account.emulator.agent.activeSessions().includes(forward.sessionId));
  });

  it('with an agent before multiplexing: one connection at a time, each request still answered', async () => {
    await agentMultiplexing(account.emulator.url, false);
    try {
      const forward = await startPortForward(account.manager, { target: api, remotePort: 8080 });
      assert.strictEqual(forward.mode, 'single');
      for (const path of ['/first', '/second']) assert.strictEqual((await get(forward.localPort, path)).body, `task ${taskId} port 8080 ${path}\n`);
      await forward.stop();
    } finally {
      await agentMultiplexing(account.emulator.url, true);
    }
  });

  it('a local port in use is refused before any session starts', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const before = account.emulator.agent.activeSessions().length;
      await assert.rejects(startPortForward(account.manager, { target: api, remotePort: 8080, localPort: port }), (e: unknown) => e instanceof ExecSessionError && /already in use/.test(e.message));
      assert.strictEqual(account.emulator.agent.activeSessions().length, before);
    } finally {
      busy.close();
    }
  });
});
