/**
 * The ECS Exec core's public shapes (plain TypeScript): what the commands layer asks of src/exec and
 * gets back. src/ssm speaks the Session Manager data channel; src/exec finds the task and container,
 * asks ECS (ExecuteCommand) or SSM (StartSession) for a session, and hands out these objects.
 */
import type { Scope } from '../aws/clientManager';

/** One container of one task, in one scope; `container` may be omitted when the task has one container. */
export interface ExecTarget {
  cluster: string;
  /** Task ARN or id. */
  task: string;
  container?: string;
  scope: Scope;
}

/** The container a session runs in, as DescribeTasks named it. */
export interface ResolvedExecTarget {
  clusterArn: string;
  taskArn: string;
  taskId: string;
  container: string;
  /** The container's `runtimeId`, part of the SSM target `ecs:<cluster>_<task id>_<runtime id>`. */
  runtimeId: string;
  /** `ecs:<cluster name>_<task id>_<runtime id>`. */
  ssmTarget: string;
  region: string;
  account: string;
}

export type SessionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Why a session ended, in words a terminal can print. */
export interface SessionEnd {
  reason: string;
  /** The remote command's exit status when the agent reported one. */
  exitCode?: number;
  /** True when the session ended because of an error (network, refusal), not because the shell exited. */
  failed: boolean;
}

/** An interactive shell (or one command) in a container, over one data channel. */
export interface ShellSession {
  readonly sessionId: string;
  readonly target: ResolvedExecTarget;
  /** Bytes the remote terminal wrote (UTF-8, with its escape sequences). */
  onOutput(listener: (data: Uint8Array) => void): { dispose(): void };
  onStateChange(listener: (state: SessionState) => void): { dispose(): void };
  onEnd(listener: (end: SessionEnd) => void): { dispose(): void };
  /** Keystrokes or pasted text; large input is split into data-channel messages. */
  write(data: string | Uint8Array): void;
  resize(columns: number, rows: number): void;
  /** Ends the session (TerminateSession) and closes the channel. */
  close(): Promise<void>;
}

export interface CommandResult {
  sessionId: string;
  /** The output as a terminal would show it (escape sequences kept, CR LF line ends). */
  output: string;
  exitCode?: number;
}

export interface PortForwardRequest {
  target: ExecTarget;
  remotePort: number;
  /** Set for AWS-StartPortForwardingSessionToRemoteHost (e.g. an RDS endpoint reached through the task). */
  remoteHost?: string;
  /** 0 or omitted: a free port. */
  localPort?: number;
}

/** A local TCP listener whose connections travel through one SSM session to the task. */
export interface PortForward {
  readonly sessionId: string;
  readonly localPort: number;
  readonly remotePort: number;
  readonly remoteHost?: string;
  readonly target: ResolvedExecTarget;
  /** Connections open now and since the start. */
  connections(): { open: number; total: number };
  /** 'multiplexed' when the agent speaks the multiplexed port protocol, else 'single'. */
  readonly mode: 'multiplexed' | 'single';
  onEnd(listener: (end: SessionEnd) => void): { dispose(): void };
  /** Closes the listener and terminates the session; resolves when the port is free. */
  stop(): Promise<void>;
}

/** What the extension can do itself about a failed readiness check. */
export type ReadinessAction = { kind: 'enable-execute-command'; cluster: string; service: string };

/** One line of the ECS Exec readiness check. */
export interface ReadinessCheck {
  id: string;
  ok: boolean;
  /** What was found, in plain words. */
  message: string;
  /** What to do when not ok. */
  fix?: string;
  /** True when the check could not be made (a read or a simulation refused): said so, not counted as a failure. */
  unverified?: boolean;
  /** When not ok and the extension can fix it (e.g. *Enable ECS Exec* on the task's service). */
  action?: ReadinessAction;
}

export interface ReadinessReport {
  ready: boolean;
  checks: ReadinessCheck[];
}
