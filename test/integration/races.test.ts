import * as assert from 'assert';
import * as vscode from 'vscode';
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/explorerNode';
import type { EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand } from './support/tree';

describe('Explorer races: clicks, refreshes and filters while pages load', function () {
  this.timeout(90_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'explorer.pageSize': 2, 'explorer.refreshIntervalSeconds': 2, 'explorer.additionalRegions': ['eu-west-1', 'eu-west-1', 'us-east-1'] });
    ({ workbench, emulator } = account);
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
  });
  after(() => account.close());
  beforeEach(() => {
    emulator.faults.clear();
    workbench.explorer.refresh();
  });

  const servicesFolder = async (): Promise<ExplorerNode> => (await expand(workbench.explorer, 'us-east-1', 'demo-fargate')).find((n) => n.label === 'Services')!.node;
  const labels = async (node: ExplorerNode) => (await childrenOf(workbench.explorer, node)).map((n) => n.label);

  it('Load more clicked twice adds the next page once', async () => {
    const folder = await servicesFolder();
    assert.deepStrictEqual(await labels(folder), ['api', 'web', 'Load more…']);
    const more = (await childrenOf(workbench.explorer, folder)).find((n) => n.label === 'Load more…')!.node;
    emulator.faults.set({ latencyMs: 200 });
    await Promise.all([vscode.commands.executeCommand('ecsWorkbench.loadMore', more), vscode.commands.executeCommand('ecsWorkbench.loadMore', more)]);
    assert.deepStrictEqual(await labels(folder), ['api', 'web', 'worker', 'checkout', 'Load more…']);
  });

  it('a filter set while the first page loads shows only what matches it, never the unfiltered page', async () => {
    const folder = await servicesFolder();
    workbench.explorer.refresh(folder);
    emulator.faults.set({ latencyMs: 300 });
    const loading = childrenOf(workbench.explorer, folder);
    await vscode.commands.executeCommand('ecsWorkbench.filterList', folder, 'work');
    const [first, after] = await Promise.all([loading, childrenOf(workbench.explorer, folder)]);
    assert.deepStrictEqual(first.map((n) => n.label), ['worker']);
    assert.deepStrictEqual(after.map((n) => n.label), ['worker']);
    await vscode.commands.executeCommand('ecsWorkbench.filterList', folder, '');
  });

  it('a refresh while Load more is in flight neither crashes nor mixes pages', async () => {
    const folder = await servicesFolder();
    await labels(folder);
    const more = (await childrenOf(workbench.explorer, folder)).find((n) => n.label === 'Load more…')!.node;
    emulator.faults.set({ latencyMs: 300 });
    const loading = vscode.commands.executeCommand('ecsWorkbench.loadMore', more);
    workbench.explorer.refresh(folder);
    await loading;
    emulator.faults.clear();
    assert.deepStrictEqual(await labels(folder), ['api', 'web', 'Load more…']);
  });

  it('a region listed twice (or the current one again) is one root with one id', async () => {
    const roots = await workbench.explorer.getChildren();
    const ids = await Promise.all(roots.map(async (r) => (await workbench.explorer.getTreeItem(r)).id));
    assert.deepStrictEqual(ids, ['region:us-east-1', 'region:eu-west-1']);
  });

  it('one cluster failing does not stop the auto-refresh of the others', async () => {
    // A deployment in demo-ec2 too, then DescribeServices refused for demo-fargate only.
    const ecs = new ECSClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-ec2', service: 'cache', desiredCount: 2 }));
    await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    const cache = (await expand(workbench.explorer, 'us-east-1', 'demo-ec2', 'Services')).find((n) => n.label === 'cache')!;
    const tracked = workbench.explorer.autoRefresher.trackedServices;
    assert.ok(tracked.some((id) => id.endsWith('/service:cache')) && tracked.some((id) => id.endsWith('/service:web')), tracked.join());
    emulator.faults.set({ accessDenied: [{ action: 'ecs:DescribeServices', resource: 'demo-fargate' }] });
    await emulator.clock.advance(5 * 60_000);
    const node = cache.node as unknown as { service: { runningCount?: number } };
    await eventually(() => node.service.runningCount === 2 || undefined, 'cache (demo-ec2) refreshed while demo-fargate fails');
  });
});
