/**
 * Live values from the user's AWS account (ECR images, roles, log groups, secrets...). This module
 * makes no AWS calls: the adapter supplies a `LiveValueProvider`; the core decides where each kind
 * applies, caches answers and gives up after 300 ms so completion never waits on the network.
 */
import type { DocumentKind } from './types';

export type LiveValueKind =
  | 'ecrRepository' // image: repository URIs
  | 'ecrImageTag' // image: tags of `repositoryUri`
  | 'iamRole'
  | 'logGroup'
  | 'secret' // Secrets Manager secret ARNs and SSM parameter ARNs/names
  | 'targetGroup'
  | 'subnet'
  | 'securityGroup'
  | 'cluster'
  | 'taskDefinitionFamily';

export interface LiveValueRequest {
  kind: LiveValueKind;
  /** What is typed so far inside the string. */
  prefix: string;
  /** For `ecrImageTag`: the repository URI before the `:`. */
  repositoryUri?: string;
}

export interface LiveValue {
  value: string;
  label?: string;
  detail?: string;
  documentation?: string;
}

export interface LiveValueProvider {
  provide(request: LiveValueRequest, signal: AbortSignal): Promise<LiveValue[]>;
}

export interface LiveValueCacheOptions {
  /** Give up after this long and answer with what the cache has (default 300 ms). */
  timeoutMs?: number;
  /** How long an answer stays fresh (default 60 s). */
  ttlMs?: number;
  now?: () => number;
}

const cacheKey = (request: Omit<LiveValueRequest, 'prefix'>) => `${request.kind}\u0000${request.repositoryUri ?? ''}`;

interface Entry {
  at: number;
  values?: LiveValue[];
  pending?: Promise<LiveValue[]>;
}

/**
 * Wraps a provider: answers from the cache while fresh; otherwise asks, and if the provider takes
 * longer than `timeoutMs` returns the stale values (or []) while the answer keeps filling the cache.
 */
export class CachedLiveValues {
  private readonly cache = new Map<string, Entry>();
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly provider: LiveValueProvider,
    opts: LiveValueCacheOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 300;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  async get(request: LiveValueRequest, timeoutMs = this.timeoutMs): Promise<LiveValue[]> {
    return (await this.lookup(request, timeoutMs)).values;
  }

  /**
   * The values, and whether the provider is still answering (then completion says the list is
   * incomplete, so the editor asks again as the user types instead of keeping an empty list).
   */
  async lookup(request: LiveValueRequest, timeoutMs = this.timeoutMs): Promise<{ values: LiveValue[]; pending: boolean }> {
    const key = cacheKey(request);
    const entry = this.cache.get(key);
    if (entry?.values && this.now() - entry.at < this.ttlMs) return { values: entry.values, pending: false };
    const stale = entry?.values ?? [];
    let pending = entry?.pending;
    if (!pending) {
      const controller = new AbortController();
      const started = this.now();
      pending = this.provider
        .provide({ ...request, prefix: '' }, controller.signal)
        .then((values) => {
          this.cache.set(key, { at: this.now(), values });
          return values;
        })
        .catch(() => {
          this.cache.set(key, { at: started, values: stale });
          return stale;
        });
      this.cache.set(key, { at: entry?.at ?? 0, values: entry?.values, pending });
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    try {
      const values = await Promise.race([pending, timeout]);
      return values ? { values, pending: false } : { values: stale, pending: true };
    } finally {
      clearTimeout(timer);
    }
  }

  /** What the cache holds for `request`, fresh or stale, without asking the provider. */
  peek(request: Omit<LiveValueRequest, 'prefix'>): LiveValue[] | undefined {
    return this.cache.get(cacheKey(request))?.values;
  }

  clear(): void {
    this.cache.clear();
  }
}

/** An ECR repository URI (standard, FIPS and China hosts), before a `:tag`. */
const ECR_REPOSITORY = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[^:@\s]+$/;

/**
 * `repo:tag-so-far` split at the tag's `:` (a `:` before the last `/` is a registry port), or
 * undefined when `prefix` has no tag part yet.
 */
export function imageTagPrefix(prefix: string): { repositoryUri: string; tag: string } | undefined {
  const colon = prefix.lastIndexOf(':');
  const slash = prefix.lastIndexOf('/');
  if (slash < 0 || colon < slash || prefix.includes('@')) return undefined;
  return { repositoryUri: prefix.slice(0, colon), tag: prefix.slice(colon + 1) };
}

/**
 * Which live values fit at a JSON path of a definition (the path inside the definition object,
 * without a `taskDefinition` wrapper), given the string typed so far. After `repo:` in `image` the
 * tags are asked for when `repo` is an ECR URI or one of `knownRepositories` (the URIs the account
 * listed: a local registry's `host:port/name`, say).
 */
export function liveValueRequestAt(kind: DocumentKind, path: (string | number)[], prefix: string, knownRepositories: readonly string[] = []): LiveValueRequest | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (kind === 'task') {
    if (path[0] === 'containerDefinitions' && last === 'image' && path.length === 3) {
      const tagged = imageTagPrefix(prefix);
      if (tagged && (ECR_REPOSITORY.test(tagged.repositoryUri) || knownRepositories.includes(tagged.repositoryUri))) return { kind: 'ecrImageTag', prefix, repositoryUri: tagged.repositoryUri };
      return { kind: 'ecrRepository', prefix };
    }
    if (path.length === 1 && (last === 'taskRoleArn' || last === 'executionRoleArn')) return { kind: 'iamRole', prefix };
    if (last === 'awslogs-group' && parent === 'options') return { kind: 'logGroup', prefix };
    if (last === 'valueFrom' || last === 'credentialsParameter') return { kind: 'secret', prefix };
    if (path.length === 1 && last === 'family') return { kind: 'taskDefinitionFamily', prefix };
    return undefined;
  }
  if (path.length === 1 && last === 'role') return { kind: 'iamRole', prefix };
  if (path.length === 1 && last === 'cluster') return { kind: 'cluster', prefix };
  if (path.length === 1 && last === 'taskDefinition') return { kind: 'taskDefinitionFamily', prefix };
  if (last === 'targetGroupArn') return { kind: 'targetGroup', prefix };
  if (parent === 'subnets') return { kind: 'subnet', prefix };
  if (parent === 'securityGroups') return { kind: 'securityGroup', prefix };
  return undefined;
}
