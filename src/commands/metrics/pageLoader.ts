// The door to the service page's bundle. In the bundle './page' stays an external require of
// dist/metrics-page.js (see esbuild.js); under tsc it is page.js beside this file.
import { once } from '../../util/lazy';

export type MetricsPage = typeof import('./page');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadMetricsPage = once(() => require('./page') as MetricsPage).get;
