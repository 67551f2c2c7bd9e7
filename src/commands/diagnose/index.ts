import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadDiagnose } from './loader';

/** "Why did it stop?": only the id is registered at activation; the implementation loads on first use. */
export function registerDiagnoseCommands(services: Services): void {
  services.explorer.useStopCauses(async (task, events) => (await loadDiagnose()).stopCauseWords(task, events));
  registerCommand(services, 'ecsWorkbench.explainStoppedTask', async (arg?: unknown) => (await loadDiagnose()).explainStoppedTaskCommand(services, arg));
}
