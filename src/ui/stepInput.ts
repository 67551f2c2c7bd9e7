/** The quick-input side of steps.ts: a picker's title, its Back button, and how it ends. */
import * as vscode from 'vscode';
import { BackError, type Asked } from './steps';

type FlowInput = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/** Gives a quick input its title and, in a flow, the Back button; `onBack` runs when it is pressed. */
function placeInFlow(input: FlowInput, asked: Asked, onBack: () => void): vscode.Disposable {
  input.title = typeof asked === 'string' ? asked : asked.title;
  if (typeof asked === 'string' || !asked.back) return new vscode.Disposable(() => undefined);
  input.buttons = [vscode.QuickInputButtons.Back];
  return input.onDidTriggerButton((button) => {
    if (button === vscode.QuickInputButtons.Back) onBack();
  });
}

/**
 * Shows a quick input until `listen`'s finish is called (accepted), Back is pressed (BackError)
 * or it is dismissed (CancellationError); then hides and disposes it. The one way the pickers end.
 */
export function settleInput<T>(input: FlowInput, asked: Asked, listen: (finish: (value: T) => void) => vscode.Disposable[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const end = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      input.hide();
    };
    const disposables: vscode.Disposable[] = [
      ...listen((value) => end(() => resolve(value))),
      placeInFlow(input, asked, () => end(() => reject(new BackError()))),
      input.onDidHide(() => {
        end(() => reject(new vscode.CancellationError()));
        disposables.forEach((d) => d.dispose());
        input.dispose();
      }),
    ];
    input.ignoreFocusOut = true;
    input.show();
  });
}
