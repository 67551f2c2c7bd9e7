// The door to the "why did it stop?" bundle. In the bundle './explainStoppedTask' stays an external
// require of dist/diagnose.js (see esbuild.js); under tsc it is explainStoppedTask.js beside this file.
import { once } from '../../util/lazy';

export type DiagnoseCommands = typeof import('./explainStoppedTask');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadDiagnose = once(() => require('./explainStoppedTask') as DiagnoseCommands).get;
