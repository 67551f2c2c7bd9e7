/**
 * The price book and the estimator through the emulator's Price List, ECS and Auto Scaling with the
 * real SDK over HTTP: GetProducts paged, the endpoint region, the day's cache (in memory and in the
 * store), the snapshot when GetProducts is denied, and the figures a user would read for the demo
 * account's services (worked out by hand from us-east-1's rates: $0.04048 per vCPU-hour, $0.004445
 * per GB-hour, t3.large $0.0832 an hour, 730 h a month; ECR storage $0.10 per GB-month).
 */
import * as assert from 'assert';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { ClientManager } from '../../../src/aws/clientManager';
import { estimateRepositoryCost } from '../../../src/commands/cost/estimators';
import { estimateFargate, formatUsd } from '../../../src/cost/estimate';
import { createCostEstimator } from '../../../src/cost/estimator';
import { createPriceBook, DAY_MS, type PriceStore } from '../../../src/cost/priceBook';
import { snapshotPrices } from '../../../src/cost/snapshot';
import { startEmulator, type EmulatorHandle } from '../../emulator';
import { pricingCatalogue } from '../../emulator/services/pricing/index';

/**
 * ECR storage, which the bundled snapshot does not carry: $0.10 per GB-month in US East (N. Virginia),
 * as https://aws.amazon.com/ecr/pricing/ states it (quoted for March 2026 in
 * https://cloudburn.io/blog/amazon-ecr-pricing), as a Price List AmazonECR product of the test's.
 */
const ECR_STORAGE_PRODUCT = {
  product: { sku: 'TESTECRSTORAGE01', productFamily: 'EC2 Container Registry', attributes: { servicecode: 'AmazonECR', location: 'US East (N. Virginia)', locationType: 'AWS Region', regionCode: 'us-east-1', usagetype: 'USE1-TimedStorage-ByteHrs', operation: '' } },
  serviceCode: 'AmazonECR',
  terms: { OnDemand: { 'TESTECRSTORAGE01.JRTCKXETXF': { offerTermCode: 'JRTCKXETXF', sku: 'TESTECRSTORAGE01', effectiveDate: '2026-03-01T00:00:00Z', termAttributes: {}, priceDimensions: { 'TESTECRSTORAGE01.JRTCKXETXF.6YS6EN2CT7': { rateCode: 'TESTECRSTORAGE01.JRTCKXETXF.6YS6EN2CT7', description: '$0.10 per GB-month of data storage', beginRange: '0', endRange: 'Inf', unit: 'GB-Mo', pricePerUnit: { USD: '0.1000000000' }, appliesTo: [] } } } } },
  version: 'test',
  publicationDate: '2026-03-01T00:00:00Z',
};

