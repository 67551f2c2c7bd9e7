import * as assert from 'assert';
import { DEFAULT_CLIENT_OPTIONS } from '../../../src/aws/clientManager';
import { ContainerCli } from '../../../src/ecr/containerCli';
import { EcrService } from '../../../src/ecr/ecrService';
import { pushImage, type PushResult } from '../../../src/ecr/push';
import { TokenCache } from '../../../src/ecr/tokenCache';
import { startEmulatorAccount } from '../support/emulatorAccount';
import { makeFakeCli } from './fakeCli';

/** Pushes to ten new repositories (created on the way) with the extension's retry settings, faults or not. */
async function pushTen(faults?: object): Promise<{ results: PushResult[]; repositories: string[]; sent: number }> {
  const account = await startEmulatorAccount({ seed: 'demo' }, DEFAULT_CLIENT_OPTIONS);
  const fake = makeFakeCli('emulator-token-us-east-1');
  try {
    const ecr = new EcrService(account.manager);
    const deps = { ecr, cli: new ContainerCli('docker', fake.executable, fake.env), tokens: new TokenCache(), tokenKey: 't|us-east-1', registry: { region: 'us-east-1', account: async () => '123456789012', loopbackAllowed: true } };
    if (faults) account.emulator.faults.set(faults);
    const results: PushResult[] = [];
    for (let i = 0; i < 10; i++) results.push(await pushImage(deps, { image: 'app:1.0', repository: `faults/app-${i}`, tag: 'v1', createRepository: true }));
    account.emulator.faults.clear();
    const repositories = (await ecr.repositories({})).items.map((r) => r.repositoryName!).filter((n) => n.startsWith('faults/')).sort();
    return { results, repositories, sent: account.emulator.calls().get('ecr:CreateRepository') ?? 0 };
  } finally {
    fake.dispose();
    await account.close();
  }
}

describe('push under throttling, 5xx and dropped connections', function () {
  this.timeout(120_000);

  it('ends as without them; a CreateRepository resent after a lost answer is not an error', async () => {
    const clean = await pushTen();
    const mix = await pushTen({ throttleRate: 0.3, serverErrorRate: 0.1, connectionResetRate: 0.02, seed: 21 });
    const resets = await pushTen({ connectionResetRate: 0.3, faultActions: ['ecr:CreateRepository'], seed: 22 });
    assert.strictEqual(clean.sent, 10);
    assert.deepStrictEqual(mix.results, clean.results);
    assert.deepStrictEqual(mix.repositories, clean.repositories);
    assert.deepStrictEqual(resets.results, clean.results);
    assert.deepStrictEqual(resets.repositories, clean.repositories);
    assert.ok(resets.sent > 10, `CreateRepository was resent (${resets.sent} sent for 10)`);
  });

  it('a delete resent after a lost answer finds its work done, and says it is done', async () => {
    const account = await startEmulatorAccount({ seed: 'demo' }, DEFAULT_CLIENT_OPTIONS);
    try {
      const ecr = new EcrService(account.manager);
      for (let i = 0; i < 8; i++) await ecr.createRepository({ name: `gone/app-${i}` });
      const tags = (await ecr.allImages('demo/api')).flatMap((image) => image.imageTags ?? []);
      account.emulator.faults.set({ connectionResetRate: 0.4, faultActions: ['ecr:DeleteRepository', 'ecr:BatchDeleteImage'], seed: 24 });
      for (let i = 0; i < 8; i++) await ecr.deleteRepository(`gone/app-${i}`, false);
      for (const tag of tags) await ecr.deleteImage('demo/api', { tag });
      account.emulator.faults.clear();
      assert.deepStrictEqual((await ecr.repositories({})).items.filter((r) => r.repositoryName!.startsWith('gone/')), []);
      assert.deepStrictEqual((await ecr.allImages('demo/api')).flatMap((image) => image.imageTags ?? []), []);
      const sent = (op: string) => account.emulator.calls().get(op) ?? 0;
      assert.ok(sent('ecr:DeleteRepository') > 8 && sent('ecr:BatchDeleteImage') > tags.length, `deletes were resent (${sent('ecr:DeleteRepository')}, ${sent('ecr:BatchDeleteImage')})`);
    } finally {
      await account.close();
    }
  });
});
