import * as vscode from 'vscode';

type Window = { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };

/**
 * Runs `flow` answering its modals with `answer` (or dismissing them). VS Code answers modals as
 * dismissed inside an extension test host before drawing them: their message and detail are read
 * where the extension hands them over. Notifications that are not modal show as usual.
 */
export async function answeringModals<T>(answer: string | undefined, flow: (asked: { message: string; detail?: string }[]) => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as Window;
  const original = window.showWarningMessage;
  const asked: { message: string; detail?: string }[] = [];
  window.showWarningMessage = (message: unknown, options?: unknown, ...rest: unknown[]) => {
    const modal = options as vscode.MessageOptions | undefined;
    if (!modal?.modal) return original.call(vscode.window, message, options, ...rest);
    asked.push({ message: String(message), detail: modal.detail });
    return Promise.resolve(answer);
  };
  try {
    return await flow(asked);
  } finally {
    window.showWarningMessage = original;
  }
}

/** Runs `flow` answering its modals as a person who reads them and presses Cancel; returns what they asked. */
export function declineModals(flow: () => Promise<void>): Promise<{ message: string; detail?: string }[]> {
  return answeringModals(undefined, async (asked) => {
    await flow();
    return asked;
  });
}
