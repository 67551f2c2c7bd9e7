import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EmulatorHandle } from '../emulator';
import { SIDEBAR, click, hasDriver, openSideBarRows, screenshot, sideBarRow, waitForText } from './support/driver';
import { describeCount, drive } from './support/driveClock';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand } from './support/tree';

const IMAGE = (repo: string, tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}:${tag}`;
const NOTIFICATIONS = '.notifications-center';

interface Result {
  outcome: string;
  reason?: string;
  strategy?: string;
  serviceDeploymentArn?: string;
  status?: string;
  hookId?: string;
  lifecycleStage?: string;
}

/** The emulator's newest service deployment of a demo-fargate service (what DescribeServiceDeployments answers). */
function newest(emulator: EmulatorHandle, service: string) {
  const ecs = emulator.region('us-east-1').ecs;
  const svc = ecs.servicesOf('demo-fargate').get(service)!;
  return ecs.serviceExtras.of(svc).serviceDeployments[0].record;
}

/** Drives ECS time (30 s a step, each followed by the extension's next poll) until `done`. */
async function driveUntil(emulator: EmulatorHandle, done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not reached while the clock was driven: ${what}`);
    const polls = describeCount(emulator);
    await emulator.clock.advance(30_000);
    await eventually(() => done() || describeCount(emulator) > polls || undefined, 'the next poll', 10_000);
  }
}

const deploy = (service: string, tag: string, wait = true) =>
  vscode.commands.executeCommand<Result>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service, image: { container: service, uri: IMAGE(`demo/${service}`, tag) }, wait });

