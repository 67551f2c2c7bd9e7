import * as assert from 'assert';
import * as vscode from 'vscode';
import { BatchGetDeploymentsCommand, CodeDeployClient, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import { DescribeServiceDeploymentsCommand, DescribeServiceRevisionsCommand, ECSClient, ListServiceDeploymentsCommand } from '@aws-sdk/client-ecs';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { SIDEBAR, click, hasDriver, openSideBarRows, screenshot, sideBarRow, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand, type Shown } from './support/tree';

const SERVICE_PATH = ['us-east-1', 'demo-fargate', 'Services'];

describe('Deployment history: the Deployments folder, service revisions, Compare Revisions', function () {
  this.timeout(120_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;
  let ecs: ECSClient;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'explorer.refreshIntervalSeconds': 2 });
    ({ workbench, emulator } = account);
    ecs = new ECSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account.close();
  });

  beforeEach(() => workbench.explorer.refresh());

  /** What ECS itself says of a service's deployments, newest first. */
  async function described(service: string) {
    const listed = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'demo-fargate', service }));
    const arns = (listed.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn!);
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }));
    return arns.map((arn) => out.serviceDeployments!.find((d) => d.serviceDeploymentArn === arn)!);
  }

  async function deploymentsOf(service: string): Promise<Shown[]> {
    return expand(workbench.explorer, ...SERVICE_PATH, service, 'Deployments');
  }

  it('the Deployments folder of checkout (BLUE_GREEN) shows what DescribeServiceDeployments says, newest first', async () => {
    const service = await expand(workbench.explorer, ...SERVICE_PATH, 'checkout');
    assert.deepStrictEqual(service.map((n) => n.label), ['Deployments', 'Events', 'Tasks', 'Auto scaling']);
    const rows = await childrenOf(workbench.explorer, service[0].node);
    const truth = await described('checkout');
    assert.strictEqual(rows.length, truth.length);
    assert.deepStrictEqual(truth.map((d) => d.status), ['SUCCESSFUL', 'SUCCESSFUL']);
    assert.deepStrictEqual(rows.map((r) => r.label), ['demo-checkout:1 → 2', 'demo-checkout:1']);
    for (const row of rows) assert.match(row.description!, /^succeeded · \d+[smhd] ago · blue\/green$/);
    assert.strictEqual(rows[0].contextValue, 'serviceDeployment.done.comparable');
    assert.strictEqual(rows[1].contextValue, 'serviceDeployment.done');
    assert.match(rows[0].tooltip!, /Strategy: BLUE_GREEN/);
    assert.match(rows[0].tooltip!, /Stage: CLEAN_UP/);
    assert.match(rows[0].tooltip!, /From: demo-checkout:1\s+To: demo-checkout:2/);
    assert.ok(rows[0].tooltip!.includes(truth[0].serviceDeploymentArn!));

    if (hasDriver()) {
      const row = (label: string) => `${SIDEBAR} .monaco-list-row[aria-label^="${label} "], ${SIDEBAR} .monaco-list-row[aria-label="${label}"]`;
      for (const label of ['demo-fargate', 'Services', 'checkout', 'Deployments']) {
        await waitForText(SIDEBAR, [label]);
        await click(row(label));
      }
      const { text } = await waitForText(SIDEBAR, ['demo-checkout:1 → 2', 'blue/green']);
      assert.match(text, /demo-checkout:1 → 2\s*succeeded · \d+[smhd] ago/);
      await screenshot('deployment-history');
      await click(row('checkout'));
    }
  });

  it('below a deployment, its target service revision: task definition, the image digest ECS resolved, load balancer, network', async () => {
    const [newest] = await deploymentsOf('checkout');
    const [revision] = await childrenOf(workbench.explorer, newest.node);
    assert.strictEqual(revision.label, 'Target revision');
    assert.strictEqual(revision.description, 'demo-checkout:2');
    const truth = (await described('checkout'))[0];
    const rev = (await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [truth.targetServiceRevision!.arn!] }))).serviceRevisions![0];
    const rows = await childrenOf(workbench.explorer, revision.node);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    assert.strictEqual(byLabel['Task definition'].description, 'demo-checkout:2');
    const digest = rev.containerImages![0].imageDigest!;
    assert.strictEqual(byLabel.checkout.description, `${digest.slice(0, 'sha256:'.length + 12)}…`);
    assert.ok(byLabel.checkout.tooltip!.includes(digest));
    assert.strictEqual(byLabel['Load balancer'].description, 'demo-checkout-blue-tg → checkout:8080');
    assert.match(byLabel['Load balancer'].tooltip!, /Alternate target group: arn:aws:elasticloadbalancing:[^\n]*demo-checkout-green-tg/);
    assert.match(byLabel.Network.description!, /^\d+ subnets? · \d+ security groups?/);
  });

  it('Compare Revisions on a deployment opens the diff editor: the task definition changed, the rest the same', async () => {
    const [newest] = await deploymentsOf('checkout');
    const result = await vscode.commands.executeCommand<{ uri: string; left: string; right: string }>('ecsWorkbench.compareServiceRevisions', newest.node);
    const tab = await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff && input.modified.toString() === result.uri ? vscode.window.tabGroups.activeTabGroup.activeTab! : undefined;
    }, 'the diff editor');
    assert.match(tab.label, /^checkout: demo-checkout:1 \(\w+\) ↔ demo-checkout:2 \(\w+\) \(service revisions\)$/);
    const left = (await vscode.workspace.openTextDocument(vscode.Uri.parse(result.left))).getText();
    const right = (await vscode.workspace.openTextDocument(vscode.Uri.parse(result.right))).getText();
    const changed = right.split('\n').filter((line, i) => line !== left.split('\n')[i]);
    assert.ok(changed.includes('  "taskDefinition": "demo-checkout:2"'), changed.join('\n'));
    assert.ok(left.includes('"taskDefinition": "demo-checkout:1"'));
    assert.doesNotMatch(right, /serviceRevisionArn|createdAt/);
    if (hasDriver()) await screenshot('compare-service-revisions');

    // The argument form: the same two revisions by ARN.
    const truth = (await described('checkout'))[0];
    const byArn = await vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.compareServiceRevisions', { left: truth.sourceServiceRevisions![0].arn, right: truth.targetServiceRevision!.arn, region: 'us-east-1' });
    assert.strictEqual((await vscode.workspace.openTextDocument(vscode.Uri.parse(byArn.uri))).getText(), right);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.compareServiceRevisions', { left: 'demo-checkout:1', right: truth.targetServiceRevision!.arn })),
      /"left" must be a service revision ARN/,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('listServiceDeployments returns what the tree shows, newest first, typed; a bad status is refused', async () => {
    const result = await vscode.commands.executeCommand<{ deployments: { serviceDeploymentArn: string; status: string; strategy: string; lifecycleStage?: string; sourceServiceRevisionArns: string[]; targetServiceRevisionArn: string; startedAt: string; finishedAt?: string }[] }>(
      'ecsWorkbench.listServiceDeployments',
      { cluster: 'demo-fargate', service: 'payments' },
    );
    const truth = await described('payments');
    assert.deepStrictEqual(result.deployments.map((d) => d.serviceDeploymentArn), truth.map((d) => d.serviceDeploymentArn));
    assert.deepStrictEqual(result.deployments.map((d) => [d.status, d.strategy, d.lifecycleStage]), truth.map((d) => [d.status, 'BLUE_GREEN', d.lifecycleStage]));
    assert.strictEqual(result.deployments[0].targetServiceRevisionArn, truth[0].targetServiceRevision!.arn);
    assert.deepStrictEqual(result.deployments[0].sourceServiceRevisionArns, [truth[0].sourceServiceRevisions![0].arn]);
    assert.ok(Date.parse(result.deployments[0].startedAt) > Date.parse(result.deployments[1].startedAt), 'newest first');
    assert.strictEqual(result.deployments[0].finishedAt, truth[0].finishedAt!.toISOString());
    const none = await vscode.commands.executeCommand<{ deployments: unknown[] }>('ecsWorkbench.listServiceDeployments', { cluster: 'demo-fargate', service: 'payments', status: ['ROLLBACK_FAILED'] });
    assert.deepStrictEqual(none.deployments, []);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.listServiceDeployments', { cluster: 'demo-fargate', service: 'payments', status: ['DONE'] })), /"status" entries must be among PENDING/);
  });

  it('a rolling deployment in progress moves to succeeded in the folder without Refresh', async () => {
    const rows = await deploymentsOf('web');
    assert.match(rows[0].label, /^demo-web:1 → 2$/);
    assert.match(rows[0].description!, /^(pending|in progress) · \d\/2 · rolling$/);
    assert.strictEqual(rows[0].contextValue, 'serviceDeployment.active.comparable');
    const folder = (await expand(workbench.explorer, ...SERVICE_PATH, 'web')).find((n) => n.label === 'Deployments')!;
    await emulator.clock.advance(15 * 60_000);
    // The service's auto-refresh resets the folder; the next read (as VS Code does for an open folder) shows the end.
    const done = await eventually(async () => {
      const [first] = await childrenOf(workbench.explorer, folder.node);
      return first.description?.startsWith('succeeded') ? first : undefined;
    }, 'the deployment to show succeeded', 30_000);
    assert.match(done.description!, /^succeeded · \d+[smhd] ago · rolling$/);
    assert.strictEqual(done.contextValue, 'serviceDeployment.done.comparable');
  });

  it('a CODE_DEPLOY service (legacy-bg) lists its CodeDeploy deployments under Deployments, as CodeDeploy says', async () => {
    const codeDeploy = new CodeDeployClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    const ids = (await codeDeploy.send(new ListDeploymentsCommand({ applicationName: 'legacy-bg', deploymentGroupName: 'legacy-bg-dg' }))).deployments ?? [];
    const [truth] = (await codeDeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ids }))).deploymentsInfo ?? [];
    assert.strictEqual(ids.length, 1);
    assert.strictEqual(truth.status, 'Succeeded');

    const service = await expand(workbench.explorer, ...SERVICE_PATH, 'legacy-bg');
    assert.deepStrictEqual(service.map((n) => n.label), ['Deployments', 'Events', 'Tasks', 'Auto scaling']);
    const rows = await childrenOf(workbench.explorer, service[0].node);
    // The emulator's clock is its own: the age is whatever it makes of the seeded two days.
    assert.strictEqual(rows.length, 1);
    assert.match(`${rows[0].label} · ${rows[0].description}`, /^legacy-bg:1 → 2 · succeeded · \d+[smhd] ago · CodeDeploy AllAtOnce$/);
    assert.strictEqual(rows[0].contextValue, 'codeDeployDeployment.done');
    assert.ok(rows[0].tooltip!.includes(`CodeDeploy deployment: ${truth.deploymentId}`), rows[0].tooltip);
    assert.match(rows[0].tooltip!, /Application \/ deployment group: legacy-bg \/ legacy-bg-dg/);
    assert.match(rows[0].tooltip!, /Configuration: CodeDeployDefault\.ECSAllAtOnce/);
    assert.match(rows[0].tooltip!, /Task definition: arn:aws:ecs:us-east-1:\d+:task-definition\/legacy-bg:2/);

    if (hasDriver()) {
      // Opened as a person would: a row an earlier test left open is not clicked shut.
      await openSideBarRows('demo-fargate', 'Services', 'legacy-bg', 'Deployments');
      const { text } = await waitForText(SIDEBAR, ['legacy-bg:1 → 2', 'CodeDeploy AllAtOnce']);
      assert.match(text, /legacy-bg:1 → 2\s*succeeded · \d+[smhd] ago · CodeDeploy AllAtOnce/);
      await click(sideBarRow('legacy-bg'));
    }
  });

  it('a CodeDeploy deployment in progress shows as such, newest first, with Roll Back on its menu; it stops with autoRollbackEnabled', async () => {
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/legacy:1.2.0';
    const started = await vscode.commands.executeCommand<{ outcome: string; codeDeployDeploymentId?: string }>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'legacy-bg', image: { container: 'web', uri: image }, wait: false });
    assert.strictEqual(started.outcome, 'NOT_WAITED');
    const rows = await deploymentsOf('legacy-bg');
    assert.strictEqual(rows.length, 2);
    assert.match(rows[0].label, /^legacy-bg:2 → 3$/);
    assert.match(rows[0].description!, /^(created|queued|in progress)( · \w+)?( · replacement \d+%)? · \d+[smhd] ago · CodeDeploy AllAtOnce$/);
    assert.strictEqual(rows[0].contextValue, 'codeDeployDeployment.active');
    assert.ok(rows[0].tooltip!.includes(`CodeDeploy deployment: ${started.codeDeployDeploymentId}`));
    assert.match(rows[1].description!, /^succeeded/);
    const stopped = await vscode.commands.executeCommand<{ codeDeployDeploymentId: string }>('ecsWorkbench.rollbackDeployment', { cluster: 'demo-fargate', service: 'legacy-bg', wait: false });
    assert.strictEqual(stopped.codeDeployDeploymentId, started.codeDeployDeploymentId);
  });
});
