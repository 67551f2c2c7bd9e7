import type { Services } from '../../services';
import { registerCommand } from '../../ui/registerCommand';
import { loadExpressActions } from './loader';

/** ECS Express Mode: only the ids are registered at activation; the implementations load on first use. */
export function registerExpressCommands(services: Services): void {
  registerCommand(services, 'ecsWorkbench.createExpressService', async (arg?: unknown) => (await loadExpressActions()).createExpressServiceCommand(services, arg));
}
