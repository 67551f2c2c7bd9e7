import * as vscode from 'vscode';

/** Quick pick that resolves to the item's value, or throws CancellationError when dismissed. */
export async function pick<T>(items: (vscode.QuickPickItem & { value: T })[], title: string, placeHolder?: string): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  if (!picked) throw new vscode.CancellationError();
  return picked.value;
}

export async function input(title: string, options: { value?: string; prompt?: string; validate?: (v: string) => string | undefined } = {}): Promise<string> {
  const value = await vscode.window.showInputBox({ title, value: options.value, prompt: options.prompt, ignoreFocusOut: true, validateInput: options.validate });
  if (value === undefined) throw new vscode.CancellationError();
  return value;
}

export function integerInput(title: string, current: number | undefined, min: number, max: number): Promise<number> {
  return input(title, {
    value: current === undefined ? '' : String(current),
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max ? undefined : `A whole number from ${min} to ${max}`),
  }).then(Number);
}

/** One modal question; true only for the action button. */
export async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}
