import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EmulatorHandle } from '../emulator';
import { QUICK_INPUT, choose, click, hasDriver, keyboard, screenshot, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';

/** What the push notification hands to Deploy…: an object that is not an argument object. */
class PushedImage {
  constructor(
    readonly imageUri: string,
    readonly digest?: string,
  ) {}
}

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

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

  it('"Deploy…" after a push offers the services running its repository first, then the image picker marks the current image and shows findings; nothing is sent without the confirmation', async () => {
    const pushed = `${HOST}/demo/api:1.3.0`;
    const callsBefore = new Map(emulator.calls());
    const running = vscode.commands.executeCommand<{ outcome: string } | undefined>('ecsWorkbench.deploy', new PushedImage(pushed));
    // One picker over every cluster: api (demo-fargate runs demo/api) first, the others after it.
    const services = await waitForText(QUICK_INPUT, ['runs demo/api:1.2.0', 'cache']);
    assert.match(services.text, /Deploy \(1\/\d\): Service/);
    assert.match(services.text, /^[\s\S]*?\bapi\s*runs demo\/api:1\.2\.0 · demo-fargate · \d+\/3 · demo-api:3[\s\S]*(web|worker|cache)/);
    const rows = services.text.split('\n');
    assert.ok(rows.findIndex((r) => r.includes('runs demo/api')) < rows.findIndex((r) => /demo-ec2/.test(r)), 'the service running demo/api comes before the others');
    await choose('runs demo/api:1.2.0');
    await choose('Current task definition');
    // The container running demo/api comes first, offered the pushed image.
    const containers = await waitForText(QUICK_INPUT, ['Replace the image of api']);
    assert.match(containers.text, /Replace the image of api[\s\S]*with 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/demo\/api:1\.3\.0[\s\S]*Keep the images as they are/);
    await choose('Replace the image of api');
    const images = await waitForText(QUICK_INPUT, ['just pushed', 'current', 'CRITICAL']);
    // The pushed image, then the newest pushes: the one the service runs marked current, each with its findings.
    assert.match(images.text, /api:1\.3\.0\s*just pushed[\s\S]*api:1\.2\.0\s*current · newest push · latest · [\d-]+ [\d:]+ · 1 HIGH · 2 MEDIUM · 1 LOW[\s\S]*api:1\.1\.0\s*[\d-]+ [\d:]+ · 1 CRITICAL · 1 HIGH · 1 MEDIUM · 2 LOW · 1 INFORMATIONAL[\s\S]*api:1\.0\.0/);
    assert.strictEqual(images.text.match(/api:1\.3\.0/g)?.length, 2, 'the pushed image once (label and URI)');
    assert.ok(!images.text.includes('127.0.0.1'));
    await screenshot('deploy-image-picker');
    // 1.1.0 has CRITICAL and HIGH findings: the modal names them (the test host refuses modals, which
    // dismisses it); either way nothing is registered or updated.
    await choose('1 CRITICAL', '1.1.0');
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

describe('Deploy from an argument object: an image with CRITICAL or HIGH findings', function () {
  this.timeout(60_000);
  let account: EmulatorAccount;
  before(async () => (account = await useEmulatorAccount({ seed: 'demo' })));
  after(() => account?.close());

  it('is refused unless allowFindings is true, naming the counts; nothing is registered first', async () => {
    const registrations = () => account.emulator.calls().get('ecs:RegisterTaskDefinition') ?? 0;
    const before = registrations();
    const image = { container: 'api', uri: `${HOST}/demo/api:1.1.0` };
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', image, wait: false })),
      /deploy: demo\/api:1\.1\.0 has 1 CRITICAL and 1 HIGH findings \(ECR image scan\)\. Nothing was deployed; pass "allowFindings": true to deploy it anyway\./,
    );
    assert.strictEqual(registrations(), before);
    const allowed = await vscode.commands.executeCommand<{ taskDefinitionArn: string }>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', image, allowFindings: true, wait: false });
    assert.match(allowed.taskDefinitionArn, /task-definition\/demo-api:4$/);
    assert.strictEqual(registrations(), before + 1);
  });
});
