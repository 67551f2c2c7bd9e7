import * as assert from 'assert';
import {
  ECSClient, ListClustersCommand, DescribeClustersCommand, CreateClusterCommand, DeleteClusterCommand,
  ListServicesCommand, DescribeServicesCommand, CreateServiceCommand, DeleteServiceCommand,
  ListTasksCommand, DescribeTasksCommand, RunTaskCommand, StopTaskCommand, StartTaskCommand,
  RegisterTaskDefinitionCommand, DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand,
  ListTaskDefinitionFamiliesCommand, DeregisterTaskDefinitionCommand, DeleteTaskDefinitionsCommand,
  ListContainerInstancesCommand, DescribeContainerInstancesCommand, UpdateContainerInstancesStateCommand,
  DescribeCapacityProvidersCommand, TagResourceCommand, UntagResourceCommand, ListTagsForResourceCommand,
  paginateListServices,
} from '@aws-sdk/client-ecs';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };

describe('emulator: ECS', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
  });

  describe('clusters', () => {
    it('lists and describes the demo clusters with counts, settings and tags', async () => {
      const list = await ecs.send(new ListClustersCommand({}));
      assert.deepStrictEqual(list.clusterArns?.map((a) => a.split('/').pop()), ['demo-fargate', 'demo-ec2']);
      const d = await ecs.send(new DescribeClustersCommand({ clusters: ['demo-fargate', 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-ec2', 'ghost'], include: ['TAGS', 'SETTINGS', 'STATISTICS'] }));
      assert.strictEqual(d.clusters?.length, 2);
      const fg = d.clusters![0];
      assert.strictEqual(fg.status, 'ACTIVE');
      assert.strictEqual(fg.activeServicesCount, 8);
      assert.ok((fg.runningTasksCount ?? 0) >= 6);
      assert.deepStrictEqual(fg.tags, [{ key: 'env', value: 'demo' }]);
      assert.deepStrictEqual(fg.settings, [{ name: 'containerInsights', value: 'enabled' }]);
      assert.ok(fg.statistics?.some((s) => s.name === 'runningFargateTasksCount'));
      assert.strictEqual(d.clusters![1].registeredContainerInstancesCount, 3);
      assert.deepStrictEqual(d.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/ghost', reason: 'MISSING' }]);
    });

    it('creates (idempotently) and deletes a cluster; a deleted cluster is INACTIVE and not found', async () => {
      const a = await ecs.send(new CreateClusterCommand({ clusterName: 'tmp', tags: [{ key: 'k', value: 'v' }] }));
      const b = await ecs.send(new CreateClusterCommand({ clusterName: 'tmp' }));
      assert.strictEqual(a.cluster?.clusterArn, b.cluster?.clusterArn);
      const del = await ecs.send(new DeleteClusterCommand({ cluster: 'tmp' }));
      assert.strictEqual(del.cluster?.status, 'INACTIVE');
      await rejectsWith(ecs.send(new ListServicesCommand({ cluster: 'tmp' })), 'ClusterNotFoundException');
      const d = await ecs.send(new DescribeClustersCommand({ clusters: ['tmp'] }));
      assert.strictEqual(d.clusters?.[0].status, 'INACTIVE');
    });

    it('refuses to delete a cluster that has services', async () => {
      await rejectsWith(ecs.send(new DeleteClusterCommand({ cluster: 'demo-fargate' })), 'ClusterContainsServicesException');
    });

    it('answers ClusterNotFoundException with status 400 and the AWS message', async () => {
      const e = await rejectsWith(ecs.send(new ListServicesCommand({ cluster: 'nope' })), 'ClusterNotFoundException');
      assert.strictEqual(e.message, 'Cluster not found.');
      assert.strictEqual(e.$metadata?.httpStatusCode, 400);
    });

    it('lists the built-in capacity providers', async () => {
      const r = await ecs.send(new DescribeCapacityProvidersCommand({}));
      assert.deepStrictEqual(r.capacityProviders?.map((c) => c.name), ['FARGATE', 'FARGATE_SPOT']);
    });
  });

  describe('paging and batch limits', () => {
    before(async () => {
      const td = await ecs.send(new RegisterTaskDefinitionCommand({
        family: 'pager', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
        containerDefinitions: [{ name: 'app', image: 'nginx:1.27' }],
      }));
      await ecs.send(new CreateClusterCommand({ clusterName: 'paging' }));
      for (let i = 0; i < 25; i++) {
        await ecs.send(new CreateServiceCommand({
          cluster: 'paging', serviceName: `s${String(i).padStart(2, '0')}`, taskDefinition: td.taskDefinition!.taskDefinitionArn, desiredCount: 0, launchType: 'FARGATE', networkConfiguration: NET,
        }));
      }
    });

    it('ListServices returns 10 by default with an opaque nextToken', async () => {
      const p1 = await ecs.send(new ListServicesCommand({ cluster: 'paging' }));
      assert.strictEqual(p1.serviceArns?.length, 10);
      assert.ok(p1.nextToken && !/^\d+$/.test(p1.nextToken));
      const p2 = await ecs.send(new ListServicesCommand({ cluster: 'paging', nextToken: p1.nextToken, maxResults: 100 }));
      assert.strictEqual(p2.serviceArns?.length, 15);
      assert.strictEqual(p2.nextToken, undefined);
    });

    it('works with the SDK paginator', async () => {
      const names: string[] = [];
      for await (const page of paginateListServices({ client: ecs, pageSize: 7 }, { cluster: 'paging' })) {
        names.push(...(page.serviceArns ?? []));
      }
      assert.strictEqual(names.length, 25);
      assert.strictEqual(new Set(names).size, 25);
    });

    it('rejects maxResults above 100 and a forged nextToken', async () => {
      await rejectsWith(ecs.send(new ListServicesCommand({ cluster: 'paging', maxResults: 101 })), 'InvalidParameterException');
      await rejectsWith(ecs.send(new ListServicesCommand({ cluster: 'paging', nextToken: 'garbage' })), 'InvalidParameterException');
    });

    it('DescribeServices accepts at most 10 services, DescribeTasks at most 100 tasks', async () => {
      const eleven = Array.from({ length: 11 }, (_, i) => `s${String(i).padStart(2, '0')}`);
      await rejectsWith(ecs.send(new DescribeServicesCommand({ cluster: 'paging', services: eleven })), 'InvalidParameterException');
      const ten = await ecs.send(new DescribeServicesCommand({ cluster: 'paging', services: eleven.slice(0, 10) }));
      assert.strictEqual(ten.services?.length, 10);
      const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
      await rejectsWith(ecs.send(new DescribeTasksCommand({ cluster: 'paging', tasks: many })), 'InvalidParameterException');
      const missing = await ecs.send(new DescribeTasksCommand({ cluster: 'paging', tasks: many.slice(0, 2) }));
      assert.deepStrictEqual(missing.failures?.map((f) => f.reason), ['MISSING', 'MISSING']);
    });
  });

  describe('task definitions', () => {
    it('registers revisions, describes by family / family:rev / ARN, with read-only fields', async () => {
      const base = { family: 'tdtest', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80 }] }] };
      const r1 = await ecs.send(new RegisterTaskDefinitionCommand({ ...base, tags: [{ key: 'a', value: 'b' }] }));
      const r2 = await ecs.send(new RegisterTaskDefinitionCommand(base));
      assert.strictEqual(r1.taskDefinition?.revision, 1);
      assert.strictEqual(r2.taskDefinition?.revision, 2);
      assert.strictEqual(r2.taskDefinition?.status, 'ACTIVE');
      assert.ok(r2.taskDefinition?.registeredAt instanceof Date);
      assert.deepStrictEqual(r2.taskDefinition?.compatibilities, ['EC2']);
      assert.strictEqual(r2.taskDefinition?.containerDefinitions?.[0].essential, true);
      const latest = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'tdtest' }));
      assert.strictEqual(latest.taskDefinition?.revision, 2);
      const first = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: r1.taskDefinition!.taskDefinitionArn, include: ['TAGS'] }));
      assert.deepStrictEqual(first.tags, [{ key: 'a', value: 'b' }]);
      await rejectsWith(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'tdtest:9' })), 'ClientException');
    });

    it('enforces Fargate rules (network mode, cpu/memory combination)', async () => {
      const fargate = { family: 'fg', requiresCompatibilities: ['FARGATE' as const], containerDefinitions: [{ name: 'a', image: 'x' }] };
      const e1 = await rejectsWith(ecs.send(new RegisterTaskDefinitionCommand({ ...fargate, networkMode: 'bridge', cpu: '256', memory: '512' })), 'ClientException');
      assert.match(e1.message, /awsvpc/);
      const e2 = await rejectsWith(ecs.send(new RegisterTaskDefinitionCommand({ ...fargate, networkMode: 'awsvpc', cpu: '256', memory: '4096' })), 'ClientException');
      assert.match(e2.message, /No Fargate configuration exists/);
      const ok = await ecs.send(new RegisterTaskDefinitionCommand({ ...fargate, networkMode: 'awsvpc', cpu: '1 vCPU', memory: '2 GB' }));
      assert.strictEqual(ok.taskDefinition?.cpu, '1024');
      assert.deepStrictEqual(ok.taskDefinition?.compatibilities, ['EC2', 'FARGATE']);
    });

    it('lists families and revisions, deregisters and deletes', async () => {
      const fams = await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'demo-' }));
      assert.deepStrictEqual(fams.families, ['demo-api', 'demo-batch', 'demo-cache', 'demo-catalog', 'demo-checkout', 'demo-pay', 'demo-payments', 'demo-preview', 'demo-report', 'demo-search', 'demo-web', 'demo-worker']);
      const revs = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'demo-api', sort: 'DESC' }));
      assert.deepStrictEqual(revs.taskDefinitionArns?.map((a) => a.split('/').pop()), ['demo-api:3', 'demo-api:2']);
      const inactive = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'demo-api', status: 'INACTIVE' }));
      assert.deepStrictEqual(inactive.taskDefinitionArns?.map((a) => a.split('/').pop()), ['demo-api:1']);
      await ecs.send(new RegisterTaskDefinitionCommand({ family: 'gone', containerDefinitions: [{ name: 'a', image: 'x', memory: 64 }] }));
      const notYet = await ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['gone:1'] }));
      assert.strictEqual(notYet.failures?.length, 1);
      const dereg = await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'gone:1' }));
      assert.strictEqual(dereg.taskDefinition?.status, 'INACTIVE');
      const del = await ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['gone:1'] }));
      assert.strictEqual(del.taskDefinitions?.[0].status, 'DELETE_IN_PROGRESS');
      const families = await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'gone' }));
      assert.deepStrictEqual(families.families, []);
    });
  });

  describe('tasks', () => {
    it('RunTask on Fargate walks PROVISIONING -> PENDING -> ACTIVATING -> RUNNING on the clock', async () => {
      const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-api', launchType: 'FARGATE', networkConfiguration: NET, startedBy: 'unit' }));
      const arn = run.tasks![0].taskArn!;
      assert.strictEqual(run.tasks![0].lastStatus, 'PROVISIONING');
      const seen: (string | undefined)[] = [run.tasks![0].lastStatus];
      for (let i = 0; i < 6; i++) {
        await ctx.emu.clock.advance(5_000);
        const d = await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [arn] }));
        if (seen[seen.length - 1] !== d.tasks![0].lastStatus) {
          seen.push(d.tasks![0].lastStatus);
        }
      }
      assert.deepStrictEqual(seen, ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
      const listed = await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', startedBy: 'unit' }));
      assert.deepStrictEqual(listed.taskArns, [arn]);
    });

    it('StopTask: desiredStatus STOPPED at once, STOPPED later with stopCode, reason and exit codes', async () => {
      const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-api:3', launchType: 'FARGATE', networkConfiguration: NET }));
      const arn = run.tasks![0].taskArn!;
      await ctx.emu.clock.advance(30_000);
      const stop = await ecs.send(new StopTaskCommand({ cluster: 'demo-fargate', task: arn, reason: 'unit test' }));
      assert.strictEqual(stop.task?.desiredStatus, 'STOPPED');
      await ctx.emu.clock.advance(30_000);
      const d = await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [arn] }));
      const t = d.tasks![0];
      assert.strictEqual(t.lastStatus, 'STOPPED');
      assert.strictEqual(t.stopCode, 'UserInitiated');
      assert.strictEqual(t.stoppedReason, 'unit test');
      assert.strictEqual(t.containers?.[0].exitCode, 0);
      assert.ok(t.stoppedAt instanceof Date);
      const stopped = await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', desiredStatus: 'STOPPED' }));
      assert.ok(stopped.taskArns?.includes(arn));
    });

    it('a task whose image contains "fail" exits 1 (EssentialContainerExited)', async () => {
      const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-worker:2', launchType: 'FARGATE', networkConfiguration: NET }));
      await ctx.emu.clock.advance(60_000);
      const t = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [run.tasks![0].taskArn!] }))).tasks![0];
      assert.strictEqual(t.lastStatus, 'STOPPED');
      assert.strictEqual(t.stopCode, 'EssentialContainerExited');
      assert.strictEqual(t.stoppedReason, 'Essential container in task exited');
      assert.strictEqual(t.containers?.[0].exitCode, 1);
    });

    it('awsvpc tasks need a network configuration; Fargate needs a Fargate-compatible definition', async () => {
      await rejectsWith(ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-api', launchType: 'FARGATE' })), 'InvalidParameterException');
      await rejectsWith(ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-batch', launchType: 'FARGATE' })), 'InvalidParameterException');
    });

    it('EC2 tasks are placed on container instances, and report resource failures', async () => {
      const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-ec2', taskDefinition: 'demo-batch', count: 2 }));
      assert.strictEqual(run.tasks?.length, 2);
      assert.ok(run.tasks!.every((t) => t.containerInstanceArn?.includes('container-instance/demo-ec2/')));
      const big = await ecs.send(new RegisterTaskDefinitionCommand({ family: 'huge', containerDefinitions: [{ name: 'a', image: 'x', memory: 100_000 }] }));
      const r = await ecs.send(new RunTaskCommand({ cluster: 'demo-ec2', taskDefinition: big.taskDefinition!.taskDefinitionArn }));
      assert.strictEqual(r.tasks?.length, 0);
      assert.strictEqual(r.failures?.[0].reason, 'RESOURCE:MEMORY');
      await rejectsWith(ecs.send(new RunTaskCommand({ cluster: 'paging', taskDefinition: 'demo-batch' })), 'InvalidParameterException');
    });

    it('StartTask runs on the named container instance', async () => {
      const ci = await ecs.send(new ListContainerInstancesCommand({ cluster: 'demo-ec2' }));
      const target = ci.containerInstanceArns![1];
      const r = await ecs.send(new StartTaskCommand({ cluster: 'demo-ec2', taskDefinition: 'demo-batch', containerInstances: [target] }));
      assert.strictEqual(r.tasks?.[0].containerInstanceArn, target);
    });
  });

  describe('services', () => {
    it('describes demo services with deployments and events', async () => {
      const d = await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'], include: ['TAGS'] }));
      const [api] = d.services!;
      assert.strictEqual(api.desiredCount, 3);
      assert.strictEqual(api.runningCount, 3);
      assert.strictEqual(api.deployments?.[0].rolloutState, 'COMPLETED');
      assert.deepStrictEqual(api.tags, [{ key: 'team', value: 'platform' }]);
      assert.ok(api.events?.[0].message?.includes('has reached a steady state'));
      assert.ok(api.createdAt instanceof Date);
    });

    it('CreateService is not idempotent on an existing name; ServiceNotFoundException for unknown', async () => {
      await rejectsWith(ecs.send(new CreateServiceCommand({ cluster: 'demo-fargate', serviceName: 'api', taskDefinition: 'demo-api', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: NET })), 'InvalidParameterException');
      await rejectsWith(ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'nope' })), 'ServiceNotFoundException');
    });

    it('DeleteService needs desiredCount 0 or force, then drains to INACTIVE', async () => {
      await ecs.send(new CreateServiceCommand({ cluster: 'demo-fargate', serviceName: 'doomed', taskDefinition: 'demo-api', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: NET }));
      await ctx.emu.clock.advance(60_000);
      await rejectsWith(ecs.send(new DeleteServiceCommand({ cluster: 'demo-fargate', service: 'doomed' })), 'InvalidParameterException');
      const del = await ecs.send(new DeleteServiceCommand({ cluster: 'demo-fargate', service: 'doomed', force: true }));
      assert.strictEqual(del.service?.status, 'DRAINING');
      await ctx.emu.clock.advance(120_000);
      const d = await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['doomed'] }));
      assert.strictEqual(d.services?.[0].status, 'INACTIVE');
      const list = await ecs.send(new ListServicesCommand({ cluster: 'demo-fargate' }));
      assert.ok(!list.serviceArns?.some((a) => a.endsWith('/doomed')));
    });
  });

  describe('container instances', () => {
    it('lists, describes with resources and drains', async () => {
      const list = await ecs.send(new ListContainerInstancesCommand({ cluster: 'demo-ec2' }));
      assert.strictEqual(list.containerInstanceArns?.length, 3);
      const d = await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'demo-ec2', containerInstances: list.containerInstanceArns! }));
      const ci = d.containerInstances![0];
      assert.strictEqual(ci.status, 'ACTIVE');
      assert.strictEqual(ci.agentConnected, true);
      assert.ok(ci.ec2InstanceId?.startsWith('i-'));
      assert.strictEqual(ci.registeredResources?.find((r) => r.name === 'CPU')?.integerValue, 2048);
      const u = await ecs.send(new UpdateContainerInstancesStateCommand({ cluster: 'demo-ec2', containerInstances: [list.containerInstanceArns![2]], status: 'DRAINING' }));
      assert.strictEqual(u.containerInstances?.[0].status, 'DRAINING');
      const draining = await ecs.send(new ListContainerInstancesCommand({ cluster: 'demo-ec2', status: 'DRAINING' }));
      assert.strictEqual(draining.containerInstanceArns?.length, 1);
    });
  });

  describe('tags', () => {
    it('tags, lists and untags a cluster', async () => {
      const arn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-ec2';
      await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'owner', value: 'me' }] }));
      let t = await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }));
      assert.deepStrictEqual(t.tags, [{ key: 'env', value: 'demo' }, { key: 'owner', value: 'me' }]);
      await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['env'] }));
      t = await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }));
      assert.deepStrictEqual(t.tags, [{ key: 'owner', value: 'me' }]);
      await rejectsWith(ecs.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/ghost' })), 'ClusterNotFoundException');
    });
  });

  describe('regions', () => {
    it('keeps state per region', async () => {
      const eu = new ECSClient(sdkConfig(ctx.emu, 'eu-west-1'));
      const r = await eu.send(new ListClustersCommand({}));
      assert.deepStrictEqual(r.clusterArns, ['arn:aws:ecs:eu-west-1:123456789012:cluster/demo-eu']);
      const ap = new ECSClient(sdkConfig(ctx.emu, 'ap-southeast-2'));
      assert.deepStrictEqual((await ap.send(new ListClustersCommand({}))).clusterArns, []);
    });
  });
});

describe('emulator: RunTask client token (ECS_Idempotency.html)', () => {
  const ctx = useEmulator({ seed: 'demo' });
  it('the same token and parameters return the original tasks; other parameters are a ConflictException', async () => {
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    const input = { cluster: 'demo-ec2', taskDefinition: 'demo-batch:1', launchType: 'EC2' as const, clientToken: 'retry-me-1' };
    const first = await ecs.send(new RunTaskCommand(input));
    const again = await ecs.send(new RunTaskCommand(input));
    assert.deepStrictEqual(again.tasks?.map((t) => t.taskArn), first.tasks?.map((t) => t.taskArn));
    const running = await ecs.send(new ListTasksCommand({ cluster: 'demo-ec2', startedBy: undefined, family: 'demo-batch' }));
    assert.strictEqual(running.taskArns?.filter((a) => a === first.tasks![0].taskArn).length, 1, 'one task, not two');
    await rejectsWith(ecs.send(new RunTaskCommand({ ...input, count: 2 })), 'ConflictException');
  });
});
