import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually } from './support/tree';

/** Writes (or, with undefined, removes) the workspace-level endpoint, as a repository's .vscode/settings.json would. */
async function workspaceEndpoint(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('ecsWorkbench').update('endpointUrl', url, vscode.ConfigurationTarget.Workspace);
}

/** The workbench's own log (the runner writes it): a modal the test host refused is recorded there with its text. */
function workbenchLog(): string {
  const file = path.join(process.env.ECS_TEST_OUTPUT_DIR ?? '', 'workbench.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

describe('A custom endpoint from the workspace is used only once the user confirms it', function () {
  let account: EmulatorAccount;
  let other: EmulatorHandle;

  before(async function () {
    if (!process.env.ECS_TEST_OUTPUT_DIR) this.skip();
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
    // VS Code refuses modals inside an extension test host and answers them as a dismissal, but
    // logs what the modal would have said.
    await eventually(() => workbenchLog().includes(`This workspace sends AWS calls to ${other.url} instead of AWS.`) || undefined, 'the confirmation modal naming the URL');
    await workbench.ready;
    assert.strictEqual(workbench.clientManager.context.endpoint, account.emulator.url);
    workbench.explorer.refresh();
    await workbench.explorer.getChildren();
    assert.strictEqual(other.calls().size, 0, 'the workspace endpoint received nothing');
    assert.ok(account.emulator.calls().size > 0, 'the user-level endpoint answered');
  });
});
