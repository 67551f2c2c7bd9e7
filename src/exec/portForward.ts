import { createServer, type Server, type Socket } from 'net';
import type { ClientManager } from '../aws/clientManager';
import { Emitter } from '../util/events';
import { agentVersionAfter, AGENT_VERSIONS } from '../ssm/agentVersion';
import { BasicPortProtocol } from '../ssm/basicPort';
import { PayloadFlag } from '../ssm/clientMessage';
import { MuxPortProtocol } from '../ssm/muxPort';
import { portModeOf, type PortProtocol } from '../ssm/portSession';
import type { SsmSession } from '../ssm/session';
import { resolveExecTarget } from './execTarget';
import { ExecSessionError, openSessionChannel, refused, terminateSession, type StartedSession } from './sessionChannel';
import type { PortForward, PortForwardRequest, ResolvedExecTarget, SessionEnd } from './types';

/** The SSM documents of ECS port forwarding: to a port of the container, or through the task to another host. */
export const PORT_DOCUMENTS = {
  container: 'AWS-StartPortForwardingSession',
  remoteHost: 'AWS-StartPortForwardingSessionToRemoteHost',
} as const;

const LOOPBACK = '127.0.0.1';

/**
 * A local listener on 127.0.0.1 (the given port, or a free one) whose connections travel through one
 * SSM port session to the container's port, or through the task to `remoteHost`.
 */
export async function startPortForward(clients: ClientManager, request: PortForwardRequest): Promise<PortForward> {
  checkPort(request.remotePort, 'remotePort', 1);
  checkPort(request.localPort ?? 0, 'localPort', 0);
  const resolved = await resolveExecTarget(clients, request.target);
  // The listener comes first: a local port in use fails before any session is started.
  const early: Socket[] = [];
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    socket.pause();
    early.push(socket);
  });
  const localPort = await listen(server, request.localPort ?? 0);
  let session: SsmSession;
  try {
    const started = await startSession(clients, request, resolved, localPort);
    session = await openSessionChannel(clients, request.target.scope, started, resolved.ssmTarget);
  } catch (error) {
    server.close();
    for (const socket of early) socket.destroy();
    throw error;
  }
  const protocol: PortProtocol =
    portModeOf(session) === 'multiplexed'
      ? new MuxPortProtocol(session, { keepAlive: !agentVersionAfter(session.agentVersion, AGENT_VERSIONS.smuxKeepAliveDisabled) })
      : new BasicPortProtocol(session);
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => protocol.accept(socket));
  for (const socket of early.splice(0)) protocol.accept(socket);
  return new SessionPortForward(clients, request, resolved, localPort, server, session, protocol);
}

function checkPort(port: number, name: string, min: number): void {
  if (!Number.isInteger(port) || port < min || port > 65535) throw new ExecSessionError(`${name} must be a whole number from ${min} to 65535; got ${port}.`);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ExecSessionError(error.code === 'EADDRINUSE' ? `Local port ${port} is already in use: pick another or 0 for a free one.` : `Cannot listen on ${LOOPBACK}:${port}: ${error.message}`)),
    );
    server.listen(port, LOOPBACK, () => resolve((server.address() as { port: number }).port));
  });
}

async function startSession(clients: ClientManager, request: PortForwardRequest, resolved: ResolvedExecTarget, localPort: number): Promise<StartedSession> {
  const parameters: Record<string, string[]> = { portNumber: [String(request.remotePort)], localPortNumber: [String(localPort)] };
  if (request.remoteHost) parameters.host = [request.remoteHost];
  const { sdk, client } = await clients.clientWithSdk('ssm', request.target.scope);
  try {
    const out = await client.send(
      new sdk.ssm.StartSessionCommand({
        Target: resolved.ssmTarget,
        DocumentName: request.remoteHost ? PORT_DOCUMENTS.remoteHost : PORT_DOCUMENTS.container,
        Parameters: parameters,
      }),
    );
    if (!out.SessionId || !out.StreamUrl || !out.TokenValue) throw new ExecSessionError('SSM StartSession answered without a session.');
    return { sessionId: out.SessionId, streamUrl: out.StreamUrl, tokenValue: out.TokenValue };
  } catch (error) {
    if (error instanceof ExecSessionError) throw error;
    const to = request.remoteHost ? `${request.remoteHost}:${request.remotePort}` : `port ${request.remotePort}`;
    throw refused(`Forwarding ${to} of container ${resolved.container} (task ${resolved.taskId})`, error, 'ssm:StartSession');
  }
}

class SessionPortForward implements PortForward {
  readonly remotePort: number;
  readonly remoteHost?: string;
  readonly mode: PortForward['mode'];
  private readonly ends = new Emitter<SessionEnd>();
  private ended?: SessionEnd;
  private stopping?: Promise<void>;
  private readonly serverClosed: Promise<void>;

  constructor(
    private readonly clients: ClientManager,
    private readonly request: PortForwardRequest,
    readonly target: ResolvedExecTarget,
    readonly localPort: number,
    private readonly server: Server,
    private readonly session: SsmSession,
    private readonly protocol: PortProtocol,
  ) {
    this.remotePort = request.remotePort;
    this.remoteHost = request.remoteHost;
    this.mode = protocol.mode;
    this.serverClosed = new Promise((resolve) => server.once('close', () => resolve()));
    session.onEnd((end) => {
      this.shutDown();
      this.ended ??= { reason: end.reason, failed: end.failed };
      this.ends.fire(this.ended);
    });
  }

  get sessionId(): string {
    return this.session.sessionId;
  }

  connections(): { open: number; total: number } {
    return this.protocol.connections();
  }

  onEnd(listener: (end: SessionEnd) => void): { dispose(): void } {
    if (this.ended) {
      listener(this.ended);
      return { dispose: () => undefined };
    }
    return this.ends.event(listener);
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (!this.ended) this.session.sendFlag(PayloadFlag.TerminateSession);
      this.shutDown();
      await terminateSession(this.clients, this.request.target.scope, this.session.sessionId);
      this.session.close(`Port forward ${LOOPBACK}:${this.localPort} stopped.`);
      await this.serverClosed;
    })();
    return this.stopping;
  }

  private shutDown(): void {
    this.protocol.close();
    if (this.server.listening) this.server.close();
  }
}
