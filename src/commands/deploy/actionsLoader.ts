// The door to the deploy commands' bundle. In the bundle './actions' stays an external require of
// dist/deploy-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type DeployActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadDeployActions = once(() => require('./actions') as DeployActions).get;
