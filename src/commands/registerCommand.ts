import * as vscode from 'vscode';
import { describeAwsError } from '../aws/errors';
import type { Services } from '../services';
import { isArgumentObject } from '../util/args';

/**
 * Every command goes through here: one place that logs, turns AWS errors into a notification
 * with an action, and keeps a failed command from becoming an unhandled rejection.
 */
export function registerCommand<A extends unknown[], R>(
  services: Services,
  id: string,
  handler: (...args: A) => Promise<R> | R,
): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof vscode.CancellationError) return undefined;
        const problem = describeAwsError(error, { profile: services.clientManager.context.profile });
        services.log.error(`${id} failed: ${problem.message}`);
        const actions = problem.fix?.kind === 'select-profile' ? ['Select Profile', 'Show Log'] : ['Show Log'];
        void vscode.window.showErrorMessage(problem.message, ...actions).then((choice) => {
          if (choice === 'Select Profile') void vscode.commands.executeCommand('ecsWorkbench.selectProfile');
          if (choice === 'Show Log') services.log.show(true);
        });
        // A caller that passed an argument object (a keybinding, a task, another extension, a test)
        // gets the failure; from the palette or a menu the notification above is the whole answer.
        if (isArgumentObject(args[0])) throw error;
        return undefined;
      }
    }),
  );
}
