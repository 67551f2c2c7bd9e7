// The entry of dist/history-actions.js: what the deployment-history commands load on first use.
import type { PausedDeployment } from '../../explorer/explorerNode';
import { notifyPausedDeployment } from '../deploy/pausedNotification';

export { listServiceDeployments } from './listServiceDeployments';
export { compareServiceRevisions } from './compareServiceRevisions';

export function notifyPaused(paused: PausedDeployment): void {
  notifyPausedDeployment(paused);
}
