/**
 * Network loss under a shell: the data channel's TCP connection goes through a loopback proxy that the
 * test cuts; the client resumes the session (SSM ResumeSession's new token) and the same shell goes on.
 */
import * as assert from 'assert';
import * as net from 'net';
import { useConnectSocket } from '../../../src/exec/sessionChannel';
import { openShellSession } from '../../../src/exec/sessions';
import type { SessionState } from '../../../src/exec/types';
import { webSocketConnector } from '../../../src/ssm/socket';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { until } from '../support/until';

/** A TCP proxy to `port` whose connections `cut()` resets, as a lost network does. */
async function cuttableProxy(port: number): Promise<{ port: number; cut(): void; close(): void; connections: number }> {
  const live = new Set<net.Socket>();
  const proxy = { port: 0, connections: 0, cut: () => live.forEach((s) => s.resetAndDestroy()), close: () => server.close() };
  const server = net.createServer((client) => {
    proxy.connections++;
    const upstream = net.connect(port, '127.0.0.1');
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      live.add(a);
      a.on('close', () => live.delete(a));
      a.on('error', () => b.destroy());
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}

describe('exec sessions: a lost connection is resumed', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;

  before(async () => {
    account = await startEmulatorAccount();
  });
  after(async () => {
    useConnectSocket(webSocketConnector());
    await account.close();
  });

  it('the shell reconnects with ResumeSession and keeps its state', async () => {
    const emulatorPort = Number(new URL(account.emulator.url).port);
    const proxy = await cuttableProxy(emulatorPort);
    const direct = webSocketConnector();
    useConnectSocket((url, events) => direct(url.replace(`:${emulatorPort}/`, `:${proxy.port}/`), events));
    const { sdk, client } = await account.manager.clientWithSdk('ecs');
    const task = (await client.send(new sdk.ecs.ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }))).taskArns![0];
    const shell = await openShellSession(account.manager, { cluster: 'demo-fargate', task, scope: {} }, { command: '/bin/sh' });
    const states: SessionState[] = [];
    shell.onStateChange((s) => states.push(s));
    const chunks: Buffer[] = [];
    shell.onOutput((d) => chunks.push(Buffer.from(d)));
    const text = () => Buffer.concat(chunks).toString();
    shell.write('KEPT=still-here\r');
    proxy.cut();
    await until(() => (states.includes('connected') ? true : undefined), 'the session to reconnect');
    assert.deepStrictEqual(states, ['reconnecting', 'connected']);
    assert.strictEqual(proxy.connections, 2);
    shell.write('echo "$KEPT"\r');
    await until(() => (/still-here\r\n/.test(text().split('echo "$KEPT"')[1] ?? '') ? true : undefined), 'the shell variable set before the cut');
    await shell.close();
    proxy.close();
  });
});
