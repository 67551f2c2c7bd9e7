import * as vscode from 'vscode';
import type { ClientManager } from '../../aws/clientManager';
import { describeAwsError } from '../../aws/errors';
import { checkExecReadiness } from '../../exec/readiness';
import type { ExecTarget, ReadinessCheck } from '../../exec/types';
import type { Services } from '../../services';
import { ServiceToEnable } from './enableExecuteCommand';

/** A session did not start: why, and what the readiness check found wrong (each with its fix). */
export class SessionStartError extends Error {
  override readonly name = 'SessionStartError';
  constructor(
    readonly reason: string,
    readonly failedChecks: ReadinessCheck[],
  ) {
    super([reason, ...failedChecks.map((c) => `${c.message}${c.fix ? ` ${c.fix}` : ''}`)].join(' '));
  }

  /** What the terminal shows: the reason, then one line per failed check and its fix. */
  lines(): string[] {
    if (!this.failedChecks.length) return [this.reason];
    return [this.reason, '', 'The ECS Exec readiness check found:', ...this.failedChecks.flatMap((c) => [`  ✗ ${c.message}`, ...(c.fix ? [`    → ${c.fix}`] : [])])];
  }
}

/**
 * The session failed to start: run the readiness check (as AWS's amazon-ecs-exec-checker does) so
 * the answer says what to change, not only that ECS refused. A check that cannot run adds nothing.
 */
export async function explainStartFailure(clients: ClientManager, target: ExecTarget, error: unknown, what: string): Promise<SessionStartError> {
  const reason = `${what} could not start: ${describeAwsError(error).message}`;
  const report = await checkExecReadiness(clients, target).catch(() => undefined);
  return new SessionStartError(reason, report?.checks.filter((c) => !c.ok) ?? []);
}

const SHOW_REPORT = 'Show Readiness Check';

/**
 * From the palette or a menu, a failure to start is said once, here: the first finding, the full
 * report a click away, and *Enable ECS Exec on <service>* where that is the fix. Anything else
 * goes on to the usual error notification.
 */
export async function reportedInteractively<T>(services: Services, target: ExecTarget, start: Promise<T>): Promise<T> {
  try {
    return await start;
  } catch (error) {
    if (!(error instanceof SessionStartError)) throw error;
    services.log.error(error.message);
    const scope = services.clientManager.resolve(target.scope);
    const enables = new Map<string, { cluster: string; service: string }>(error.failedChecks.flatMap((c) => (c.action?.kind === 'enable-execute-command' ? [[`Enable ECS Exec on ${c.action.service}`, c.action] as const] : [])));
    const first = error.failedChecks[0];
    void vscode.window.showErrorMessage(first ? `${error.reason} ${first.message}` : error.reason, ...enables.keys(), SHOW_REPORT).then((choice) => {
      const enable = choice ? enables.get(choice) : undefined;
      if (enable) void vscode.commands.executeCommand('ecsWorkbench.enableExecuteCommand', new ServiceToEnable(enable.cluster, enable.service, scope));
      if (choice === SHOW_REPORT) void vscode.commands.executeCommand('ecsWorkbench.checkExecReadiness', { cluster: target.cluster, task: target.task, container: target.container, region: scope.region, profile: scope.profile ?? '', open: true });
    });
    // Said already: registerCommand passes a cancellation by without a second notification.
    throw new vscode.CancellationError();
  }
}
