import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeRulesCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { scratchDir } from './support/awsFiles';
import { QUICK_INPUT, SIDEBAR, choose, hasDriver, keyboard, openSideBarRows, screenshot, waitForText } from './support/driver';
import { drive } from './support/driveClock';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { answeringModals } from './support/modals';
import { eventually } from './support/tree';

const NOTIFICATIONS = '.notifications-center';

type Result = { serviceArn: string; outcome?: string } | undefined;

const TITLE = `${QUICK_INPUT} .quick-input-title`;

/** Cluster demo-fargate, family demo-api at its latest revision, and `name` typed over the family offered as the name. */
async function firstSteps(name: string): Promise<void> {
  await waitForText(TITLE, ['Create Service (1/', 'Cluster']);
  await choose('demo-fargate', 'demo-fargate');
  await waitForText(TITLE, ['Task definition family']);
  await choose('demo-api', 'demo-api');
  await waitForText(TITLE, ['Revision of demo-api (latest first)']);
  await keyboard('', 'Enter');
  await waitForText(TITLE, ['Service name']);
  await keyboard('', 'Control+a');
  await keyboard(name, 'Enter');
}

describe('Create Service… in the real editor: the console\'s steps, a new target group and rule on the ALB, and from a service-definition file', function () {
  this.timeout(240_000);
  let account: EmulatorAccount;
  let ecs: ECSClient;
  let elb: ElasticLoadBalancingV2Client;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1 });
    const client = { endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } };
    ecs = new ECSClient(client);
    elb = new ElasticLoadBalancingV2Client(client);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await account?.close();
  });

  it('answers every step (default VPC, subnets and group preselected), confirms a summary naming account and region, and watches the first deployment to its end', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    const result = await answeringModals('Create Service', async (asked) => {
      const running = Promise.resolve(vscode.commands.executeCommand<Result>('ecsWorkbench.createService'));
      const title = `${QUICK_INPUT} .quick-input-title`;
      await firstSteps('it-orders');
      await waitForText(title, ['Launch type or capacity provider']);
      await choose('FARGATE_SPOT (capacity provider)', 'SPOT');
      await waitForText(title, ['Desired count']);
      await keyboard('', 'Control+a');
      await keyboard('2', 'Enter');
      await waitForText(title, ['VPC (awsvpc)']);
      const vpcs = await waitForText(QUICK_INPUT, ['vpc-0a1b2c3d4e5f67890', 'default']);
      assert.match(vpcs.text, /vpc-0a1b2c3d4e5f67890\s*default · 172\.31\.0\.0\/16/);
      await keyboard('', 'Enter');
      await waitForText(title, ['Subnets (the default subnets are selected)']);
      await waitForText(QUICK_INPUT, ['subnet-0a1b2c3d4e5f60001', 'us-east-1a', 'subnet-0a1b2c3d4e5f60003']);
      await screenshot('create-service-subnets');
      await keyboard('', 'Enter');
      await waitForText(title, ['Security groups']);
      await waitForText(QUICK_INPUT, ['sg-0123456789abcdef0']);
      await keyboard('', 'Enter');
      await waitForText(title, ['Public IP']);
      await keyboard('', 'Enter');
      await waitForText(title, ['Load balancer']);
      await waitForText(QUICK_INPUT, ['New target group on an Application Load Balancer']);
      await screenshot('create-service-load-balancer');
      await choose('New target group on an Application Load Balancer…', 'New target group');
      await waitForText(title, ['Application Load Balancer']);
      await choose('demo-alb', 'demo-alb');
      await waitForText(title, ['Listener of demo-alb']);
      await keyboard('', 'Enter');
      // The offered names are kept as they are: Enter accepts them.
      for (const step of ['New target group name', 'Path the listener rule forwards', 'Health check path']) {
        await waitForText(title, [step]);
        await keyboard('', 'Enter');
      }
      await waitForText(title, ['Container and port the load balancer sends traffic to']);
      await choose('api:8080');
      // ROLLING is first among the strategies.
      for (const step of ['Deployment strategy', 'Minimum healthy percent (rolling)', 'Maximum percent (rolling)', 'Deployment circuit breaker', 'ECS Exec']) {
        await waitForText(title, [step]);
        await keyboard('', 'Enter');
      }
      await waitForText(title, ['Tags']);
      await keyboard('team=it', 'Enter');
      const created = await drive(account.emulator, running);
      assert.strictEqual(asked.length, 1, 'one confirmation');
      assert.strictEqual(asked[0].message, 'Create service it-orders in cluster demo-fargate (account 123456789012, us-east-1)?');
      const lines = (asked[0].detail ?? '').split('\n');
      assert.deepStrictEqual(lines.slice(0, 7), [
        'Task definition: demo-api:3',
        'Compute: FARGATE_SPOT · 2 task(s)',
        'Network: subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002, subnet-0a1b2c3d4e5f60003 · sg-0123456789abcdef0 · public IP on',
        'Load balancer: new target group it-orders-tg on demo-alb, rule /it-orders/* → api:8080',
        'Deployment: rolling 100%–200% · circuit breaker with rollback',
        'ECS Exec: off · tags team=it',
        // demo-api:3 is 0.5 vCPU / 1 GB: 0.5 × $0.04048 + 1 × $0.004445 an hour, × 730 h × 2 tasks.
        'Cost: ≈ $36.04/month for 2 tasks · us-east-1 · Linux/x86 · Spot at the on-demand price',
      ]);
      assert.match(lines[7], /^Prices: AWS Price List, read \d{4}-\d\d-\d\d, us-east-1\.$/);
      return created;
    });
    assert.strictEqual(result?.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/demo-fargate/it-orders');
    assert.strictEqual(result?.outcome, 'COMPLETED');
    // What AWS now holds, read with the SDK's own clients.
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['it-orders'], include: ['TAGS'] }))).services![0];
    assert.strictEqual(service.runningCount, 2);
    assert.deepStrictEqual(service.capacityProviderStrategy?.map((c) => c.capacityProvider), ['FARGATE_SPOT']);
    assert.deepStrictEqual(service.tags, [{ key: 'team', value: 'it' }]);
    const targetGroupArn = service.loadBalancers?.[0]?.targetGroupArn ?? '';
    assert.match(targetGroupArn, /:targetgroup\/it-orders-tg\//);
    const alb = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['demo-alb'] }))).LoadBalancers![0];
    const listener = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: alb.LoadBalancerArn }))).Listeners![0];
    const rules = (await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!;
    const rule = rules.find((r) => r.Actions?.some((a) => a.TargetGroupArn === targetGroupArn));
    assert.deepStrictEqual(rule?.Conditions?.map((c) => [c.Field, c.PathPatternConfig?.Values ?? c.Values]), [['path-pattern', ['/it-orders/*']]]);
    const health = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))).TargetHealthDescriptions!;
    assert.deepStrictEqual(health.map((h) => h.TargetHealth?.State), ['healthy', 'healthy'], 'the service\'s two tasks registered and healthy');
    await openSideBarRows('us-east-1', 'demo-fargate', 'Services');
    await waitForText(SIDEBAR, ['it-orders']);
    await screenshot('create-service-created', SIDEBAR);
  });

  it('blue/green: a second target group, the rule forwarding to both, the role typed; the service carries them and its first deployment completes', async () => {
    const result = await answeringModals('Create Service', async (asked) => {
      const running = Promise.resolve(vscode.commands.executeCommand<Result>('ecsWorkbench.createService'));
      const title = `${QUICK_INPUT} .quick-input-title`;
      await firstSteps('it-shop');
      await waitForText(title, ['Launch type or capacity provider']);
      await choose('FARGATE', 'FARGATE');
      for (const step of ['Desired count', 'VPC (awsvpc)', 'Subnets', 'Security groups', 'Public IP']) {
        await waitForText(title, [step]);
        await waitForText(QUICK_INPUT, [step === 'VPC (awsvpc)' ? 'vpc-0a1b2c3d4e5f67890' : step === 'Subnets' ? 'subnet-0a1b2c3d4e5f60001' : step === 'Security groups' ? 'sg-0123456789abcdef0' : '']);
        if (step === 'Desired count') {
          await keyboard('', 'Control+a');
          await keyboard('2', 'Enter');
        } else await keyboard('', 'Enter');
      }
      await waitForText(title, ['Load balancer']);
      await choose('New target group on an Application Load Balancer…', 'New target group');
      await waitForText(title, ['Application Load Balancer']);
      await choose('demo-alb', 'demo-alb');
      for (const step of ['Listener of demo-alb', 'New target group name', 'Path the listener rule forwards', 'Health check path']) {
        await waitForText(title, [step]);
        await keyboard('', 'Enter');
      }
      await waitForText(title, ['Container and port the load balancer sends traffic to']);
      await choose('api:8080');
      await waitForText(title, ['Deployment strategy']);
      await waitForText(QUICK_INPUT, ['BLUE_GREEN', 'LINEAR', 'CANARY', 'start the new revision beside the old']);
      await screenshot('create-service-strategy');
      await choose('BLUE_GREEN', 'BLUE');
      await waitForText(title, ['Bake time']);
      await keyboard('', 'Control+a');
      await keyboard('1', 'Enter');
      // No role of the demo account trusts ecs.amazonaws.com: the ARN is typed.
      await waitForText(title, ['Role ECS moves traffic with']);
      await choose('Enter a role ARN');
      await waitForText(QUICK_INPUT, ['An IAM role ARN like']);
      await keyboard('arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers', 'Enter');
      for (const step of ['Deployment circuit breaker', 'ECS Exec', 'Tags']) {
        await waitForText(title, [step]);
        await keyboard('', 'Enter');
      }
      const created = await drive(account.emulator, running);
      const lines = (asked[0]?.detail ?? '').split('\n');
      assert.strictEqual(lines[3], 'Load balancer: new target groups it-shop-tg and it-shop-tg-alt on demo-alb, rule /it-shop/* → api:8080');
      assert.strictEqual(lines[4], 'Deployment: BLUE_GREEN · bake 1 min · circuit breaker with rollback · role ecsInfrastructureRoleForLoadBalancers');
      return created;
    });
    assert.strictEqual(result?.outcome, 'COMPLETED');
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['it-shop'] }))).services![0];
    assert.strictEqual(service.deploymentConfiguration?.strategy, 'BLUE_GREEN');
    assert.strictEqual(service.deploymentConfiguration?.bakeTimeInMinutes, 1);
    const lb = service.loadBalancers![0];
    assert.match(lb.targetGroupArn ?? '', /:targetgroup\/it-shop-tg\//);
    assert.match(lb.advancedConfiguration?.alternateTargetGroupArn ?? '', /:targetgroup\/it-shop-tg-alt\//);
    assert.strictEqual(lb.advancedConfiguration?.roleArn, 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers');
    const rule = (await elb.send(new DescribeRulesCommand({ RuleArns: [lb.advancedConfiguration!.productionListenerRule!] }))).Rules![0];
    assert.deepStrictEqual(rule.Conditions?.map((c) => c.PathPatternConfig?.Values ?? c.Values), [['/it-shop/*']]);
    const weights = new Map(rule.Actions![0].ForwardConfig!.TargetGroups!.map((t) => [t.TargetGroupArn, t.Weight]));
    assert.strictEqual(weights.size, 2, 'the rule forwards to both groups');
    const live = [...weights].find(([, w]) => (w ?? 0) > 0)![0]!;
    const health = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: live }))).TargetHealthDescriptions!;
    assert.deepStrictEqual(health.map((h) => h.TargetHealth?.State), ['healthy', 'healthy'], 'the two tasks healthy in the group taking the traffic');
  });

  it('from a service-definition file: errors refuse it with nothing sent; the CodeLens creates the valid one after the summary', async () => {
    const folder = path.join(scratchDir(), 'create-service');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'batch-service-definition.json');
    const definition = {
      serviceName: 'it-batch', cluster: 'demo-fargate', taskDefinition: 'demo-api', desiredCount: 1, launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'ENABLED' } },
      deploymentConfiguration: { minimumHealthyPercent: 150, maximumPercent: 100 },
    };
    fs.writeFileSync(file, JSON.stringify(definition, undefined, 2));
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'ecs-service-definition');
    const lensOf = () => eventually(async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)).map((l) => l.command!).find((c) => c.command === 'ecsWorkbench.createService'), 'the Create service CodeLens');
    const creates = () => account.emulator.calls().get('ecs:CreateService') ?? 0;
    const before = creates();
    await vscode.commands.executeCommand('notifications.clearAll');
    await answeringModals('Create Service', async (asked) => {
      const lens = await lensOf();
      // From the CodeLens the refusal is the error notification (the command returns nothing).
      assert.strictEqual(await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? [])), undefined);
      assert.strictEqual(asked.length, 0, 'no summary for a definition with errors');
    });
    await vscode.commands.executeCommand('notifications.showList');
    const shown = await waitForText(NOTIFICATIONS, ['The service definition has', 'nothing was created']);
    assert.match(shown.text, /The service definition has \d+ errors?; nothing was created/);
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(creates(), before, 'nothing sent');

    fs.writeFileSync(file, JSON.stringify({ ...definition, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } }, undefined, 2));
    await eventually(() => document.getText().includes('"maximumPercent": 200') || undefined, 'the editor to show the corrected file');
    const result = await answeringModals('Create Service', async (asked) => {
      const lens = await lensOf();
      const created = await drive(account.emulator, Promise.resolve(vscode.commands.executeCommand<Result>(lens.command, ...(lens.arguments ?? []))));
      assert.deepStrictEqual(asked.map((a) => a.message), ['Create service it-batch in cluster demo-fargate (account 123456789012, us-east-1)?']);
      assert.match(asked[0].detail ?? '', /^Task definition: demo-api \(its latest ACTIVE revision\)\nCompute: FARGATE · 1 task\(s\)\nNetwork: subnet-0a1b2c3d4e5f60001 · sg-0123456789abcdef0 · public IP on\nLoad balancer: none/);
      return created;
    });
    assert.strictEqual(result?.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/demo-fargate/it-batch');
    assert.strictEqual(result?.outcome, 'COMPLETED');
    assert.strictEqual(creates(), before + 1);
  });
});
