import type { ClientManager } from '../aws/clientManager';
import { Emitter } from '../util/events';
import type { ChannelEnd } from '../ssm/dataChannel';
import type { SsmSession } from '../ssm/session';
import { ShellChannel } from '../ssm/shell';
import { resolveExecTarget } from './execTarget';
import { ExecSessionError, openSessionChannel, refused, terminateSession, type StartedSession } from './sessionChannel';
import type { CommandResult, ExecTarget, ResolvedExecTarget, SessionEnd, SessionState, ShellSession } from './types';

export { resolveExecTarget, ExecTargetError } from './execTarget';
export { ExecSessionError } from './sessionChannel';

/** The terminal size a command runs in when the caller has none (wide, so tools that ask do not wrap). */
const COMMAND_TERMINAL = { columns: 200, rows: 50 };

/** ECS ExecuteCommand (interactive, as ECS Exec requires) and a data channel to the container's terminal. */
export async function openShellSession(clients: ClientManager, target: ExecTarget, opts: { command: string; columns?: number; rows?: number }): Promise<ShellSession> {
  const resolved = await resolveExecTarget(clients, target);
  const started = await executeCommand(clients, target, resolved, opts.command);
  const session = await openSessionChannel(clients, target.scope, started, resolved.ssmTarget);
  const shell = new ExecShellSession(clients, target, resolved, session);
  if (opts.columns && opts.rows) shell.resize(opts.columns, opts.rows);
  return shell;
}

/** Runs one command in the container; resolves with its output (as a terminal shows it) when the session ends. */
export async function runCommand(
  clients: ClientManager,
  target: ExecTarget,
  command: string,
  opts: { timeoutSeconds?: number; signal?: AbortSignal } = {},
): Promise<CommandResult> {
  if (opts.signal?.aborted) throw new ExecSessionError('The command was cancelled before it started.');
  const shell = await openShellSession(clients, target, { command, ...COMMAND_TERMINAL });
  const chunks: Uint8Array[] = [];
  shell.onOutput((data) => chunks.push(data));
  const end = await endOrStop(shell, opts);
  if (end instanceof Error) {
    await shell.close();
    throw end;
  }
  if (end.failed) throw new ExecSessionError(`The command's session failed: ${end.reason}`);
  return { sessionId: shell.sessionId, output: Buffer.concat(chunks).toString('utf8'), exitCode: end.exitCode };
}

/** The session's end, or an error when the timeout or the signal comes first. */
function endOrStop(shell: ShellSession, opts: { timeoutSeconds?: number; signal?: AbortSignal }): Promise<SessionEnd | Error> {
  return new Promise((resolve) => {
    const done = (value: SessionEnd | Error) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', abort);
      resolve(value);
    };
    const timer = opts.timeoutSeconds
      ? setTimeout(() => done(new ExecSessionError(`The command did not finish within ${opts.timeoutSeconds} s; its session was terminated.`)), opts.timeoutSeconds * 1000)
      : undefined;
    const abort = () => done(new ExecSessionError('The command was cancelled; its session was terminated.'));
    opts.signal?.addEventListener('abort', abort, { once: true });
    shell.onEnd(done);
  });
}

async function executeCommand(clients: ClientManager, target: ExecTarget, resolved: ResolvedExecTarget, command: string): Promise<StartedSession> {
  const { sdk, client } = await clients.clientWithSdk('ecs', target.scope);
  try {
    const out = await client.send(
      new sdk.ecs.ExecuteCommandCommand({ cluster: resolved.clusterArn, task: resolved.taskArn, container: resolved.container, command, interactive: true }),
    );
    const session = out.session;
    if (!session?.sessionId || !session.streamUrl || !session.tokenValue) throw new ExecSessionError('ECS ExecuteCommand answered without a session.');
    return { sessionId: session.sessionId, streamUrl: session.streamUrl, tokenValue: session.tokenValue };
  } catch (error) {
    if (error instanceof ExecSessionError) throw error;
    throw refused(`Starting a session in container ${resolved.container} of task ${resolved.taskId}`, error, 'ecs:ExecuteCommand');
  }
}

/** A ShellSession over one SSM session; output and the end wait for their first listener. */
class ExecShellSession implements ShellSession {
  private readonly shell: ShellChannel;
  private readonly output = new Emitter<Uint8Array>();
  private heldOutput: Uint8Array[] | undefined = [];
  private readonly states = new Emitter<SessionState>();
  private readonly endListeners = new Emitter<SessionEnd>();
  private ended?: SessionEnd;
  private closing?: Promise<void>;

  constructor(
    private readonly clients: ClientManager,
    private readonly request: ExecTarget,
    readonly target: ResolvedExecTarget,
    private readonly session: SsmSession,
  ) {
    this.shell = new ShellChannel(session);
    this.shell.onOutput((data) => {
      if (this.heldOutput) this.heldOutput.push(data);
      else this.output.fire(data);
    });
    session.onStateChange((state) => this.states.fire(state));
    session.onEnd((end) => this.finish(end));
  }

  get sessionId(): string {
    return this.session.sessionId;
  }

  onOutput(listener: (data: Uint8Array) => void): { dispose(): void } {
    const subscription = this.output.event(listener);
    const held = this.heldOutput;
    this.heldOutput = undefined;
    for (const data of held ?? []) listener(data);
    return subscription;
  }

  onStateChange(listener: (state: SessionState) => void): { dispose(): void } {
    return this.states.event(listener);
  }

  onEnd(listener: (end: SessionEnd) => void): { dispose(): void } {
    if (this.ended) {
      listener(this.ended);
      return { dispose: () => undefined };
    }
    return this.endListeners.event(listener);
  }

  write(data: string | Uint8Array): void {
    this.shell.write(data);
  }

  resize(columns: number, rows: number): void {
    this.shell.resize(columns, rows);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await terminateSession(this.clients, this.request.scope, this.session.sessionId);
      this.session.close('The session was closed.');
    })();
    return this.closing;
  }

  private finish(end: ChannelEnd): void {
    if (this.ended) return;
    this.ended = { reason: end.reason, failed: end.failed, exitCode: this.shell.exitCode };
    // Output still held (nobody listened) stays readable by a late onOutput; the end goes to everyone now.
    this.endListeners.fire(this.ended);
  }
}
