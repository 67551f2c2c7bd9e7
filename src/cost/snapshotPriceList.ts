/**
 * AWS Price List entries (the JSON strings of `pricing:GetProducts`' `PriceList`) ↔ a region's rates.
 * One reader for both directions of the snapshot: the generator (scripts/pricing/) reads AWS's offer
 * files through it, and `priceListEntries` writes the snapshot back in AWS's format for the emulator,
 * so an estimate through the emulator's Price List equals the snapshot's.
 *
 * Format as AWS publishes it (offer file AmazonECS us-east-1 version 20250828172723, kept in
 * scripts/pricing/data/): `product` {sku, productFamily, attributes {servicecode, location, regionCode,
 * usagetype, operation…}}, `terms.OnDemand[sku.JRTCKXETXF].priceDimensions[sku.JRTCKXETXF.6YS6EN2CT7]`
 * {unit, beginRange "0", endRange "Inf", pricePerUnit {USD: "0.0404800000"}}. A GetProducts entry is one
 * such product with its own terms, `serviceCode`, `version` and `publicationDate` (the pricing model's
 * PriceList: "both the product metadata and the price information"; a captured AmazonECS response is
 * cited in scripts/pricing/data/SOURCES.md).
 */
import type { FargateRates, PriceSnapshot, RegionPrices } from './types';

/** A region as the snapshot file keeps it: its rates and the Price List's name of its location. */
export interface SnapshotRegion extends RegionPrices {
  /** The Price List `location` attribute, e.g. "US East (N. Virginia)". */
  location: string;
}
/** The snapshot file: a PriceSnapshot whose regions also carry their Price List location. */
export interface SnapshotFile extends PriceSnapshot {
  regions: Record<string, SnapshotRegion>;
}

/** The Fargate rates and their `usagetype` after the region prefix, as the AmazonECS offer spells them. */
export const FARGATE_USAGE_TYPES: Record<keyof FargateRates, string | undefined> = {
  vcpuHour: 'Fargate-vCPU-Hours:perCPU',
  gbHour: 'Fargate-GB-Hours',
  armVcpuHour: 'Fargate-ARM-vCPU-Hours:perCPU',
  armGbHour: 'Fargate-ARM-GB-Hours',
  windowsVcpuHour: 'Fargate-Windows-vCPU-Hours:perCPU',
  windowsGbHour: 'Fargate-Windows-GB-Hours',
  windowsOsVcpuHour: 'Fargate-Windows-OS-Hours:perCPU',
  ephemeralStorageGbHour: 'Fargate-EphemeralStorage-GB-Hours',
  // No Spot row in the AmazonECS offer files read (scripts/pricing/data/SOURCES.md): Spot is not read from the Price List.
  spotVcpuHour: undefined,
  spotGbHour: undefined,
};

/** The attributes AWS gives each Fargate product besides the common ones (from the us-east-1 offer file). */
const FARGATE_ATTRIBUTES: Partial<Record<keyof FargateRates, Record<string, string>>> = {
  vcpuHour: { tenancy: 'Shared', cputype: 'perCPU' },
  gbHour: { tenancy: 'Shared', memorytype: 'perGB' },
  armVcpuHour: { tenancy: 'Shared', cpuArchitecture: 'ARM', cputype: 'perCPU', resource: 'per vCPU per hour' },
  armGbHour: { tenancy: 'Shared', cpuArchitecture: 'ARM', memorytype: 'perGB', resource: 'per GB per hour' },
  windowsVcpuHour: { tenancy: 'Shared', operatingSystem: 'Windows', cputype: 'perCPU', resource: 'per vCPU per hour' },
  windowsGbHour: { tenancy: 'Shared', operatingSystem: 'Windows', memorytype: 'perGB', resource: 'per GB per hour' },
  windowsOsVcpuHour: { tenancy: 'Shared', operatingSystem: 'Windows', cputype: 'perCPU OS License Fee', resource: 'OS License Fee per vCPU per hour' },
  ephemeralStorageGbHour: { storagetype: 'default' },
};

/** How AWS's descriptions name each Fargate product ("AWS Fargate - ARM - vCPU - <location>"). */
const FARGATE_LABELS: Partial<Record<keyof FargateRates, string>> = {
  vcpuHour: 'vCPU', gbHour: 'Memory', armVcpuHour: 'ARM - vCPU', armGbHour: 'ARM - Memory',
  windowsVcpuHour: 'Windows - vCPU', windowsGbHour: 'Windows - Memory', windowsOsVcpuHour: 'Windows - OS', ephemeralStorageGbHour: 'Ephemeral Storage',
};

