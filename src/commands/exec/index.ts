import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import type { ExecCommandName } from './actions';
import { loadExecActions } from './loader';

/**
 * ECS Exec: Open Shell, Run Command in Container…, Forward Port…, Stop Port Forward. Only the ids are
 * registered at activation; the implementations (and the `ws` WebSocket) load on first use, and what
 * they start (sessions, forwards, the status bar item) is disposed with the extension.
 */
export function registerExecCommands(services: Services): void {
  const run = async (name: ExecCommandName, arg: unknown) => (await loadExecActions()).runExecCommand(services, name, arg);
  registerCommand(services, 'ecsWorkbench.openShell', (arg?: unknown) => run('openShell', arg));
  registerCommand(services, 'ecsWorkbench.execCommand', (arg?: unknown) => run('execCommand', arg));
  registerCommand(services, 'ecsWorkbench.startPortForward', (arg?: unknown) => run('startPortForward', arg));
  registerCommand(services, 'ecsWorkbench.stopPortForward', (arg?: unknown) => run('stopPortForward', arg));
  registerCommand(services, 'ecsWorkbench.checkExecReadiness', (arg?: unknown) => run('checkExecReadiness', arg));
  registerCommand(services, 'ecsWorkbench.enableExecuteCommand', (arg?: unknown) => run('enableExecuteCommand', arg));
}
