import * as assert from 'assert';
import { EcrService } from '../../../src/ecr/ecrService';
import { recentImages } from '../../../src/ecr/recentImages';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

/** 2,500 images pushed a minute apart: three DescribeImages pages, which ECR (and the emulator) return in no push order. */
const COUNT = 2500;

describe('images newest first across every page, not only within the one read', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  const start = Date.parse('2026-06-01T00:00:00Z');

  before(async () => {
    account = await startEmulatorAccount({ seed: 'demo' });
    const ecr = account.emulator.region('us-east-1').ecr;
    const repo = ecr.createRepo({ repositoryName: 'many/app' }, new Date(start));
    for (let i = 0; i < COUNT; i++) ecr.putImage(repo, `build-${i}`, { pushedAt: new Date(start + i * 60_000) });
  });
  after(() => account.close());

  it('the first raw page is neither the newest pushes nor in push order (so sorting one page would be wrong)', async () => {
    const { sdk, client } = await account.manager.clientWithSdk('ecr', { region: 'us-east-1' });
    const first = await client.send(new sdk.ecr.DescribeImagesCommand({ repositoryName: 'many/app', maxResults: 1000 }));
    assert.ok(first.nextToken);
    const pushed = first.imageDetails!.map((d) => Number(d.imageTags![0].slice('build-'.length)));
    assert.ok(pushed.some((n) => n < COUNT - 1000), 'the first page holds older pushes than the 1,000 newest');
    assert.ok(pushed.some((n, i) => i > 0 && n > pushed[i - 1]) && pushed.some((n, i) => i > 0 && n < pushed[i - 1]), 'not in push order either way');
  });

  it('the explorer and pickers list (EcrService.allImages) and the deploy image offer start with the newest push', async () => {
    const all = await new EcrService(account.manager).allImages('many/app');
    assert.strictEqual(all.length, COUNT);
    assert.deepStrictEqual(all.slice(0, 3).map((d) => d.imageTags), [[`build-${COUNT - 1}`], [`build-${COUNT - 2}`], [`build-${COUNT - 3}`]]);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].imagePushedAt! >= all[i].imagePushedAt!, `order at ${i}`);
    const offered = await recentImages(account.manager, '123456789012.dkr.ecr.us-east-1.amazonaws.com/many/app:build-0', { profile: 't', region: 'us-east-1' }, 3);
    // The image the container runs (build-0, the oldest) is offered too, after the newest, and marked.
    assert.deepStrictEqual(offered.map((o) => o.tags[0]), [`build-${COUNT - 1}`, `build-${COUNT - 2}`, `build-${COUNT - 3}`, 'build-0']);
    assert.deepStrictEqual(offered.map((o) => o.current), [false, false, false, true]);
  });
});
