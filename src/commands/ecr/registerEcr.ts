import * as vscode from 'vscode';
import { EcrProvider } from '../../explorer/ecr/ecrProvider';
import type { Services } from '../../services';
import { EcrRuntime } from './ecrRuntime';
import { registerImageCommands } from './imageCommands';
import { registerPushCommands } from './pushCommands';
import { registerRepositoryCommands } from './repositoryCommands';
import { registerUseImage } from './useImage';

/** What the ECR part exposes on the extension's API (tests, other extensions). */
export interface EcrApi {
  readonly provider: EcrProvider;
  /** Everything written to the "ECS Workbench: Image Push" output channel. */
  pushLog(): string;
  /** Cancels every push in flight, as the notification's Cancel button does; returns how many. */
  cancelPushes(): number;
  readonly pushesInFlight: () => number;
}

/** The ECR view and commands: one call from activate(). Nothing here loads the SDK. */
export function registerEcr(services: Services): EcrApi {
  const config = () => vscode.workspace.getConfiguration('ecsWorkbench');
  const provider = new EcrProvider(services.clientManager, () => Math.min(1000, Math.max(1, config().get<number>('explorer.pageSize') ?? 100)));
  const runtime = new EcrRuntime(services, provider);
  const view = vscode.window.createTreeView('ecsWorkbench.ecr', { treeDataProvider: provider, showCollapseAll: true });
  services.context.subscriptions.push(
    provider,
    runtime,
    view,
    // The registry the repositories live in, as ECR names it: the host every URI of the view starts with.
    provider.onDidChangeRegistry((host) => (view.description = host)),
    services.clientManager.onDidChangeContext(() => {
      runtime.tokens.invalidate();
      provider.refresh();
    }),
  );
  registerRepositoryCommands(runtime);
  registerImageCommands(runtime);
  registerPushCommands(runtime);
  registerUseImage(runtime);
  return {
    provider,
    pushLog: () => runtime.log(),
    cancelPushes: () => runtime.cancelAll(),
    pushesInFlight: () => runtime.inFlight,
  };
}
