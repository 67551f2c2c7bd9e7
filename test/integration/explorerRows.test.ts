import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { SIDEBAR, click, hasDriver, screenshot, sideBarRow, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand, renderedText, setSettings, type Shown } from './support/tree';

const UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** Seconds of every task row's "40s ago", "12m ago" in the side bar's text (its 8-hex-digit label runs into the description), in order. */
const agesIn = (text: string) => [...text.matchAll(/^[0-9a-f]{8}(\d+)([smhd]) ago/gm)].map((m) => Number(m[1]) * UNIT[m[2] as keyof typeof UNIT]);
const ascending = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1] <= v);
/** Rows of tasks sorted by stoppedAt, newest first (one still stopping, without it, first of all). */
function newestFirst(rows: Shown[]): boolean {
  const times = rows.map((r) => (r.node as unknown as { task: { stoppedAt?: Date } }).task.stoppedAt?.getTime() ?? Infinity);
  return times.every((t, i) => i === 0 || times[i - 1] >= t);
}

/** The rows a new user reads first (issue 18): stopped tasks, container instances, families, in a 300 px side bar. */
describe('Explorer rows: stopped tasks, container instances and families as a new user reads them', function () {
  this.timeout(120_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    // Wall-clock time, so "6m ago" is measured from the seed's own now (a manual clock starts in the past).
    account = await useEmulatorAccount({ seed: 'demo', clock: 'real' });
    ({ workbench, emulator } = account);
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
    // Rows an earlier suite expanded in the side bar would be read again on every refresh, adding calls to the counts here.
    await vscode.commands.executeCommand('workbench.actions.treeView.ecsWorkbench.explorer.collapseAll');
  });
  after(() => account.close());
  beforeEach(() => workbench.explorer.refresh());

  it('stopped tasks: newest first, when they stopped and why (the full reason in the tooltip), in the same order across Load more; the folder counts both', async () => {
    const tasks = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate')).find((n) => n.label === 'Tasks')!;
    assert.match(tasks.description!, /^\d+ running$/);
    await vscode.commands.executeCommand('ecsWorkbench.showStoppedTasks', tasks.node);
    const stopped = await childrenOf(workbench.explorer, tasks.node);
    const shown = stopped.map((s) => `${s.label} ${s.description}`).join(' | ');
    // Time runs: web's rollout stops old tasks (shown first while STOPPING), worker's keep failing.
    const worker = stopped.filter((s) => /worker exited 1$/.test(s.description!));
    assert.ok(worker.length >= 4, shown);
    for (const row of worker) {
      assert.match(row.description!, /^\d+[sm] ago · worker exited 1$/);
      assert.match(row.tooltip!, /Stop code: EssentialContainerExited[\s\S]*Stopped reason: Essential container in task exited[\s\S]*Exit codes: worker 1/);
    }
    assert.ok(newestFirst(stopped), `newest first: ${shown}`);
    assert.ok(ascending(agesIn(shown)), shown);
    const folder = await workbench.explorer.getTreeItem(tasks.node);
    assert.match(String(folder.label), /Tasks \(stopped\)/);
    assert.strictEqual(String(folder.description).replace(/ · \d+ running$/, ''), `${stopped.length} stopped`);

    // A page of one: Load more walks the same sorted list, with no new ListTasks.
    await setSettings({ 'explorer.pageSize': 1 });
    try {
      workbench.explorer.refresh(tasks.node);
      const lists = emulator.calls().get('ecs:ListTasks') ?? 0;
      let page = await childrenOf(workbench.explorer, tasks.node);
      assert.deepStrictEqual(page.map((n) => n.contextValue?.replace(/^task\..*/, 'task')), ['task', 'loadMore']);
      while (page[page.length - 1].contextValue === 'loadMore') {
        await vscode.commands.executeCommand('ecsWorkbench.loadMore', page[page.length - 1].node);
        page = await childrenOf(workbench.explorer, tasks.node);
      }
      assert.ok(page.length >= stopped.length, 'every stopped task, a page at a time');
      assert.ok(newestFirst(page), 'sorted across the pages');
      assert.strictEqual((emulator.calls().get('ecs:ListTasks') ?? 0) - lists, 1, 'read once, paged here');
    } finally {
      await setSettings({ 'explorer.pageSize': undefined });
      // The toggle is the user's choice and outlives refreshes: set it back for the tests after this one.
      await vscode.commands.executeCommand('ecsWorkbench.showRunningTasks', tasks.node);
    }
  });

  it('container instances: instance type and zone, and their tasks (ListTasks by containerInstance); a Fargate-only cluster says so', async () => {
    const fargate = await expand(workbench.explorer, 'us-east-1', 'demo-fargate');
    const fargateOnly = fargate.find((n) => n.label === 'Fargate only: no container instances');
    assert.ok(fargateOnly, fargate.map((n) => n.label).join(' | '));
    assert.match(fargateOnly.tooltip!, /no capacity provider other than FARGATE and FARGATE_SPOT/);

    const instances = await expand(workbench.explorer, 'us-east-1', 'demo-ec2', 'Container instances');
    const running = (await expand(workbench.explorer, 'us-east-1', 'demo-ec2', 'Tasks')).map((t) => t.label).sort();
    const onInstances: string[] = [];
    for (const instance of instances) {
      assert.match(instance.description!, /^t3\.large · us-east-1[abc]$/);
      const tasks = await childrenOf(workbench.explorer, instance.node);
      for (const task of tasks.filter((t) => t.contextValue === 'task.running')) {
        assert.match(task.description!, /^demo-(cache|batch):1$/);
        onInstances.push(task.label);
      }
    }
    assert.deepStrictEqual(onInstances.sort(), running, "every running task of the cluster, on its instance");
  });

  it('families show their latest revision, its image and the services running them, read only on expand or hover; revisions their date and image', async () => {
    const families = await expand(workbench.explorer, 'us-east-1', 'Task definitions');
    const describesBefore = emulator.calls().get('ecs:DescribeTaskDefinition') ?? 0;
    const api = families.find((f) => f.label === 'demo-api')!;
    assert.strictEqual(api.description, '', 'nothing read for a family not yet expanded');
    assert.strictEqual(emulator.calls().get('ecs:DescribeTaskDefinition') ?? 0, describesBefore);

    const revisions = await childrenOf(workbench.explorer, api.node);
    assert.match(revisions[0].description!, /^\d{4}-\d\d-\d\d · :1\.2\.0$/);
    const row = await eventually(async () => {
      const item = await workbench.explorer.getTreeItem(api.node);
      return item.description === ':3 · :1.2.0 · 1 service' ? item : undefined;
    }, 'the family row to show its latest revision and services');
    assert.match(renderedText((row.tooltip as vscode.MarkdownString).value), /CPU \/ memory: 0\.5 vCPU · 1024 MiB[\s\S]*Services: api \(demo-fargate, :3\)/);

    // Hovering another family reads its latest revision; the services come from the same scan.
    const web = families.find((f) => f.label === 'demo-web')!;
    // Counted from here only: the side bar's own re-reads of the region (after another test's change) list clusters too.
    const clustersBefore = emulator.calls().get('ecs:ListClusters') ?? 0;
    const item = await workbench.explorer.getTreeItem(web.node);
    assert.strictEqual(item.tooltip, undefined, 'left for resolveTreeItem');
    const resolved = await workbench.explorer.resolveTreeItem(item, web.node, new vscode.CancellationTokenSource().token);
    assert.match(renderedText((resolved.tooltip as vscode.MarkdownString).value), /Latest revision: demo-web:2[\s\S]*Image of web: .*demo\/web:2\.1\.0[\s\S]*Services: web \(demo-fargate, :2\)/);
    assert.strictEqual((emulator.calls().get('ecs:ListClusters') ?? 0) - clustersBefore, 0, 'one scan of the region for every family: none again for demo-web');
  });

  it('in the 300 px side bar: stopped tasks newest first with the count, instance type and zone, a Fargate-only cluster', async function () {
    if (!hasDriver()) this.skip();
    const row = (label: string) => sideBarRow(label);
    // From the region alone, as a new window shows it.
    await vscode.commands.executeCommand('workbench.actions.treeView.ecsWorkbench.explorer.collapseAll');
    await click(row('us-east-1'));
    await waitForText(SIDEBAR, ['demo-fargate', 'demo-ec2']);
    await click(row('demo-fargate'));
    await waitForText(SIDEBAR, ['Fargate only: no container instances']);
    await click(row('Tasks'));
    // The folder's inline action, as a person clicks it on the selected row.
    await click(`${SIDEBAR} .monaco-list-row[aria-label^="Tasks "] .action-label[aria-label^="Show Stopped Tasks"]`);
    const { text } = await waitForText(SIDEBAR, ['Tasks (stopped)', ' stopped · ', 'worker exited 1']);
    const ages = agesIn(text);
    assert.ok(ages.length >= 4, text);
    assert.ok(ascending(ages), `newest first in the side bar:\n${text}`);
    await screenshot('explorer-stopped-tasks', SIDEBAR);

    await click(row('demo-ec2'));
    await click(row('Container instances'));
    await waitForText(SIDEBAR, ['t3.large · us-east-1a', 't3.large · us-east-1b', 't3.large · us-east-1c']);
    // Each instance expands to its tasks (some instances run none).
    for (let n = 1; n <= 3; n++) await click(`:nth-match(${SIDEBAR} .monaco-list-row[aria-label^="i-0"], ${n})`);
    await waitForText(SIDEBAR, ['demo-cache:1', 'demo-batch:1']);
    await screenshot('explorer-container-instances', SIDEBAR);
  });
});
