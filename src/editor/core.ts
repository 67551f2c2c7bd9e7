import * as vscode from 'vscode';
import type { TaskdefLanguageService } from '../taskdef';
import { SECTION } from '../config/settings';
import { loadSdk } from '../aws/sdkLoader';
import type { Services } from '../services';
import { loadTaskdef, type Taskdef } from './taskdefLoader';

export const LIVE_VALUES_SETTING = 'taskDefinition.liveValues';

/**
 * The task-definition core as the providers see it: the lazily loaded library and one language
 * service, rebuilt (dropping the live-value cache) when the AWS context or the setting changes.
 */
export class TaskdefCore implements vscode.Disposable {
  private service: TaskdefLanguageService | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.clientManager.onDidChangeContext(() => (this.service = undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${LIVE_VALUES_SETTING}`)) this.service = undefined;
      }),
    ];
  }

  /** The region of the AWS context: what a fix writes where a definition names its region. */
  region(): string | undefined {
    return this.services.clientManager.context.region;
  }

  lib(): Promise<Taskdef> {
    return loadTaskdef();
  }

  async languageService(): Promise<TaskdefLanguageService> {
    const lib = await loadTaskdef();
    if (!this.service) {
      const live = vscode.workspace.getConfiguration(SECTION).get<boolean>(LIVE_VALUES_SETTING, true);
      this.service = new lib.TaskdefLanguageService({ liveValues: live ? new lib.AwsLiveValues(this.services.clientManager, loadSdk) : undefined });
    }
    return this.service;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
