import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildSnapshot, readPricingData, SNAPSHOT_FILE, snapshotText } from '../../../scripts/pricing/buildSnapshot';
import { offerToPriceList } from '../../../scripts/pricing/offerFile';
import { checkSnapshot, priceSnapshot, snapshotPriceList, snapshotPrices, snapshotRegions } from '../../../src/cost/snapshot';
import { PriceListEntry, ratesFromPriceList } from '../../../src/cost/snapshotPriceList';

const REPO = path.resolve(__dirname, '../../../..');

/** The per-second figure rounded to as many significant digits as the page prints. */
function perSecond(hourly: number, pageFigure: string): number {
  const digits = pageFigure.replace(/^0\.0*/, '').length;
  return Number((hourly / 3600).toPrecision(digits));
}

describe('cost: the bundled price snapshot', () => {
  it('regenerated from scripts/pricing/data equals the committed file (run `npm run generate:price-snapshot`)', () => {
    const committed = fs.readFileSync(path.join(REPO, ...SNAPSHOT_FILE), 'utf8');
    assert.strictEqual(snapshotText(buildSnapshot(readPricingData(REPO))), committed);
  });

  it('every region has the billing-code prefix AWS lists for it, a location and positive rates', () => {
    const codes = readPricingData(REPO).billingCodes;
    const snapshot = priceSnapshot();
    assert.ok(snapshotRegions().length > 0);
    assert.match(snapshot.asOf, /^\d{4}-\d{2}-\d{2}$/);
    for (const region of snapshotRegions()) {
      const r = snapshot.regions[region];
      assert.strictEqual(r.region, region);
      assert.match(r.usageTypePrefix, /^[A-Z]{2,4}\d?$/, region);
      const listed = codes.find((c) => c.regionCode === region);
      if (listed) assert.strictEqual(r.usageTypePrefix, listed.prefix, region);
      assert.ok(r.location, region);
      for (const [name, rate] of Object.entries({ ...r.fargate, ...r.ec2 })) assert.ok(typeof rate === 'number' && rate > 0 && Number.isFinite(rate), `${region} ${name}: ${rate}`);
    }
  });

  it('us-east-1 equals the figures AWS publishes', () => {
    const { fargate, ec2, usageTypePrefix } = snapshotPrices('us-east-1')!.prices;
    assert.strictEqual(usageTypePrefix, 'USE1');
    // https://aws.amazon.com/fargate/pricing/, examples "based on price in US East (N. Virginia)":
    // Example 1 (Linux/X86) "CPU cost: $0.000011244 per vCPU second, memory cost: $0.000001235 per GB per second";
    // Example 2 (Linux/ARM) $0.0000089944 per vCPU-second and $0.0000009889 per GB-second.
    assert.strictEqual(perSecond(fargate.vcpuHour, '0.000011244'), 0.000011244);
    assert.strictEqual(perSecond(fargate.gbHour, '0.000001235'), 0.000001235);
    assert.strictEqual(perSecond(fargate.armVcpuHour!, '0.0000089944'), 0.0000089944);
    assert.strictEqual(perSecond(fargate.armGbHour!, '0.0000009889'), 0.0000009889);
    // AWS's AmazonECS offer file for us-east-1, version 20250828172723 (SOURCES.md), as it prints them.
    assert.deepStrictEqual(fargate, {
      vcpuHour: 0.04048, gbHour: 0.004445, armVcpuHour: 0.03238, armGbHour: 0.00356,
      windowsVcpuHour: 0.046552, windowsGbHour: 0.00511175, windowsOsVcpuHour: 0.046, ephemeralStorageGbHour: 0.000111,
    });
    // Linux on-demand per instance-hour as AWS's Karpenter generated them from the Price List API (2026-01-19, SOURCES.md).
    assert.deepStrictEqual({ m5: ec2?.['m5.large'], c5: ec2?.['c5.large'], t3: ec2?.['t3.medium'], m6g: ec2?.['m6g.large'] }, { m5: 0.096, c5: 0.085, t3: 0.0416, m6g: 0.077 });
  });

  it('says it comes from the snapshot, as of its date, and knows no other region', () => {
    const priced = snapshotPrices('us-east-1')!;
    assert.strictEqual(priced.source, 'snapshot');
    assert.strictEqual(priced.asOf, priceSnapshot().asOf);
    assert.ok(!('location' in priced.prices));
    assert.strictEqual(snapshotPrices('xx-nowhere-1'), undefined);
    assert.strictEqual(snapshotPriceList('xx-nowhere-1'), undefined);
  });

  it('its Price List entries read back to the same rates', () => {
    for (const region of snapshotRegions()) {
      const { fargate, ec2, usageTypePrefix } = snapshotPrices(region)!.prices;
      assert.deepStrictEqual(ratesFromPriceList(region, usageTypePrefix, snapshotPriceList(region)!), ec2 ? { fargate, ec2 } : { fargate });
    }
  });

  it('its Fargate entries are shaped as AWS writes the same products (all but the SKU)', () => {
    const awsEntries = offerToPriceList(readPricingData(REPO).ecs['us-east-1']).map((t) => JSON.parse(t) as PriceListEntry);
    const ours = snapshotPriceList('us-east-1')!.map((t) => JSON.parse(t) as PriceListEntry).filter((e) => e.serviceCode === 'AmazonECS');
    assert.ok(ours.length >= 8);
    for (const entry of ours) {
      const aws = awsEntries.find((e) => e.product.attributes.usagetype === entry.product.attributes.usagetype);
      assert.ok(aws, entry.product.attributes.usagetype);
      assert.strictEqual(entry.product.productFamily, aws.product.productFamily);
      assert.deepStrictEqual(entry.product.attributes, aws.product.attributes);
      const [ourTerm, awsTerm] = [entry, aws].map((e) => Object.values(e.terms.OnDemand!)[0]);
      const [ourDim, awsDim] = [ourTerm, awsTerm].map((t) => Object.values(t.priceDimensions)[0]);
      assert.deepStrictEqual(Object.keys(ourTerm).sort(), Object.keys(awsTerm).sort());
      assert.deepStrictEqual(Object.keys(ourDim).sort(), Object.keys(awsDim).sort());
      assert.deepStrictEqual([ourTerm.offerTermCode, ourDim.unit, ourDim.beginRange, ourDim.endRange, ourDim.pricePerUnit], [awsTerm.offerTermCode, awsDim.unit, awsDim.beginRange, awsDim.endRange, awsDim.pricePerUnit]);
      assert.match(ourDim.rateCode, new RegExp(`^${entry.product.sku}\\.JRTCKXETXF\\.6YS6EN2CT7$`));
    }
  });

  it('writes EC2 entries with the usage type and attributes GetProducts is filtered on', () => {
    const m5 = snapshotPriceList('us-east-1')!.map((t) => JSON.parse(t) as PriceListEntry).find((e) => e.product.attributes.instanceType === 'm5.large')!;
    assert.strictEqual(m5.serviceCode, 'AmazonEC2');
    assert.deepStrictEqual([m5.product.productFamily, m5.product.attributes.usagetype, m5.product.attributes.operatingSystem, m5.product.attributes.tenancy, m5.product.attributes.capacitystatus, m5.product.attributes.preInstalledSw], ['Compute Instance', 'BoxUsage:m5.large', 'Linux', 'Shared', 'Used', 'NA']);
    assert.strictEqual(Object.values(Object.values(m5.terms.OnDemand!)[0].priceDimensions)[0].pricePerUnit.USD, '0.0960000000');
  });

  it('the generator refuses a prefix the offer file contradicts', () => {
    const data = readPricingData(REPO);
    data.billingCodes = data.billingCodes.map((c) => (c.regionCode === 'us-east-1' ? { ...c, prefix: 'USW2' } : c));
    assert.throws(() => buildSnapshot(data), /us-east-1: the billing-code table says USW2 but the AmazonECS offer file writes USE1-/);
  });

  it('a malformed snapshot is refused with what is wrong', () => {
    const good = JSON.parse(fs.readFileSync(path.join(REPO, ...SNAPSHOT_FILE), 'utf8')) as ReturnType<typeof priceSnapshot>;
    assert.doesNotThrow(() => checkSnapshot(good));
    const bad = structuredClone(good);
    bad.asOf = 'yesterday';
    bad.regions['us-east-1'].usageTypePrefix = 'use1';
    bad.regions['us-east-1'].fargate.gbHour = -1;
    assert.throws(() => checkSnapshot(bad), (e: Error) => /asOf "yesterday"/.test(e.message) && /usageTypePrefix "use1"/.test(e.message) && /fargate\.gbHour is -1/.test(e.message));
  });
});
