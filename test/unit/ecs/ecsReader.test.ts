import * as assert from 'assert';
import * as v8 from 'v8';
import { EcsReader } from '../../../src/ecs/ecsReader';
import type { EmulatorHandle } from '../../emulator';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { countCalls } from '../support/countCalls';

// V8's own view of an object's layout; natives syntax is enabled for the one function compiled here.
v8.setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

describe('EcsReader: minimal calls, AWS batch limits', function () {
  this.timeout(60_000);
  let emulator: EmulatorHandle;
  let reader: EcsReader;
  let account: UnitEmulatorAccount;

  before(async () => {
    account = await startEmulatorAccount({ seed: 'scale' });
    emulator = account.emulator;
    reader = new EcsReader(account.manager, { region: 'us-east-1' });
  });

  after(() => account.close());

  it('reads 300 services in 3 ListServices (maxResults 100, not the default 10) and 30 DescribeServices', async () => {
    const calls = countCalls(emulator);
    const all = await reader.services('scale-big', { limit: Infinity });
    assert.strictEqual(all.items.length, 300);
    assert.strictEqual(all.nextToken, undefined);
    assert.deepStrictEqual(calls(), { 'ecs:ListServices': 3, 'ecs:DescribeServices': 30 });
  });

  it('reads one page of 100 tasks in 1 ListTasks + 1 DescribeTasks and hands back the token for "Load more"', async () => {
    const calls = countCalls(emulator);
    const first = await reader.tasks('scale-big', { desiredStatus: 'RUNNING' }, { limit: 100 });
    assert.strictEqual(first.items.length, 100);
    assert.ok(first.nextToken);
    assert.deepStrictEqual(calls(), { 'ecs:ListTasks': 1, 'ecs:DescribeTasks': 1 });
    const second = await reader.tasks('scale-big', { desiredStatus: 'RUNNING' }, { limit: 100, startToken: first.nextToken });
    assert.strictEqual(second.items.length, 100);
    const ids = new Set([...first.items, ...second.items].map((t) => t.taskArn));
    assert.strictEqual(ids.size, 200, 'no task twice across pages');
  });

  it('reads 5,000 tasks in 50 ListTasks + 50 DescribeTasks', async () => {
    const calls = countCalls(emulator);
    const all = await reader.tasks('scale-big', { desiredStatus: 'RUNNING' }, { limit: Infinity });
    assert.strictEqual(all.items.length, 5000);
    assert.deepStrictEqual(calls(), { 'ecs:ListTasks': 50, 'ecs:DescribeTasks': 50 });
  });

  it('describes 1,000 clusters in 10 ListClusters + 10 DescribeClusters (100 each), sorted by name', async () => {
    const calls = countCalls(emulator);
    const clusters = await reader.clusters();
    assert.strictEqual(clusters.items.length, 1000);
    assert.deepStrictEqual(clusters.items.slice(0, 3).map((c) => c.clusterName), ['scale-big', 'scale-cluster-001', 'scale-cluster-002']);
    assert.deepStrictEqual(calls(), { 'ecs:ListClusters': 10, 'ecs:DescribeClusters': 10 });
  });

  it('lists families and a family revisions newest first, without other families sharing the prefix', async () => {
    const families = await reader.taskDefinitionFamilies({ limit: Infinity });
    assert.strictEqual(families.items.length, 1000);
    const revisions = await reader.taskDefinitionRevisions('scale-app-001', 'ACTIVE', { limit: 5 });
    assert.deepStrictEqual(revisions.items.map((arn) => arn.split('/').pop()), ['scale-app-001:20', 'scale-app-001:19', 'scale-app-001:18', 'scale-app-001:17', 'scale-app-001:16']);
    assert.ok(revisions.nextToken);
  });

  it('keeps tasks and services as ordinary objects with the SDK\'s members, not its dictionary-mode ones (~1.4 KB less a task)', async () => {
    const { sdk, client } = await account.manager.clientWithSdk('ecs', { region: 'us-east-1' });
    const page = await reader.tasks('scale-big', { desiredStatus: 'RUNNING' }, { limit: 100 });
    const raw = (await client.send(new sdk.ecs.DescribeTasksCommand({ cluster: 'scale-big', tasks: page.items.map((t) => t.taskArn!) }))).tasks!;
    assert.deepStrictEqual(page.items, raw);
    // Whether the SDK's own output is a dictionary depends on how warm its deserializer is (in a fresh
    // process reading 20,000 tasks, every one is: bench:explorer's heap_retained_mb); the copies never are.
    assert.ok(page.items.every(hasFastProperties));
    const services = await reader.services('scale-big', { limit: 10 });
    assert.ok(services.items.every(hasFastProperties));
  });

  it('"which services run this family" reads at most 20 clusters and 200 services, whatever the account holds, and says it stopped', async () => {
    const calls = countCalls(emulator);
    const scan = await reader.serviceScan();
    assert.strictEqual(scan.clustersTotal, 1000);
    assert.strictEqual(scan.complete, false, 'scale-big alone has 300 services, scale-huge 5,000');
    assert.strictEqual(scan.uses.length, 200);
    const made = calls();
    assert.deepStrictEqual(made, { 'ecs:ListClusters': 10, 'ecs:DescribeClusters': 10, 'ecs:ListServices': 2, 'ecs:DescribeServices': 20 });
    assert.ok(Object.values(made).reduce((a, b) => a + b, 0) <= 80);
    const small = await reader.serviceScan({ clusters: 5, services: 1000 });
    assert.strictEqual(small.clustersRead, 2, 'only the clusters with services are read');
    assert.strictEqual(small.uses.length, 1000);
  });

  it('describes each revision once (DescribeTaskDefinition has no batch form: 5 in flight), then answers from the cache', async () => {
    const arns = (await reader.taskDefinitionRevisions('scale-app-002', 'ACTIVE', { limit: 20 })).items;
    const calls = countCalls(emulator);
    const first = await reader.revisions(arns);
    assert.strictEqual(first.size, 20);
    assert.strictEqual(first.get(arns[0])?.revision, 20);
    assert.deepStrictEqual(calls(), { 'ecs:DescribeTaskDefinition': 20 });
    const again = countCalls(emulator);
    const second = await new EcsReader(account.manager, { region: 'us-east-1' }).revisions(arns.slice(0, 5));
    assert.strictEqual(second.size, 5);
    assert.deepStrictEqual(again(), {}, 'a revision never changes: read once');
    const missing = await reader.revisions(['arn:aws:ecs:us-east-1:123456789012:task-definition/no-such-family:1']);
    assert.strictEqual(missing.size, 0, 'one that cannot be read is left out, not failing the list');
  });

  it('a missing cluster fails with the AWS error, not an empty list', async () => {
    await assert.rejects(reader.services('no-such-cluster'), /ClusterNotFoundException|Cluster not found/);
  });
});

describe('EcsReader: stopped tasks newest first', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  before(async () => {
    account = await startEmulatorAccount({ seed: 'demo' });
  });
  after(() => account.close());

  it('reads the stopped tasks whole and sorts them by stoppedAt (ListTasks has no order), saying when the cap cut the list', async () => {
    const reader = new EcsReader(account.manager, { region: 'us-east-1' });
    const { tasks, complete } = await reader.stoppedTasks('demo-fargate', { serviceName: 'worker' });
    assert.strictEqual(tasks.length, 4);
    assert.strictEqual(complete, true);
    const times = tasks.map((t) => t.stoppedAt!.getTime());
    assert.deepStrictEqual(times, [...times].sort((a, b) => b - a));
    const listed = (await reader.tasks('demo-fargate', { serviceName: 'worker', desiredStatus: 'STOPPED' })).items.map((t) => t.stoppedAt!.getTime());
    assert.notDeepStrictEqual(listed, times, 'the emulator lists them oldest first, as AWS may: the sort is ours');
    const capped = await reader.stoppedTasks('demo-fargate', { serviceName: 'worker' }, 2);
    assert.strictEqual(capped.complete, false);
  });
});
