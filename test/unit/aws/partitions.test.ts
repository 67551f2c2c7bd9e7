import * as assert from 'assert';
import { ClientManager } from '../../../src/aws/clientManager';
import { loadSdk } from '../../../src/aws/sdkLoader';
import { parseArn, parseEcrImageUri, resourceName } from '../../../src/aws/arn';
import { consoleUrl } from '../../../src/ecs/consoleUrls';
import { EcsReader } from '../../../src/ecs/ecsReader';
import { AwsLiveValues } from '../../../src/editor/liveValues';
import { recentImages } from '../../../src/ecr/recentImages';
import type { EmulatorHandle } from '../../emulator';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

const ACCOUNT = '123456789012';

/** The same reads in China and GovCloud as in the commercial partition: ARNs, ECR hosts, console links. */
describe('partitions: aws-cn and aws-us-gov regions through the real SDK and the emulator', function () {
  this.timeout(30_000);
  let account: UnitEmulatorAccount;
  let emulator: EmulatorHandle;
  let manager: ClientManager;

  before(async () => {
    account = await startEmulatorAccount({ seed: 'empty' });
    ({ emulator, manager } = account);
  });
  after(() => account.close());

  for (const [region, partition, suffix, consoleHost] of [
    ['cn-north-1', 'aws-cn', 'amazonaws.com.cn', 'console.amazonaws.cn'],
    ['cn-northwest-1', 'aws-cn', 'amazonaws.com.cn', 'console.amazonaws.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com', 'console.amazonaws-us-gov.com'],
  ] as const) {
    it(`${region}: explorer reads, image URIs, live completions and console links are of ${partition}`, async () => {
      const scope = { region };
      const { sdk, client: ecs } = await manager.clientWithSdk('ecs', scope);
      await ecs.send(new sdk.ecs.CreateClusterCommand({ clusterName: `part-${region}` }));
      const { client: ecr } = await manager.clientWithSdk('ecr', scope);
      const repo = await ecr.send(new sdk.ecr.CreateRepositoryCommand({ repositoryName: 'part/app' }));
      const uri = repo.repository!.repositoryUri!;
      assert.strictEqual(uri, `${ACCOUNT}.dkr.ecr.${region}.${suffix}/part/app`);
      const state = emulator.region(region).ecr;
      state.putImage(state.repo('part/app'), '1.0.0', { pushedAt: new Date('2026-05-01T00:00:00Z') });
      state.putImage(state.repo('part/app'), '1.1.0', { pushedAt: new Date('2026-06-01T00:00:00Z') });

      const clusters = await new EcsReader(manager, scope).clusters({});
      const arn = parseArn(clusters.items.find((c) => c.clusterName === `part-${region}`)?.clusterArn);
      assert.deepStrictEqual([arn?.partition, arn?.region, arn?.service], [partition, region, 'ecs']);

      assert.deepStrictEqual(parseEcrImageUri(`${uri}:1.1.0`), { registryId: ACCOUNT, region, repositoryName: 'part/app', name: uri, tag: '1.1.0', digest: undefined });
      const offered = await recentImages(manager, `${uri}:1.0.0`, { profile: 't', region: 'us-east-1' });
      assert.deepStrictEqual(offered.map((o) => o.uri), [`${uri}:1.1.0`, `${uri}:1.0.0`], 'the repository region comes from the URI');

      const live = new AwsLiveValues(new ClientManager({ profile: 't', region, endpoint: emulator.url }), loadSdk);
      const values = async (request: Record<string, string>) => live.provide({ prefix: '', ...request } as never, new AbortController().signal);
      assert.ok((await values({ kind: 'ecrRepository' })).some((v) => v.value === uri));
      assert.deepStrictEqual((await values({ kind: 'ecrImageTag', repositoryUri: uri })).map((v) => v.value), [`${uri}:1.1.0`, `${uri}:1.0.0`]);

      const link = consoleUrl(region, { kind: 'cluster', cluster: resourceName(arn && `arn:${arn.partition}:ecs:${region}:${ACCOUNT}:cluster/part-${region}`) });
      assert.strictEqual(link, `https://${consoleHost}/ecs/v2/clusters/part-${region}/services?region=${region}`);
    });
  }
});
