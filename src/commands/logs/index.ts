import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import type { LogCommandName } from './actions';
import { loadLogActions } from './actionsLoader';

const NAMES: LogCommandName[] = ['showLogs', 'followLogs', 'stopFollowingLogs', 'filterLogs', 'logTimeRange', 'loadOlderLogs'];

/** Show Logs and its log documents' title actions: only the ids at activation, the rest on first use. */
export function registerLogCommands(services: Services): void {
  for (const name of NAMES) {
    registerCommand(services, `ecsWorkbench.${name}`, async (arg?: unknown) => (await loadLogActions()).runLogCommand(services, name, arg));
  }
}
