// The one door to the task-definition core. In the bundle './taskdefBundle' stays an external
// require of dist/taskdef.js (see esbuild.js), so the core is parsed when the first definition
// opens, not at activation. Every other file of src/editor imports the core with `import type` only.
export type Taskdef = typeof import('./taskdefBundle');

let loading: Promise<Taskdef> | undefined;

export function loadTaskdef(): Promise<Taskdef> {
  // A plain require, not import(): the bundle maps it to dist/taskdef.js, under tsc to taskdefBundle.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./taskdefBundle') as Taskdef);
  return loading;
}

/** True once the core has been asked for: lets tests prove activation did not load it. */
export function isTaskdefRequested(): boolean {
  return loading !== undefined;
}
