import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { scratchDir } from './support/awsFiles';
import { QUICK_INPUT, SIDEBAR, choose, click, hasDriver, hover, keyboard, openSideBarRows, screenshot, sideBarRow, waitForText, webviewText } from './support/driver';
import { declineModals } from './support/modals';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand, setSettings, type Shown } from './support/tree';

/**
 * Fargate on-demand rates of US East (N. Virginia), Linux/x86_64, from AWS's Fargate pricing page
 * (https://aws.amazon.com/fargate/pricing/) and the AmazonECS Price List (`USE1-Fargate-vCPU-Hours:perCPU`,
 * `USE1-Fargate-GB-Hours`); the same figures as the bundled snapshot. A month is 730 hours.
 */
const US_EAST_1 = { vcpuHour: 0.04048, gbHour: 0.004445 };
const HOURS_PER_MONTH = 730;
const monthly = (vcpu: number, gb: number, tasks = 1) => (vcpu * US_EAST_1.vcpuHour + gb * US_EAST_1.gbHour) * HOURS_PER_MONTH * tasks;
const usd = (n: number) => `$${n.toFixed(2)}`;
/** Where a figure's prices came from, as every surface names it. */
const SOURCE = /(AWS Price List, read|bundled price snapshot of) \d{4}-\d\d-\d\d/;

/** 1 vCPU and 2 GB: (0.04048 + 2 × 0.004445) × 730 = $36.04 a month. */
const WEB_TASK = {
  family: 'cost-web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '1024',
  memory: '2048',
  runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function costLens(document: vscode.TextDocument, accept: (title: string) => boolean): Promise<vscode.Command> {
  return eventually(async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const lens = found.map((l) => l.command).find((c) => c?.command === 'ecsWorkbench.estimateCost');
    return lens && accept(lens.title) ? lens : undefined;
  }, `the cost CodeLens of ${path.basename(document.uri.fsPath)}`);
}

