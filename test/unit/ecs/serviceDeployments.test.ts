import * as assert from 'assert';
import type { ClientManager } from '../../../src/aws/clientManager';
import { listedDeployment, pausedHook, ServiceDeploymentReader, type ServiceRevision } from '../../../src/ecs/serviceDeployments';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { countCalls } from '../support/countCalls';

describe('ServiceDeploymentReader: a service\'s deployment history at AWS\'s limits', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  let reader: ServiceDeploymentReader;
  const FORCED = 44;

  before(async () => {
    account = await startEmulatorAccount({ seed: 'demo' });
    reader = new ServiceDeploymentReader(account.manager, { region: 'us-east-1' });
    const { sdk, client } = await account.manager.clientWithSdk('ecs', { region: 'us-east-1' });
    // api starts with one finished deployment; each forced update adds one (the one before is superseded).
    for (let i = 0; i < FORCED; i++) await client.send(new sdk.ecs.UpdateServiceCommand({ cluster: 'demo-fargate', service: 'api', forceNewDeployment: true }));
  });

  after(() => account.close());

  it('reads 45 deployments in 1 ListServiceDeployments (maxResults 100) and 3 DescribeServiceDeployments (20 ARNs each at most), newest first', async () => {
    const calls = countCalls(account.emulator);
    const { items, nextToken } = await reader.deployments('demo-fargate', 'api', { limit: Infinity });
    assert.strictEqual(items.length, FORCED + 1);
    assert.strictEqual(nextToken, undefined);
    assert.deepStrictEqual(calls(), { 'ecs:ListServiceDeployments': 1, 'ecs:DescribeServiceDeployments': 3 });
    // ListServiceDeployments' order is kept through the batches: the newest (the last forced) first, the seed's first deployment last.
    assert.strictEqual(items[0].status, 'PENDING');
    assert.strictEqual(items.at(-1)!.sourceServiceRevisions?.length ?? 0, 0);
    for (let i = 0; i + 1 < items.length; i++) {
      const source = items[i].sourceServiceRevisions?.[0]?.arn;
      assert.ok(items.slice(i + 1).some((older) => older.targetServiceRevision?.arn === source), `deployment ${i} starts from the revision of an older one`);
    }
  });

  it('pages for the tree: 20 a page with the token for Load more, the last page reachable', async () => {
    const first = await reader.deployments('demo-fargate', 'api', { limit: 20 });
    assert.strictEqual(first.items.length, 20);
    assert.ok(first.nextToken);
    const second = await reader.deployments('demo-fargate', 'api', { limit: 20, startToken: first.nextToken });
    const third = await reader.deployments('demo-fargate', 'api', { limit: 20, startToken: second.nextToken });
    assert.strictEqual(third.items.length, 5);
    assert.strictEqual(third.nextToken, undefined);
    const all = [...first.items, ...second.items, ...third.items].map((d) => d.serviceDeploymentArn);
    assert.strictEqual(new Set(all).size, FORCED + 1, 'no deployment twice');
  });

  it('narrows by status on the server, and the command result is plain JSON', async () => {
    const { items } = await reader.deployments('demo-fargate', 'api', {}, ['SUCCESSFUL']);
    assert.strictEqual(items.length, 1);
    const listed = listedDeployment(items[0]);
    assert.deepStrictEqual(Object.keys(listed).sort(), ['finishedAt', 'serviceDeploymentArn', 'sourceServiceRevisionArns', 'startedAt', 'status', 'strategy', 'targetServiceRevisionArn']);
    assert.strictEqual(listed.strategy, 'ROLLING');
    assert.match(listed.startedAt, /^\d{4}-\d\d-\d\dT/);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(listed)), listed);
  });
});

describe('ServiceDeploymentReader.revisions: 20 ARNs a call, each revision read once', () => {
  /** A ClientManager whose ECS client answers DescribeServiceRevisions from `known`, counting calls. */
  function fakeClients(known: string[]) {
    const calls: string[][] = [];
    class DescribeServiceRevisionsCommand {
      constructor(readonly input: { serviceRevisionArns: string[] }) {}
    }
    const client = {
      send: async (command: DescribeServiceRevisionsCommand) => {
        calls.push(command.input.serviceRevisionArns);
        return { serviceRevisions: command.input.serviceRevisionArns.filter((a) => known.includes(a)).map((arn): ServiceRevision => ({ serviceRevisionArn: arn, taskDefinition: `arn:aws:ecs:us-east-1:1:task-definition/web:${arn.split('/').pop()}` })) };
      },
    };
    const clients = { clientWithSdk: async () => ({ sdk: { ecs: { DescribeServiceRevisionsCommand } }, client }) } as unknown as ClientManager;
    return { clients, calls };
  }
  const arn = (i: number) => `arn:aws:ecs:us-east-1:1:service-revision/c/web/${i}`;

  it('describes 45 revisions in 3 calls, and none again once read; one ECS does not return is left out', async () => {
    const arns = Array.from({ length: 45 }, (_, i) => arn(i));
    const { clients, calls } = fakeClients(arns.slice(0, 44));
    const reader = new ServiceDeploymentReader(clients, { region: 'us-east-1' });
    const found = await reader.revisions([...arns, arns[0]]);
    assert.deepStrictEqual(calls.map((c) => c.length), [20, 20, 5]);
    assert.strictEqual(found.size, 44);
    assert.ok(!found.has(arn(44)));
    const again = await new ServiceDeploymentReader(clients, { region: 'us-east-1' }).revisions(arns);
    assert.strictEqual(again.size, 44);
    assert.deepStrictEqual(calls.map((c) => c.length), [20, 20, 5, 1], 'only the one not found is asked again');
  });
});

describe('a paused deployment', () => {
  it('is an unfinished one whose PAUSE hook awaits action; one not yet waiting, a Lambda hook or a finished deployment is not', () => {
    const hook = { hookId: 'h-1', targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const };
    assert.strictEqual(pausedHook({ status: 'IN_PROGRESS', lifecycleHookDetails: [hook] }), hook);
    assert.strictEqual(pausedHook({ status: 'IN_PROGRESS', lifecycleHookDetails: [{ ...hook, status: 'IN_PROGRESS' }] }), undefined);
    assert.strictEqual(pausedHook({ status: 'IN_PROGRESS', lifecycleHookDetails: [{ ...hook, targetType: 'AWS_LAMBDA' }] }), undefined);
    assert.strictEqual(pausedHook({ status: 'SUCCESSFUL', lifecycleHookDetails: [hook] }), undefined);
    assert.strictEqual(pausedHook({ status: 'IN_PROGRESS', lifecycleHookDetails: [{ ...hook, status: 'SUCCEEDED' }] }), undefined);
  });
});