class MapStore implements PriceStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): void {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('price book: the AWS Price List through the emulator (real SDK), its cache and its fallback', function () {
  this.timeout(60_000);
  let emulator: EmulatorHandle;
  let clients: ClientManager;
  const saved = { ...process.env };
  const getProducts = (region = 'us-east-1') => emulator.calls(region).get('pricing:GetProducts') ?? 0;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    pricingCatalogue(emulator.region('us-east-1').world.core).add(ECR_STORAGE_PRODUCT);
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_EC2_METADATA_DISABLED: 'true' });
    delete process.env.AWS_PROFILE;
    clients = new ClientManager({ region: 'us-east-1', endpoint: emulator.url }, { maxAttempts: 1, requestTimeoutMs: 10_000, connectTimeoutMs: 5_000 });
  });
  after(async () => {
    clients.dispose();
    process.env = saved;
    await emulator.close();
  });
  afterEach(() => emulator.faults.clear());

  it('reads us-east-1\'s Fargate rates from GetProducts, page by page, and they equal the snapshot\'s: the same estimate', async () => {
    const before = getProducts();
    const book = createPriceBook(clients, { pageSize: 3 });
    const priced = await book.pricesFor({ region: 'us-east-1' });
    const bundled = snapshotPrices('us-east-1')!;
    assert.strictEqual(priced.source, 'price-list');
    assert.deepStrictEqual(priced.prices.fargate, bundled.prices.fargate);
    assert.strictEqual(priced.prices.usageTypePrefix, 'USE1');
    // 8 Fargate products (x86, ARM, Windows with its OS licence, ephemeral storage) at 3 a page.
    assert.strictEqual(getProducts() - before, 3);
    assert.strictEqual(book.fallbackReason('us-east-1'), undefined);
    const shape = { vcpu: 1, memoryGb: 2, os: 'linux', architecture: 'x86_64', ephemeralStorageGb: 20, launchType: 'FARGATE' } as const;
    assert.strictEqual(formatUsd(estimateFargate(shape, priced).monthly), '$36.04');
    assert.strictEqual(estimateFargate(shape, priced).monthly, estimateFargate(shape, bundled).monthly);
  });

  it('asks the Price List endpoint nearest the region browsed: eu-central-1 for Europe, ap-south-1 for Asia Pacific', async () => {
    const book = createPriceBook(clients);
    const [eu, ap] = [getProducts('eu-central-1'), getProducts('ap-south-1')];
    // The provisional snapshot holds us-east-1 only, and the emulator's Price List the snapshot's products.
    await assert.rejects(book.pricesFor({ region: 'eu-west-1' }), /No prices for eu-west-1: the AWS Price List could not be read \(the Price List has no such figure\)/);
    await assert.rejects(book.pricesFor({ region: 'ap-southeast-2' }), /No prices for ap-southeast-2/);
    assert.deepStrictEqual([getProducts('eu-central-1') - eu, getProducts('ap-south-1') - ap], [1, 1]);
  });

  it('caches a day: no second GetProducts within it, none from a new window with the same store, one after the day', async () => {
    let now = Date.parse('2026-12-02T09:00:00Z');
    const store = new MapStore();
    const book = createPriceBook(clients, { store, now: () => now });
    const start = getProducts();
    const first = await book.pricesFor({ region: 'us-east-1' });
    const [again] = await Promise.all([book.pricesFor({ region: 'us-east-1' }), book.pricesFor({ region: 'us-east-1' })]);
    assert.strictEqual(getProducts() - start, 1);
    assert.deepStrictEqual(again, first);
    assert.strictEqual(first.asOf, '2026-12-02T09:00:00.000Z');
    now += DAY_MS - 1;
    const nextWindow = await createPriceBook(clients, { store, now: () => now }).pricesFor({ region: 'us-east-1' });
    assert.deepStrictEqual([nextWindow.source, nextWindow.asOf, getProducts() - start], ['price-list', first.asOf, 1]);
    now += 1;
    assert.strictEqual((await book.pricesFor({ region: 'us-east-1' })).asOf, new Date(now).toISOString());
    assert.strictEqual(getProducts() - start, 2);
  });

  it('falls back to the bundled snapshot when GetProducts is denied, says why, and does not ask again at once', async () => {
    emulator.faults.set({ accessDenied: [{ action: 'pricing:GetProducts' }] });
    const book = createPriceBook(clients);
    const priced = await book.pricesFor({ region: 'us-east-1' });
    assert.deepStrictEqual([priced.source, priced.asOf], ['snapshot', snapshotPrices('us-east-1')!.asOf]);
    assert.match(book.fallbackReason('us-east-1') ?? '', /not authorized|AccessDenied|access/i);
    const asked = getProducts();
    assert.strictEqual((await book.pricesFor({ region: 'us-east-1' })).source, 'snapshot');
    assert.strictEqual(getProducts(), asked, 'a denied read is not retried on every estimate');
    const instance = await book.instanceHourly({ region: 'us-east-1' }, 't3.large');
    assert.deepStrictEqual([instance?.source, instance?.hourly], ['snapshot', 0.0832]);
    assert.strictEqual(await book.ecrStorage({ region: 'us-east-1' }), undefined, 'the snapshot carries no ECR storage price');
  });

  it('prices an EC2 instance hour (AmazonEC2, Linux, shared) and ECR storage (AmazonECR) from the Price List', async () => {
    const book = createPriceBook(clients);
    const t3 = await book.instanceHourly({ region: 'us-east-1' }, 't3.large');
    assert.deepStrictEqual([t3?.source, t3?.hourly], ['price-list', 0.0832]);
    assert.strictEqual(await book.instanceHourly({ region: 'us-east-1' }, 'x9.nothing'), undefined);
    const ecr = await book.ecrStorage({ region: 'us-east-1' });
    assert.deepStrictEqual([ecr?.source, ecr?.gbMonth], ['price-list', 0.1]);
  });

  it('the demo services: api (Fargate 0.5 vCPU / 1 GB, 3 tasks, scaled 2–10) and cache (EC2, its share of a t3.large)', async () => {
    const estimator = createCostEstimator(clients, createPriceBook(clients));
    const scope = { region: 'us-east-1' };
    const ecs = emulator.region('us-east-1').ecs;
    const api = ecs.servicesOf('demo-fargate').get('api')!;
    // 0.5 × $0.04048 + 1 × $0.004445 = $0.024685 an hour: $18.02 a month a task.
    const apiCost = await estimator.estimateService(scope, 'demo-fargate', api);
    assert.strictEqual(apiCost.text, '≈ $54.06/month for 3 tasks · auto scaling 2–10 tasks: $36.04–$180.20/month');
    assert.strictEqual(apiCost.desired.source, 'price-list');
    // 256 of 2048 CPU units (12.5 %) beat 512 of 7680 MiB (6.7 %): 0.125 × $0.0832 = $0.0104 an hour, $7.59 a month.
    const cache = await estimator.estimateService(scope, 'demo-ec2', ecs.servicesOf('demo-ec2').get('cache')!);
    assert.strictEqual(cache.text, '≈ $7.59/month for 1 task');
    assert.strictEqual(cache.desired.capacityProvider, 'EC2');
    assert.match(cache.desired.notes[0], /^An estimate: 12\.5 % of a t3\.large/);
    const batch = await estimator.estimateTaskDefinition({ family: 'b', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'b', image: 'x', cpu: 1024, memory: 512 }] }, scope, 2, undefined, { cluster: 'demo-ec2' });
    // 1024 of 2048 units: half a t3.large, $0.0416 an hour a task; two tasks $60.74 a month.
    assert.strictEqual(batch.text, '≈ $60.74/month for 2 tasks · us-east-1 · Linux/x86 · EC2 share (estimate)');
  });

  it('ECR storage: the sum of a repository\'s image sizes × the GB-month price', async () => {
    const estimator = createCostEstimator(clients, createPriceBook(clients));
    // 3 images of 1.5, 1 and 0.5 GiB: 3 GiB × $0.10 = $0.30 a month.
    const cost = await estimator.estimateRepositoryStorage({ region: 'us-east-1' }, 'demo/api', [1.5 * 2 ** 30, 2 ** 30, 0.5 * 2 ** 30]);
    assert.deepStrictEqual([cost.images, cost.gb, formatUsd(cost.monthly), cost.source], [3, 3, '$0.30', 'price-list']);
  });

  it('a repository of the demo account: its images\' sizes as DescribeImages reports them, summed and priced', async () => {
    const ecr = new ECRClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    try {
      const sizes = ((await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api' }))).imageDetails ?? []).map((i) => i.imageSizeInBytes ?? 0);
      const cost = await estimateRepositoryCost(clients, { region: 'us-east-1' }, 'demo/api');
      const bytes = sizes.reduce((a, b) => a + b, 0);
      assert.deepStrictEqual([cost.repositoryName, cost.images, cost.bytes], ['demo/api', sizes.length, bytes]);
      assert.strictEqual(cost.monthly, (bytes / 2 ** 30) * 0.1);
    } finally {
      ecr.destroy();
    }
  });
});
