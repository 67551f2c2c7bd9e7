// The door to Show Logs' bundle. In the bundle './actions' stays an external require of
// dist/logs-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type LogActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadLogActions = once(() => require('./actions') as LogActions).get;
