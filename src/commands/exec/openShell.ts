import * as vscode from 'vscode';
import { resourceName, shortTaskId } from '../../aws/arn';
import { openShellSession, resolveExecTarget } from '../../exec/sessions';
import type { ExecTarget, ShellSession } from '../../exec/types';
import type { Services } from '../../services';
import { runSteps } from '../../ui/steps';
import { isArgumentObject, readArgs } from '../../util/args';
import { SessionTerminal } from './sessionTerminal';
import { shellCommandFor } from './shellSetting';
import { explainStartFailure, reportedInteractively } from './startFailure';
import { execState, execTargetOf, readTarget, TARGET_MEMBERS, targetSteps } from './target';

const COMMAND = 'ecsWorkbench.openShell';
const USAGE = '{ cluster, task (ARN or id), container?, command? }';

export interface OpenShellResult {
  sessionId: string;
  terminalName: string;
}

/** The sessions this window's terminals hold: closed (TerminateSession) when the extension stops. */
export type OpenSessions = Set<ShellSession>;

/**
 * A terminal connected to a new session in `target`, running `command` (else the shell setting of the
 * container). The banner names the account, region, cluster, task and container before anything
 * starts; a session that fails to start leaves the reason and the readiness check's findings on screen.
 */
export async function startTerminalSession(
  services: Services,
  sessions: OpenSessions,
  target: ExecTarget,
  options: { command?: string; keepOpenOnExit: boolean; verb: string; what: string },
): Promise<OpenShellResult> {
  const clients = services.clientManager;
  const resolved = await resolveExecTarget(clients, target);
  const command = options.command ?? shellCommandFor(resolved.container);
  const terminalName = `${resolved.container} · ${shortTaskId(resolved.taskId)} · ${resolved.region}`;
  const pty = new SessionTerminal(options.keepOpenOnExit);
  const terminal = vscode.window.createTerminal({ name: terminalName, pty, iconPath: new vscode.ThemeIcon('terminal'), isTransient: true });
  terminal.show();
  const size = await pty.opened();
  pty.note(`${options.verb} ${command} in container ${resolved.container} of task ${resolved.taskId} (cluster ${resourceName(resolved.clusterArn)}, account ${resolved.account}, ${resolved.region})…\n`);
  const exact: ExecTarget = { ...target, task: resolved.taskArn, container: resolved.container };
  let session: ShellSession;
  try {
    session = await openShellSession(clients, exact, { command, columns: size?.columns, rows: size?.rows });
  } catch (error) {
    const failure = await explainStartFailure(clients, exact, error, options.what);
    pty.failed(failure.lines());
    throw failure;
  }
  sessions.add(session);
  session.onEnd(() => sessions.delete(session));
  pty.attach(session, size);
  services.log.info(`${COMMAND}: session ${session.sessionId} (${command}) in ${resolved.container} of ${resolved.taskArn}`);
  return { sessionId: session.sessionId, terminalName };
}

/**
 * `ecsWorkbench.openShell`: from a container node, a task node (the container picked when it has
 * several), the palette (cluster, task, container) or `{ cluster, task, container?, command? }`.
 */
export async function openShell(services: Services, sessions: OpenSessions, arg: unknown): Promise<OpenShellResult> {
  const clients = services.clientManager;
  if (isArgumentObject(arg)) {
    const args = readArgs(COMMAND, USAGE, arg, [...TARGET_MEMBERS, 'command']);
    const target = readTarget(clients, args);
    return startTerminalSession(services, sessions, target, { command: args.string('command', true), keepOpenOnExit: false, verb: 'Opening', what: 'The shell' });
  }
  const target = execTargetOf(await runSteps('Open Shell', targetSteps(clients), execState(clients, arg)));
  return reportedInteractively(services, target, startTerminalSession(services, sessions, target, { keepOpenOnExit: false, verb: 'Opening', what: 'The shell' }));
}
