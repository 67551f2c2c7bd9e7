import * as assert from 'assert';
import * as vscode from 'vscode';
import { CreateServiceCommand, DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import { QUICK_INPUT, SIDEBAR, choose, hasDriver, keyboard, openSideBarRows, screenshot, textOf, waitForText } from './support/driver';
import { drive } from './support/driveClock';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually } from './support/tree';

describe('Clusters and services: create, refuse, delete', function () {
  this.timeout(180_000);
  let account: EmulatorAccount;
  let ecs: ECSClient;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1 });
    ecs = new ECSClient({ endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
  });
  after(() => account?.close());

  it('creates a Fargate cluster through the quick input; it appears in the explorer without Refresh', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    await openSideBarRows('us-east-1');
    await waitForText(SIDEBAR, ['demo-fargate']);
    const creating = Promise.resolve(vscode.commands.executeCommand<{ clusterArn: string }>('ecsWorkbench.createCluster'));
    await waitForText(QUICK_INPUT, ['Create Cluster (1/', 'Name']);
    await keyboard('it bad', '');
    await waitForText(QUICK_INPUT, ['Only letters, numbers, hyphens and underscores']);
    await keyboard('', 'Control+a');
    await keyboard('it-web', 'Enter');
    await waitForText(QUICK_INPUT, ['Fargate only']);
    await screenshot('create-cluster-capacity');
    await choose('Fargate only', 'Fargate');
    await choose('All on FARGATE_SPOT', 'Half');
    await choose('Enhanced', 'Enabled');
    await waitForText(QUICK_INPUT, ['Service Connect default namespace']);
    await keyboard('', 'Enter');
    await waitForText(QUICK_INPUT, ['Tags (optional)']);
    await keyboard('env=it', 'Enter');
    const result = await creating;
    assert.match(result?.clusterArn ?? '', /cluster\/it-web$/);
    const d = await ecs.send(new DescribeClustersCommand({ clusters: ['it-web'], include: ['SETTINGS', 'TAGS'] }));
    const c = d.clusters![0];
    assert.deepStrictEqual(c.capacityProviders, ['FARGATE', 'FARGATE_SPOT']);
    assert.deepStrictEqual(c.defaultCapacityProviderStrategy?.map((s) => [s.capacityProvider, s.base, s.weight]), [['FARGATE', 1, 1], ['FARGATE_SPOT', 0, 1]]);
    assert.deepStrictEqual(c.settings, [{ name: 'containerInsights', value: 'enabled' }]);
    assert.deepStrictEqual(c.tags, [{ key: 'env', value: 'it' }]);
    await waitForText(SIDEBAR, ['it-web']);
  });

  it('refuses to delete a cluster with a service, naming it; deletes the service (drained, row gone), then the cluster', async () => {
    await ecs.send(new CreateServiceCommand({ cluster: 'it-web', serviceName: 'doomed', taskDefinition: 'demo-api', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.deleteCluster', { cluster: 'it-web' })), /Cluster it-web is not empty: 1 service \(doomed\)/);
    await openSideBarRows('it-web', 'Services');
    await waitForText(SIDEBAR, ['doomed']);
    const deleted = await drive(account.emulator, Promise.resolve(vscode.commands.executeCommand<{ serviceArn: string; status: string }>('ecsWorkbench.deleteService', { cluster: 'it-web', service: 'doomed' })));
    assert.strictEqual(deleted?.status, 'INACTIVE');
    assert.match(deleted?.serviceArn ?? '', /service\/it-web\/doomed$/);
    await eventually(async () => !(await textOf(SIDEBAR)).includes('doomed') || undefined, 'the deleted service to leave the tree');
    const gone = await vscode.commands.executeCommand<{ clusterArn: string; status: string }>('ecsWorkbench.deleteCluster', { cluster: 'it-web' });
    assert.deepStrictEqual(gone, { clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/it-web', status: 'INACTIVE' });
    await eventually(async () => !(await textOf(SIDEBAR)).includes('it-web') || undefined, 'the deleted cluster to leave the tree');
  });
});
