/**
 * AWS Price List bulk offer files (one service, one region: `/offers/v1.0/aws/<service>/<version>/<region>/index.json`)
 * and how they become GetProducts `PriceList` entries. Format: the regional offer file
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html
 * (products by SKU, `terms.OnDemand[sku][sku.offerTermCode]`), and the service region index
 * https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/service-region-infex-file-for-service.html.
 */
import type { PriceListProduct, PriceTerm } from '../../src/cost/snapshotPriceList';

export interface OfferFile {
  formatVersion: string;
  disclaimer: string;
  offerCode: string;
  version: string;
  publicationDate: string;
  products: Record<string, PriceListProduct>;
  terms: { OnDemand: Record<string, Record<string, PriceTerm>> };
  attributesList?: Record<string, unknown>;
}

/** The service region index: where each region's current offer file is. */
export interface RegionIndex {
  publicationDate: string;
  regions: Record<string, { regionCode: string; currentVersionUrl: string }>;
}

/** Each product of the offer file as GetProducts returns it: the product, its on-demand terms, the offer's version and date. */
export function offerToPriceList(offer: OfferFile): string[] {
  return Object.entries(offer.products).map(([sku, product]) =>
    JSON.stringify({ product, serviceCode: offer.offerCode, terms: { OnDemand: offer.terms.OnDemand[sku] ?? {} }, version: offer.version, publicationDate: offer.publicationDate }),
  );
}

/** The offer file with only the products `keep` accepts and their on-demand terms (what the snapshot reads). */
export function trimOffer(offer: OfferFile, keep: (product: PriceListProduct) => boolean): OfferFile {
  const products = Object.fromEntries(Object.entries(offer.products).filter(([, p]) => keep(p)));
  const onDemand = Object.fromEntries(Object.keys(products).filter((sku) => offer.terms.OnDemand?.[sku]).map((sku) => [sku, offer.terms.OnDemand[sku]]));
  return { formatVersion: offer.formatVersion, disclaimer: offer.disclaimer, offerCode: offer.offerCode, version: offer.version, publicationDate: offer.publicationDate, products, terms: { OnDemand: onDemand } };
}

/** The region's usagetype prefix as its own AmazonECS offer writes it (`USE1` of `USE1-Fargate-vCPU-Hours:perCPU`). */
export function prefixInOffer(offer: OfferFile, suffix: string): string | undefined {
  const prefixes = new Set(Object.values(offer.products).map((p) => p.attributes.usagetype).filter((u) => u?.endsWith(`-${suffix}`)).map((u) => u.slice(0, -suffix.length - 1)));
  return prefixes.size === 1 ? [...prefixes][0] : undefined;
}

/**
 * ECR storage, USD per GB-month, from a region's AmazonECR offer: the `<prefix>-TimedStorage-ByteHrs`
 * product (billing code of ECR storage) priced in GB-Mo with a single tier.
 */
export function ecrStorageFromOffer(offer: OfferFile, prefix: string): number | undefined {
  const prices = new Set<number>();
  for (const [sku, product] of Object.entries(offer.products)) {
    const usage = product.attributes.usagetype;
    if (usage !== `${prefix}-TimedStorage-ByteHrs` && !(prefix === 'USE1' && usage === 'TimedStorage-ByteHrs')) continue;
    for (const term of Object.values(offer.terms.OnDemand[sku] ?? {})) {
      for (const dim of Object.values(term.priceDimensions)) {
        const price = Number(dim.pricePerUnit.USD);
        if (dim.unit === 'GB-Mo' && dim.beginRange === '0' && dim.endRange === 'Inf' && price > 0) prices.add(price);
      }
    }
  }
  return prices.size === 1 ? [...prices][0] : undefined;
}
