import * as vscode from 'vscode';
import { describeAwsError } from '../aws/errors';
import type { Services } from '../services';
import { isArgumentObject } from '../util/args';
import { RestrictedModeError, requireTrust } from './trust';

/**
 * Every command goes through here: one place that refuses mutating commands in Restricted Mode,
 * logs, turns AWS errors into a notification with an action, and keeps a failed command from
 * becoming an unhandled rejection.
 */
export function registerCommand<A extends unknown[], R>(
  services: Services,
  id: string,
  handler: (...args: A) => Promise<R> | R,
): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        requireTrust(id, vscode.workspace.isTrusted);
        return await handler(...args);
      } catch (error) {
        if (error instanceof vscode.CancellationError) return undefined;
        notify(services, id, error);
        // A caller that passed an argument object (a keybinding, a task, another extension, a test)
        // gets the failure; from the palette or a menu the notification is the whole answer.
        if (isArgumentObject(args[0])) throw error;
        return undefined;
      }
    }),
  );
}

function notify(services: Services, id: string, error: unknown): void {
  if (error instanceof RestrictedModeError) {
    services.log.warn(`${id} refused: ${error.message}`);
    void vscode.window.showWarningMessage(error.message, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return;
  }
  const problem = describeAwsError(error, { profile: services.clientManager.context.profile });
  services.log.error(`${id} failed: ${problem.message}`);
  const fix = problem.fix?.kind === 'select-profile' ? 'Select Profile' : problem.fix?.kind === 'sso-login' ? 'Sign In' : undefined;
  void vscode.window.showErrorMessage(problem.message, ...(fix ? [fix] : []), 'Show Log').then((choice) => {
    if (choice === 'Select Profile') void vscode.commands.executeCommand('ecsWorkbench.selectProfile');
    if (choice === 'Sign In' && problem.fix?.kind === 'sso-login') void vscode.commands.executeCommand('ecsWorkbench.runInTerminal', { fix: 'sso-login', profile: problem.fix.profile ?? '' });
    if (choice === 'Show Log') services.log.show(true);
  });
}
