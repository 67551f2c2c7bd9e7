import * as vscode from 'vscode';
import { endpointLabel } from '../aws/endpoints';
import { code, detailRows } from '../util/markdown';
import type { ClientManager } from '../aws/clientManager';

/**
 * `profile @ region` in the status bar; the account id is fetched lazily (STS GetCallerIdentity)
 * the first time the explorer has shown the credentials work, never at activation.
 */
export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ecsWorkbench.profile', vscode.StatusBarAlignment.Left, 50);
  private account: string | undefined;
  private generation = 0;

  constructor(private readonly clientManager: ClientManager) {
    this.item.name = 'AWS Profile (ECS Workbench)';
    this.item.command = 'ecsWorkbench.selectProfile';
    this.render();
  }

  /** Shown from the first time ECS Workbench is used in the window (explorer or an ECS document). */
  show(): void {
    this.item.show();
  }

  /** Called when the context changed: forget the account of the previous one. */
  contextChanged(): void {
    this.generation++;
    this.account = undefined;
    this.render();
  }

  /** Looks up the account of the current context once; failures leave the account off. */
  async loadAccount(): Promise<void> {
    if (this.account) return;
    const generation = this.generation;
    try {
      const identity = await this.clientManager.callerIdentity();
      if (generation !== this.generation) return;
      this.account = identity.account;
      this.render(identity.arn);
    } catch {
      // The explorer shows what is wrong with the credentials; the status bar just stays short.
    }
  }

  get text(): string {
    return this.item.text;
  }

  private render(arn?: string): void {
    const { profile, region, endpoint } = this.clientManager.context;
    const who = profile ?? 'default';
    // While a custom endpoint is in use the bar says so: AWS calls do not go to AWS.
    this.item.text = `$(cloud) ${who} @ ${region}${this.account ? ` (${this.account})` : ''}${endpoint ? ` → ${endpointLabel(endpoint)}` : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(
      detailRows([
        ['AWS profile', profile ?? 'default credential chain'],
        ['Region', region],
        ['Account', this.account],
        ['Identity', code(arn)],
        ['Endpoint', endpoint ? `${endpoint} (AWS calls go there instead of AWS)` : undefined],
      ]),
    );
    tooltip.appendMarkdown('\n\nClick to pick another profile and region.');
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
