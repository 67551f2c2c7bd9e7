// The one door to the AWS SDK. In the bundle './sdk' stays an external require of dist/sdk.js
// (see esbuild.js), so the SDK is parsed on the first call that needs it, not at activation.
export type Sdk = typeof import('./sdk');

let loading: Promise<Sdk> | undefined;

export function loadSdk(): Promise<Sdk> {
  // A plain require, not import(): the bundle maps it to dist/sdk.js, and under mocha to sdk.ts's output.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loading ??= Promise.resolve().then(() => require('./sdk') as Sdk);
  return loading;
}

/** True once the SDK has been asked for: lets tests prove activation did not load it. */
export function isSdkRequested(): boolean {
  return loading !== undefined;
}
