import * as assert from 'assert';
import { createHash } from 'crypto';
import { startEmulator } from '../../../emulator';
import { WINDOW_HIGH } from '../../../emulator/agent/stream';
import { alive } from '../../support/alive';
import { until } from '../../support/until';
import { TestClient } from './client';
import { useAgent } from './fixture';

describe('emulator agent: shell output, flow control, resize, exit, terminate, reconnect', () => {
  const agent = useAgent();
  const register = agent.register;

  async function pidOf(c: TestClient): Promise<number> {
    c.sendText('echo PID=$$\r');
    return Number(await c.until(() => /PID=(\d+)/.exec(c.text())?.[1], 'the shell pid'));
  }

  it('10 MB of output arrive intact; without acknowledgements the agent stops at its window and goes on when acknowledged', async function () {
    this.timeout(90_000);
    const size = 10 * 1024 * 1024;
    const s = register({ command: `head -c ${size} /dev/zero | tr '\\0' x` });
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    c.autoAck = false;
    // Once the window is full, a resend of the oldest message shows the agent waited a whole
    // retransmission timeout: in that time it must not have sent more.
    const seqs = () => new Set(c.received.filter((m) => m.type === 'output_stream_data').map((m) => m.seq)).size;
    await c.until(() => (seqs() >= WINDOW_HIGH ? true : undefined), 'the window to fill');
    const oldest = Math.min(...c.received.filter((m) => m.type === 'output_stream_data' && !c.acked.has(m.seq)).map((m) => m.seq));
    await c.next((m) => m.type === 'output_stream_data' && m.seq === oldest, 'a resend of the oldest unacknowledged message', 15_000, c.received.length);
    assert.ok(seqs() <= WINDOW_HIGH + 80, `no more than the window (plus one pty read) is sent unacknowledged: ${seqs()}`);
    for (const m of c.delivered) {
      c.ack(m);
    }
    c.autoAck = true;
    const expected = createHash('sha256').update(Buffer.alloc(size, 'x')).digest('hex');
    await c.until(() => (c.outputLength >= size ? true : undefined), '10 MB of output', 80_000);
    assert.strictEqual(createHash('sha256').update(c.output()).digest('hex'), expected);
    assert.ok(c.delivered.every((m) => m.payload.length <= 1024 && m.digestOk));
    await c.closed;
  });

  it('a terminal size message resizes the pty', async () => {
    const s = register();
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    c.send(3, Buffer.from(JSON.stringify({ cols: 132, rows: 43 })));
    c.sendText('stty size\r');
    await c.until(() => (c.text().includes('43 132') ? true : undefined), 'stty size 43 132');
    agent.emu.agent.terminate(s.id);
  });

  it('NonInteractiveCommands sends its exit status (EXIT_CODE) before channel_closed', async () => {
    const s = register({ sessionType: 'NonInteractiveCommands', command: 'echo out; exit 7' });
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const code = await c.next((m) => m.payloadType === 12, 'ExitCode payload');
    assert.strictEqual(code.payload.toString(), 'EXIT_CODE: 7');
    await c.next((m) => m.type === 'channel_closed', 'channel_closed');
    assert.match(c.text(), /out/);
  });

  it('TerminateSession: channel_closed, the socket closes and the process is killed', async () => {
    const s = register();
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const pid = await pidOf(c);
    assert.ok(alive(pid));
    assert.strictEqual(agent.emu.agent.terminate(s.id), true);
    await c.next((m) => m.type === 'channel_closed', 'channel_closed');
    await c.closed;
    await until(() => (alive(pid) ? undefined : true), 'the shell to be gone');
    assert.strictEqual(agent.emu.agent.terminate(s.id), false);
    assert.strictEqual(agent.emu.agent.resume(s.id), undefined);
  });

  it('ResumeSession: a new token reconnects to the same shell, unacknowledged output is sent again, no second handshake', async () => {
    const s = register();
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const pid = await pidOf(c);
    c.autoAck = false;
    c.sendText('echo while-away\r');
    await c.until(() => (c.text().includes('while-away') ? true : undefined), 'output before the drop');
    const unacked = c.delivered.at(-1)!;
    c.close();
    await c.closed;
    const token = agent.emu.agent.resume(s.id);
    assert.ok(token);
    const again = await TestClient.open(s.url, token);
    const resent = await again.next((m) => m.type === 'output_stream_data' && m.seq === unacked.seq, 'the unacknowledged message again');
    assert.deepStrictEqual(resent.payload, unacked.payload);
    assert.ok(!again.received.some((m) => m.payloadType === 5), 'no second HandshakeRequest');
    again.nextSeq = c.nextSeq;
    again.sendText('echo PID2=$$\r');
    await again.until(() => (again.received.some((m) => m.payload.toString().includes(`PID2=${pid}`)) ? true : undefined), 'the same shell answering');
    agent.emu.agent.terminate(s.id);
  });

  it('closing the emulator ends every session: processes killed, sockets closed', async () => {
    const other = await startEmulator({});
    const s = register({}, other);
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const pid = await pidOf(c);
    await other.close();
    await c.closed;
    await until(() => (alive(pid) ? undefined : true), 'the shell to be gone');
  });
});
