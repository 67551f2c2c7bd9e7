/**
 * The emulator's one port, speaking HTTP/1.1 and cleartext HTTP/2 with prior knowledge (h2c,
 * RFC 9113 §3.3): each connection's first bytes are compared with the HTTP/2 connection preface
 * `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`; a connection that starts with it goes to an HTTP/2 server,
 * any other to the HTTP/1.1 one. Both hand requests to the same listener (kit/server.ts), so every
 * operation works over either (the JS SDK sends CloudWatch Logs' StartLiveTail over HTTP/2 with its
 * NodeHttp2Handler; botocore, hence the AWS CLI, over HTTP/1.1). HTTP/1.1 upgrades go to the upgrade
 * listener (the Session Manager data channel's WebSocket, agent/index.ts).
 */
import * as http from 'http';
import * as http2 from 'http2';
import * as net from 'net';
import type { Duplex } from 'stream';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
export type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;
export type Listener = (req: AnyRequest, res: AnyResponse) => void;
/** An HTTP/1.1 upgrade (WebSocket): true when taken, else the socket is refused. */
export type UpgradeListener = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 = a free one) for HTTP/1.1 and h2c, and HTTP/1.1 upgrades (the data channel's WebSocket). */
export async function listen(port: number, listener: Listener, upgrade?: UpgradeListener): Promise<Listening> {
  const h1 = http.createServer({ keepAlive: true }, listener);
  h1.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!upgrade?.(req, socket, head)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
  const h2 = http2.createServer({}, listener);
  const sessions = new Set<http2.Http2Session>();
  h2.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    sniff(socket, (isH2) => (isH2 ? h2 : h1).emit('connection', socket));
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (tcp.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        for (const s of sessions) {
          s.destroy();
        }
        h1.closeAllConnections();
        for (const s of sockets) {
          s.destroy();
        }
      }),
  };
}

/** Reads until the first bytes tell HTTP/2's preface from anything else, then gives them back to the socket. */
function sniff(socket: net.Socket, route: (isH2: boolean) => void): void {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    seen = Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, PREFACE.length);
    const isPrefix = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
    if (isPrefix && seen.length < PREFACE.length) {
      return;
    }
    socket.off('data', onData);
    socket.pause();
    socket.unshift(seen);
    route(isPrefix);
    if (!isPrefix) {
      // The HTTP/2 session reads the bytes given back itself; the HTTP/1.1 parser needs the flow.
      socket.resume();
    }
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}
