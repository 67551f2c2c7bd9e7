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
});
