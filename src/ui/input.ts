import * as vscode from 'vscode';
import { settleInput } from './stepInput';
import { previousAnswer, recordAnswer, type Asked } from './steps';
import type { PickItem } from './pagedPick';

/**
 * Quick pick that resolves to the item's value, or throws CancellationError when dismissed. In a
 * flow (`asked` a StepView) it has the step's title and Back, and the earlier answer is active.
 */
export function pick<T>(items: PickItem<T>[], asked: Asked, placeHolder?: string): Promise<T> {
  const picker = vscode.window.createQuickPick<PickItem<T>>();
  picker.items = items;
  picker.placeholder = placeHolder;
  const previous = items.find((i) => i.label === previousAnswer(asked)?.label);
  if (previous) picker.activeItems = [previous];
  return settleInput<T>(picker, asked, (finish) => [
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems[0];
      if (!chosen) return;
      recordAnswer(asked, { label: chosen.label });
      finish(chosen.value);
    }),
  ]);
}

/** Several items at once (at least one); the earlier answer comes back selected, else those marked `picked`. */
export function pickMany<T>(items: PickItem<T>[], asked: Asked, placeHolder?: string): Promise<T[]> {
  const picker = vscode.window.createQuickPick<PickItem<T>>();
  picker.canSelectMany = true;
  picker.items = items;
  picker.placeholder = placeHolder;
  const previous = previousAnswer(asked)?.label.split('\n');
  // The earlier answer, else the items marked `picked` (the default VPC's subnets).
  picker.selectedItems = previous ? items.filter((i) => previous.includes(i.label)) : items.filter((i) => i.picked);
  return settleInput<T[]>(picker, asked, (finish) => [
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems;
      if (!chosen.length) {
        picker.placeholder = 'Check at least one, then press Enter';
        return;
      }
      recordAnswer(asked, { label: chosen.map((c) => c.label).join('\n') });
      finish(chosen.map((c) => c.value));
    }),
  ]);
}

/** An input box (the earlier answer as its value in a flow); Enter is refused while `validate` objects. */
export function input(asked: Asked, options: { value?: string; prompt?: string; validate?: (v: string) => string | undefined } = {}): Promise<string> {
  const box = vscode.window.createInputBox();
  box.value = previousAnswer(asked)?.label ?? options.value ?? '';
  box.prompt = options.prompt;
  const check = () => (box.validationMessage = options.validate?.(box.value));
  check();
  return settleInput<string>(box, asked, (finish) => [
    box.onDidChangeValue(check),
    box.onDidAccept(() => {
      if (options.validate?.(box.value)) return;
      recordAnswer(asked, { label: box.value });
      finish(box.value);
    }),
  ]);
}

export function integerInput(asked: Asked, current: number | undefined, min: number, max: number, prompt?: string): Promise<number> {
  return input(asked, {
    value: current === undefined ? '' : String(current),
    prompt,
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max ? undefined : `A whole number from ${min} to ${max}`),
  }).then(Number);
}

/** One modal question; true only for the action button. */
export async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}
