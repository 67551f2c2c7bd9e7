import * as assert from 'assert';
import { ECSClient, ListClustersCommand, ListServicesCommand, DescribeServicesCommand, ListTasksCommand, ListTaskDefinitionsCommand, paginateListClusters, paginateListTasks, paginateListTaskDefinitions } from '@aws-sdk/client-ecs';
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
    it('seeds 50 clusters, 300 services / 5,000 tasks in one, 2,000 revisions, in a few seconds', async function () {
      const t0 = Date.now();
      const emu = await startEmulator({ seed: 'scale' });
      const seedMs = Date.now() - t0;
      try {
        assert.ok(seedMs < 5000, `seeded in ${seedMs} ms`);
        const ecs = new ECSClient(sdkConfig(emu));
        let clusters = 0;
        for await (const p of paginateListClusters({ client: ecs }, {})) {
          clusters += p.clusterArns?.length ?? 0;
        }
        assert.strictEqual(clusters, 50);
        let tasks = 0;
        for await (const p of paginateListTasks({ client: ecs }, { cluster: 'scale-big' })) {
          tasks += p.taskArns?.length ?? 0;
        }
        assert.strictEqual(tasks, 5000);
        let services = 0;
        let token: string | undefined;
        do {
          const p = await ecs.send(new ListServicesCommand({ cluster: 'scale-big', maxResults: 100, nextToken: token }));
          services += p.serviceArns?.length ?? 0;
          token = p.nextToken;
        } while (token);
        assert.strictEqual(services, 300);
        let revisions = 0;
        for await (const p of paginateListTaskDefinitions({ client: ecs }, {})) {
          revisions += p.taskDefinitionArns?.length ?? 0;
        }
        assert.strictEqual(revisions, 2000);
        assert.strictEqual((await ecs.send(new ListTaskDefinitionsCommand({ maxResults: 5 }))).taskDefinitionArns?.length, 5);
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
