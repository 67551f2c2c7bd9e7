/** Load older (editor title of a log document): the window of the same length before the one shown, added at the top. */
import type { LogDocuments } from './logDocuments';
import { viewOf } from './viewOf';

export async function loadOlderLogs(documents: LogDocuments, arg: unknown): Promise<{ added: number }> {
  const { view } = viewOf(documents, arg);
  return { added: await view.loadOlder() };
}
