/**
 * The products the Price List serves: generated/price-list.json, the project's bundled price snapshot
 * (AWS's published prices) as AWS writes GetProducts entries — `product` (sku, productFamily,
 * attributes such as `regionCode`, `usagetype`, `location`), `serviceCode`, `terms.OnDemand` keyed
 * `<sku>.<offerTermCode>` with one price dimension (`pricePerUnit.USD`), `version`, `publicationDate`
 * (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html).
 * `npm run generate:emulator-model` writes the file from the snapshot; the emulator reads it as data,
 * as it reads its model, so an estimate made through it equals the snapshot's.
 */
import * as fs from 'fs';
import * as path from 'path';

/** One Price List product as GetProducts returns it (before JSON.stringify). */
export interface PriceListDocument {
  product: { sku: string; productFamily: string; attributes: Record<string, string> };
  serviceCode: string;
  terms: { OnDemand: Record<string, unknown> };
  version: string;
  publicationDate: string;
}

function priceListFile(): string {
  // The source tree's copy first (from out/test/emulator/services/pricing), else beside the build.
  const candidates = [
    path.resolve(__dirname, '..', '..', '..', '..', '..', 'test', 'emulator', 'generated', 'price-list.json'),
    path.resolve(__dirname, '..', '..', 'generated', 'price-list.json'),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`price-list.json not found (looked in ${candidates.join(', ')}): run \`npm run generate:emulator-model\``);
  return file;
}

export class Catalogue {
  private readonly byService = new Map<string, PriceListDocument[]>();

  constructor(entries: string[] = (JSON.parse(fs.readFileSync(priceListFile(), 'utf8')) as { entries: string[] }).entries) {
    for (const entry of entries) this.add(JSON.parse(entry) as PriceListDocument);
  }

  /** A product (a test's, a contract example's), kept in SKU order with the rest. */
  add(doc: PriceListDocument): void {
    const list = this.byService.get(doc.serviceCode) ?? [];
    list.push(doc);
    list.sort((a, b) => a.product.sku.localeCompare(b.product.sku));
    this.byService.set(doc.serviceCode, list);
  }

  serviceCodes(): string[] {
    return [...this.byService.keys()].sort();
  }

  products(serviceCode: string): PriceListDocument[] {
    return this.byService.get(serviceCode) ?? [];
  }
}
