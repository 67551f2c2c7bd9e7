/** Follow (editor title of a log document): new lines appended as they are written. */
import type { LogDocuments } from './logDocuments';
import { viewOf } from './viewOf';

export async function followLogs(documents: LogDocuments, arg: unknown): Promise<{ mode: string }> {
  const { view } = viewOf(documents, arg);
  const mode = await view.startFollowing();
  documents.updateContext();
  return { mode };
}
