import * as assert from 'assert';
import * as fs from 'fs';
import { TestClient } from './client';
import { useAgent } from './fixture';

describe('emulator agent: command sessions in a pty', () => {
  const agent = useAgent();

  it('streamUrl names the emulator listener with the data-channel path, role and cell number', () => {
    const { id, url } = agent.register();
    const u = new URL(url);
    assert.strictEqual(u.protocol, 'ws:');
    assert.strictEqual(u.host, `127.0.0.1:${agent.emu.port}`);
    assert.strictEqual(u.pathname, `/v1/data-channel/${id}`);
    assert.strictEqual(u.searchParams.get('role'), 'publish_subscribe');
    assert.ok(u.searchParams.get('cell-number'));
    assert.ok(agent.emu.agent.activeSessions().includes(id));
    assert.strictEqual(agent.emu.agent.terminate(id), true);
  });

  it('runs the shell in the work directory: handshake, echo, pwd, exit closes the channel', async () => {
    const s = agent.register();
    const c = await TestClient.open(s.url, s.token);
    const { request } = await c.handshake();
    assert.strictEqual(request.RequestedClientActions[0].ActionType, 'SessionType');
    assert.strictEqual(request.RequestedClientActions[0].ActionParameters.SessionType, 'InteractiveCommands');
    c.sendText('echo hello-$((6*7)); pwd\r');
    const real = fs.realpathSync(agent.workdir);
    await c.until(() => (c.text().includes('hello-42') && c.text().includes(real) ? true : undefined), 'echo and pwd output');
    c.sendText('exit 3\r');
    const closed = await c.next((m) => m.type === 'channel_closed', 'channel_closed');
    const body = JSON.parse(closed.payload.toString()) as { SessionId: string; MessageType: string; Output: string };
    assert.strictEqual(body.SessionId, s.id);
    assert.strictEqual(body.MessageType, 'channel_closed');
    assert.strictEqual((await c.closed).code, 1000);
    assert.ok(!agent.emu.agent.activeSessions().includes(s.id));
  });

  it('a wrong token closes the socket before any message', async () => {
    const s = agent.register();
    const c = await TestClient.open(s.url, 'not-the-token');
    const closed = await c.closed;
    assert.strictEqual(closed.code, 1008);
    assert.strictEqual(c.received.length, 0);
    assert.ok(agent.emu.agent.activeSessions().includes(s.id), 'the session is still there for the right token');
    agent.emu.agent.terminate(s.id);
  });
});
