/** Time range… (editor title of a log document): last 5 min … 24 h, or a custom start and end. */
import * as vscode from 'vscode';
import { customWindow, PRESET_RANGES, TimeRangeError, windowSince } from '../../logs/timeRange';
import type { LogDocuments } from './logDocuments';
import { viewOf } from './viewOf';

const LABELS: Record<(typeof PRESET_RANGES)[number], string> = { '5m': 'Last 5 minutes', '15m': 'Last 15 minutes', '1h': 'Last hour', '2h': 'Last 2 hours', '24h': 'Last 24 hours' };

function check(text: string, read: (t: string) => unknown): string | undefined {
  try {
    read(text);
    return undefined;
  } catch (error) {
    return error instanceof TimeRangeError ? error.message : String(error);
  }
}

export async function logTimeRange(documents: LogDocuments, arg: unknown): Promise<{ start: string; end?: string } | undefined> {
  const { view } = viewOf(documents, arg);
  const picked = await vscode.window.showQuickPick([...PRESET_RANGES.map((r) => ({ label: LABELS[r], value: r as string })), { label: 'Custom…', description: 'a start and an end (ISO times or 3h, 90m…)', value: 'custom' }], {
    title: `Time range of ${view.title}`,
  });
  if (!picked) return undefined;
  let window;
  if (picked.value === 'custom') {
    const now = Date.now();
    const start = await vscode.window.showInputBox({ title: 'Start', prompt: 'An ISO time (2025-01-15T09:00:00Z) or a length before now (3h, 90m)', ignoreFocusOut: true, validateInput: (t) => check(t, (x) => windowSince(x, now)) });
    if (start === undefined) return undefined;
    const end = await vscode.window.showInputBox({ title: 'End', prompt: 'An ISO time or a length before now; empty: now', ignoreFocusOut: true, validateInput: (t) => check(t, (x) => customWindow(start, x, now)) });
    if (end === undefined) return undefined;
    window = customWindow(start, end, now);
  } else {
    window = windowSince(picked.value, Date.now());
  }
  view.options = { ...view.options, window };
  await view.load();
  return { start: new Date(window.start).toISOString(), end: window.end === undefined ? undefined : new Date(window.end).toISOString() };
}
