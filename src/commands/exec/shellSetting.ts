import * as vscode from 'vscode';
import { SECTION } from '../../config/settings';

export const DEFAULT_SHELL = '/bin/sh';

/**
 * The command Open Shell runs in `container`: setting `ecsWorkbench.exec.shellCommand`, an object
 * keyed by container name with `"*"` for every other container (`{ "api": "/bin/bash", "*": "/bin/sh" }`).
 * Read on every use, so a change applies to the next shell.
 */
export function shellCommandFor(container: string): string {
  const setting = vscode.workspace.getConfiguration(SECTION).get<unknown>('exec.shellCommand');
  const byName = typeof setting === 'object' && setting !== null ? (setting as Record<string, unknown>) : {};
  for (const value of [byName[container], byName['*']]) if (typeof value === 'string' && value.trim()) return value.trim();
  return DEFAULT_SHELL;
}
