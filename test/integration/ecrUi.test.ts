import * as assert from 'assert';
import * as vscode from 'vscode';
import { QUICK_INPUT, count, hasDriver, keyboard, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually } from './support/tree';

const EDITOR = '#workbench\\.parts\\.editor';

describe('ECR as a new user meets it: the palette and scan findings', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await account?.close();
  });

  it('typing "push image" in the command palette lists Push Image to ECR… before Build Image and Push…', async () => {
    await vscode.commands.executeCommand('workbench.action.showCommands');
    await keyboard('push image');
    const { text } = await waitForText(QUICK_INPUT, ['Push Image to ECR…']);
    const rows = text.split('\n').map((line) => line.trim());
    const push = rows.findIndex((row) => row.startsWith('ECR: Push Image to ECR…'));
    const build = rows.findIndex((row) => row.startsWith('ECR: Build Image and Push to ECR…'));
    assert.ok(push >= 0, `no Push Image row in:\n${text}`);
    assert.ok(build === -1 || push < build, `Push Image (row ${push}) before Build Image and Push (row ${build}):\n${text}`);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('scan findings open as a read-only Markdown preview: the findings are shown, the tab is not dirty, closing asks nothing', async () => {
    const shown = await vscode.commands.executeCommand<{ uri: string; status: string }>('ecsWorkbench.showScanFindings', { repository: 'demo/api', tag: '1.1.0' });
    assert.strictEqual(shown.status, 'COMPLETE');
    assert.notStrictEqual(vscode.Uri.parse(shown.uri).scheme, 'untitled');
    // The editor renders spaces as no-break spaces: whole words only.
    await waitForText(EDITOR, ['demo/api:1.1.0', 'CVE-2024-6387', 'CRITICAL', 'INFORMATIONAL']);
    const tab = await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab, 'the findings tab');
    assert.match(tab.label, /^scan-demo_api:1\.1\.0\.md$/);
    assert.strictEqual(tab.isDirty, false);
    assert.strictEqual(await count('.tabs-container .tab.dirty'), 0, 'no unsaved dot on any tab');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown.uri)!;
    assert.strictEqual(document.isDirty, false);
    assert.strictEqual(document.languageId, 'markdown');
    // A dirty buffer would ask to be saved (a modal the test host refuses, leaving the tab open).
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await eventually(() => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === tab.label)) || undefined, 'the findings tab to close without a save prompt');
  });
});