/** The `unit` of each Fargate price dimension in the offer file. */
const FARGATE_UNITS: Partial<Record<keyof FargateRates, string>> = { ephemeralStorageGbHour: 'GB-Hours' };

/** AWS's term code for on-demand and rate code for its single all-usage tier, the same in every offer file read. */
const ON_DEMAND_TERM = 'JRTCKXETXF';
const SINGLE_TIER_RATE = '6YS6EN2CT7';

export interface PriceListProduct {
  sku: string;
  productFamily: string;
  attributes: Record<string, string>;
}
export interface PriceDimension {
  rateCode: string;
  description: string;
  beginRange: string;
  endRange: string;
  unit: string;
  pricePerUnit: Record<string, string>;
  appliesTo: string[];
}
export interface PriceTerm {
  offerTermCode: string;
  sku: string;
  effectiveDate: string;
  priceDimensions: Record<string, PriceDimension>;
  termAttributes: Record<string, string>;
}
/** One `PriceList` entry of GetProducts, parsed. */
export interface PriceListEntry {
  product: PriceListProduct;
  serviceCode: string;
  terms: { OnDemand?: Record<string, PriceTerm> };
  version: string;
  publicationDate: string;
}

/** The usagetype of EC2 Linux on-demand usage: us-east-1's carries no prefix in the AmazonEC2 offer ("BoxUsage:p4d.24xlarge"). */
export function ec2UsageType(prefix: string, region: string, instanceType: string): string {
  return region === 'us-east-1' ? `BoxUsage:${instanceType}` : `${prefix}-BoxUsage:${instanceType}`;
}

