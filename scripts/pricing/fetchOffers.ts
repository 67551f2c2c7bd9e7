/**
 * Reads AWS's public Price List bulk offer files from the network (no credentials needed): the
 * service region index, then each commercial region's current offer file, kept to the products the
 * snapshot reads (region index format:
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/service-region-infex-file-for-service.html).
 */
import type { PriceListProduct } from '../../src/cost/snapshotPriceList';
import { OfferFile, RegionIndex, trimOffer } from './offerFile';

const PRICE_LIST_HOST = 'https://pricing.us-east-1.amazonaws.com';
/** Commercial regions only: GovCloud, ISO and China partitions have their own prices and hosts. */
const COMMERCIAL_REGION = /^(?!us-gov-|us-iso)[a-z]{2}(-[a-z]+)+-\d+$/;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const KEEP: Record<'AmazonECS' | 'AmazonECR', (p: PriceListProduct) => boolean> = {
  AmazonECS: (p) => /Fargate/.test(p.attributes.usagetype ?? ''),
  AmazonECR: (p) => /TimedStorage-ByteHrs$/.test(p.attributes.usagetype ?? ''),
};

/** Each commercial region's current offer file of `service`, trimmed; `log` hears of each region read. */
export async function fetchOffers(service: 'AmazonECS' | 'AmazonECR', log: (line: string) => void): Promise<Record<string, OfferFile>> {
  const index = await getJson<RegionIndex>(`${PRICE_LIST_HOST}/offers/v1.0/aws/${service}/current/region_index.json`);
  const offers: Record<string, OfferFile> = {};
  for (const { regionCode, currentVersionUrl } of Object.values(index.regions).sort((a, b) => a.regionCode.localeCompare(b.regionCode))) {
    if (!COMMERCIAL_REGION.test(regionCode)) continue;
    const offer = trimOffer(await getJson<OfferFile>(`${PRICE_LIST_HOST}${currentVersionUrl}`), KEEP[service]);
    if (!Object.keys(offer.products).length) continue;
    offers[regionCode] = offer;
    log(`${service} ${regionCode}: version ${offer.version}, ${Object.keys(offer.products).length} products kept`);
  }
  return offers;
}
