/**
 * The price snapshot (src/cost/generated/price-snapshot.json) from the Price List data kept in
 * scripts/pricing/data/: AmazonECS (and AmazonECR, when fetched) regional offer files, the EC2
 * Linux on-demand table, and AWS's region billing codes. Pure apart from reading the data folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FARGATE_USAGE_TYPES, ratesFromPriceList, SnapshotFile, SnapshotRegion } from '../../src/cost/snapshotPriceList';
import { ecrStorageFromOffer, OfferFile, offerToPriceList, prefixInOffer } from './offerFile';

export interface BillingCode {
  prefix: string;
  regionCode: string;
  region: string;
}
export interface Ec2Table {
  source: { repository: string; path: string; commit: string; statedDate: string };
  regions: Record<string, Record<string, string>>;
}
export interface PricingData {
  ecs: Record<string, OfferFile>;
  ecr: Record<string, OfferFile>;
  ec2: Ec2Table;
  billingCodes: BillingCode[];
}

export const DATA_DIR = ['scripts', 'pricing', 'data'];
export const SNAPSHOT_FILE = ['src', 'cost', 'generated', 'price-snapshot.json'];

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** `<dir>/<region>.json` offer files by region; none when the folder is absent. */
function readOffers(dir: string): Record<string, OfferFile> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => [f.slice(0, -'.json'.length), readJson<OfferFile>(path.join(dir, f))]));
}

export function readPricingData(repoRoot: string): PricingData {
  const dir = path.join(repoRoot, ...DATA_DIR);
  return {
    ecs: readOffers(path.join(dir, 'AmazonECS')),
    ecr: readOffers(path.join(dir, 'AmazonECR')),
    ec2: readJson<Ec2Table>(path.join(dir, 'AmazonEC2', 'on-demand-linux.json')),
    billingCodes: readJson<{ codes: BillingCode[] }>(path.join(dir, 'region-billing-codes.json')).codes,
  };
}

/** The region's usagetype prefix: AWS's billing-code table, checked against the offer's own usage types (the offer's alone where the table has no row). */
function regionPrefix(region: string, offer: OfferFile, codes: BillingCode[]): string {
  const inOffer = prefixInOffer(offer, FARGATE_USAGE_TYPES.vcpuHour as string);
  const listed = codes.find((c) => c.regionCode === region)?.prefix;
  if (listed && inOffer && listed !== inOffer) throw new Error(`${region}: the billing-code table says ${listed} but the AmazonECS offer file writes ${inOffer}-.`);
  const prefix = listed ?? inOffer;
  if (!prefix) throw new Error(`${region}: no usagetype prefix (no billing-code row, no Fargate vCPU row in the offer file).`);
  return prefix;
}

function date(iso: string): string {
  return iso.slice(0, 10);
}

/** The snapshot of every region with an AmazonECS offer file; throws on anything it cannot price from the data. */
export function buildSnapshot(data: PricingData): SnapshotFile {
  const regions: Record<string, SnapshotRegion> = {};
  const dates: string[] = [date(data.ec2.source.statedDate)];
  const versions: string[] = [];
  for (const [region, offer] of Object.entries(data.ecs).sort(([a], [b]) => a.localeCompare(b))) {
    if (offer.offerCode !== 'AmazonECS') throw new Error(`${region}: the AmazonECS offer file says offerCode ${offer.offerCode}.`);
    const prefix = regionPrefix(region, offer, data.billingCodes);
    const rates = ratesFromPriceList(region, prefix, offerToPriceList(offer));
    if ('problem' in rates) throw new Error(rates.problem);
    const locations = new Set(Object.values(offer.products).filter((p) => p.attributes.regionCode === region).map((p) => p.attributes.location));
    if (locations.size !== 1) throw new Error(`${region}: the offer file names ${locations.size} locations for the region.`);
    const entry: SnapshotRegion = { region, usageTypePrefix: prefix, location: [...locations][0], fargate: rates.fargate };
    const ec2 = data.ec2.regions[region];
    if (ec2) entry.ec2 = Object.fromEntries(Object.entries(ec2).sort(([a], [b]) => a.localeCompare(b)).map(([type, price]) => [type, Number(price)]));
    const ecrOffer = data.ecr[region];
    const ecr = ecrOffer ? ecrStorageFromOffer(ecrOffer, prefix) : undefined;
    if (ecr !== undefined) {
      entry.ecrStorageGbMonth = ecr;
      dates.push(date(ecrOffer.publicationDate));
    }
    regions[region] = entry;
    dates.push(date(offer.publicationDate));
    versions.push(`${region} ${offer.version}`);
  }
  const ec2 = data.ec2.source;
  const source = `AWS Price List: AmazonECS regional offer files (${versions.join(', ')}); EC2 Linux on-demand (shared tenancy) from the Price List API as generated into ${ec2.repository} ${ec2.path} at ${ec2.commit.slice(0, 12)} (${date(ec2.statedDate)}). Sources: scripts/pricing/data/SOURCES.md.`;
  // The oldest figure's date: the snapshot is no newer than its oldest part.
  return { source, asOf: dates.sort()[0], regions };
}

export function snapshotText(snapshot: SnapshotFile): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
