/**
 * Port sessions: basic (one TCP connection, DisconnectToPort, reconnect on the next data) and
 * multiplexed (smux v1 over the data channel, each stream a TCP connection), chosen as the agent's
 * port.go and the plugin's portsession.go choose (agent version, client version 1.1.70).
 */
import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import type { AgentSessionSpec } from '../../../emulator/agent/types';
import { TestClient } from './client';
import { useAgent } from './fixture';

/** A minimal smux v1 client over the test client (frames: ver, cmd, len LE16, sid LE32). */
class SmuxClient {
  private nextSid = 1;
  private read = 0;
  private pending = Buffer.alloc(0);
  readonly data = new Map<number, Buffer>();
  readonly fins = new Set<number>();

  constructor(private readonly c: TestClient) {}

  private frame(cmd: number, sid: number, body = Buffer.alloc(0)): void {
    const h = Buffer.alloc(8);
    h[0] = 1;
    h[1] = cmd;
    h.writeUInt16LE(body.length, 2);
    h.writeUInt32LE(sid, 4);
    this.c.send(1, Buffer.concat([h, body]));
  }

  open(): number {
    const sid = this.nextSid;
    this.nextSid += 2;
    this.frame(0, sid);
    return sid;
  }

  write(sid: number, body: string): void {
    this.frame(2, sid, Buffer.from(body));
  }

  /** Parses what arrived so far. */
  pump(): void {
    const out = this.c.delivered.filter((m) => m.payloadType === 1);
    for (; this.read < out.length; this.read++) {
      this.pending = Buffer.concat([this.pending, out[this.read].payload]);
    }
    while (this.pending.length >= 8 && this.pending.length >= 8 + this.pending.readUInt16LE(2)) {
      const cmd = this.pending[1];
      const len = this.pending.readUInt16LE(2);
      const sid = this.pending.readUInt32LE(4);
      if (cmd === 2) {
        this.data.set(sid, Buffer.concat([this.data.get(sid) ?? Buffer.alloc(0), this.pending.subarray(8, 8 + len)]));
      } else if (cmd === 1) {
        this.fins.add(sid);
      }
      this.pending = this.pending.subarray(8 + len);
    }
  }
}

describe('emulator agent: port sessions', () => {
  let echo: net.Server;
  let echoPort: number;
  let connections = 0;
  let web: http.Server;
  let webPort: number;
  const agent = useAgent({ sessionType: 'Port', workdir: undefined });

  before(async () => {
    echo = net.createServer((s) => {
      connections++;
      s.pipe(s);
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    echoPort = (echo.address() as net.AddressInfo).port;
    web = http.createServer((req, res) => res.end(`task-1 port 80 ${req.url}`));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    webPort = (web.address() as net.AddressInfo).port;
  });
  after(() => {
    echo.close();
    web.close();
  });

  const register = (spec: Partial<AgentSessionSpec>) => agent.register({ connectTo: { host: '127.0.0.1', port: echoPort }, ...spec });

  async function closedPort(): Promise<number> {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as net.AddressInfo).port;
    await new Promise((r) => s.close(r));
    return port;
  }

  it('basic (an agent before multiplexing): one connection; DisconnectToPort closes it and the next data opens another', async () => {
    const s = register({ multiplexing: false });
    const c = await TestClient.open(s.url, s.token);
    const { request } = await c.handshake();
    assert.strictEqual(request.AgentVersion, '3.0.161.0');
    const before = connections;
    c.sendText('hello');
    await c.until(() => (c.text() === 'hello' ? true : undefined), 'the echo');
    c.send(10, Buffer.from([0, 0, 0, 1]));
    c.sendText('again');
    await c.until(() => (c.text() === 'helloagain' ? true : undefined), 'the echo on a new connection');
    assert.strictEqual(connections - before, 2);
    c.send(10, Buffer.from([0, 0, 0, 2]));
    await c.next((m) => m.type === 'channel_closed', 'channel_closed after TerminateSession flag');
  });

  it('basic with a client older than 1.1.70 even when the agent multiplexes', async () => {
    const s = register({});
    const c = await TestClient.open(s.url, s.token, { clientVersion: '1.1.61.0' });
    const { request } = await c.handshake({ clientVersion: '1.1.61.0' });
    assert.strictEqual(request.AgentVersion, '3.3.2299.0');
    c.sendText('raw bytes');
    await c.until(() => (c.text() === 'raw bytes' ? true : undefined), 'raw echo');
    agent.emu.agent.terminate(s.id);
  });

  it('basic: a target that refuses the connection ends the session saying so', async () => {
    const s = register({ multiplexing: false, connectTo: { host: '127.0.0.1', port: await closedPort() } });
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const closed = await c.next((m) => m.type === 'channel_closed', 'channel_closed');
    assert.match((JSON.parse(closed.payload.toString()) as { Output: string }).Output, /Unable to connect to specified port/);
  });

  it('multiplexed: 20 parallel HTTP requests over one session, each its own smux stream and connection', async () => {
    const s = register({ connectTo: { host: '127.0.0.1', port: webPort } });
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const mux = new SmuxClient(c);
    const sids = Array.from({ length: 20 }, () => mux.open());
    sids.forEach((sid, i) => mux.write(sid, `GET /r${i} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    await c.until(() => {
      mux.pump();
      return sids.every((sid) => mux.fins.has(sid)) ? true : undefined;
    }, 'every stream answered and closed');
    sids.forEach((sid, i) => assert.match(mux.data.get(sid)!.toString(), new RegExp(`^HTTP/1.1 200 OK[\\s\\S]*task-1 port 80 /r${i}$`)));
    agent.emu.agent.terminate(s.id);
  });

  it('multiplexed: a stream whose connection is refused gets ConnectToPortError and a FIN', async () => {
    const s = register({ connectTo: { host: '127.0.0.1', port: await closedPort() } });
    const c = await TestClient.open(s.url, s.token);
    await c.handshake();
    const mux = new SmuxClient(c);
    const sid = mux.open();
    const flag = await c.next((m) => m.payloadType === 10, 'the ConnectToPortError flag');
    assert.strictEqual(flag.payload.readUInt32BE(0), 3);
    await c.until(() => {
      mux.pump();
      return mux.fins.has(sid) ? true : undefined;
    }, 'the FIN');
    agent.emu.agent.terminate(s.id);
  });
});
