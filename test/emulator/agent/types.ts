/**
 * The emulator's stand-in for the SSM agent that ECS runs beside every container with ECS Exec: the
 * other end of the Session Manager data channel. ECS ExecuteCommand and SSM StartSession register a
 * session here (services/ecs, services/ssm); the client then opens the WebSocket at the session's
 * `streamUrl`, and the agent runs a shell or connects a port for it.
 */

/** The handshake's SessionType, as the agent names the plugin that serves the session. */
export type AgentSessionType = 'InteractiveCommands' | 'NonInteractiveCommands' | 'Standard_Stream' | 'Port';

export interface AgentSessionSpec {
  sessionId: string;
  tokenValue: string;
  /** `ecs:<cluster name>_<task id>_<container runtime id>` */
  target: string;
  sessionType: AgentSessionType;
  /** Command sessions: the command line ECS Exec runs, and the directory standing in for the container's filesystem. */
  command?: string;
  workdir?: string;
  /** Port sessions: where the agent connects (a loopback stand-in for the container's port, or the remote host). */
  connectTo?: { host: string; port: number };
  /** Multiplexed port connections (agents since 3.0.196.0); false plays an older agent with one connection. */
  multiplexing?: boolean;
  /**
   * The handshake's SessionType Properties as the session document's parameters give them (e.g.
   * `{ portNumber: '5432', host: 'db.example', type: 'LocalPortForwarding' }`); by default the shell's
   * command, or `{ portNumber: <connectTo.port>, type: 'LocalPortForwarding' }`.
   */
  properties?: Record<string, unknown>;
  /** Set when the session must be encrypted (the cluster's executeCommandConfiguration.kmsKeyId). */
  kms?: { keyId: string; decrypt(ciphertext: Buffer, context: Record<string, string>): Buffer };
}

export interface SessionAgent {
  /** The `streamUrl` ECS and SSM answer with: a WebSocket URL on the emulator's own listener. */
  streamUrl(sessionId: string, region: string): string;
  register(spec: AgentSessionSpec): void;
  /** TerminateSession: closes the channel (channel_closed to the client) and ends the process or connection. */
  terminate(sessionId: string): boolean;
  /** ResumeSession: a new token for a session that is still known; undefined when it is not. */
  resume(sessionId: string): string | undefined;
  /** Sessions registered and not ended. */
  activeSessions(): string[];
  /** How the last WebSocket upgrade of each session was signed (SigV4 credential scope), for tests. */
  readonly upgrades: ReadonlyMap<string, { signed: boolean; service?: string; region?: string }>;
}
