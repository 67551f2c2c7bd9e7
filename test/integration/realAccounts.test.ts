import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CreateServiceCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { EcsWorkbenchApi } from '../../src/extension';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { writeAwsFiles } from './support/awsFiles';
import { drive } from './support/driveClock';
import { QUICK_INPUT, choose, click, hasDriver, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { activateExtension, childrenOf, eventually, expand, setSettings } from './support/tree';

const START_URL = 'https://corp.awsapps.com/start';
// The AWS SDK for JavaScript takes profile names of [\w-@+.%:/]: this one uses most of them.
const PROFILE = 'dev.team@corp/ecs-admin';
const SSO_CONFIG = [
  '[sso-session corp]', `sso_start_url = ${START_URL}`, 'sso_region = eu-central-1', 'sso_registration_scopes = sso:account:access', '',
  `[profile ${PROFILE}]`, 'sso_session = corp', 'sso_account_id = 210987654321', 'sso_role_name = ECSDeveloper', 'region = us-east-1', '',
].join('\n');
const EU_IMAGE = (tag: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo/api:${tag}`;

describe('Real accounts: IAM Identity Center in another region, and the fix when it expires', function () {
  this.timeout(120_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  const cacheFile = path.join(os.homedir(), '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);
  const ssoCalls = (region: string) => [...emulator.calls(region).keys()].filter((k) => k.startsWith('sso'));
  const cache = (entry: object) => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, JSON.stringify(entry));
  };

  before(async () => {
    workbench = await activateExtension();
    emulator = await startEmulator({ seed: 'demo' });
    writeAwsFiles({ config: SSO_CONFIG });
    cache(emulator.sso.seedSession({ region: 'eu-central-1', startUrl: START_URL, user: 'alice' }));
    await setSettings({ profile: PROFILE, region: 'us-east-1', endpointUrl: emulator.url, 'explorer.additionalRegions': ['eu-west-1', 'us-east-1'] });
    await eventually(() => (workbench.clientManager.context.profile === PROFILE && workbench.clientManager.context.endpoint === emulator.url) || undefined, 'the SSO profile at the emulator');
  });
  after(async () => {
    await setSettings({ profile: undefined, region: undefined, endpointUrl: undefined, 'explorer.additionalRegions': undefined });
    fs.rmSync(cacheFile, { force: true });
    await emulator.close();
  });

  it('lists clusters in two browsed regions with credentials from the portal of the sso_region only', async () => {
    workbench.explorer.refresh();
    const roots = (await childrenOf(workbench.explorer)).map((n) => n.label);
    assert.deepStrictEqual(roots, ['us-east-1', 'eu-west-1'], 'a region listed twice is one root');
    assert.deepStrictEqual((await expand(workbench.explorer, 'us-east-1')).map((n) => n.label).filter((l) => l.startsWith('demo-')), ['demo-ec2', 'demo-fargate']);
    assert.deepStrictEqual((await expand(workbench.explorer, 'eu-west-1')).map((n) => n.label).filter((l) => l.startsWith('demo-')), ['demo-eu']);
    assert.ok(ssoCalls('eu-central-1').includes('sso:GetRoleCredentials'), ssoCalls('eu-central-1').join());
    assert.deepStrictEqual([...ssoCalls('us-east-1'), ...ssoCalls('eu-west-1')], [], 'no portal call in a browsed region');
    await eventually(() => workbench.statusBarText().includes('210987654321') || undefined, 'the SSO account in the status bar');
  });

  it('an expired access token with a refresh token is refreshed through OIDC in the sso_region, with no prompt', async () => {
    cache(emulator.sso.seedSession({ region: 'eu-central-1', startUrl: START_URL, expiresAt: new Date(Date.now() - 60_000) }));
    const refreshes = emulator.calls('eu-central-1').get('sso-oidc:CreateToken') ?? 0;
    const terminals = vscode.window.terminals.length;
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    assert.ok((await expand(workbench.explorer, 'us-east-1')).some((n) => n.label === 'demo-fargate'));
    assert.strictEqual(emulator.calls('eu-central-1').get('sso-oidc:CreateToken'), refreshes + 1);
    assert.strictEqual(vscode.window.terminals.length, terminals, 'nothing asked the user to sign in');
  });

  it('without a refresh token the root says the session expired, and its fix runs the login command in a terminal', async () => {
    const { refreshToken: _none, ...expired } = emulator.sso.seedSession({ region: 'eu-central-1', startUrl: START_URL, expiresAt: new Date(Date.now() - 60_000) });
    cache(expired);
    await vscode.commands.executeCommand('ecsWorkbench.refreshExplorer');
    const [message] = await childrenOf(workbench.explorer);
    assert.strictEqual(message.label, `SSO session expired: run aws sso login --profile ${PROFILE}`);
    const [fix] = await childrenOf(workbench.explorer, message.node);
    const item = await workbench.explorer.getTreeItem(fix.node);
    assert.strictEqual(fix.label, `Run aws sso login --profile ${PROFILE}`);
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const listener = vscode.window.onDidOpenTerminal((t) => {
        listener.dispose();
        resolve(t);
      });
    });
    const ran = await vscode.commands.executeCommand<{ commandLine: string }>(item.command!.command, ...(item.command!.arguments ?? []));
    assert.strictEqual(ran.commandLine, `aws sso login --profile ${PROFILE}`);
    const terminal = await opened;
    assert.strictEqual(terminal.name, 'AWS sign-in');
    terminal.dispose();
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.runInTerminal', { commandLine: 'aws s3 rm --recursive s3://x' })), /unknown member "commandLine"/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.runInTerminal', { fix: 'sso-login', profile: 'nope' })), /Profile "nope" is not in your AWS config/);
  });

  it('Select AWS Profile… browses the accounts and roles of the signed-in session and works as the one picked', async function () {
    if (!hasDriver()) this.skip();
    cache(emulator.sso.seedSession({ region: 'eu-central-1', startUrl: START_URL, user: 'alice' }));
    const picking = vscode.commands.executeCommand<{ profile?: string; region: string }>('ecsWorkbench.selectProfile');
    await choose('Accounts and roles of sso-session corp', 'sso-session corp');
    const accounts = await waitForText(QUICK_INPUT, ['staging', '210987654321', 'emulator', '123456789012']);
    assert.match(accounts.text, /emulator[\s\S]*staging/);
    await choose('staging', 'staging');
    await choose('ReadOnlyAccess', 'ReadOnly');
    await choose('us-east-1', 'us-east-1');
    const context = await picking;
    assert.strictEqual(context.profile, 'ReadOnlyAccess@210987654321 [corp]');
    await eventually(() => workbench.statusBarText().includes('ReadOnlyAccess@210987654321 [corp] @ us-east-1') || undefined, 'the browsed role in the status bar');
    assert.ok((await expand(workbench.explorer, 'us-east-1')).some((n) => n.label === 'demo-fargate'));
    assert.ok(emulator.calls('eu-central-1').get('sso:ListAccountRoles'), 'roles listed by the portal of the sso_region');
  });
});

describe('Real accounts: commands act in the region (and profile) they are given, and follow-ups stay there', function () {
  this.timeout(180_000);
  let account: EmulatorAccount;
  let emulator: EmulatorHandle;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1, 'deploy.timeoutSeconds': 8, 'explorer.additionalRegions': ['eu-west-1'] });
    emulator = account.emulator;
  });
  after(() => account.close());

  const euService = () => emulator.region('eu-west-1').ecs.servicesOf('demo-eu').get('api-eu')!;

  it('a deploy in eu-west-1 from an argument object with region completes there and says so', async () => {
    const usFamilies = emulator.calls('us-east-1').get('ecs:RegisterTaskDefinition') ?? 0;
    const result = await drive(emulator, vscode.commands.executeCommand<{ outcome: string; region: string; taskDefinitionArn: string }>('ecsWorkbench.deploy', { cluster: 'demo-eu', service: 'api-eu', region: 'eu-west-1', image: { container: 'api', uri: EU_IMAGE('1.3.0') } }));
    assert.deepStrictEqual([result.outcome, result.region], ['COMPLETED', 'eu-west-1']);
    assert.match(result.taskDefinitionArn, /^arn:aws:ecs:eu-west-1:123456789012:task-definition\/eu-api:2$/);
    assert.match(euService().taskDefinition ?? '', /eu-api:2$/);
    assert.strictEqual(emulator.calls('us-east-1').get('ecs:RegisterTaskDefinition') ?? 0, usFamilies, 'nothing registered in the primary region');
  });

  it('a failed rollout watched from an eu-west-1 node offers Roll back, which acts in eu-west-1', async function () {
    if (!hasDriver()) this.skip();
    const failing = await vscode.commands.executeCommand<{ taskDefinitionArn: string }>('ecsWorkbench.deploy', { cluster: 'demo-eu', service: 'api-eu', region: 'eu-west-1', image: { container: 'api', uri: EU_IMAGE('9.9.9-fail') }, wait: false });
    assert.match(failing.taskDefinitionArn, /eu-api:3$/);
    account.workbench.explorer.refresh();
    const services = await expand(account.workbench.explorer, 'eu-west-1', 'demo-eu', 'Services');
    const node = services.find((n) => n.label === 'api-eu')!.node;
    await drive(emulator, vscode.commands.executeCommand('ecsWorkbench.watchService', node));
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText('.notifications-center', ['api-eu: deployment of eu-api:3 did not finish in time', 'Roll back to eu-api:2']);
    await click('.notifications-center .monaco-button:has-text("Roll back to eu-api:2")');
    await eventually(() => /eu-api:2$/.test(euService().taskDefinition ?? '') || undefined, 'api-eu pointed back at eu-api:2 in eu-west-1');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('a CODE_DEPLOY service no deployment group deploys is refused before anything is registered, saying what to do', async () => {
    const sdk = { endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } };
    const [tg] = (await new ElasticLoadBalancingV2Client(sdk).send(new DescribeTargetGroupsCommand({ Names: ['demo-api-tg'] }))).TargetGroups ?? [];
    await new ECSClient(sdk).send(new CreateServiceCommand({
      cluster: 'demo-fargate', serviceName: 'orphan-bg', taskDefinition: 'demo-api:3', desiredCount: 1, launchType: 'FARGATE',
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: tg.TargetGroupArn, containerName: 'api', containerPort: 8080 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] } },
    }));
    const revisions = async () => (await new ECSClient(sdk).send(new ListTaskDefinitionsCommand({ familyPrefix: 'demo-api' }))).taskDefinitionArns?.length;
    const before = await revisions();
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'orphan-bg', image: { container: 'api', uri: 'x/api:2' } })),
      /No CodeDeploy deployment group deploys service "orphan-bg" of cluster "demo-fargate" \(us-east-1\)\. A CODE_DEPLOY service deploys through a deployment group whose ECS services name it/,
    );
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.updateService', { cluster: 'demo-fargate', service: 'orphan-bg', platformVersion: '1.4.0' })), /CODE_DEPLOY deployment controller/);
    assert.strictEqual(await revisions(), before, 'no revision left behind');
  });
});
