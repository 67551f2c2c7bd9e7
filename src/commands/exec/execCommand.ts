import { ExecSessionError, runCommand } from '../../exec/sessions';
import type { CommandResult } from '../../exec/types';
import type { Services } from '../../services';
import { input } from '../../ui/input';
import { runSteps, type Step } from '../../ui/steps';
import { isArgumentObject, readArgs } from '../../util/args';
import { startTerminalSession, type OpenSessions, type OpenShellResult } from './openShell';
import { explainStartFailure, reportedInteractively } from './startFailure';
import { execState, execTargetOf, readTarget, TARGET_MEMBERS, targetSteps, type ExecState } from './target';

const COMMAND = 'ecsWorkbench.execCommand';
const USAGE = '{ cluster, task (ARN or id), container?, command, timeoutSeconds? }';
const DAY_SECONDS = 86_400;

/** The command typed last in this window: offered again. */
let lastCommand = '';

interface CommandState extends ExecState {
  command: string;
}

const commandStep: Step<CommandState> = {
  title: 'Command',
  ask: async (view, s) => {
    s.command = (
      await input(view, {
        value: lastCommand,
        prompt: 'Run as given, not through a shell: for pipes or variables say sh -c "…". Its output shows in a terminal.',
        validate: (v) => (v.trim() ? undefined : 'Type the command to run in the container'),
      })
    ).trim();
    lastCommand = s.command;
  },
};

/**
 * `ecsWorkbench.execCommand` (*Run Command in Container…*): one command. With an argument object
 * `{ cluster, task, container?, command, timeoutSeconds? }` it runs without UI and returns the output
 * as a terminal would show it and the exit status; interactively its output streams into a terminal
 * that stays open after it exits.
 */
export async function execCommand(services: Services, sessions: OpenSessions, arg: unknown): Promise<CommandResult | OpenShellResult> {
  const clients = services.clientManager;
  if (isArgumentObject(arg)) {
    const args = readArgs(COMMAND, USAGE, arg, [...TARGET_MEMBERS, 'command', 'timeoutSeconds']);
    const target = readTarget(clients, args);
    const command = args.string('command');
    const timeoutSeconds = args.int('timeoutSeconds', 1, DAY_SECONDS, true);
    try {
      return await runCommand(clients, target, command, { timeoutSeconds });
    } catch (error) {
      if (error instanceof ExecSessionError) throw await explainStartFailure(clients, target, error, `The command ${command}`);
      throw error;
    }
  }
  const state = await runSteps<CommandState>('Run Command in Container', [...targetSteps<CommandState>(clients), commandStep], { ...execState(clients, arg), command: '' });
  const target = execTargetOf(state);
  return reportedInteractively(services, target, startTerminalSession(services, sessions, target, { command: state.command, keepOpenOnExit: true, verb: 'Running', what: `The command ${state.command}` }));
}
