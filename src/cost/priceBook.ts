/**
 * Where prices come from: the AWS Price List API (`pricing:GetProducts`, its endpoint in us-east-1 /
 * ap-south-1 / eu-central-1 whatever region is browsed), cached for a day in memory and in an
 * injected store (the editor's globalState), else the bundled dated snapshot. Every answer says
 * which it was and as of when.
 */
import { describeAwsError } from '../aws/errors';
import type { AwsScope, ClientManager } from '../aws/clientManager';
import { CostError } from './estimate';
import { ec2InstanceFilters, ecrStorageOf, fargateFilters, fargateRatesOf, getProducts, instanceHourOf, PRICE_LIST_PAGE_SIZE, usageTypePrefixOf } from './priceList';
import { priceSnapshot, snapshotPrices } from './snapshot';
import type { PricedInstance, PricedRegion, PriceSource, RegionPrices } from './types';

/** What a price book keeps between sessions: vscode.Memento (globalState) fits. */
export interface PriceStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void> | void;
}

export interface PriceBookOptions {
  store?: PriceStore;
  now?: () => number;
  /** How long a Price List answer is used (default a day). */
  ttlMs?: number;
  /** How long a failed Price List read is not retried (default 15 minutes): the snapshot answers meanwhile. */
  retryAfterMs?: number;
  /** GetProducts' MaxResults (default its largest, 100). */
  pageSize?: number;
  log?: (message: string) => void;
}

/** A per-GB-month storage price with its source. */
export interface PricedStorage {
  gbMonth: number;
  source: PriceSource;
  asOf: string;
}

export interface PriceBook {
  /** The prices of `scope`'s region, saying whether they came from the Price List or the snapshot. */
  pricesFor(scope: AwsScope): Promise<PricedRegion>;
  /** An EC2 instance type's on-demand Linux hour in `scope`'s region, or undefined when neither source has it. */
  instanceHourly(scope: AwsScope, instanceType: string): Promise<PricedInstance | undefined>;
  /** ECR storage per GB-month in `scope`'s region, or undefined when neither source has it. */
  ecrStorage(scope: AwsScope): Promise<PricedStorage | undefined>;
  /** Why the Price List was not used for the last answer about `region`, when it was not. */
  fallbackReason(region: string): string | undefined;
}

export const DAY_MS = 24 * 3600_000;
const STORE_PREFIX = 'ecsWorkbench.priceList.v1';

interface Stored<T> {
  readAt: number;
  value: T;
}

export function createPriceBook(clients: ClientManager, options: PriceBookOptions = {}): PriceBook {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? DAY_MS;
  const retryAfter = options.retryAfterMs ?? 15 * 60_000;
  // The bundled snapshot, read (and checked) when first needed.
  const snapshot = () => priceSnapshot();
  const pageSize = options.pageSize ?? PRICE_LIST_PAGE_SIZE;
  const memory = new Map<string, Stored<unknown>>();
  const inFlight = new Map<string, Promise<Stored<unknown> | undefined>>();
  const failures = new Map<string, { at: number; reason: string }>();
  const reasons = new Map<string, string | undefined>();

  /** A Price List figure read at most once a day (per key), or undefined with the reason noted. */
  async function fromPriceList<T>(key: string, scope: AwsScope, read: () => Promise<T | undefined>): Promise<Stored<T> | undefined> {
    const fresh = (s: Stored<unknown> | undefined): s is Stored<T> => !!s && now() - s.readAt < ttl;
    const held = memory.get(key) ?? options.store?.get<Stored<T>>(`${STORE_PREFIX}.${key}`);
    if (fresh(held)) {
      memory.set(key, held);
      return held;
    }
    const failureKey = `${scope.profile ?? ''}|${key}`;
    const failed = failures.get(failureKey);
    if (failed && now() - failed.at < retryAfter) {
      reasons.set(scope.region, failed.reason);
      return undefined;
    }
    let pending = inFlight.get(key) as Promise<Stored<T> | undefined> | undefined;
    if (!pending) {
      pending = (async () => {
        try {
          const value = await read();
          if (value === undefined) throw new Error('the Price List has no such figure');
          const stored: Stored<T> = { readAt: now(), value };
          memory.set(key, stored);
          failures.delete(failureKey);
          await options.store?.update(`${STORE_PREFIX}.${key}`, stored);
          return stored;
        } catch (error) {
          const reason = describeAwsError(error, { profile: scope.profile }).message;
          failures.set(failureKey, { at: now(), reason });
          options.log?.(`Price List ${key}: ${reason}; using the bundled snapshot of ${snapshot().asOf}`);
          return undefined;
        } finally {
          inFlight.delete(key);
        }
      })();
      inFlight.set(key, pending);
    }
    const result = await pending;
    reasons.set(scope.region, result ? undefined : failures.get(failureKey)?.reason);
    return result;
  }

  const products = (scope: AwsScope, serviceCode: string, filters: Parameters<typeof getProducts>[3]): Promise<string[]> =>
    getProducts(clients, scope, serviceCode, filters, pageSize);

  return {
    async pricesFor(scope) {
      const region = scope.region;
      const known = snapshot().regions[region]?.usageTypePrefix;
      const read = await fromPriceList<RegionPrices>(`ecs.${region}`, scope, async () => {
        const found = await products(scope, 'AmazonECS', fargateFilters(region, known));
        const usageTypePrefix = known ?? usageTypePrefixOf(found);
        const fargate = usageTypePrefix ? fargateRatesOf(region, usageTypePrefix, found) : undefined;
        return fargate && usageTypePrefix ? { region, usageTypePrefix, fargate } : undefined;
      });
      if (read) return { prices: read.value, source: 'price-list', asOf: new Date(read.readAt).toISOString() };
      const bundled = snapshotPrices(region);
      if (bundled) return bundled;
      throw new CostError(`No prices for ${region}: the AWS Price List could not be read (${reasons.get(region) ?? 'no figure'}) and the bundled snapshot of ${snapshot().asOf} does not list the region.`);
    },

    async instanceHourly(scope, instanceType) {
      const read = await fromPriceList<number>(`ec2.${scope.region}.${instanceType}`, scope, async () =>
        instanceHourOf(await products(scope, 'AmazonEC2', ec2InstanceFilters(scope.region, instanceType)), instanceType));
      if (read) return { instanceType, hourly: read.value, source: 'price-list', asOf: new Date(read.readAt).toISOString() };
      const hourly = snapshot().regions[scope.region]?.ec2?.[instanceType];
      return hourly === undefined ? undefined : { instanceType, hourly, source: 'snapshot', asOf: snapshot().asOf };
    },

    async ecrStorage(scope) {
      const read = await fromPriceList<number>(`ecr.${scope.region}`, scope, async () =>
        ecrStorageOf(await products(scope, 'AmazonECR', [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: scope.region }])));
      if (read) return { gbMonth: read.value, source: 'price-list', asOf: new Date(read.readAt).toISOString() };
      const gbMonth = snapshot().regions[scope.region]?.ecrStorageGbMonth;
      return gbMonth === undefined ? undefined : { gbMonth, source: 'snapshot', asOf: snapshot().asOf };
    },

    fallbackReason: (region) => reasons.get(region),
  };
}
