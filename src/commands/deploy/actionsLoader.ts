// The door to the deploy commands' bundle. In the bundle './actions' stays an external require of
// dist/deploy-actions.js (see esbuild.js); under tsc it is actions.js beside this file.
export type DeployActions = typeof import('./actions');

let loading: Promise<DeployActions> | undefined;

export function loadDeployActions(): Promise<DeployActions> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./actions') as DeployActions);
  return loading;
}
