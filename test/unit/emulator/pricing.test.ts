/**
 * The emulator's AWS Price List: the real SDK over HTTP (GetProducts paged and filtered as AWS
 * documents, DescribeServices, GetAttributeValues, tokens bound to their query) and the real AWS CLI
 * (`aws pricing get-products --endpoint-url …`, Debian's /usr/bin/aws; skipped without it).
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeServicesCommand, GetAttributeValuesCommand, GetProductsCommand, PricingClient, type Filter } from '@aws-sdk/client-pricing';
import { sdkConfig, useEmulator } from './helpers';

const SNAPSHOT = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../src/cost/generated/price-snapshot.json'), 'utf8'));

type Doc = { product: { sku: string; productFamily: string; attributes: Record<string, string> }; serviceCode: string; terms: { OnDemand: Record<string, { offerTermCode: string; priceDimensions: Record<string, { unit: string; pricePerUnit: { USD: string } }> }> } };
const parse = (items: unknown[] | undefined): Doc[] => (items ?? []).map((i) => JSON.parse(String(i)) as Doc);
const usd = (d: Doc) => Number(Object.values(Object.values(d.terms.OnDemand)[0].priceDimensions)[0].pricePerUnit.USD);
const term = (Type: Filter['Type'], Field: string, Value: string): Filter => ({ Type, Field, Value });

describe('emulator: AWS Price List (GetProducts, DescribeServices, GetAttributeValues)', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ seed: 'empty' });
  let client: PricingClient;
  before(() => {
    client = new PricingClient(sdkConfig(ctx.emu, 'us-east-1'));
  });
  after(() => client.destroy());

  it('GetProducts pages AmazonECS for us-east-1 with MaxResults and NextToken, in AWS\'s aws_v1 format, at the snapshot\'s prices', async () => {
    const docs: Doc[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new GetProductsCommand({ ServiceCode: 'AmazonECS', Filters: [term('TERM_MATCH', 'regionCode', 'us-east-1')], FormatVersion: 'aws_v1', MaxResults: 3, NextToken: token }));
      assert.strictEqual(out.FormatVersion, 'aws_v1');
      assert.ok((out.PriceList ?? []).length <= 3);
      docs.push(...parse(out.PriceList));
      token = out.NextToken;
      pages++;
    } while (token);
    const fargate = SNAPSHOT.regions['us-east-1'].fargate as Record<string, number>;
    assert.strictEqual(docs.length, Object.keys(fargate).length);
    assert.strictEqual(pages, Math.ceil(docs.length / 3));
    const vcpu = docs.find((d) => d.product.attributes.usagetype === 'USE1-Fargate-vCPU-Hours:perCPU')!;
    assert.deepStrictEqual([vcpu.serviceCode, vcpu.product.productFamily, vcpu.product.attributes.location, vcpu.product.attributes.regionCode, usd(vcpu)], ['AmazonECS', 'Compute', 'US East (N. Virginia)', 'us-east-1', fargate.vcpuHour]);
    const [termKey, onDemand] = Object.entries(vcpu.terms.OnDemand)[0];
    assert.strictEqual(termKey, `${vcpu.product.sku}.JRTCKXETXF`);
    assert.strictEqual(onDemand.offerTermCode, 'JRTCKXETXF');
    assert.strictEqual(Object.values(onDemand.priceDimensions)[0].unit, 'hours');
    assert.strictEqual(new Set(docs.map((d) => d.product.sku)).size, docs.length, 'one SKU a product');
  });

  it('filters as AWS documents: ANY_OF and NONE_OF comma-separated, CONTAINS, EQUALS, all of them holding', async () => {
    const products = async (serviceCode: string, ...filters: Filter[]) => parse((await client.send(new GetProductsCommand({ ServiceCode: serviceCode, Filters: filters }))).PriceList);
    const anyOf = await products('AmazonECS', term('TERM_MATCH', 'regionCode', 'us-east-1'), term('ANY_OF', 'usagetype', 'USE1-Fargate-vCPU-Hours:perCPU, USE1-Fargate-GB-Hours'));
    assert.deepStrictEqual(anyOf.map((d) => d.product.attributes.usagetype).sort(), ['USE1-Fargate-GB-Hours', 'USE1-Fargate-vCPU-Hours:perCPU']);
    assert.ok((await products('AmazonECS', term('CONTAINS', 'usagetype', 'Windows'))).every((d) => d.product.attributes.operatingSystem === 'Windows'));
    assert.ok((await products('AmazonECS', term('NONE_OF', 'usagetype', 'USE1-Fargate-GB-Hours'))).every((d) => d.product.attributes.usagetype !== 'USE1-Fargate-GB-Hours'));
    const ec2 = await products('AmazonEC2', term('TERM_MATCH', 'regionCode', 'us-east-1'), term('TERM_MATCH', 'instanceType', 't3.large'), term('TERM_MATCH', 'operatingSystem', 'Linux'), term('TERM_MATCH', 'tenancy', 'Shared'), term('TERM_MATCH', 'preInstalledSw', 'NA'), term('TERM_MATCH', 'capacitystatus', 'Used'));
    assert.deepStrictEqual(ec2.map((d) => [d.product.attributes.usagetype, usd(d)]), [['BoxUsage:t3.large', SNAPSHOT.regions['us-east-1'].ec2['t3.large']]]);
    assert.deepStrictEqual(await products('AmazonECS', term('EQUALS', 'regionCode', 'us-east-1'), term('EQUALS', 'usagetype', 'no-such-usage')), []);
    assert.deepStrictEqual(await products('AmazonNothing'), [], 'an unknown service has no products');
  });

  it('DescribeServices lists the service codes with their attribute names; GetAttributeValues pages an attribute\'s values', async () => {
    const all = await client.send(new DescribeServicesCommand({ FormatVersion: 'aws_v1' }));
    assert.deepStrictEqual(all.Services?.map((s) => s.ServiceCode), ['AmazonEC2', 'AmazonECS']);
    const ecs = await client.send(new DescribeServicesCommand({ ServiceCode: 'AmazonECS' }));
    assert.ok(['regionCode', 'usagetype', 'location', 'servicecode'].every((a) => ecs.Services?.[0].AttributeNames?.includes(a)), JSON.stringify(ecs.Services));
    const first = await client.send(new GetAttributeValuesCommand({ ServiceCode: 'AmazonECS', AttributeName: 'usagetype', MaxResults: 2 }));
    assert.strictEqual(first.AttributeValues?.length, 2);
    assert.ok(first.NextToken);
    const rest = await client.send(new GetAttributeValuesCommand({ ServiceCode: 'AmazonECS', AttributeName: 'usagetype', MaxResults: 100, NextToken: first.NextToken }));
    const values = [...first.AttributeValues!, ...rest.AttributeValues!].map((v) => v.Value);
    assert.deepStrictEqual(values, [...values].sort());
    assert.ok(values.includes('USE1-Fargate-EphemeralStorage-GB-Hours'), values.join());
  });

  it('refuses what AWS refuses: a token of another query, a page size out of range, a service code with other characters', async () => {
    const first = await client.send(new GetProductsCommand({ ServiceCode: 'AmazonECS', MaxResults: 1 }));
    await assert.rejects(client.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', MaxResults: 1, NextToken: first.NextToken })), (e: Error) => e.name === 'InvalidNextTokenException' && /pagination token is invalid/.test(e.message));
    await assert.rejects(client.send(new GetProductsCommand({ ServiceCode: 'AmazonECS', MaxResults: 101 })), (e: Error) => e.name === 'InvalidParameterException');
    await assert.rejects(client.send(new GetProductsCommand({ ServiceCode: 'Amazon ECS' })), (e: Error) => e.name === 'InvalidParameterException' && /ServiceCode can only contain a-z, A-Z, 0-9/.test(e.message));
  });

  it('answers the AWS CLI: aws pricing get-products and describe-services with --endpoint-url', async function () {
    if (!fs.existsSync('/usr/bin/aws')) {
      console.log('      (skipped: /usr/bin/aws is not installed: apt-get install -y awscli)');
      this.skip();
    }
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-pricing-cli-'));
    try {
      fs.writeFileSync(path.join(home, 'credentials'), '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = dummy-secret\n');
      fs.writeFileSync(path.join(home, 'config'), '[default]\nregion = us-east-1\noutput = json\n');
      const env = { PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: path.join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'), AWS_PAGER: '', LANG: 'C.UTF-8' };
      const aws = (...args: string[]) => new Promise<Record<string, unknown>>((resolve, reject) =>
        execFile('/usr/bin/aws', [...args, '--endpoint-url', ctx.emu.url], { env, timeout: 30_000 }, (err, stdout, stderr) => (err ? reject(new Error(`aws ${args.join(' ')}: ${stderr}`)) : resolve(JSON.parse(stdout)))));
      const [products, services] = await Promise.all([
        aws('pricing', 'get-products', '--service-code', 'AmazonECS', '--filters', 'Type=TERM_MATCH,Field=regionCode,Value=us-east-1', 'Type=TERM_MATCH,Field=usagetype,Value=USE1-Fargate-GB-Hours', '--format-version', 'aws_v1'),
        aws('pricing', 'describe-services', '--service-code', 'AmazonECS'),
      ]);
      const docs = parse(products.PriceList as unknown[]);
      assert.deepStrictEqual(docs.map((d) => [d.product.attributes.usagetype, usd(d)]), [['USE1-Fargate-GB-Hours', SNAPSHOT.regions['us-east-1'].fargate.gbHour]]);
      assert.deepStrictEqual((services.Services as Array<{ ServiceCode: string }>).map((s) => s.ServiceCode), ['AmazonECS']);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
