// The ECS Exec commands' implementations: a bundle of their own (dist/exec-actions.js, with the
// Session Manager client and `ws`), required on the first exec command through loader.ts.
import type { Services } from '../../services';
import { checkExecReadinessCommand } from './checkExecReadiness';
import { enableExecuteCommandCommand } from './enableExecuteCommand';
import { execCommand } from './execCommand';
import { ForwardStatusBar } from './forwardStatusBar';
import { PortForwards } from './forwards';
import { openShell, type OpenSessions } from './openShell';
import { startPortForward } from './startPortForward';
import { stopPortForward } from './stopPortForward';

/** What this window's exec commands started: its shells' sessions and its port forwards. */
interface ExecWindow {
  sessions: OpenSessions;
  forwards: PortForwards;
}

const EXEC_COMMANDS = {
  openShell: (services: Services, w: ExecWindow, arg: unknown) => openShell(services, w.sessions, arg),
  execCommand: (services: Services, w: ExecWindow, arg: unknown) => execCommand(services, w.sessions, arg),
  startPortForward: (services: Services, w: ExecWindow, arg: unknown) => startPortForward(services, w.forwards, arg),
  stopPortForward: (_: Services, w: ExecWindow, arg: unknown) => stopPortForward(w.forwards, arg),
  checkExecReadiness: (services: Services, _: ExecWindow, arg: unknown) => checkExecReadinessCommand(services, arg),
  enableExecuteCommand: (services: Services, _: ExecWindow, arg: unknown) => enableExecuteCommandCommand(services, arg),
};

export type ExecCommandName = keyof typeof EXEC_COMMANDS;

let window: ExecWindow | undefined;

/** Created with the first exec command; what it started ends with the extension (context.subscriptions). */
function execWindow(services: Services): ExecWindow {
  if (!window) {
    const sessions: OpenSessions = new Set();
    const forwards = new PortForwards(services);
    const statusBar = new ForwardStatusBar(forwards);
    window = { sessions, forwards };
    services.context.subscriptions.push(statusBar, forwards, {
      dispose: () => {
        for (const session of sessions) void session.close().catch(() => undefined);
        sessions.clear();
        window = undefined;
      },
    });
  }
  return window;
}

export function runExecCommand(services: Services, name: ExecCommandName, arg: unknown): Promise<unknown> {
  return Promise.resolve(EXEC_COMMANDS[name](services, execWindow(services), arg));
}
