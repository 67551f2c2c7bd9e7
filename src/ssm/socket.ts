import WebSocket from 'ws';

/**
 * The one thing the data channel needs of a WebSocket: send frames, close, and hear messages and the
 * end. Production uses `ws` (webSocketConnector); tests plug in an in-memory pair.
 */
export interface ChannelSocket {
  /** A string goes as a text frame (OpenDataChannelInput), bytes as a binary frame. */
  send(data: Buffer | string): void;
  close(): void;
}

export interface SocketEvents {
  message(data: Buffer): void;
  /** The connection ended; `error` when it was not closed by us. */
  closed(error?: Error): void;
}

/** `headers` go with the upgrade request (the SigV4 signature AWS's client sends). */
export type ConnectSocket = (url: string, events: SocketEvents, headers?: Record<string, string>) => Promise<ChannelSocket>;

/** The reference client pings every 5 minutes so idle proxies and load balancers keep the connection. */
const PING_INTERVAL_MS = 5 * 60_000;

export function webSocketConnector(options: { headers?: Record<string, string>; handshakeTimeoutMs?: number } = {}): ConnectSocket {
  return (url, events, headers) =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { ...options.headers, ...headers }, handshakeTimeout: options.handshakeTimeoutMs ?? 15_000, perMessageDeflate: false });
      let opened = false;
      let closedByUs = false;
      let ping: NodeJS.Timeout | undefined;
      ws.binaryType = 'nodebuffer';
      ws.on('open', () => {
        opened = true;
        ping = setInterval(() => ws.ping(), PING_INTERVAL_MS);
        ping.unref();
        resolve({
          send: (data) => ws.send(data, { binary: typeof data !== 'string' }),
          close: () => {
            closedByUs = true;
            ws.close(1000);
          },
        });
      });
      ws.on('message', (data: Buffer) => events.message(data));
      ws.on('error', (error) => {
        if (!opened) reject(error);
      });
      ws.on('close', (code, reason) => {
        clearInterval(ping);
        if (!opened) return reject(new Error(`The data channel closed before it opened (${code}${reason.length ? `: ${reason.toString()}` : ''}).`));
        events.closed(closedByUs ? undefined : new Error(`The data channel's connection closed (${code}${reason.length ? `: ${reason.toString()}` : ''}).`));
      });
    });
}
