import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EmulatorHandle } from '../emulator';
import { QUICK_INPUT, choose, click, hasDriver, keyboard, screenshot, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';

/** What the push notification hands to Deploy…: an object that is not an argument object. */
class PushedImage {
  constructor(readonly imageUri: string) {}
}

describe('Deploy, interactively: the pickers and the confirmation a person goes through', function () {
  this.timeout(120_000);
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' });
    emulator = account.emulator;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await account?.close();
  });

  it('"Deploy…" after a push walks the pickers with the pushed image first, and nothing is sent without the confirmation', async () => {
    const pushed = '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:1.3.0';
    const callsBefore = new Map(emulator.calls());
    const running = vscode.commands.executeCommand<{ outcome: string } | undefined>('ecsWorkbench.deploy', new PushedImage(pushed));
    await choose('demo-fargate', 'demo-fargate');
    await choose('worker', 'api');
    await choose('Current task definition');
    // The container running demo/api comes first, offered the pushed image.
    const containers = await waitForText(QUICK_INPUT, ['Replace the image of api']);
    assert.match(containers.text, /Replace the image of api[\s\S]*with 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/demo\/api:1\.3\.0[\s\S]*Keep the images as they are/);
    await choose('Replace the image of api');
    const images = await waitForText(QUICK_INPUT, ['just pushed']);
    assert.match(images.text, /^[\s\S]*api:1\.3\.0[\s\S]*just pushed[\s\S]*api:1\.2\.0[\s\S]*newest push/);
    await screenshot('deploy-image-picker');
    await choose('just pushed');
    // VS Code refuses modal dialogs inside an extension test host ("Dialog requested during smoke
    // test"), which answers the confirmation as a dismissal: the deploy must then apply nothing.
    const result = await running;
    assert.strictEqual(result, undefined);
    for (const op of ['ecs:RegisterTaskDefinition', 'ecs:UpdateService']) {
      assert.strictEqual(emulator.calls().get(op) ?? 0, callsBefore.get(op) ?? 0, `${op} must not be called without confirmation`);
    }
  });

  it('Deploy from the palette says which step it is on, and Back returns to the previous step with its choice', async () => {
    const title = `${QUICK_INPUT} .quick-input-title`;
    const callsBefore = new Map(emulator.calls());
    await keyboard('', 'F1');
    await keyboard('ECS: Deploy');
    await waitForText(`${QUICK_INPUT} .monaco-list-row.focused`, ['ECS: Deploy…']);
    await keyboard('', 'Enter');
    await waitForText(title, ['Deploy (1/4): Cluster']);
    await waitForText(QUICK_INPUT, ['demo-ec2', 'demo-fargate']);
    await keyboard('demo-fargate', 'Enter');
    await waitForText(title, ['Deploy (2/4): Service']);
    await waitForText(QUICK_INPUT, ['api', 'worker']);
    await screenshot('deploy-step-2');
    // The Back button of the title bar, clicked as a person does.
    await click(`${QUICK_INPUT} .quick-input-left-action-bar .codicon-quick-input-back`);
    await waitForText(title, ['Deploy (1/4): Cluster']);
    await waitForText(`${QUICK_INPUT} .monaco-list-row.focused`, ['demo-fargate']);
    // The choice made before is picked: Enter takes it again.
    await keyboard('', 'Enter');
    await waitForText(title, ['Deploy (2/4): Service']);
    await keyboard('', 'Escape');
    for (const op of ['ecs:RegisterTaskDefinition', 'ecs:UpdateService']) assert.strictEqual(emulator.calls().get(op) ?? 0, callsBefore.get(op) ?? 0);
  });
});
