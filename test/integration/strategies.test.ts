import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EmulatorHandle } from '../emulator';
import { scratchDir } from './support/awsFiles';
import { hasDriver, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually } from './support/tree';

const ACCOUNT = '123456789012';
const PANEL = '#workbench\\.parts\\.panel';

/** A rolling service behind an ALB target group, with no advancedConfiguration: clean until it asks for blue/green. */
const ROLLING_SERVICE = `{
  "serviceName": "checkout",
  "cluster": "demo-fargate",
  "taskDefinition": "checkout:1",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "deploymentConfiguration": { "strategy": "ROLLING", "bakeTimeInMinutes": 2 },
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/checkout/0123456789abcdef", "containerName": "web", "containerPort": 8080 }
  ]
}
`;

function rawService(emulator: EmulatorHandle, service: string) {
  return emulator.region('us-east-1').ecs.servicesOf('demo-fargate').get(service)!;
}

describe('Deployment strategies: the service-definition language and Update Service', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1 });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account.close();
  });

  it('editing a service definition to BLUE_GREEN without advancedConfiguration shows what the load balancer needs', async () => {
    const folder = path.join(scratchDir(), 'strategy-files');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'checkout-service-definition.json');
    fs.writeFileSync(file, ROLLING_SERVICE);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const document = editor.document;
    assert.strictEqual(document.languageId, 'ecs-service-definition');
    const ours = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'ECS');
    await eventually(() => (ours().length === 0 ? true : undefined), 'a clean rolling service definition');

    const at = document.getText().indexOf('"ROLLING"');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + '"ROLLING"'.length)), '"BLUE_GREEN"')));
    const found = await eventually(() => ours().find((d) => d.code === 'strategy-needs-traffic'), 'the strategy diagnostic');
    assert.strictEqual(found.severity, vscode.DiagnosticSeverity.Error);
    assert.match(found.message, /BLUE_GREEN needs "advancedConfiguration" on this load balancer: \{ "alternateTargetGroupArn", "productionListenerRule", "roleArn" \}/);
    const lb = document.getText().indexOf('{ "targetGroupArn"');
    assert.ok(found.range.start.isEqual(document.positionAt(lb)), `on the load balancer entry, not ${JSON.stringify(found.range)}`);
    if (hasDriver()) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await waitForText(PANEL, ['BLUE_GREEN needs "advancedConfiguration" on this load balancer']);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('updateService changes the strategy of a seeded service with arguments, and refuses one its load balancer cannot carry', async () => {
    const { emulator } = account;
    assert.strictEqual(rawService(emulator, 'checkout').deploymentConfiguration?.strategy, 'BLUE_GREEN');
    const result = await vscode.commands.executeCommand<{ serviceArn: string; region: string }>('ecsWorkbench.updateService', {
      cluster: 'demo-fargate',
      service: 'checkout',
      deploymentConfiguration: { strategy: 'CANARY', bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 2 } },
    });
    assert.match(result.serviceArn, /service\/demo-fargate\/checkout$/);
    const dc = rawService(emulator, 'checkout').deploymentConfiguration!;
    assert.deepStrictEqual([dc.strategy, dc.bakeTimeInMinutes, dc.canaryConfiguration], ['CANARY', 1, { canaryPercent: 20, canaryBakeTimeInMinutes: 2 }]);

    // `api` is behind the same ALB without advancedConfiguration: nothing is sent, and the message says what is needed.
    const before = JSON.stringify(rawService(emulator, 'api').deploymentConfiguration);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.updateService', { cluster: 'demo-fargate', service: 'api', deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 } })),
      /Service "api" was not changed: .*loadBalancers\[0\]: BLUE_GREEN needs "advancedConfiguration".*then choose BLUE_GREEN again/,
    );
    assert.strictEqual(JSON.stringify(rawService(emulator, 'api').deploymentConfiguration), before);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.updateService', { cluster: 'demo-fargate', service: 'checkout', deploymentConfiguration: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 1 } } })),
      /stepPercent.*multiple of 0\.1 from 3\.0 to 100\.0/,
    );
  });
});
