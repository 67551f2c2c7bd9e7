/**
 * The emulator's agent side of the Session Manager data channel (see types.ts): one per emulator
 * (perCore). ECS ExecuteCommand and SSM StartSession register sessions; the client opens a WebSocket at
 * the session's streamUrl on the emulator's own port (the listener hands HTTP upgrades for
 * `/v1/data-channel/<sessionId>` here), sends OpenDataChannelInput as its first (text) frame, and the
 * session runs (session.ts). A token that is not the session's closes the socket, as the gateway refuses it.
 */
import type * as http from 'http';
import type { Duplex } from 'stream';
import { RawData, WebSocket, WebSocketServer } from 'ws';
import { perCore, type Core } from '../kit/world';
import { AgentSession } from './session';
import type { AgentSessionSpec, SessionAgent } from './types';

export type { AgentSessionSpec, AgentSessionType, SessionAgent } from './types';

const PATH = /^\/v1\/data-channel\/([^/?]+)$/;
/** Policy violation: what the socket of a refused OpenDataChannelInput is closed with. */
const REFUSED = 1008;

/** OpenDataChannelInput, the client's first frame (the plugin's service.OpenDataChannelInput). */
interface OpenDataChannelInput {
  MessageSchemaVersion?: string;
  RequestId?: string;
  TokenValue?: string;
  ClientId?: string;
  ClientVersion?: string;
}

export class EmulatorSessionAgent implements SessionAgent {
  private port: number | undefined;
  private readonly sessions = new Map<string, AgentSession>();
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  constructor(private readonly core: Core) {}

  /** The emulator's listener port, known once it listens (index.ts calls this). */
  listening(port: number): void {
    this.port = port;
  }

  /**
   * AWS answers with `wss://ssmmessages.<region>.amazonaws.com/v1/data-channel/<id>?role=publish_subscribe&cell-number=…`;
   * the emulator's answer names where its data channel is, its own listener, as ECR's proxyEndpoint names
   * the local registry: a client that follows the answer it got reaches the emulator and nothing else.
   */
  streamUrl(sessionId: string, region: string): string {
    if (this.port === undefined) {
      throw new Error('emulator: the session agent has no listener port yet');
    }
    const cell = Buffer.from(`${region}:${this.core.rnd.hex(8)}`).toString('base64url');
    return `ws://127.0.0.1:${this.port}/v1/data-channel/${encodeURIComponent(sessionId)}?role=publish_subscribe&cell-number=${cell}`;
  }

  register(spec: AgentSessionSpec): void {
    if (this.sessions.has(spec.sessionId)) {
      throw new Error(`emulator: session ${spec.sessionId} is already registered`);
    }
    this.sessions.set(spec.sessionId, new AgentSession(spec, (id) => this.sessions.delete(id)));
  }

  terminate(sessionId: string): boolean {
    const s = this.sessions.get(sessionId);
    if (!s) {
      return false;
    }
    s.terminate('');
    return true;
  }

  resume(sessionId: string): string | undefined {
    const s = this.sessions.get(sessionId);
    if (!s || s.isEnded) {
      return undefined;
    }
    const token = this.core.rnd.token(256);
    s.tokens.add(token);
    return token;
  }

  activeSessions(): string[] {
    return [...this.sessions.keys()];
  }

  /** An HTTP upgrade on the listener: true when it was for the data channel (then it is handled here). */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) {
      return false;
    }
    const sessionId = decodeURIComponent(match[1]);
    const signature = upgradeSignature(req.headers.authorization);
    if (signature && signature.service !== 'ssmmessages') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return true;
    }
    this.upgrades.set(sessionId, { signed: signature !== undefined, ...signature });
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, sessionId));
    return true;
  }

  /**
   * How the last upgrade for a session was signed. AWS's session-manager-plugin signs the upgrade with
   * SigV4 for service `ssmmessages` (src/communicator/websocketchannel.go) unless the URL is presigned;
   * older plugins sent only the token in OpenDataChannelInput, so both are accepted, and a signature for
   * another service is refused.
   */
  readonly upgrades = new Map<string, { signed: boolean; service?: string; region?: string }>();

  /** Emulator shutdown: every session ends (processes killed, connections closed), every socket closes. */
  close(): void {
    for (const s of [...this.sessions.values()]) {
      s.terminate('');
    }
    for (const ws of this.sockets) {
      ws.terminate();
    }
    this.wss.close();
  }

  private connected(ws: WebSocket, sessionId: string): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => ws.terminate());
    ws.once('message', (data, isBinary) => {
      const session = this.sessions.get(sessionId);
      const input = isBinary ? undefined : parseOpen(data);
      if (!session || session.isEnded || !input?.TokenValue || !session.tokens.has(input.TokenValue)) {
        ws.close(REFUSED, 'invalid token');
        return;
      }
      session.attach(ws, input.ClientVersion);
    });
  }
}

/** The credential scope of a SigV4 Authorization header: `Credential=AKID/date/region/service/aws4_request`. */
function upgradeSignature(authorization: string | undefined): { service: string; region: string } | undefined {
  const scope = authorization?.startsWith('AWS4-HMAC-SHA256') ? /Credential=([^,\s]+)/.exec(authorization)?.[1] : undefined;
  if (!scope) return undefined;
  const [, , region = '', service = ''] = scope.split('/');
  return { service, region };
}

function parseOpen(data: RawData): OpenDataChannelInput | undefined {
  try {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as OpenDataChannelInput) : undefined;
  } catch {
    return undefined;
  }
}

export const sessionAgentOf: (core: Core) => EmulatorSessionAgent = perCore('session-agent', (core) => new EmulatorSessionAgent(core));
