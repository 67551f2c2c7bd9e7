// The door to the deployment-history commands' bundle. In the bundle './actions' stays an external
// require of dist/history-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type HistoryActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadHistoryActions = once(() => require('./actions') as HistoryActions).get;
