/** Follow (editor title of a log document): new lines appended as they are written. */
import type { LogDocuments } from './logDocuments';
import { viewOf } from './viewOf';

export async function followLogs(documents: LogDocuments, arg: unknown): Promise<{ mode: string }> {
  const { view } = viewOf(documents, arg);
  // The view follows from the moment it starts (its header says so at once): the title shows Stop
  // following then too, not only once the live-tail session has answered.
  const starting = view.startFollowing();
  documents.updateContext();
  const mode = await starting;
  documents.updateContext();
  return { mode };
}
