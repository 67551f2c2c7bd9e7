import * as assert from 'assert';
import * as vscode from 'vscode';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand } from './support/tree';

/** Writes (or, with undefined, removes) the workspace-level endpoint, as a repository's .vscode/settings.json would. */
async function workspaceEndpoint(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('ecsWorkbench').update('endpointUrl', url, vscode.ConfigurationTarget.Workspace);
}


describe('A custom endpoint from the workspace is used only once the user confirms it', function () {
  let account: EmulatorAccount;
  let other: EmulatorHandle;

  before(async function () {
    account = await useEmulatorAccount();
    other = await startEmulator({ seed: 'demo' });
  });
  after(async () => {
    await workspaceEndpoint(undefined);
    await other?.close();
    await account?.close();
  });

  it('asks with a modal naming the URL; dismissed, AWS calls keep going to the user-level endpoint and the workspace one receives nothing', async () => {
    const { workbench } = account;
    await workspaceEndpoint(other.url);
    // VS Code refuses modals inside an extension test host and answers them as a dismissal.
    await eventually(() => workbench.endpointQuestions().includes(other.url) || undefined, 'the confirmation modal naming the URL');
    await workbench.ready;
    assert.strictEqual(workbench.clientManager.context.endpoint, account.emulator.url);
    workbench.explorer.refresh();
    const clusters = await expand(workbench.explorer, 'us-east-1');
    assert.ok(clusters.some((n) => n.label === 'demo-fargate'), 'the user-level endpoint answered');
    assert.strictEqual(other.calls().size, 0, 'the workspace endpoint received nothing');
  });
});
