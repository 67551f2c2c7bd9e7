/**
 * Reading the AWS Price List API (`pricing:GetProducts`): the endpoint to ask, the filters, and the
 * `PriceList` entries (JSON strings with `product.attributes` and `terms.OnDemand`) turned into
 * figures with the snapshot's own reader (snapshotPriceList.ts), so live and bundled prices are read
 * alike. https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html
 */
import type { AwsScope, ClientManager } from '../aws/clientManager';
import { readPages } from '../aws/paging';
import { FARGATE_USAGE_TYPES as OFFER_USAGE_TYPES, onDemandUsd, ratesFromPriceList, type PriceListEntry } from './snapshotPriceList';
import type { FargateRates } from './types';

export type PriceListFilter = { Type: 'TERM_MATCH' | 'EQUALS' | 'CONTAINS' | 'ANY_OF' | 'NONE_OF'; Field: string; Value: string };

/** GetProducts' largest page (GetProductsMaxResults, 1–100). */
export const PRICE_LIST_PAGE_SIZE = 100;

/**
 * The Price List Query API answers from us-east-1, eu-central-1 and ap-south-1 (and cn-northwest-1
 * for the China regions) about every region
 * (https://docs.aws.amazon.com/cost-management/latest/userguide/using-price-list-query-api.html):
 * the endpoint nearest the region browsed.
 */
export function priceListEndpointRegion(region: string): string {
  if (region.startsWith('cn-')) return 'cn-northwest-1';
  if (/^(ap|me)-/.test(region)) return 'ap-south-1';
  if (/^(eu|il|af)-/.test(region)) return 'eu-central-1';
  return 'us-east-1';
}

/** GetProducts, every page: the `PriceList` entries as JSON text (the SDK may hand each as a String object). */
export async function getProducts(clients: ClientManager, scope: AwsScope, serviceCode: string, filters: PriceListFilter[], pageSize = PRICE_LIST_PAGE_SIZE): Promise<string[]> {
  const { sdk, client } = await clients.clientWithSdk('pricing', { profile: scope.profile ?? '', region: priceListEndpointRegion(scope.region) });
  const { items } = await readPages<unknown>({}, pageSize, async (NextToken, MaxResults) => {
    const out = await client.send(new sdk.pricing.GetProductsCommand({ ServiceCode: serviceCode, Filters: filters, FormatVersion: 'aws_v1', NextToken, MaxResults }));
    return { items: [...(out.PriceList ?? [])], nextToken: out.NextToken };
  });
  return items.map(String);
}

/** The entries that parse as Price List products (a malformed one is skipped, not fatal). */
function entriesOf(texts: readonly string[]): PriceListEntry[] {
  return texts.flatMap((t) => {
    try {
      const entry = JSON.parse(t) as PriceListEntry;
      return entry?.product?.attributes ? [entry] : [];
    } catch {
      return [];
    }
  });
}

/** Fargate Spot's usage types: the offer files read carry none (SOURCES.md), but a Price List answer that has them is used. */
export const SPOT_USAGE_TYPES: Pick<Record<keyof FargateRates, string>, 'spotVcpuHour' | 'spotGbHour'> = {
  spotVcpuHour: 'SpotUsage-Fargate-vCPU-Hours:perCPU',
  spotGbHour: 'SpotUsage-Fargate-GB-Hours',
};

/** A usagetype without its region prefix (`USE1-Fargate-GB-Hours` → `Fargate-GB-Hours`; us-east-1's EC2 types have none). */
export function usageTypeSuffix(usagetype: string): string {
  return /^[A-Z]{2,4}\d?-/.test(usagetype) ? usagetype.slice(usagetype.indexOf('-') + 1) : usagetype;
}

/**
 * The Fargate products of one region: by `regionCode`, and by `usagetype` (ANY_OF, a comma-separated
 * list, https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_Filter.html)
 * when the region's usage-type prefix is known.
 */
export function fargateFilters(region: string, usageTypePrefix?: string): PriceListFilter[] {
  const filters: PriceListFilter[] = [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: region }];
  const suffixes = [...Object.values(OFFER_USAGE_TYPES), ...Object.values(SPOT_USAGE_TYPES)].filter((t): t is string => !!t);
  if (usageTypePrefix) filters.push({ Type: 'ANY_OF', Field: 'usagetype', Value: suffixes.map((t) => `${usageTypePrefix}-${t}`).join(',') });
  return filters;
}

/** The usage-type prefix the region's Fargate products carry (`USE1`), read back from them. */
export function usageTypePrefixOf(texts: readonly string[]): string | undefined {
  const usagetype = entriesOf(texts).map((e) => e.product.attributes.usagetype ?? '').find((u) => usageTypeSuffix(u) === OFFER_USAGE_TYPES.vcpuHour && u !== OFFER_USAGE_TYPES.vcpuHour);
  return usagetype?.slice(0, usagetype.indexOf('-'));
}

/** The region's Fargate rates among the entries (Spot too when they hold it), or undefined without Linux/x86 vCPU and GB. */
export function fargateRatesOf(region: string, prefix: string, texts: readonly string[]): FargateRates | undefined {
  const read = ratesFromPriceList(region, prefix, texts);
  if ('problem' in read) return undefined;
  const rates: FargateRates = { ...read.fargate };
  for (const entry of entriesOf(texts)) {
    const usd = onDemandUsd(entry)?.price;
    for (const [key, suffix] of Object.entries(SPOT_USAGE_TYPES) as Array<[keyof typeof SPOT_USAGE_TYPES, string]>) {
      if (usd !== undefined && entry.product.attributes.usagetype === `${prefix}-${suffix}`) rates[key] = usd;
    }
  }
  return rates;
}

/**
 * An EC2 instance type's on-demand Linux price, shared tenancy, no pre-installed software, capacity
 * in use (the filters AWS's own examples use for a plain instance-hour).
 */
export function ec2InstanceFilters(region: string, instanceType: string): PriceListFilter[] {
  const term = (Field: string, Value: string): PriceListFilter => ({ Type: 'TERM_MATCH', Field, Value });
  return [term('regionCode', region), term('instanceType', instanceType), term('operatingSystem', 'Linux'), term('tenancy', 'Shared'), term('preInstalledSw', 'NA'), term('capacitystatus', 'Used')];
}

/** The price of the first entry whose usagetype, without its region prefix, is `suffix`. */
function priceOf(texts: readonly string[], suffix: string): number | undefined {
  for (const entry of entriesOf(texts)) {
    const usd = usageTypeSuffix(entry.product.attributes.usagetype ?? '') === suffix ? onDemandUsd(entry) : undefined;
    if (usd) return usd.price;
  }
  return undefined;
}

/** The instance-hour among the products (`BoxUsage:<type>`), not a reservation or dedicated host line. */
export function instanceHourOf(texts: readonly string[], instanceType: string): number | undefined {
  return priceOf(texts, `BoxUsage:${instanceType}`);
}

/** ECR's storage, `<prefix>-TimedStorage-ByteHrs`, priced per GB-month. */
export function ecrStorageOf(texts: readonly string[]): number | undefined {
  return priceOf(texts, 'TimedStorage-ByteHrs');
}
