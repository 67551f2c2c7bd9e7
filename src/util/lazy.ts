/**
 * Runs `load` once, on first call, and hands every caller the same promise. The loaders of the
 * lazily required bundles use it; each keeps its own literal require() so esbuild can map it.
 */
export function once<T>(load: () => T): { get(): Promise<T>; requested(): boolean } {
  let loading: Promise<T> | undefined;
  return {
    get: () => (loading ??= Promise.resolve().then(load)),
    requested: () => loading !== undefined,
  };
}
