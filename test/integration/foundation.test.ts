import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/explorerNode';
import type { EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { writeAwsFiles } from './support/awsFiles';
import { SIDEBAR, hasDriver, screenshot, waitForText } from './support/driver';
import { EXTENSION_ID, activateExtension, setSettings } from './support/tree';

interface Shown {
  label: string;
  description?: string;
  contextValue?: string;
  children?: Shown[];
}

/** The tree as a person sees it: labels and descriptions, expanded where VS Code would expand. */
async function showTree(explorer: EcsWorkbenchApi['explorer'], node?: ExplorerNode, depth = 2): Promise<Shown[]> {
  const nodes = await explorer.getChildren(node);
  return Promise.all(
    nodes.map(async (child) => {
      const item = await explorer.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const shown: Shown = { label, description: item.description as string | undefined, contextValue: item.contextValue };
      if (depth > 0 && item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) {
        shown.children = await showTree(explorer, child, depth - 1);
      }
      return shown;
    }),
  );
}

/** Waits until the client manager has applied the settings just written. */
async function contextSettled(workbench: EcsWorkbenchApi, expected: { profile?: string; region?: string }): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const context = workbench.clientManager.context;
    if ((expected.profile === undefined || context.profile === expected.profile) && (expected.region === undefined || context.region === expected.region)) return;
    if (Date.now() > deadline) throw new Error(`context did not become ${JSON.stringify(expected)}: ${JSON.stringify(context)}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('Foundation: activation, view container, credentials guidance', function () {
  let workbench: EcsWorkbenchApi;

  before(async () => {
    writeAwsFiles({});
    workbench = await activateExtension();
    await workbench.ready;
  });

  afterEach(async () => {
    await setSettings({ profile: undefined, region: undefined, endpointUrl: undefined });
  });

  it('activates without loading the AWS SDK and contributes its view container and view', async () => {
    assert.strictEqual(workbench.sdkLoadedAtActivation, false, 'activate() must not load the AWS SDK');
    const packageJson = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    // Views, commands and our languages imply their own events; the one explicit event lets a plain .json
    // holding a task definition be offered the switch to the task-definition language (cheap: no SDK, no core).
    // YAML: CloudFormation templates (cheap too: only a YAML file naming AWS::ECS:: loads the core).
    assert.deepStrictEqual(packageJson.activationEvents, ['onLanguage:yaml'], 'no * activation, and not on every JSON file either: views, commands and our languages imply their events');
    assert.strictEqual(packageJson.contributes.viewsContainers.activitybar[0].id, 'ecsWorkbench');
    assert.strictEqual(packageJson.contributes.views.ecsWorkbench[0].id, 'ecsWorkbench.explorer');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['ecsWorkbench.selectProfile', 'ecsWorkbench.selectRegion', 'ecsWorkbench.refreshExplorer']) {
      assert.ok(commands.includes(id), `${id} registered`);
    }
  });

  it('with no profile and no credentials shows the welcome guidance', async () => {
    writeAwsFiles({});
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    assert.deepStrictEqual(await showTree(workbench.explorer), []);
    if (hasDriver()) {
      await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
      const { text } = await waitForText(SIDEBAR, ['No AWS credentials were found', 'Select Profile']);
      assert.match(text, /aws configure sso/);
      await screenshot('sidebar-welcome', SIDEBAR);
    }
  });

  it('with a profile that has no credentials shows one message node and a node that opens the picker', async () => {
    writeAwsFiles({ config: '[profile nokeys]\nregion = eu-west-1\n' });
    await setSettings({ profile: 'nokeys' });
    await contextSettled(workbench, { profile: 'nokeys', region: 'eu-west-1' });
    const tree = await showTree(workbench.explorer);
    assert.strictEqual(tree.length, 1, JSON.stringify(tree));
    assert.strictEqual(tree[0].label, 'No credentials for profile "nokeys"');
    assert.deepStrictEqual(tree[0].children?.map((c) => c.label), ['Select a profile…']);
    assert.strictEqual(tree[0].children?.[0].contextValue, 'fix.select-profile');
    if (hasDriver()) {
      await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
      await waitForText(SIDEBAR, ['No credentials for profile "nokeys"', 'Select a profile…']);
      await screenshot('sidebar-no-credentials', SIDEBAR);
    }
  });

  it('with an expired SSO session tells the user to run aws sso login for that profile', async () => {
    writeAwsFiles({
      config: [
        '[profile work-sso]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnly',
        'region = us-west-2',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-west-2',
        '',
      ].join('\n'),
    });
    await setSettings({ profile: 'work-sso' });
    await contextSettled(workbench, { profile: 'work-sso', region: 'us-west-2' });
    const tree = await showTree(workbench.explorer);
    assert.strictEqual(tree.length, 1, JSON.stringify(tree));
    assert.strictEqual(tree[0].label, 'SSO session expired: run aws sso login --profile work-sso');
    assert.deepStrictEqual(tree[0].children?.map((c) => c.label), ['Run aws sso login --profile work-sso']);
  });

  it('an unknown profile set in settings says so and offers the picker', async () => {
    writeAwsFiles({ config: '[profile other]\nregion = eu-west-1\n' });
    await setSettings({ profile: 'typo-profile' });
    await contextSettled(workbench, { profile: 'typo-profile' });
    const tree = await showTree(workbench.explorer);
    assert.strictEqual(tree.length, 1, JSON.stringify(tree));
    assert.match(tree[0].label, /typo-profile/);
    assert.strictEqual(tree[0].children?.[0].label, 'Select a profile…');
  });

  it('selectProfile with an argument object sets profile and region without a picker, and refuses a bad one', async () => {
    writeAwsFiles({ credentials: '[dev]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n' });
    const context = await vscode.commands.executeCommand<{ profile?: string; region: string }>('ecsWorkbench.selectProfile', { profile: 'dev', region: 'ap-southeast-2' });
    assert.deepStrictEqual({ profile: context.profile, region: context.region }, { profile: 'dev', region: 'ap-southeast-2' });
    assert.strictEqual(vscode.workspace.getConfiguration('ecsWorkbench').get('profile'), 'dev');
    assert.match(workbench.statusBarText(), /dev @ ap-southeast-2/);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.selectProfile', { profile: 'nope' })),
      /Profile "nope" is not in your AWS config or credentials file/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.selectRegion', { region: 'mars-1' })),
      /"region" must be a region code like eu-west-1, not "mars-1"/,
    );
  });
});

describe('Foundation: talking to AWS (the local emulator) through the client manager', function () {
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount();
    ({ workbench, emulator } = account);
  });

  after(() => account.close());

  afterEach(() => emulator.faults.clear());

  it('shows the region with its clusters, and the account in the status bar', async () => {
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    const tree = await showTree(workbench.explorer);
    assert.deepStrictEqual(tree.map((n) => [n.label, n.description]), [['us-east-1', 'demo']]);
    const clusters = tree[0].children!.filter((c) => c.contextValue === 'cluster').map((c) => c.label);
    assert.deepStrictEqual(clusters, [...clusters].sort(), 'clusters sorted by name');
    assert.ok(clusters.length >= 2, `the demo seed's clusters: ${clusters.join(', ')}`);
    const deadline = Date.now() + 10_000;
    while (!workbench.statusBarText().includes('123456789012')) {
      if (Date.now() > deadline) throw new Error(`status bar never showed the account: ${workbench.statusBarText()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(workbench.statusBarText(), /demo @ us-east-1 \(123456789012\)/);
    if (hasDriver()) {
      await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
      await waitForText(SIDEBAR, ['us-east-1', ...clusters]);
      await waitForText('#workbench\\.parts\\.statusbar', ['demo @ us-east-1 (123456789012)']);
      await screenshot('explorer-clusters');
    }
  });

  it('an AccessDenied from AWS shows an error node naming the IAM action, with a fix', async () => {
    emulator.faults.set({ accessDenied: [{ action: 'ecs:ListClusters' }] });
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    const tree = await showTree(workbench.explorer);
    const region = tree[0];
    assert.strictEqual(region.label, 'us-east-1');
    assert.deepStrictEqual(region.children?.map((c) => c.label), ['Access denied: ecs:ListClusters', 'Task definitions']);
    assert.deepStrictEqual(region.children?.[0].children?.map((c) => c.label), ['Select a profile…']);
  });

  it('expired credentials say so instead of failing silently', async () => {
    emulator.faults.set({ expiredCredentials: true });
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    const tree = await showTree(workbench.explorer);
    assert.strictEqual(tree[0].children?.[0].label, 'AWS credentials expired');
  });
});
