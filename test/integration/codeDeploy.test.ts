import * as assert from 'assert';
import * as vscode from 'vscode';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually } from './support/tree';

const IMAGE = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/legacy:${tag}`;

interface DeployResult {
  taskDefinitionArn: string;
  deploymentId: string;
  outcome: string;
  reason?: string;
  codeDeployDeploymentId?: string;
}

function polls(emulator: EmulatorHandle): number {
  return emulator.calls().get('codedeploy:GetDeployment') ?? 0;
}

/** Runs the watched deploy to its end: advance CodeDeploy's and ECS's time 30 s, wait for the extension's next GetDeployment poll, repeat. */
async function driveCodeDeploy<T>(emulator: EmulatorHandle, command: Thenable<T>, deadlineMs = 90_000): Promise<T> {
  let settled: { value?: T; error?: unknown } | undefined;
  command.then((value) => (settled = { value }), (error: unknown) => (settled = { error }));
  const deadline = Date.now() + deadlineMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error('the deploy did not finish while the clock was driven');
    const before = polls(emulator);
    await emulator.clock.advance(30_000);
    await eventually(() => settled !== undefined || polls(emulator) > before || undefined, 'the next GetDeployment poll', 10_000);
  }
  if (settled.error !== undefined) throw settled.error;
  return settled.value as T;
}

/** The production listener's (port 8081 of demo-alb) weights by target group name, read as a user would with the SDK. */
async function prodWeights(emulator: EmulatorHandle): Promise<Record<string, number>> {
  const elb = new ElasticLoadBalancingV2Client({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
  const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['demo-alb'] }))).LoadBalancers ?? [];
  const prod = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners?.find((l) => l.Port === 8081);
  return Object.fromEntries((prod?.DefaultActions?.[0].ForwardConfig?.TargetGroups ?? []).map((g) => [g.TargetGroupArn!.split('/')[1], g.Weight!]));
}

describe('CodeDeploy: deploying the CODE_DEPLOY service legacy-bg (argument objects, no UI)', function () {
  this.timeout(180_000);
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1 });
    ({ emulator } = account);
  });

  after(() => account.close());

  it('registers the revision, deploys it through CodeDeploy and reports COMPLETED with the CodeDeploy deployment id', async () => {
    const result = await driveCodeDeploy(emulator, vscode.commands.executeCommand<DeployResult>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'legacy-bg', image: { container: 'web', uri: IMAGE('1.2.0') } }));
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.match(result.taskDefinitionArn, /legacy-bg:3$/);
    assert.match(result.codeDeployDeploymentId ?? '', /^d-[A-Z0-9]{9}$/);
    const svc = emulator.region('us-east-1').ecs.servicesOf('demo-fargate').get('legacy-bg')!;
    assert.match(svc.taskDefinition ?? '', /legacy-bg:3$/);
    assert.deepStrictEqual(await prodWeights(emulator), { 'legacy-bg-blue': 0, 'legacy-bg-green': 100 }, 'production traffic moved to the other target group');
  });

  it('a failing image fails the CodeDeploy deployment, which rolls back: ROLLED_BACK with the reason', async () => {
    const result = await driveCodeDeploy(emulator, vscode.commands.executeCommand<DeployResult>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'legacy-bg', image: { container: 'web', uri: IMAGE('1.3.0-fail') } }));
    assert.strictEqual(result.outcome, 'ROLLED_BACK');
    assert.match(result.reason ?? '', /did not reach a steady state.*\(ECS_UPDATE_ERROR\)\. Rolled back by CodeDeploy deployment d-/);
    assert.match(result.taskDefinitionArn, /legacy-bg:4$/);
    await eventually(() => /legacy-bg:3$/.test(emulator.region('us-east-1').ecs.servicesOf('demo-fargate').get('legacy-bg')!.taskDefinition ?? '') || undefined, 'legacy-bg back on legacy-bg:3');
    assert.deepStrictEqual(await prodWeights(emulator), { 'legacy-bg-blue': 0, 'legacy-bg-green': 100 }, 'traffic stayed on the original task set');
  });
});
