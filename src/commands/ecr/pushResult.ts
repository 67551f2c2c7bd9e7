import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import type { PushResult } from '../../ecr/push';
import { shortImageName } from '../../ecr/imageChoice';
import { registerCommand } from '../../ui/registerCommand';
import { readArgs, isArgumentObject } from '../../util/args';
import { DeployImage } from '../deploy/deployImage';
import type { EcrRuntime } from './ecrRuntime';

const SHOW = 'ecsWorkbench.showPushResult';
const HAS_RESULT = 'ecsWorkbench.hasPushResult';
const MORE = 'More…';

interface Action {
  label: string;
  /** The notification button's text (no icon). */
  button: string;
  description?: string;
  run(): Thenable<unknown> | void;
}

/**
 * The end of a push: a notification with two actions and *More…* (VS Code shows only a few buttons),
 * and a status bar item that keeps every action reachable after the notification hides, until the
 * next push replaces it.
 */
export class PushResultUi implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private last: { result: PushResult; scope: AwsScope } | undefined;

  constructor(private readonly runtime: EcrRuntime) {
    registerCommand(runtime.services, 'ecsWorkbench.showPushResult', async (arg?: unknown) => {
      if (isArgumentObject(arg)) {
        readArgs(SHOW, '{}', arg, []);
        return this.last && { ...this.last.result, region: this.last.scope.region };
      }
      if (!this.last) throw new Error('No image has been pushed in this window yet.');
      await this.pick();
      return undefined;
    });
  }

  /** Shows the result of a push (replacing the previous one) and runs the action chosen. */
  async offer(result: PushResult, scope: AwsScope): Promise<void> {
    this.last = { result, scope };
    const name = shortImageName(result.imageUri);
    this.item ??= vscode.window.createStatusBarItem('ecsWorkbench.pushResult', vscode.StatusBarAlignment.Left, -10);
    this.item.name = 'ECS Workbench: Last Push';
    this.item.text = `$(check) pushed ${name}`;
    this.item.tooltip = `Pushed ${result.imageUri}\n${result.digestUri}\n\nClick for Deploy…, Use This Image, Copy URI, Show Output`;
    this.item.command = SHOW;
    this.item.show();
    void vscode.commands.executeCommand('setContext', HAS_RESULT, true);

    const actions = await this.actions();
    const shown = actions.slice(0, 2);
    const choice = await vscode.window.showInformationMessage(`Pushed ${name} (${result.digest.slice(0, 19)}…)`, ...shown.map((a) => a.button), MORE);
    if (choice === MORE) await this.pick();
    else await shown.find((a) => a.button === choice)?.run();
  }

  /** Every action on the last push, in a quick pick (the status bar item and *More…* open it). */
  private async pick(): Promise<void> {
    const actions = await this.actions();
    const chosen = await vscode.window.showQuickPick(actions, { title: `Pushed ${this.last ? shortImageName(this.last.result.imageUri) : ''}`, placeHolder: this.last?.result.imageUri });
    await chosen?.run();
  }

  private async actions(): Promise<Action[]> {
    if (!this.last) return [];
    const { result, scope } = this.last;
    const copy = (text: string) => vscode.env.clipboard.writeText(text).then(() => vscode.window.setStatusBarMessage(`Copied ${text}`, 3000));
    const deployExists = (await vscode.commands.getCommands(true)).includes('ecsWorkbench.deploy');
    return [
      // A DeployImage (not an argument object): deploy stays interactive and offers this image first.
      ...(deployExists ? [{ label: '$(rocket) Deploy…', button: 'Deploy…', description: 'to a service; those running this repository first', run: () => vscode.commands.executeCommand('ecsWorkbench.deploy', new DeployImage(result.imageUri, scope, result.digest)) }] : []),
      { label: '$(insert) Use This Image', button: 'Use This Image', description: 'in the open task definition (else copy the URI)', run: () => vscode.commands.executeCommand('ecsWorkbench.useImage', { imageUri: result.imageUri }).then(undefined, () => undefined) },
      { label: '$(copy) Copy URI', button: 'Copy URI', description: result.imageUri, run: () => copy(result.imageUri) },
      { label: '$(copy) Copy Digest URI', button: 'Copy Digest URI', description: result.digestUri, run: () => copy(result.digestUri) },
      { label: '$(output) Show Output', button: 'Show Output', description: 'the push log', run: () => this.runtime.showLog() },
    ];
  }

  dispose(): void {
    this.item?.dispose();
  }
}