describe('Deployment strategies: blue/green, canary, paused hooks, rollbacks (emulator)', function () {
  this.timeout(180_000);
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1, 'explorer.refreshIntervalSeconds': 1 });
    ({ emulator } = account);
  });
  after(() => account.close());
  afterEach(() => vscode.commands.executeCommand('notifications.clearAll'));

  it('a blue/green deploy (checkout) completes, reported with its strategy, status and service deployment', async () => {
    const result = await drive(emulator, deploy('checkout', '1.3.0'));
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.deepStrictEqual([result.strategy, result.status], ['BLUE_GREEN', 'SUCCESSFUL']);
    assert.strictEqual(result.serviceDeploymentArn, newest(emulator, 'checkout').serviceDeploymentArn);
  });

  it('a blue/green deploy of a failing image is ROLLED_BACK with the reason', async () => {
    const result = await drive(emulator, deploy('checkout', '1.2-fail'));
    assert.strictEqual(result.outcome, 'ROLLED_BACK', result.reason);
    assert.strictEqual(result.status, 'ROLLBACK_SUCCESSFUL');
    assert.ok(result.reason && /roll/i.test(result.reason), result.reason);
  });

  it('a paused hook (payments) is PAUSED with its hook; Continue on the notification takes it to COMPLETED', async function () {
    if (!hasDriver()) this.skip();
    const result = await drive(emulator, deploy('payments', '1.3.0'));
    assert.deepStrictEqual([result.outcome, result.lifecycleStage], ['PAUSED', 'POST_TEST_TRAFFIC_SHIFT'], result.reason);
    assert.ok(result.hookId);
    await vscode.commands.executeCommand('notifications.showList');
    const note = await waitForText(NOTIFICATIONS, ['payments (cluster demo-fargate, account 123456789012, us-east-1): the deployment is paused at post test traffic shift', 'roll back at']);
    assert.match(note.text, /Continue[\s\S]*Roll Back/);
    await click(`${NOTIFICATIONS} .notification-list-item:has-text("payments (cluster") .monaco-button:has-text("Continue")`);
    await driveUntil(emulator, () => newest(emulator, 'payments').status === 'SUCCESSFUL', 'payments SUCCESSFUL');
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText(NOTIFICATIONS, ['payments: COMPLETED']);
  });

  it('a deployment started elsewhere that a PAUSE hook holds raises the notification from the explorer alone; Continue takes it on', async function () {
    if (!hasDriver()) this.skip();
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
    const started = await deploy('payments', '1.5.0', false);
    assert.strictEqual(started.outcome, 'NOT_WAITED');
    // The payments row is on screen (its deployment in progress keeps it refreshing); its Deployments folder is not opened.
    const rows = await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    assert.ok(rows.some((r) => r.label === 'payments'));
    await driveUntil(emulator, () => newest(emulator, 'payments').lifecycleHookDetails?.some((h) => h.status === 'AWAITING_ACTION') ?? false, 'the PAUSE hook awaiting action');
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText(NOTIFICATIONS, ['payments (cluster demo-fargate, account 123456789012, us-east-1): the deployment is paused at post test traffic shift']);
    await click(`${NOTIFICATIONS} .notification-list-item:has-text("payments (cluster") .monaco-button:has-text("Continue")`);
    await driveUntil(emulator, () => newest(emulator, 'payments').status === 'SUCCESSFUL', 'payments SUCCESSFUL');
  });

  it('a paused hook rolled back from the notification ends ROLLBACK_SUCCESSFUL, reported ROLLED_BACK', async function () {
    if (!hasDriver()) this.skip();
    const result = await drive(emulator, deploy('payments', '1.4.0'));
    assert.strictEqual(result.outcome, 'PAUSED', result.reason);
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText(NOTIFICATIONS, ['payments (cluster demo-fargate, account 123456789012, us-east-1): the deployment is paused']);
    await click(`${NOTIFICATIONS} .notification-list-item:has-text("payments (cluster") .monaco-button:has-text("Roll Back")`);
    await driveUntil(emulator, () => newest(emulator, 'payments').status === 'ROLLBACK_SUCCESSFUL', 'payments ROLLBACK_SUCCESSFUL');
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText(NOTIFICATIONS, ['payments: ROLLED_BACK']);
  });

  it('a canary in progress shows "canary 10% · bake m:ss left"; a manual rollback mid-canary is ROLLED_BACK', async function () {
    const watching = Promise.resolve(deploy('search', '1.3.0'));
    const inCanary = () => {
      const d = newest(emulator, 'search');
      return d.lifecycleStage === 'PRODUCTION_TRAFFIC_SHIFT' && d.targetServiceRevision.requestedProductionTrafficWeight === 10;
    };
    await driveUntil(emulator, inCanary, 'the canary step');
    if (hasDriver()) {
      // The picture for the README: the canary in the explorer's history and in the progress notification.
      await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
      await openSideBarRows('demo-fargate', 'Services', 'search', 'Deployments');
      await waitForText(SIDEBAR, ['demo-search:2 →', 'in progress']);
      await vscode.commands.executeCommand('notifications.showList');
      await waitForText(NOTIFICATIONS, ['Deploying search', 'canary 10% · bake']);
      await screenshot('deploy-canary');
      await click(sideBarRow('search'));
    }
    const rollback = await drive(emulator, vscode.commands.executeCommand<{ serviceDeploymentArn: string; stopType: string; outcome?: string; reason?: string }>('ecsWorkbench.rollbackDeployment', { cluster: 'demo-fargate', service: 'search', wait: true }));
    assert.deepStrictEqual([rollback.stopType, rollback.outcome], ['ROLLBACK', 'ROLLED_BACK'], rollback.reason);
    assert.strictEqual(rollback.serviceDeploymentArn, newest(emulator, 'search').serviceDeploymentArn);
    const deployed = await drive(emulator, watching);
    assert.strictEqual(deployed.outcome, 'ROLLED_BACK', deployed.reason);
  });

  it('refuses what does not fit: ABORT where ECS refuses it, and nothing in progress to roll back', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.rollbackDeployment', { cluster: 'demo-fargate', service: 'checkout' })), /has no deployment in progress/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.continueDeployment', { cluster: 'demo-fargate', service: 'checkout', action: 'SKIP' })), /"action" must be one of CONTINUE, ROLLBACK/);
  });
});
