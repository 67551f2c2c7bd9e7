/**
 * The bundled, dated price snapshot (generated/price-snapshot.json, written by
 * `npm run generate:price-snapshot` from AWS Price List data in scripts/pricing/data/): the prices an
 * estimate uses when the Price List API cannot be reached, and the data the emulator's Price List
 * serves (`snapshotPriceList`), so both give the same estimate.
 */
import snapshotJson from './generated/price-snapshot.json';
import { priceListEntries, SnapshotFile } from './snapshotPriceList';
import type { FargateRates, PricedRegion } from './types';

export type { SnapshotFile, SnapshotRegion } from './snapshotPriceList';

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** AWS Region billing codes: USE1, APS3, MXC1, and EU for eu-west-1. */
const USAGE_TYPE_PREFIX = /^[A-Z]{2,4}\d?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function rateProblems(where: string, rates: Record<string, unknown>): string[] {
  return Object.entries(rates).filter(([, v]) => typeof v !== 'number' || !Number.isFinite(v) || v <= 0).map(([k, v]) => `${where}.${k} is ${JSON.stringify(v)}, not a positive number`);
}

/** The snapshot file checked: region codes, usagetype prefixes, dates and positive rates; throws with every problem found. */
export function checkSnapshot(value: unknown): SnapshotFile {
  const file = value as Partial<SnapshotFile> | null;
  const problems: string[] = [];
  if (!file || typeof file !== 'object') throw new Error('The price snapshot is not an object.');
  if (typeof file.source !== 'string' || !file.source) problems.push('source is missing');
  if (typeof file.asOf !== 'string' || !ISO_DATE.test(file.asOf)) problems.push(`asOf ${JSON.stringify(file.asOf)} is not a YYYY-MM-DD date`);
  const regions = file.regions && typeof file.regions === 'object' ? file.regions : {};
  if (!Object.keys(regions).length) problems.push('no region');
  for (const [code, r] of Object.entries(regions)) {
    if (!REGION_CODE.test(code) || r.region !== code) problems.push(`region ${code}: code or region field (${JSON.stringify(r.region)}) is not a region code`);
    if (typeof r.usageTypePrefix !== 'string' || !USAGE_TYPE_PREFIX.test(r.usageTypePrefix)) problems.push(`${code}.usageTypePrefix ${JSON.stringify(r.usageTypePrefix)} is not a billing code like USE1`);
    if (typeof r.location !== 'string' || !r.location) problems.push(`${code}.location is missing`);
    const fargate = (r.fargate ?? {}) as Partial<FargateRates>;
    if (fargate.vcpuHour === undefined || fargate.gbHour === undefined) problems.push(`${code}.fargate lacks vcpuHour or gbHour`);
    problems.push(...rateProblems(`${code}.fargate`, fargate), ...rateProblems(`${code}.ec2`, r.ec2 ?? {}));
    if (r.ecrStorageGbMonth !== undefined) problems.push(...rateProblems(code, { ecrStorageGbMonth: r.ecrStorageGbMonth }));
  }
  if (problems.length) throw new Error(`The price snapshot is malformed: ${problems.join('; ')}.`);
  return file as SnapshotFile;
}

let checked: SnapshotFile | undefined;
/** The bundled snapshot, checked once on first use. */
export function priceSnapshot(): SnapshotFile {
  checked ??= checkSnapshot(snapshotJson);
  return checked;
}

/** The regions the snapshot covers, sorted. */
export function snapshotRegions(): string[] {
  return Object.keys(priceSnapshot().regions).sort();
}

/** A region's snapshot prices, said to come from the snapshot as of its date; undefined for a region it does not cover. */
export function snapshotPrices(region: string): PricedRegion | undefined {
  const snapshot = priceSnapshot();
  const r = snapshot.regions[region];
  if (!r) return undefined;
  const { location: _location, ...prices } = r;
  return { prices, source: 'snapshot', asOf: snapshot.asOf };
}

/** A region's snapshot as AWS Price List `PriceList` entries (AmazonECS and AmazonEC2), for the emulator's GetProducts. */
export function snapshotPriceList(region: string): string[] | undefined {
  const snapshot = priceSnapshot();
  const r = snapshot.regions[region];
  if (!r) return undefined;
  const { location, ...prices } = r;
  return priceListEntries(prices, location, snapshot.asOf);
}
