import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EstimateCostResult } from '../../src/cost/types';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand, renderedText } from './support/tree';

type Estimated = EstimateCostResult & { uri?: string };

const estimate = (arg: unknown): Promise<Estimated> => Promise.resolve(vscode.commands.executeCommand<Estimated>('ecsWorkbench.estimateCost', arg));
const definition = (extra: Record<string, unknown>) => ({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image: 'nginx' }], ...extra });

/**
 * ecsWorkbench.estimateCost in a real VS Code, through the real SDK against the emulator's Price
 * List (us-east-1's published rates: $0.04048 per vCPU-hour, $0.004445 per GB-hour; Windows $0.046552
 * and $0.00511175 plus $0.046 of OS licence per vCPU-hour; t3.large $0.0832 an hour; 730 h a month).
 */
describe('Cost estimate (ecsWorkbench.estimateCost)', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;
  let dir: string;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-'));
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await account.close();
  });

  it('a definition object: 1 vCPU / 2 GB Linux/x86 is ≈ $36.04 a month, from the Price List', async () => {
    const result = await estimate({ definition: definition({ cpu: '1 vCPU', memory: '2 GB' }) });
    assert.strictEqual(result.text, '≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand');
    assert.deepStrictEqual([result.currency, result.region, result.count, result.source, result.capacityProvider], ['USD', 'us-east-1', 1, 'price-list', 'FARGATE']);
    assert.strictEqual(result.monthly.toFixed(2), '36.04');
    assert.strictEqual(result.hourly.toFixed(5), '0.04937');
    assert.deepStrictEqual([result.perTask.vcpuHourly, result.perTask.storageHourly, result.perTask.osHourly], [0.04048, 0, 0]);
    assert.ok(Date.parse(result.asOf) > 0, result.asOf);
    assert.strictEqual(result.uri, undefined, 'an argument object opens nothing');
    // No call count here: the Price List's answer is kept for a day, and an earlier test in this
    // editor (the cost CodeLens, a service tooltip) may have been the one to ask; source says where it came from.
  });

  it('a registered revision with a count and FARGATE_SPOT: demo-api:3 (0.5 vCPU / 1 GB) × 3 is $54.06, Spot said to be cheaper by a varying amount', async () => {
    const result = await estimate({ taskDefinition: 'demo-api:3', count: 3, capacityProvider: 'FARGATE_SPOT' });
    assert.strictEqual(result.text, '≈ $54.06/month for 3 tasks · us-east-1 · Linux/x86 · Spot at the on-demand price');
    assert.ok(result.notes.some((n) => /Spot .* varies/.test(n)), result.notes.join('\n'));
  });

  it('a file: Windows 1 vCPU / 2 GB with its OS licence is $75.03 a month; open: true shows the breakdown as Markdown', async () => {
    const file = path.join(dir, 'win.json');
    fs.writeFileSync(file, JSON.stringify(definition({ family: 'win <b>', cpu: '1024', memory: '2048', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } }), null, 2));
    const result = await estimate({ file, open: true });
    assert.strictEqual(result.text, '≈ $75.03/month per task · us-east-1 · Windows/x86 · on-demand');
    assert.strictEqual(result.perTask.osHourly, 0.046);
    assert.ok(result.uri, 'open: true opens the breakdown');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri)!;
    assert.strictEqual(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(renderedText(text), /^Cost estimate: win\.json\n/);
    assert.ok(renderedText(text).includes('Family: win <b>'), 'the family is shown as text, not as HTML');
    assert.ok(text.includes('| vCPU (1) | $0.04655 | $33.98 |\n| Memory (2 GB) | $0.01022 | $7.46 |\n| Windows OS licence | $0.046 | $33.58 |\n| **Total per task** | $0.10278 | $75.03 |'), text);
    assert.match(renderedText(text), /Prices: AWS Price List, read \d{4}-\d\d-\d\d, us-east-1, USD\./);
  });

  it('EC2: demo-cache:1 on demo-ec2 is its share of a t3.large, said as an estimate', async () => {
    const result = await estimate({ taskDefinition: 'demo-cache:1', cluster: 'demo-ec2' });
    // 256 of 2048 CPU units: 12.5 % × $0.0832 = $0.0104 an hour, $7.59 a month.
    assert.strictEqual(result.text, '≈ $7.59/month per task · us-east-1 · Linux/x86 · EC2 share (estimate)');
    assert.match(result.notes[0], /^An estimate: 12\.5 % of a t3\.large \(on-demand Linux, \$0\.0832\/hour\)/);
    await assert.rejects(estimate({ taskDefinition: 'demo-cache:1' }), /An EC2 task costs its share of the container instance it runs on: give the cluster \("cluster"\)/);
  });

  it('from the explorer: a revision node, and with no argument the task definition in the active editor', async () => {
    const families = await expand(account.workbench.explorer, 'us-east-1', 'Task definitions');
    const revision = (await childrenOf(account.workbench.explorer, families.find((f) => f.label === 'demo-api')!.node)).find((r) => r.label === 'demo-api:3')!.node;
    // 0.5 × $0.04048 + 1 × $0.004445 = $0.024685 an hour, $18.02 a month.
    const fromNode = await vscode.commands.executeCommand<Estimated>('ecsWorkbench.estimateCost', revision);
    assert.strictEqual(fromNode.text, '≈ $18.02/month per task · us-east-1 · Linux/x86 · on-demand');
    const opened = await vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.openDescribe', revision);
    await eventually(() => vscode.window.activeTextEditor?.document.uri.toString() === opened.uri || undefined, 'the revision in the active editor');
    const fromEditor = await vscode.commands.executeCommand<Estimated>('ecsWorkbench.estimateCost');
    assert.strictEqual(fromEditor.text, fromNode.text, 'the describe output in the editor is priced as the revision');
  });

  it('refuses what it cannot price, saying what to do', async () => {
    await assert.rejects(estimate({ definition: definition({}), file: '/tmp/x.json' }), /ecsWorkbench\.estimateCost: give one of "file", "definition" or "taskDefinition", not "file" and "definition"\. Expected \{ file\?: string/);
    await assert.rejects(estimate({ count: 2 }), /give "file", "definition" or "taskDefinition"/);
    await assert.rejects(estimate({ definition: definition({ memory: '2 GB' }) }), /Fargate bills the task-level cpu and memory: add "cpu" \(e\.g\. "1024" or "1 vCPU"\) at the top level of the task definition\./);
    await assert.rejects(estimate({ definition: definition({ cpu: '1024', memory: '2048' }), capacityProvider: 'EC2' }), /"capacityProvider" must be one of FARGATE, FARGATE_SPOT/);
  });
});
