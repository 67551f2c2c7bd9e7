import * as vscode from 'vscode';
import type { ClientManager, Scope } from '../../aws/clientManager';
import { SECTION } from '../../config/settings';
import { EcsActions } from '../../deploy/ecsActions';
import { EcsReader } from '../../ecs/ecsReader';
import type { ChangeSink } from '../../ecs/resourceChanges';
import type { Services } from '../../services';
import { whereText } from '../../ui/where';

/** What the deploy commands share: ECS actions and reads per scope, watch settings, the "ECS Deployments" output. */
export class DeployUi {
  readonly output: vscode.OutputChannel;

  constructor(readonly services: Services) {
    this.output = vscode.window.createOutputChannel('ECS Deployments');
    services.context.subscriptions.push(this.output);
  }

  get clients(): ClientManager {
    return this.services.clientManager;
  }

  /** ECS writes in `scope`; each change they make is shown in the explorer without a manual refresh. */
  actions(scope: Scope = {}): EcsActions {
    return new EcsActions(this.clients, scope, this.changeSink());
  }

  /** Shows a change in the explorer without a manual refresh. */
  changeSink(): ChangeSink {
    return (change) => void this.services.explorer.applyChange(change);
  }

  reader(scope: Scope = {}): EcsReader {
    return new EcsReader(this.clients, scope);
  }

  watchSettings(timeoutSeconds?: number): { intervalMs: number; timeoutMs: number } {
    const config = vscode.workspace.getConfiguration(SECTION);
    const interval = Math.max(1, config.get<number>('deploy.pollIntervalSeconds', 10));
    const timeout = timeoutSeconds ?? Math.max(1, config.get<number>('deploy.timeoutSeconds', 1800));
    return { intervalMs: interval * 1000, timeoutMs: timeout * 1000 };
  }

  /** `account 123456789012, eu-west-1` for confirmations: where the command acts. */
  where(scope: Scope = {}): Promise<string> {
    return whereText(this.clients, scope);
  }

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  }
}
