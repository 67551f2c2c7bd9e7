/**
 * The shell and port protocols over a scripted session: keystrokes in 1 KB Output payloads, Size JSON,
 * ExitCode; the multiplexed port protocol's smux streams inside 1 KB Output payloads; the single
 * connection protocol's DisconnectToPort; the choice between them by agent version.
 */
import * as assert from 'assert';
import * as net from 'net';
import { agentVersionAfter } from '../../../src/ssm/agentVersion';
import { BasicPortProtocol } from '../../../src/ssm/basicPort';
import { PayloadFlag, PayloadType } from '../../../src/ssm/clientMessage';
import { MuxPortProtocol } from '../../../src/ssm/muxPort';
import { portModeOf } from '../../../src/ssm/portSession';
import { ShellChannel } from '../../../src/ssm/shell';
import { encodeSmuxFrame, SmuxCmd, SmuxFrameReader, type SmuxFrame } from '../../../src/ssm/smux';
import { settle } from './support/channelPeer';
import { scriptedSession } from './support/agentScript';
import { until } from '../support/until';

/** A connected TCP pair on loopback: `local` is what a user's client holds, `accepted` what the listener got. */
async function tcpPair(): Promise<{ local: net.Socket; accepted: net.Socket; close(): void }> {
  const server = net.createServer({ allowHalfOpen: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const local = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  return { local, accepted: await accepted, close: () => server.close() };
}

describe('ssm shell protocol', () => {
  it('sends keystrokes as Output, pasted text in 1 KB pieces, Enter as CR, the size as JSON once per change', async () => {
    const { session, peer } = await scriptedSession('Standard_Stream');
    const shell = new ShellChannel(session);
    shell.write('ls\r');
    shell.write('\n');
    shell.write('x'.repeat(2500));
    shell.resize(120, 40);
    shell.resize(120, 40);
    const sent = peer.stream.slice(1); // after the HandshakeResponse
    assert.deepStrictEqual(sent.map((m) => [m.payloadType, m.payload.length]), [[1, 3], [1, 1], [1, 1024], [1, 1024], [1, 452], [3, 22]]);
    assert.strictEqual(sent[1].payload.toString('hex'), '0d');
    assert.strictEqual(sent[5].payload.toString(), '{"cols":120,"rows":40}');
  });

  it('shows Output and StdErr, and reads ExitCode', async () => {
    const { session, peer } = await scriptedSession('NonInteractiveCommands');
    const shell = new ShellChannel(session);
    const shown: string[] = [];
    shell.onOutput((d) => shown.push(d.toString()));
    peer.output(PayloadType.Output, 'out ');
    peer.output(PayloadType.StdErr, 'err');
    peer.output(PayloadType.ExitCode, 'EXIT_CODE: 42');
    await settle();
    assert.deepStrictEqual(shown, ['out ', 'err']);
    assert.strictEqual(shell.exitCode, 42);
  });
});

describe('ssm port protocols', () => {
  it('multiplexes when the agent is newer than 3.0.196.0 and the session forwards to a local port', async () => {
    assert.strictEqual(agentVersionAfter('3.0.196.0', '3.0.196.0'), false);
    assert.strictEqual(agentVersionAfter('3.0.196.1', '3.0.196.0'), true);
    assert.strictEqual(agentVersionAfter('3.1', '3.0.196.0'), false, 'versions of different lengths do not compare');
    const props = { portNumber: '80', type: 'LocalPortForwarding' };
    assert.strictEqual(portModeOf((await scriptedSession('Port', { agentVersion: '3.3.1142.0', properties: props })).session), 'multiplexed');
    assert.strictEqual(portModeOf((await scriptedSession('Port', { agentVersion: '3.0.161.0', properties: props })).session), 'single');
    assert.strictEqual(portModeOf((await scriptedSession('Port', { agentVersion: '3.3.1142.0', properties: { portNumber: '80' } })).session), 'single');
  });

  it('multiplexed: each connection is an smux stream (SYN, PSH, FIN) in 1 KB Output payloads, and the agent’s frames reach the right socket', async () => {
    const { session, peer } = await scriptedSession('Port', { properties: { type: 'LocalPortForwarding' } });
    const mux = new MuxPortProtocol(session, { keepAlive: false });
    const a = await tcpPair();
    const b = await tcpPair();
    mux.accept(a.accepted);
    mux.accept(b.accepted);
    a.local.write('A'.repeat(3000));
    b.local.write('bee');
    const reader = new SmuxFrameReader();
    const frames: SmuxFrame[] = [];
    let seen = 1; // after the HandshakeResponse
    const read = () => {
      for (; seen < peer.stream.length; seen++) {
        assert.ok(peer.stream[seen].payload.length <= 1024);
        frames.push(...reader.push(peer.stream[seen].payload));
      }
    };
    await until(() => (read(), frames.filter((f) => f.cmd === SmuxCmd.PSH).reduce((n, f) => n + f.data.length, 0) === 3003 ? true : undefined), 'both connections’ data');
    assert.deepStrictEqual(frames.filter((f) => f.cmd === SmuxCmd.SYN).map((f) => f.streamId), [3, 5]);
    assert.strictEqual(mux.connections().open, 2);
    const answered = new Promise<string>((resolve) => b.local.once('data', (d: Buffer) => resolve(d.toString())));
    const cut = Buffer.concat([encodeSmuxFrame(SmuxCmd.PSH, 5, Buffer.from('to b')), encodeSmuxFrame(SmuxCmd.FIN, 5)]);
    peer.output(PayloadType.Output, cut.subarray(0, 5));
    peer.output(PayloadType.Output, cut.subarray(5));
    assert.strictEqual(await answered, 'to b');
    await new Promise((resolve) => b.local.once('end', resolve));
    a.local.end();
    await until(() => (read(), frames.some((f) => f.cmd === SmuxCmd.FIN && f.streamId === 3) ? true : undefined), 'FIN for the first stream');
    mux.close();
    a.close();
    b.close();
  });

  it('single: one connection at a time, DisconnectToPort when it ends, the next one takes over', async () => {
    const { session, peer } = await scriptedSession('Port', { agentVersion: '3.0.161.0' });
    const basic = new BasicPortProtocol(session);
    peer.output(PayloadType.Output, 'banner before any connection');
    const first = await tcpPair();
    const second = await tcpPair();
    const banner = new Promise<string>((resolve) => first.local.once('data', (d: Buffer) => resolve(d.toString())));
    basic.accept(first.accepted);
    basic.accept(second.accepted);
    assert.strictEqual(await banner, 'banner before any connection');
    assert.deepStrictEqual(basic.connections(), { open: 2, total: 2 });
    first.local.end('one');
    await until(() => (peer.stream.some((m) => m.payloadType === PayloadType.Flag) ? true : undefined), 'DisconnectToPort');
    const flag = peer.stream.find((m) => m.payloadType === PayloadType.Flag)!;
    assert.strictEqual(flag.payload.readUInt32BE(0), PayloadFlag.DisconnectToPort);
    assert.ok(peer.stream.some((m) => m.payloadType === PayloadType.Output && m.payload.toString() === 'one'));
    second.local.write('two');
    await until(() => (peer.stream.some((m) => m.payload.toString() === 'two') ? true : undefined), 'the second connection’s data');
    basic.close();
    first.close();
    second.close();
  });
});