/** The single-tier on-demand USD price of an entry, or undefined when it has none (tiered, zero, other currency). */
export function onDemandUsd(entry: PriceListEntry): { price: number; unit: string } | undefined {
  const found: { price: number; unit: string }[] = [];
  for (const term of Object.values(entry.terms.OnDemand ?? {})) {
    for (const dim of Object.values(term.priceDimensions)) {
      const price = Number(dim.pricePerUnit.USD);
      if (dim.beginRange === '0' && dim.endRange === 'Inf' && Number.isFinite(price) && price > 0) found.push({ price, unit: dim.unit });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

function parseEntries(entries: readonly string[]): PriceListEntry[] {
  return entries.map((text) => JSON.parse(text) as PriceListEntry);
}

/** A region's Fargate and EC2 rates from Price List entries (AmazonECS and AmazonEC2), or what is missing. */
export function ratesFromPriceList(region: string, prefix: string, entries: readonly string[]): Pick<RegionPrices, 'fargate' | 'ec2'> | { problem: string } {
  const byUsageType = new Map<string, { price: number; unit: string }[]>();
  const ec2: Record<string, number> = {};
  for (const entry of parseEntries(entries)) {
    const a = entry.product.attributes;
    if (a.regionCode !== undefined && a.regionCode !== region) continue;
    const usd = onDemandUsd(entry);
    if (!usd) continue;
    if (entry.serviceCode === 'AmazonEC2') {
      if (a.usagetype === ec2UsageType(prefix, region, a.instanceType) && a.operatingSystem === 'Linux' && a.tenancy === 'Shared' && a.preInstalledSw === 'NA' && a.capacitystatus === 'Used') ec2[a.instanceType] = usd.price;
      continue;
    }
    const list = byUsageType.get(a.usagetype) ?? [];
    list.push(usd);
    byUsageType.set(a.usagetype, list);
  }
  const fargate: Partial<FargateRates> = {};
  for (const [key, suffix] of Object.entries(FARGATE_USAGE_TYPES) as [keyof FargateRates, string | undefined][]) {
    if (!suffix) continue;
    const rows = byUsageType.get(`${prefix}-${suffix}`) ?? [];
    const unit = FARGATE_UNITS[key] ?? 'hours';
    const prices = [...new Set(rows.filter((r) => r.unit === unit).map((r) => r.price))];
    if (prices.length > 1) return { problem: `${region}: ${prefix}-${suffix} has ${prices.length} different on-demand prices (${prices.join(', ')}).` };
    if (prices.length === 1) fargate[key] = prices[0];
  }
  if (fargate.vcpuHour === undefined || fargate.gbHour === undefined) return { problem: `${region}: no ${prefix}-${FARGATE_USAGE_TYPES.vcpuHour} / ${prefix}-${FARGATE_USAGE_TYPES.gbHour} on-demand price in the Price List entries.` };
  return Object.keys(ec2).length ? { fargate: fargate as FargateRates, ec2 } : { fargate: fargate as FargateRates };
}

/**
 * A stable SKU of our own for an entry written from the snapshot: AWS's SKUs are opaque ids that
 * readers never interpret (they key on `usagetype`), and the snapshot keeps rates, not SKUs.
 */
function snapshotSku(key: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    h1 = Math.imul(h1 ^ key.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ key.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  let sku = '';
  for (let i = 0; i < 16; i++) sku += alphabet[((i < 8 ? h1 : h2) >>> ((i % 8) * 4)) % alphabet.length];
  return sku;
}

interface EntryInput {
  serviceCode: string;
  productFamily: string;
  attributes: Record<string, string>;
  unit: string;
  description: string;
  price: number;
}

function entryText(input: EntryInput, asOf: string): string {
  const sku = snapshotSku(`${input.serviceCode}|${input.attributes.regionCode}|${input.attributes.usagetype}|${input.attributes.operation}`);
  const term = `${sku}.${ON_DEMAND_TERM}`;
  const rate = `${term}.${SINGLE_TIER_RATE}`;
  const entry: PriceListEntry = {
    product: { sku, productFamily: input.productFamily, attributes: input.attributes },
    serviceCode: input.serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          offerTermCode: ON_DEMAND_TERM,
          sku,
          effectiveDate: `${asOf}T00:00:00Z`,
          priceDimensions: { [rate]: { rateCode: rate, description: input.description, beginRange: '0', endRange: 'Inf', unit: input.unit, pricePerUnit: { USD: input.price.toFixed(10) }, appliesTo: [] } },
          termAttributes: {},
        },
      },
    },
    version: `${asOf.replace(/-/g, '')}000000`,
    publicationDate: `${asOf}T00:00:00Z`,
  };
  return JSON.stringify(entry);
}

/**
 * A region's snapshot as Price List entries in AWS's format: AmazonECS (Fargate) and AmazonEC2
 * (Linux on-demand, shared tenancy) products, one JSON string each, as GetProducts returns them.
 * `location` is the Price List's own name of the region ("US East (N. Virginia)").
 */
export function priceListEntries(prices: RegionPrices, location: string, asOf: string): string[] {
  const common = { location, locationType: 'AWS Region', regionCode: prices.region, operation: '' };
  const out: string[] = [];
  for (const [key, suffix] of Object.entries(FARGATE_USAGE_TYPES) as [keyof FargateRates, string | undefined][]) {
    const price = prices.fargate[key];
    if (!suffix || price === undefined) continue;
    const attributes = { servicecode: 'AmazonECS', servicename: 'Amazon Elastic Container Service', ...common, usagetype: `${prices.usageTypePrefix}-${suffix}`, ...FARGATE_ATTRIBUTES[key] };
    out.push(entryText({ serviceCode: 'AmazonECS', productFamily: 'Compute', attributes, unit: FARGATE_UNITS[key] ?? 'hours', description: `AWS Fargate - ${FARGATE_LABELS[key]} - ${location}`, price }, asOf));
  }
  for (const [instanceType, price] of Object.entries(prices.ec2 ?? {})) {
    const attributes = {
      servicecode: 'AmazonEC2', servicename: 'Amazon Elastic Compute Cloud', ...common, operation: 'RunInstances',
      instanceType, usagetype: ec2UsageType(prices.usageTypePrefix, prices.region, instanceType),
      operatingSystem: 'Linux', tenancy: 'Shared', licenseModel: 'No License required', preInstalledSw: 'NA', capacitystatus: 'Used', marketoption: 'OnDemand',
    };
    out.push(entryText({ serviceCode: 'AmazonEC2', productFamily: 'Compute Instance', attributes, unit: 'Hrs', description: `$${price} per On Demand Linux ${instanceType} Instance Hour`, price }, asOf));
  }
  return out;
}
