import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { MUTATING_COMMANDS } from '../../src/ui/trust';
import { scratchDir } from '../integration/support/awsFiles';
import { hasDriver, screenshot, waitForText } from '../integration/support/driver';
import { useEmulatorAccount, type EmulatorAccount } from '../integration/support/emulatorAccount';
import { eventually, expand, setSettings } from '../integration/support/tree';

/** A plausible argument object for each mutating command: complete, so only Restricted Mode stops it. */
const ARGS: Record<string, object> = {
  'ecsWorkbench.registerTaskDefinition': { definition: { family: 'x', containerDefinitions: [{ name: 'x', image: 'x' }] } },
  'ecsWorkbench.deploy': { cluster: 'demo-fargate', service: 'api' },
  'ecsWorkbench.updateService': { cluster: 'demo-fargate', service: 'api', desiredCount: 1 },
  'ecsWorkbench.scaleService': { cluster: 'demo-fargate', service: 'api', desiredCount: 1 },
  'ecsWorkbench.restartService': { cluster: 'demo-fargate', service: 'api' },
  'ecsWorkbench.stopTask': { cluster: 'demo-fargate', task: 'x' },
  'ecsWorkbench.runTask': { cluster: 'demo-ec2', taskDefinition: 'demo-batch:1', launchType: 'EC2' },
  'ecsWorkbench.deregisterTaskDefinition': { taskDefinition: 'demo-api:3' },
  'ecsWorkbench.createRepository': { name: 'untrusted/new' },
  'ecsWorkbench.deleteRepository': { name: 'demo/empty' },
  'ecsWorkbench.deleteImage': { repository: 'demo/api', tag: '1.0.0' },
  'ecsWorkbench.deleteImageTag': { repository: 'demo/api', tag: '1.0.0' },
  'ecsWorkbench.startImageScan': { repository: 'demo/api', tag: '1.0.0' },
  'ecsWorkbench.pushImage': { image: 'local/app:1.0', repository: 'demo/web', tag: 'x' },
  'ecsWorkbench.buildAndPushImage': { dockerfile: '/tmp/Dockerfile', repository: 'demo/web', tag: 'x' },
  'ecsWorkbench.runInTerminal': { fix: 'sso-login', profile: 'demo' },
  'ecsWorkbench.rollbackDeployment': { cluster: 'demo-fargate', service: 'checkout' },
  'ecsWorkbench.stopServiceDeployment': { cluster: 'demo-fargate', service: 'checkout' },
  'ecsWorkbench.continueDeployment': { cluster: 'demo-fargate', service: 'payments', action: 'CONTINUE' },
  'ecsWorkbench.openShell': { cluster: 'demo-fargate', task: 'x', container: 'api' },
  'ecsWorkbench.execCommand': { cluster: 'demo-fargate', task: 'x', container: 'api', command: 'touch /tmp/ran' },
  'ecsWorkbench.startPortForward': { cluster: 'demo-fargate', task: 'x', container: 'api', remotePort: 8080, localPort: 0 },
  'ecsWorkbench.enableExecuteCommand': { cluster: 'demo-fargate', service: 'web' },
  'ecsWorkbench.createCluster': { name: 'untrusted-cluster' },
  'ecsWorkbench.deleteCluster': { cluster: 'demo-ec2' },
  'ecsWorkbench.createService': { cluster: 'demo-fargate', serviceName: 'untrusted', taskDefinition: 'demo-api:3', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'] } } },
  'ecsWorkbench.deleteService': { cluster: 'demo-fargate', service: 'web', force: true },
  'ecsWorkbench.createExpressService': {
    serviceName: 'untrusted', image: 'public.ecr.aws/nginx/nginx:latest', containerPort: 80,
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
  },
  'ecsWorkbench.setScalingCapacity': { cluster: 'demo-fargate', service: 'api', minCapacity: 1, maxCapacity: 3 },
  'ecsWorkbench.putScalingPolicy': { cluster: 'demo-fargate', service: 'api', policyName: 'cpu', type: 'TargetTracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 50 },
  'ecsWorkbench.deleteScalingPolicy': { cluster: 'demo-fargate', service: 'api', policyName: 'cpu' },
  'ecsWorkbench.putScheduledAction': { cluster: 'demo-fargate', service: 'api', name: 'night', schedule: 'cron(0 22 * * ? *)', minCapacity: 1 },
  'ecsWorkbench.deleteScheduledAction': { cluster: 'demo-fargate', service: 'api', name: 'night' },
  'ecsWorkbench.suspendScaling': { cluster: 'demo-fargate', service: 'api' },
  'ecsWorkbench.resumeScaling': { cluster: 'demo-fargate', service: 'api' },
};

const WRITES = /^((ecs|ecr|codedeploy|application-autoscaling|elasticloadbalancing|cloudwatch):(Register|Deregister|Update|Run|Stop|Continue|Create|Delete|BatchDelete|StartImageScan|GetAuthorizationToken|PutImage|Put|Modify)|ecs:ExecuteCommand|ssm:(StartSession|ResumeSession))/;

describe('Restricted Mode in a real untrusted folder', function () {
  let account: EmulatorAccount;
  const marker = path.join(scratchDir(), 'container-cli-ran');
  const evilMarker = path.join(scratchDir(), 'workspace-cli-ran');

  /** A stand-in container CLI that only records that it was started. */
  function recordingCli(file: string, name: string): string {
    const script = path.join(scratchDir(), name);
    fs.writeFileSync(script, `#!/bin/sh\necho "$@" >> '${file}'\n`, { mode: 0o755 });
    return script;
  }

  before(async function () {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner opens this folder untrusted (--untrusted)');
    account = await useEmulatorAccount({ seed: 'demo' }, { 'containerCli.path': recordingCli(marker, 'user-docker') });
    // The repository's own settings try to choose the endpoint and the program we run.
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, '.vscode', 'settings.json'),
      JSON.stringify({ 'ecsWorkbench.endpointUrl': 'http://203.0.113.9:4566', 'ecsWorkbench.containerCli.path': recordingCli(evilMarker, 'workspace-docker'), 'ecsWorkbench.explorer.pageSize': 99 }),
    );
    // An unrestricted setting of the same file tells when VS Code has read it.
    await eventually(() => (vscode.workspace.getConfiguration('ecsWorkbench').get('explorer.pageSize') === 99 ? true : undefined), 'the workspace settings to load');
  });
  after(async () => {
    fs.rmSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode'), { recursive: true, force: true });
    await setSettings({ 'containerCli.path': undefined });
    await account?.close();
  });

  it('ignores the workspace endpoint and container CLI: an untrusted repository chooses neither', () => {
    assert.strictEqual(account.workbench.clientManager.context.endpoint, account.emulator.url);
    assert.strictEqual(vscode.workspace.getConfiguration('ecsWorkbench').get('containerCli.path'), path.join(scratchDir(), 'user-docker'));
  });

  it('refuses every mutating command with the reason, and none of them reaches AWS or starts a program', async () => {
    assert.deepStrictEqual(Object.keys(ARGS).sort(), Object.keys(MUTATING_COMMANDS).sort(), 'one argument object per mutating command');
    const writesBefore = [...account.emulator.calls().keys()].filter((k) => WRITES.test(k));
    const terminals = vscode.window.terminals.length;
    for (const [command, arg] of Object.entries(ARGS)) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(command, arg)), /is disabled in Restricted Mode: this workspace is not trusted, and it (changes resources in your AWS account|starts a program on this machine|opens a session into a container of your AWS account)/, command);
    }
    assert.deepStrictEqual([...account.emulator.calls().keys()].filter((k) => WRITES.test(k)), writesBefore, 'no write reached the emulator');
    assert.strictEqual(fs.existsSync(marker), false, 'the container CLI was never executed');
    assert.strictEqual(fs.existsSync(evilMarker), false, "the workspace's container CLI was never executed");
    assert.strictEqual(vscode.window.terminals.length, terminals, 'no terminal was opened');
  });

  it('from the palette the refusal is a notification with Manage Workspace Trust', async function () {
    if (!hasDriver()) this.skip();
    await vscode.commands.executeCommand('ecsWorkbench.pushImage');
    // The notification centre holds it whether or not the toast is still up.
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText('.notifications-center', ['Pushing an image is disabled in Restricted Mode', 'Manage Workspace Trust']);
    await screenshot('restricted-notification');
    assert.strictEqual(fs.existsSync(marker), false, 'the image picker (docker images) never ran');
  });

  it('reading keeps working: the explorer shows the account', async () => {
    const clusters = await expand(account.workbench.explorer, 'us-east-1');
    assert.ok(clusters.some((n) => n.label === 'demo-fargate'), clusters.map((n) => n.label).join());
  });

  it('the ECS Exec readiness check and Stop Port Forward are not refused (they start nothing)', async () => {
    const task = [...account.emulator.region('us-east-1').ecs.tasksOf('demo-fargate').values()].find((t) => t.group === 'service:api' && t.lastStatus === 'RUNNING')!.taskArn;
    const report = await vscode.commands.executeCommand<{ ready: boolean; checks: unknown[] }>('ecsWorkbench.checkExecReadiness', { cluster: 'demo-fargate', task });
    assert.ok(report.checks.length > 0);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.stopPortForward', { localPort: 1 })), /No port forward of this window listens on localhost:1: none is active/);
  });

  it('Estimate Cost is not refused (it only reads prices)', async () => {
    const definition = { family: 'web', requiresCompatibilities: ['FARGATE'], cpu: '1 vCPU', memory: '2 GB', containerDefinitions: [{ name: 'web', image: 'nginx' }] };
    const result = await vscode.commands.executeCommand<{ text: string }>('ecsWorkbench.estimateCost', { definition });
    assert.strictEqual(result.text, '≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand');
  });
});
