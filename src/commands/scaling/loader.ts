// The door to the auto scaling commands' bundle. In the bundle './actions' stays an external
// require of dist/scaling-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type ScalingActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadScalingActions = once(() => require('./actions') as ScalingActions).get;
