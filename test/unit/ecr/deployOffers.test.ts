import * as assert from 'assert';
import { recentImages, scanOfImage } from '../../../src/ecr/recentImages';
import { ServicesUsingRepository } from '../../../src/ecr/servicesUsingRepository';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const scope = { profile: 't', region: 'us-east-1' };

describe('what a deploy offers, read from the account: images with their scans, services running a repository', function () {
  this.timeout(30_000);
  let account: UnitEmulatorAccount;
  before(async () => (account = await startEmulatorAccount({ seed: 'demo' })));
  after(() => account.close());

  it('offers the repository\'s images newest first, the one the container runs marked, with their scans', async () => {
    const offered = await recentImages(account.manager, `${HOST}/demo/api:1.2.0`, scope);
    assert.deepStrictEqual(offered.map((o) => [o.tags.join(','), o.current]), [['1.2.0,latest', true], ['1.1.0', false], ['1.0.0', false]]);
    assert.strictEqual(offered[1].scan.imageScanStatus?.status, 'COMPLETE');
    assert.deepStrictEqual(offered[1].scan.imageScanFindingsSummary?.findingSeverityCounts, { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 2, INFORMATIONAL: 1 });
    assert.match(offered[0].digest ?? '', /^sha256:[0-9a-f]{64}$/);
    // No tag is `latest`; a digest names the image itself.
    assert.deepStrictEqual((await recentImages(account.manager, `${HOST}/demo/api`, scope)).map((o) => o.current), [true, false, false]);
    assert.deepStrictEqual((await recentImages(account.manager, `${HOST}/demo/api@${offered[2].digest}`, scope)).map((o) => o.current), [false, false, true]);
  });

  it('reads the scan of any ECR image by tag or digest; none for another registry or a missing image', async () => {
    assert.deepStrictEqual((await scanOfImage(account.manager, `${HOST}/demo/api:1.1.0`, scope))?.imageScanFindingsSummary?.findingSeverityCounts, { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 2, INFORMATIONAL: 1 });
    assert.strictEqual(await scanOfImage(account.manager, `${HOST}/demo/api:9.9.9`, scope), undefined);
    assert.strictEqual(await scanOfImage(account.manager, `${HOST}/no/such:1`, scope), undefined);
    assert.strictEqual(await scanOfImage(account.manager, 'nginx:1.27', scope), undefined);
  });

  it('finds the services whose task definitions run the repository, across clusters and host forms, each task definition described once', async () => {
    const describes = () => account.emulator.calls().get('ecs:DescribeTaskDefinition') ?? 0;
    const before = describes();
    const { items, nextToken } = await new ServicesUsingRepository(account.manager, scope, `${HOST}/demo/api:1.3.0`).page();
    assert.strictEqual(nextToken, undefined);
    assert.deepStrictEqual(items.map((u) => [u.cluster.split('/').pop(), u.service.serviceName, u.container ?? null]).sort(), [
      ['demo-ec2', 'cache', null],
      ['demo-fargate', 'api', 'api'],
      ['demo-fargate', 'catalog', null],
      ['demo-fargate', 'checkout', null],
      ['demo-fargate', 'legacy-bg', null],
      ['demo-fargate', 'payments', null],
      ['demo-fargate', 'search', null],
      ['demo-fargate', 'web', null],
      ['demo-fargate', 'worker', null],
    ]);
    assert.strictEqual(describes() - before, 9, 'one DescribeTaskDefinition per distinct revision');
    const fips = await new ServicesUsingRepository(account.manager, scope, '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/demo/web').page();
    assert.deepStrictEqual(fips.items.filter((u) => u.image).map((u) => [u.service.serviceName, u.image]), [['web', `${HOST}/demo/web:2.1.0`]]);
  });

  it('pages across clusters: every service once, and the last page has no next token', async () => {
    const uses = new ServicesUsingRepository(account.manager, scope, `${HOST}/demo/api`, 2);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await uses.page(token);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((u) => u.service.serviceName ?? ''));
      token = page.nextToken;
      pages++;
    } while (token && pages < 10);
    assert.deepStrictEqual(seen.sort(), ['api', 'cache', 'catalog', 'checkout', 'legacy-bg', 'payments', 'search', 'web', 'worker']);
    assert.ok(pages >= 4 && pages <= 5, `${pages} pages`);
  });
});
