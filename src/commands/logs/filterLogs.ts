/** Filter… (editor title of a log document): a CloudWatch Logs filter pattern, checked as it is typed. */
import * as vscode from 'vscode';
import { validateFilterPattern } from '../../logs/filterPattern';
import type { LogDocuments } from './logDocuments';
import { viewOf } from './viewOf';

export async function filterLogs(documents: LogDocuments, arg: unknown): Promise<{ filterPattern: string } | undefined> {
  const { view } = viewOf(documents, arg);
  const typed = await vscode.window.showInputBox({
    title: `Filter the logs of ${view.title}`,
    prompt: 'CloudWatch Logs filter pattern: ERROR, "exact phrase", ?ERROR ?WARN, -health, { $.level = "error" }. Empty: no filter.',
    value: view.options.filterPattern,
    ignoreFocusOut: true,
    validateInput: (text) => {
      try {
        validateFilterPattern(text);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  if (typed === undefined) return undefined;
  view.options = { ...view.options, filterPattern: validateFilterPattern(typed) };
  await view.load();
  return { filterPattern: view.options.filterPattern };
}
