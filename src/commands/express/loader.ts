// The door to the Express Mode bundle. In the bundle './actions' stays an external require of
// dist/express-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type ExpressActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadExpressActions = once(() => require('./actions') as ExpressActions).get;
