import * as assert from 'assert';
import * as vscode from 'vscode';
import { ECSClient, paginateListTasks } from '@aws-sdk/client-ecs';
import { QUICK_INPUT, choose, hasDriver, keyboard, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';

describe('Pickers reach the last of thousands of items', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'scale' });
  });
  after(() => account?.close());

  it('the task picker of a 5,000-task cluster finds the last task by typing its id (all pages read once)', async () => {
    const { emulator } = account;
    const ecs = new ECSClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    const arns: string[] = [];
    for await (const page of paginateListTasks({ client: ecs, pageSize: 100 }, { cluster: 'scale-big', desiredStatus: 'RUNNING', maxResults: 100 })) arns.push(...(page.taskArns ?? []));
    assert.strictEqual(arns.length, 5000);
    const last = arns[arns.length - 1].split('/').pop()!;
    const listsBefore = emulator.calls().get('ecs:ListTasks') ?? 0;
    const stopping = Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.stopTask'));
    await choose('scale-big', 'scale-big');
    await waitForText(QUICK_INPUT, ['scale-app-']);
    // Typing narrows the list; the rest of the pages are read so the filter sees them all.
    await keyboard(last.slice(0, 8));
    await waitForText(QUICK_INPUT, [last], 60_000);
    await keyboard('', 'Enter');
    // The reason box comes next: the picked task is the last one. Dismiss it; nothing is stopped.
    await waitForText(QUICK_INPUT, [`Reason for stopping ${last.slice(0, 8)}`]);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await stopping, undefined);
    assert.strictEqual((emulator.calls().get('ecs:ListTasks') ?? 0) - listsBefore, 50, 'each of the 50 pages read once');
    assert.strictEqual(emulator.calls().get('ecs:StopTask') ?? 0, 0);
  });

  /** Types `filter` into the open picker and waits until the row labelled `row` shows (all pages read, or the server filtered). */
  async function typeUntilRow(filter: string, row: string): Promise<void> {
    await keyboard(filter);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { text } = await waitForText(QUICK_INPUT, [row], 60_000);
      // A row's label and description run together in the widget's text: a row is the label alone,
      // or the one result shown starting with it.
      const lines = text.split('\n').map((line) => line.trim());
      if (lines.includes(row) || (lines.includes('1 Results') && lines.some((line) => line.startsWith(row)))) return;
      if (Date.now() > deadline) assert.fail(`no row "${row}" in:\n${text.slice(0, 2000)}`);
    }
  }

  it('the cluster picker reaches the last of 1,000 clusters, the service picker the last of 5,000 services', async () => {
    const scaling = Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.scaleService')).catch((e: Error) => e);
    await waitForText(QUICK_INPUT, ['scale-']);
    await typeUntilRow('scale-cluster-998', 'scale-cluster-998');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await scaling;
    const scalingHuge = Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.scaleService')).catch((e: Error) => e);
    await waitForText(QUICK_INPUT, ['scale-']);
    await typeUntilRow('scale-huge', 'scale-huge');
    await keyboard('', 'Enter');
    await waitForText(QUICK_INPUT, ['svc-']);
    await typeUntilRow('svc-4999', 'svc-4999');
    await keyboard('', 'Enter');
    await waitForText(QUICK_INPUT, ['Desired count of svc-4999']);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await scalingHuge;
    assert.strictEqual(account.emulator.calls().get('ecs:UpdateService') ?? 0, 0);
  });

  it('the family picker narrows 1,000 families on the server; the revision picker reaches revision 1 of 2,000', async () => {
    const families = account.emulator.calls().get('ecs:ListTaskDefinitionFamilies') ?? 0;
    const running = Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.runTask')).catch((e: Error) => e);
    await choose('scale-big', 'scale-big');
    await waitForText(QUICK_INPUT, ['scale-app-']);
    await typeUntilRow('scale-long', 'scale-long');
    assert.ok((account.emulator.calls().get('ecs:ListTaskDefinitionFamilies') ?? 0) - families <= 3, 'the typed prefix went to the server, not 10 pages');
    await keyboard('', 'Enter');
    await waitForText(QUICK_INPUT, ['scale-long:2000', 'latest']);
    await typeUntilRow('scale-long:1', 'scale-long:1');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await running;
    assert.strictEqual(account.emulator.calls().get('ecs:RunTask') ?? 0, 0);
  });

  it('the image picker reaches the oldest of 10,000 images (newest first), and copies its URI', async () => {
    const copying = Promise.resolve(vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.copyImageUri'));
    await choose('scale/huge', 'scale/huge');
    await waitForText(QUICK_INPUT, ['build-10000']);
    await typeUntilRow('build-00001', 'build-00001');
    await keyboard('', 'Enter');
    const copied = await copying;
    assert.match(copied.uri, /\/scale\/huge:build-00001$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), copied.uri);
  });
});
