// The one door to the AWS SDK. In the bundle './sdk' stays an external require of dist/sdk.js
// (see esbuild.js), so the SDK is parsed on the first call that needs it, not at activation.
import { once } from '../util/lazy';

export type Sdk = typeof import('./sdk');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = once(() => require('./sdk') as Sdk);

export const loadSdk = sdk.get;

/** True once the SDK has been asked for: lets tests prove activation did not load it. */
export const isSdkRequested = sdk.requested;
