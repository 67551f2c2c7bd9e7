// The door to the ECS Exec commands' bundle. In the bundle './actions' stays an external require of
// dist/exec-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
import { once } from '../../util/lazy';

export type ExecActions = typeof import('./actions');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadExecActions = once(() => require('./actions') as ExecActions).get;
