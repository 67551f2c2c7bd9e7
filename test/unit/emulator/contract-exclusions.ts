/**
 * Where a documented example is itself inconsistent with its model or with what the service
 * documents elsewhere, the differences the contract test excuses, each with its reason. An example
 * id is `service:Operation#index` (the index in generated/examples.json); `path` excuses that member
 * and what is below it. The test fails on an exclusion nothing needs any more.
 */
export interface Exclusion {
  id: string;
  path: string;
  reason: string;
}

export const EXCLUSIONS: Exclusion[] = [];
