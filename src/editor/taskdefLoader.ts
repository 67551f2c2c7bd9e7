// The one door to the task-definition core. In the bundle './taskdefBundle' stays an external
// require of dist/taskdef.js (see esbuild.js), so the core is parsed when the first definition
// opens, not at activation. Every other file of src/editor imports the core with `import type` only.
import { once } from '../util/lazy';

export type Taskdef = typeof import('./taskdefBundle');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const taskdef = once(() => require('./taskdefBundle') as Taskdef);

export const loadTaskdef = taskdef.get;
