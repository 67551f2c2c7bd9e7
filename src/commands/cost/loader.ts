// The door to the cost estimate's bundle. In the bundle './actions' stays an external require of
// dist/cost-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type CostActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadCostActions = once(() => require('./actions') as CostActions).get;
