/** Stop following (editor title of a log document that follows). */
import type { LogDocuments } from './logDocuments';
import { viewOf } from './viewOf';

export function stopFollowingLogs(documents: LogDocuments, arg: unknown): { mode: string } {
  const { view } = viewOf(documents, arg);
  view.stopFollowing();
  documents.updateContext();
  return { mode: view.mode };
}
