import * as assert from 'assert';
import { DescribeImagesCommand, ECRClient, paginateDescribeRepositories, paginateListImages } from '@aws-sdk/client-ecr';
import {
  ECSClient, DescribeClustersCommand, ListClustersCommand, ListServicesCommand, DescribeServicesCommand, ListTasksCommand, ListTaskDefinitionsCommand,
  paginateListClusters, paginateListServices, paginateListTasks, paginateListTaskDefinitionFamilies, paginateListTaskDefinitions,
} from '@aws-sdk/client-ecs';
import { startEmulator } from '../../emulator/index';
import { sdkConfig, useEmulator } from './helpers';

describe('emulator: seeds', () => {
  describe('demo', () => {
    const ctx = useEmulator({ seed: 'demo' });

    it('has a steady, a mid-deployment and a failing service, and standalone tasks', async () => {
      const ecs = new ECSClient(sdkConfig(ctx.emu));
      const d = await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api', 'web', 'worker'] }));
      const [api, web, worker] = d.services!;
      assert.strictEqual(api.deployments?.length, 1);
      assert.strictEqual(api.runningCount, 3);
      assert.deepStrictEqual(web.deployments?.map((x) => [x.status, x.rolloutState]), [['PRIMARY', 'IN_PROGRESS'], ['ACTIVE', 'COMPLETED']]);
      assert.strictEqual(worker.deployments?.[0].failedTasks, 4);
      assert.ok(worker.events?.some((e) => e.message?.includes('unable to consistently start tasks')));
      const ec2 = await ecs.send(new ListServicesCommand({ cluster: 'demo-ec2' }));
      assert.deepStrictEqual(ec2.serviceArns?.map((a) => a.split('/').pop()), ['cache']);
      const standalone = await ecs.send(new ListTasksCommand({ cluster: 'demo-ec2', startedBy: 'nightly-job' }));
      assert.strictEqual(standalone.taskArns?.length, 2);
      const stopped = await ecs.send(new ListTasksCommand({ cluster: 'demo-ec2', desiredStatus: 'STOPPED' }));
      assert.strictEqual(stopped.taskArns?.length, 1);
    });

    it('the mid-deployment service finishes when time moves', async () => {
      const ecs = new ECSClient(sdkConfig(ctx.emu));
      await ctx.emu.clock.advance(3 * 60_000);
      const web = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['web'] }))).services![0];
      assert.strictEqual(web.deployments?.length, 1);
      assert.strictEqual(web.deployments?.[0].rolloutState, 'COMPLETED');
      assert.match(web.deployments?.[0].taskDefinition ?? '', /demo-web:2$/);
    });
  });

  describe('scale', () => {
    it('seeds 1,000 clusters, 5,000 services / 20,000 tasks in one, 1,000 families, 2,000 revisions of one, 10,000 images in one repository, in seconds', async function () {
      this.timeout(60_000);
      const t0 = Date.now();
      const emu = await startEmulator({ seed: 'scale' });
      const seedMs = Date.now() - t0;
      try {
        // Typically about 2 s; the bound leaves room for a loaded machine.
        assert.ok(seedMs < 10_000, `seeded in ${seedMs} ms`);
        const ecs = new ECSClient(sdkConfig(emu));
        const count = async <P>(pages: AsyncIterable<P>, items: (p: P) => unknown[] | undefined): Promise<number> => {
          let n = 0;
          for await (const p of pages) n += items(p)?.length ?? 0;
          return n;
        };
        assert.strictEqual(await count(paginateListClusters({ client: ecs, pageSize: 100 }, {}), (p) => p.clusterArns), 1000);
        assert.strictEqual(await count(paginateListTasks({ client: ecs, pageSize: 100 }, { cluster: 'scale-big' }), (p) => p.taskArns), 5000);
        assert.strictEqual(await count(paginateListServices({ client: ecs, pageSize: 100 }, { cluster: 'scale-big' }), (p) => p.serviceArns), 300);
        // scale-huge's 20,000 tasks by the cluster's counts (200 ListTasks pages would be most of this test's time).
        const huge = (await ecs.send(new DescribeClustersCommand({ clusters: ['scale-huge'] }))).clusters![0];
        assert.deepStrictEqual([huge.runningTasksCount, huge.pendingTasksCount, huge.activeServicesCount], [20_000, 0, 5000]);
        assert.strictEqual(await count(paginateListServices({ client: ecs, pageSize: 100 }, { cluster: 'scale-huge' }), (p) => p.serviceArns), 5000);
        const last = (await ecs.send(new DescribeServicesCommand({ cluster: 'scale-huge', services: ['svc-4999'] }))).services![0];
        assert.deepStrictEqual([last.status, last.runningCount, last.deployments?.[0].rolloutState], ['ACTIVE', 4, 'COMPLETED']);
        assert.strictEqual(await count(paginateListTaskDefinitionFamilies({ client: ecs, pageSize: 100 }, {}), (p) => p.families), 1000);
        assert.strictEqual(await count(paginateListTaskDefinitions({ client: ecs, pageSize: 100 }, { familyPrefix: 'scale-long' }), (p) => p.taskDefinitionArns), 2000);
        assert.strictEqual((await ecs.send(new ListTaskDefinitionsCommand({ maxResults: 5 }))).taskDefinitionArns?.length, 5);
        const ecr = new ECRClient(sdkConfig(emu));
        assert.strictEqual(await count(paginateDescribeRepositories({ client: ecr, pageSize: 1000 }, {}), (p) => p.repositories), 101);
        assert.strictEqual(await count(paginateListImages({ client: ecr, pageSize: 1000 }, { repositoryName: 'scale/huge' }), (p) => p.imageIds), 10_000);
        const newest = await ecr.send(new DescribeImagesCommand({ repositoryName: 'scale/huge', imageIds: [{ imageTag: 'build-10000' }] }));
        assert.strictEqual(newest.imageDetails?.[0].imagePushedAt?.getTime(), emu.clock.now().getTime());
      } finally {
        await emu.close();
      }
    });
  });

  describe('empty', () => {
    const ctx = useEmulator({ seed: 'empty' });
    it('has nothing', async () => {
      const ecs = new ECSClient(sdkConfig(ctx.emu));
      assert.deepStrictEqual((await ecs.send(new ListClustersCommand({}))).clusterArns, []);
    });
  });
});