describe('Cost where decisions are made: CodeLens, service tooltip, Scale confirmation, service page', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;

  before(async () => (account = await useEmulatorAccount()));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account?.close();
  });

  it('the entry bundle holds no cost model: it loads with the first task definition or service that shows a figure', () => {
    const entry = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'extension.js'), 'utf8');
    for (const inside of ['function estimateFargate', 'function taskShapeOf', 'function createPriceBook', 'Fargate bills the task-level cpu and memory']) {
      assert.ok(!entry.includes(inside), `dist/extension.js must not hold "${inside}"`);
    }
  });

  it('the CodeLens of a Fargate task definition shows its month in us-east-1, as computed from the Fargate rates; it follows the text and the region', async () => {
    fs.mkdirSync(path.join(scratchDir(), 'cost'), { recursive: true });
    const file = path.join(scratchDir(), 'cost', 'cost-web-task-definition.json');
    fs.writeFileSync(file, JSON.stringify(WEB_TASK, null, 2));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const document = editor.document;
    assert.strictEqual(document.languageId, 'ecs-task-definition');
    const expected = `≈ ${usd(monthly(1, 2))}/month per task · us-east-1 · Linux/x86 · on-demand`;
    assert.strictEqual(expected, '≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand', 'the issue\'s own example');
    const lens = await costLens(document, (t) => t.startsWith('≈'));
    assert.strictEqual(lens.title, expected);
    if (hasDriver()) {
      await waitForText('.editor-group-container.active .monaco-editor .codelens-decoration', [expected]);
      await screenshot('cost-codelens');
    }
    assert.match(lens.tooltip!, new RegExp(`Prices: ${SOURCE.source}, USD, 730 hours a month`));
    assert.deepStrictEqual(lens.arguments?.map(String), [document.uri.toString()]);

    // ARM64: the lens follows the text as it is typed (after the validation's debounce).
    const arm = JSON.stringify({ ...WEB_TASK, runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } }, null, 2);
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), arm));
    await costLens(document, (t) => /· us-east-1 · Linux\/ARM · on-demand$/.test(t));

    // No task-level cpu on Fargate: the lens says what to add, the tooltip the whole sentence.
    const { cpu: _cpu, ...noCpu } = WEB_TASK;
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), JSON.stringify(noCpu, null, 2)));
    const missing = await costLens(document, (t) => t.startsWith('Cost:'));
    assert.strictEqual(missing.title, 'Cost: add task-level "cpu"');
    assert.match(missing.tooltip!, /Fargate bills the task-level cpu and memory: add "cpu"/);

    // Another region for the window: the lens prices there (or says it cannot), naming it.
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), JSON.stringify(WEB_TASK, null, 2)));
    await setSettings({ region: 'eu-west-1' });
    try {
      await costLens(document, (t) => t.includes('eu-west-1'));
    } finally {
      await setSettings({ region: 'us-east-1' });
    }
    await costLens(document, (t) => t === expected);
  });

  it('the tooltip of a service says its month for its desired count, the range of its auto scaling and where the prices came from', async () => {
    const services = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    const api = services.find((s) => s.label === 'api')!;
    // api: demo-api:3, 0.5 vCPU and 1 GB, 3 tasks, scalable 2–10.
    const perTask = monthly(0.5, 1);
    const figure = `Cost: ≈ ${usd(perTask * 3)}/month (3 tasks × ${usd(perTask)}) · `;
    assert.strictEqual(figure, 'Cost: ≈ $54.06/month (3 tasks × $18.02) · ');
    assert.match(api.tooltip!, new RegExp(`${escapeRegExp(figure)}${SOURCE.source}`));
    assert.match(api.tooltip!, new RegExp(escapeRegExp(`Cost with auto scaling: 2–10 tasks: ${usd(perTask * 2)}–${usd(perTask * 10)}/month`)));
    // The describe rows are still there, above the cost.
    assert.match(api.tooltip!, /Launch: FARGATE[\s\S]*Cost: ≈/);
    // web (0.25 vCPU, 0.5 GB, 2 desired) has no scalable target: no range.
    const web = services.find((s: Shown) => s.label === 'web')!;
    assert.match(web.tooltip!, new RegExp(escapeRegExp(`Cost: ≈ ${usd(monthly(0.25, 0.5, 2))}/month (2 tasks × ${usd(monthly(0.25, 0.5))})`)));
    assert.doesNotMatch(web.tooltip!, /Cost with auto scaling/);

    // cache (EC2 launch type, 256 CPU units and 512 MiB on t3.large instances registering 2048 units
    // and 7680 MiB): its share is the CPU's 1/8 of a t3.large, $0.0832 an hour on demand (Linux, US East
    // (N. Virginia), https://aws.amazon.com/ec2/pricing/on-demand/, as the snapshot holds it): $7.59 a month.
    const [cache] = await expand(account.workbench.explorer, 'us-east-1', 'demo-ec2', 'Services').then((rows) => rows.filter((r) => r.label === 'cache'));
    const share = usd((256 / 2048) * 0.0832 * HOURS_PER_MONTH);
    assert.match(cache.tooltip!, new RegExp(escapeRegExp(`Cost: ≈ ${share}/month (1 task × ${share})`)));
    assert.match(cache.tooltip!, /Cost note: An estimate: 12\.5 % of a t3\.large \(on-demand Linux, \$0\.0832\/hour\), by its CPU reservation/);

    if (hasDriver()) {
      // In the side bar: hovering the row shows the figure (VS Code asks resolveTreeItem for it).
      await vscode.commands.executeCommand('ecsWorkbench.explorer.focus');
      await openSideBarRows('us-east-1', 'demo-fargate', 'Services');
      await waitForText(SIDEBAR, ['api']);
      await hover(sideBarRow('api'));
      await waitForText('.workbench-hover, .monaco-hover', ['Cost: ≈ $54.06/month (3 tasks × $18.02)', 'Cost with auto scaling: 2–10 tasks']);
      await screenshot('cost-service-tooltip');
    }
  });

  it('the Scale confirmation says what the new count costs a month; declined, nothing is sent', async function () {
    if (!hasDriver()) this.skip();
    const services = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    const api = services.find((s) => s.label === 'api')!;
    const updatesBefore = account.emulator.calls().get('ecs:UpdateService') ?? 0;
    const asked = await declineModals(async () => {
      const scaling = vscode.commands.executeCommand('ecsWorkbench.scaleService', api.node);
      await waitForText(QUICK_INPUT, ['Desired count of api']);
      await keyboard('', 'Control+A');
      await keyboard('5', 'Enter');
      assert.strictEqual(await scaling, undefined);
    });
    assert.strictEqual(asked.length, 1);
    assert.match(asked[0].message, /^Scale service api in cluster demo-fargate \(account 123456789012, us-east-1\)\?$/);
    const lines = asked[0].detail!.split('\n');
    assert.strictEqual(lines[0], 'desiredCount: 3 → 5');
    // Two more tasks of $18.02 (0.5 vCPU, 1 GB): +$36.04 a month.
    assert.strictEqual(lines[2], `3 → 5 tasks: +${usd(monthly(0.5, 1) * 2)}/month`);
    assert.strictEqual(lines[2], '3 → 5 tasks: +$36.04/month');
    assert.match(lines[3], new RegExp(`^Prices: ${SOURCE.source}, us-east-1\\.$`));
    assert.strictEqual(account.emulator.calls().get('ecs:UpdateService') ?? 0, updatesBefore, 'nothing sent without the confirmation');
  });

  it('the Update Service confirmation says what a smaller revision saves, per task and for the service', async function () {
    if (!hasDriver()) this.skip();
    const services = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    const api = services.find((s) => s.label === 'api')!;
    const asked = await declineModals(async () => {
      const updating = vscode.commands.executeCommand('ecsWorkbench.updateService', api.node);
      await waitForText(QUICK_INPUT, ['What to change in api', 'Task definition revision']);
      await click(`${QUICK_INPUT} .monaco-list-row[aria-label^="Task definition revision"]`);
      await keyboard('', 'Enter');
      await choose('demo-api:2', 'demo-api:2');
      assert.strictEqual(await updating, undefined);
    });
    assert.strictEqual(asked.length, 1);
    // demo-api:2 is 0.25 vCPU and 0.5 GB: (0.25 × 0.04048 + 0.5 × 0.004445) × 730 = $9.01 a task.
    const [was, now] = [monthly(0.5, 1), monthly(0.25, 0.5)];
    const lines = asked[0].detail!.split('\n');
    assert.strictEqual(lines[0], 'taskDefinition: demo-api:3 → demo-api:2');
    assert.strictEqual(lines[2], `Per task: ${usd(was)} → ${usd(now)}/month (-${usd(was - now)})`);
    assert.strictEqual(lines[2], 'Per task: $18.02 → $9.01/month (-$9.01)');
    assert.strictEqual(lines[3], `3 tasks: ${usd(was * 3)} → ${usd(now * 3)}/month (-${usd(was * 3 - now * 3)})`);
    assert.match(lines[4], new RegExp(`^Prices: ${SOURCE.source}, us-east-1\\.$`));
  });

  it('the service page has a Cost line: the month for the desired count, the auto-scaling range, the source', async () => {
    const result = await vscode.commands.executeCommand<{ cost: { figure: string; range?: string; source: string } }>('ecsWorkbench.showServiceMetrics', { cluster: 'demo-fargate', service: 'api' });
    const perTask = monthly(0.5, 1);
    assert.strictEqual(result.cost.figure, `≈ ${usd(perTask * 3)}/month (3 tasks × ${usd(perTask)})`);
    assert.strictEqual(result.cost.range, `2–10 tasks: ${usd(perTask * 2)}–${usd(perTask * 10)}/month`);
    assert.match(result.cost.source, SOURCE);
    if (hasDriver()) {
      await webviewText('#cost', [`Cost ${result.cost.figure} · auto scaling ${result.cost.range} · ${result.cost.source}`]);
    }
  });
});
