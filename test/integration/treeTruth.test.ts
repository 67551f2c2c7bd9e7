import * as assert from 'assert';
import * as vscode from 'vscode';
import { DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { EmulatorHandle } from '../emulator';
import { QUICK_INPUT, SIDEBAR, choose, click, figure, hasDriver, hover, screenshot, waitForText } from './support/driver';
import { describeCount, drive } from './support/driveClock';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand } from './support/tree';

const IMAGE = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:${tag}`;

/** A row of the explorer by its label (its aria-label is the label, a space, then the description). */
const row = (label: string) => `${SIDEBAR} .monaco-list-row[aria-label^="${label} "], ${SIDEBAR} .monaco-list-row[aria-label="${label}"]`;

/** An inline action button of a row (shown once the row is selected). */
const action = (label: string, title: string) =>
  `${SIDEBAR} .monaco-list-row[aria-label^="${label} "] .action-label[aria-label="${title}"], ${SIDEBAR} .monaco-list-row[aria-label="${label}"] .action-label[aria-label="${title}"]`;

/** What the side bar shows now. */
async function sidebarText(): Promise<string> {
  return (await waitForText(SIDEBAR, [])).text;
}

/** Polls what the side bar shows until `check` holds (deadline, no sleeps). */
function sidebarShows(check: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  let seen = '';
  return eventually(async () => {
    seen = await sidebarText();
    return check(seen) ? seen : undefined;
  }, what, timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}; the side bar showed:\n${seen}`);
  });
}

/** Clicks rows open in order, as a person expands a path in the tree; rows already open stay open. */
async function open(...labels: string[]): Promise<void> {
  for (const label of labels) {
    await waitForText(SIDEBAR, [label]);
    const collapsed = row(label).split(', ').map((r) => `${r}[aria-expanded="false"]`).join(', ');
    await click(collapsed, 2_000).catch(() => undefined);
  }
}

describe('The tree tells the truth: what a person sees after their own actions, without Refresh', function () {
  this.timeout(180_000);
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1, 'explorer.refreshIntervalSeconds': 2 });
    emulator = account.emulator;
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
    account.workbench.explorer.refresh();
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await account?.close();
  });

  it('a failing rollout shows a warning and why on the service row and in the service picker, not "rolling out"', async () => {
    await open('demo-fargate', 'Services');
    const text = await sidebarShows((t) => /worker[\s\S]*failing: \d+ stopped \(exit 1\)/.test(t), 'worker to show failing with the exit code');
    assert.doesNotMatch(text, /worker[^\n]*rolling out/);
    const picker = vscode.commands.executeCommand('ecsWorkbench.scaleService');
    await choose('demo-fargate', 'demo-fargate');
    const services = await waitForText(QUICK_INPUT, ['worker']);
    assert.match(services.text, /worker[\s\S]*failing: \d+ tasks stopped/);
    await screenshot('tree-truth-failing');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await picker;
  });

  it('Show Stopped Tasks stays on across three auto-refreshes of a service that is rolling out', async () => {
    await open('demo-fargate', 'Services', 'worker', 'Tasks');
    // The row is redrawn every 2 s by the auto-refresh; a click that lands as it is replaced is lost,
    // and a person clicks again.
    await eventually(async () => {
      await hover(row('Tasks'));
      await click(action('Tasks', 'Show Stopped Tasks'));
      return waitForText(SIDEBAR, ['Tasks (stopped)'], 3_000).catch(() => undefined);
    }, 'the Tasks folder to show stopped tasks', 30_000);
    const before = describeCount(emulator);
    // The auto-refresher re-reads worker (a DescribeServices) every 2 s while it is failing.
    await eventually(() => describeCount(emulator) >= before + 3 || undefined, 'three auto-refreshes', 30_000);
    const text = await sidebarText();
    assert.match(text, /Tasks \(stopped\)/, 'the toggle is still on');
    figure(`tree-truth stopped_toggle_kept_across_refreshes=${describeCount(emulator) - before}`);
    await click(row('worker'));
  });

  it('a deploy shows the new deployment at once and succeeded when done, without Refresh', async () => {
    await open('demo-fargate', 'Services', 'api', 'Deployments');
    await sidebarShows((t) => /demo-api:3[^\n]*succeeded/.test(t), 'api\'s finished deployment');
    const deploy = vscode.commands.executeCommand<{ outcome: string }>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('1.3.0') } });
    // From UpdateService's answer: the row and its deployments change before any poll is needed.
    const during = await sidebarShows((t) => /demo-api:3 → 4[^\n]*(pending|in progress)/.test(t), 'the new deployment, in progress');
    assert.match(during, /api[^\n]*rolling out/);
    // The README's explorer picture: a rollout in progress and a failing service, as they are.
    await screenshot('explorer-rolling-out');
    const result = await drive(emulator, deploy);
    assert.strictEqual(result.outcome, 'COMPLETED');
    await sidebarShows((t) => /demo-api:3 → 4[^\n]*succeeded/.test(t), 'the deployment to show succeeded');
    // The history reads the service deployment, the row DescribeServices: the row follows within one auto-refresh.
    await sidebarShows((t) => /api[^\n]*3\/3 · steady/.test(t), 'api\'s row to show steady');
    await screenshot('tree-truth-after-deploy');
    await click(row('Deployments'));
  });

  it('a scale is reported as a scale, and the cluster row counts what ECS counts', async () => {
    const shownRunning = async () => Number(/demo-fargate[^\n]*?(\d+) running/.exec(await sidebarText())?.[1]);
    const ecsRunning = async () => {
      const ecs = new ECSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
      return (await ecs.send(new DescribeClustersCommand({ clusters: ['demo-fargate'] }))).clusters?.[0]?.runningTasksCount;
    };
    // web (no load balancer) is steady once the clock has run for the deploy above.
    await sidebarShows((t) => /web[^\n]*2\/2 · steady/.test(t), 'web to be steady at 2/2');
    const before = await shownRunning();
    await vscode.commands.executeCommand('ecsWorkbench.scaleService', { cluster: 'demo-fargate', service: 'web', desiredCount: 4 });
    await sidebarShows((t) => /web[^\n]*\/4/.test(t), 'web to show 4 desired');
    const [webNode] = (await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services')).filter((s) => s.label === 'web');
    const calls = describeCount(emulator);
    const watching = vscode.commands.executeCommand('ecsWorkbench.watchService', webNode.node);
    // The watch reads the service (2 of 4 running) and polls it at once: two DescribeServices, then ECS time runs.
    await eventually(() => describeCount(emulator) >= calls + 2 || undefined, 'the watch to read web');
    await drive(emulator, watching);
    await vscode.commands.executeCommand('notifications.showList');
    const { text } = await waitForText('.notifications-center', ['web: 2 → 4 tasks, 4/4 running after']);
    assert.doesNotMatch(text, /deployment of demo-web:\d completed/);
    await vscode.commands.executeCommand('notifications.clearAll');
    await sidebarShows((t) => /web[^\n]*4\/4 · steady/.test(t), 'web to show 4/4');
    // Other services' tasks start and stop meanwhile: the row must say what DescribeClusters says.
    const after = await eventually(async () => {
      const [shown, ecs] = [await shownRunning(), await ecsRunning()];
      return shown === ecs ? shown : undefined;
    }, 'the cluster row to count what ECS counts');
    figure(`tree-truth cluster_running_before=${before} after_scale=${after}`);
  });
});
