import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { scratchDir } from './support/awsFiles';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { drive } from './support/driveClock';
import { childrenOf, eventually, expand } from './support/tree';

const FIXTURES = path.resolve(__dirname, '../../../test/integration/fixtures/deploy');
const IMAGE = (repo: string, tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}:${tag}`;

interface DeployResult {
  taskDefinitionArn: string;
  deploymentId: string;
  outcome: string;
  reason?: string;
}

/** The emulator's raw service (for assertions on task counts while a rollout runs). */
function rawService(emulator: EmulatorHandle, cluster: string, service: string) {
  return emulator.region('us-east-1').ecs.servicesOf(cluster).get(service) as { desiredCount: number; runningCount: number; taskDefinition: string; deployments: { id: string }[] };
}

function liveTasks(emulator: EmulatorHandle, cluster: string, service: string) {
  return [...emulator.region('us-east-1').ecs.tasksOf(cluster).values()].filter((t) => t.group === `service:${service}` && t.lastStatus !== 'STOPPED');
}

describe('Deploy commands against the emulator (argument objects, no UI)', function () {
  this.timeout(120_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1 });
    ({ workbench, emulator } = account);
  });

  after(() => account.close());

  beforeEach(() => emulator.faults.clear());

  it('deploys a new image and watches it to COMPLETED within min 100% / max 200%', async () => {
    let most = 0;
    const result = await drive(
      emulator,
      vscode.commands.executeCommand<DeployResult>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('demo/api', '1.3.0') } }),
      () => {
        const tasks = liveTasks(emulator, 'demo-fargate', 'api');
        most = Math.max(most, tasks.length);
        assert.ok(tasks.filter((t) => t.lastStatus === 'RUNNING').length >= 3, 'never below minimumHealthyPercent 100 (3 running)');
      },
    );
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.match(result.taskDefinitionArn, /demo-api:4$/);
    assert.ok(most <= 6 && most > 3, `between 4 and 6 tasks at the peak (maximumPercent 200), saw ${most}`);
    const service = rawService(emulator, 'demo-fargate', 'api');
    assert.deepStrictEqual([service.runningCount, service.desiredCount, service.deployments.length], [3, 3, 1]);
    assert.match(service.taskDefinition, /demo-api:4$/);
  });

  it('a failing image with the circuit breaker is reported as a failure (ROLLED_BACK) with the reason', async () => {
    const result = await drive(
      emulator,
      vscode.commands.executeCommand<DeployResult>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('demo/api', '9.9.9-fail') } }),
    );
    assert.strictEqual(result.outcome, 'ROLLED_BACK');
    assert.match(result.reason!, /circuit breaker.*rolling back to demo-api:4/);
    assert.match(result.taskDefinitionArn, /demo-api:5$/);
  });

  it('deploys a task-definition file with the image placeholder replaced', async () => {
    const result = await drive(
      emulator,
      vscode.commands.executeCommand<DeployResult>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', file: path.join(FIXTURES, 'api-taskdef.json'), image: { container: 'api', uri: IMAGE('demo/api', '1.4.0') } }),
    );
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.match(result.taskDefinitionArn, /demo-api:6$/);
  });

  it('scales to 0 and back (desiredCount alone) and restarts with a forced deployment', async () => {
    for (const desiredCount of [0, 1]) {
      const scaled = await vscode.commands.executeCommand<{ serviceArn: string }>('ecsWorkbench.scaleService', { cluster: 'demo-ec2', service: 'cache', desiredCount });
      assert.match(scaled.serviceArn, /service\/demo-ec2\/cache$/);
      const watched = await drive(emulator, vscode.commands.executeCommand<DeployResult>('ecsWorkbench.watchService', { cluster: 'demo-ec2', service: 'cache' }));
      assert.strictEqual(watched.outcome, 'COMPLETED', watched.reason);
      assert.deepStrictEqual([rawService(emulator, 'demo-ec2', 'cache').runningCount, liveTasks(emulator, 'demo-ec2', 'cache').length], [desiredCount, desiredCount]);
    }
    const before = rawService(emulator, 'demo-ec2', 'cache').deployments[0].id;
    const restarted = await vscode.commands.executeCommand<{ deploymentId: string }>('ecsWorkbench.restartService', { cluster: 'demo-ec2', service: 'cache' });
    assert.notStrictEqual(restarted.deploymentId, before);
    const watched = await drive(emulator, vscode.commands.executeCommand<DeployResult>('ecsWorkbench.watchService', { cluster: 'demo-ec2', service: 'cache' }));
    assert.deepStrictEqual([watched.deploymentId, watched.outcome], [restarted.deploymentId, 'COMPLETED']);
  });

  it('updateService sends a revision and waits; nothing to change sends nothing', async () => {
    const result = await drive(emulator, vscode.commands.executeCommand<{ serviceArn: string; deploymentId: string; outcome: string }>('ecsWorkbench.updateService', { cluster: 'demo-fargate', service: 'api', taskDefinition: 'demo-api:3', wait: true }));
    assert.strictEqual(result.outcome, 'COMPLETED');
    assert.match(rawService(emulator, 'demo-fargate', 'api').taskDefinition, /demo-api:3$/);
    const updates = emulator.calls().get('ecs:UpdateService');
    await vscode.commands.executeCommand('ecsWorkbench.updateService', { cluster: 'demo-fargate', service: 'api', desiredCount: 3 });
    assert.strictEqual(emulator.calls().get('ecs:UpdateService'), updates);
  });

  it('stops a task with a reason', async () => {
    const task = liveTasks(emulator, 'demo-fargate', 'api')[0];
    const result = await vscode.commands.executeCommand<{ taskArn: string; desiredStatus: string }>('ecsWorkbench.stopTask', { cluster: 'demo-fargate', task: task.taskArn, reason: 'integration test' });
    assert.deepStrictEqual(result, { taskArn: task.taskArn, desiredStatus: 'STOPPED', region: 'us-east-1' });
    assert.strictEqual(task.stoppedReason, 'integration test');
  });

  it('runs standalone EC2 tasks with a placement strategy and constraint', async () => {
    // distinctInstance keeps "each task in a particular group" on a different instance (PlacementConstraint.type,
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html), and RunTask's group
    // defaults to the family, "family:my-family-name" (RunTask.group,
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). The seed's nightly demo-batch
    // tasks are in that group, so only instances running none of them can take one; the rest are failures.
    const ecs = emulator.region('us-east-1').ecs;
    const live = () => [...ecs.tasksOf('demo-ec2').values()].filter((t) => t.lastStatus !== 'STOPPED');
    const taken = new Set(live().filter((t) => t.group === 'family:demo-batch').map((t) => t.containerInstanceArn));
    const free = [...ecs.instancesOf('demo-ec2').values()].filter((i) => !taken.has(i.containerInstanceArn)).map((i) => i.containerInstanceArn);
    const result = await vscode.commands.executeCommand<{ taskArns: string[]; failures: { arn?: string; reason?: string }[] }>('ecsWorkbench.runTask', {
      cluster: 'demo-ec2',
      taskDefinition: 'demo-batch',
      count: 2,
      launchType: 'EC2',
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      placementConstraints: [{ type: 'distinctInstance' }],
    });
    const placed = Math.min(2, free.length);
    assert.ok(placed >= 1, `the seed leaves an instance without a demo-batch task: ${free.length} free`);
    assert.strictEqual(result.taskArns.length, placed);
    const tasks = result.taskArns.map((arn) => live().find((t) => t.taskArn === arn)!);
    assert.ok(tasks.every((t) => t.startedBy === 'ecs-workbench' && t.launchType === 'EC2'));
    const on = tasks.map((t) => t.containerInstanceArn);
    assert.strictEqual(new Set(on).size, on.length, 'each on its own instance');
    assert.ok(on.every((arn) => free.includes(arn!)), 'none beside a demo-batch task already running');
    // A task no instance takes comes back as failures, one per instance and reason (the instance's ARN).
    assert.strictEqual(result.failures.length > 0, placed < 2, JSON.stringify(result.failures));
    assert.ok(result.failures.every((f) => f.reason === 'DistinctInstance placement constraint unsatisfied.'), JSON.stringify(result.failures));
  });

  it('memberOf places a Run Task in the zone asked for, and an unplaceable one comes back as a failure', async () => {
    // memberOf with the cluster query language (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html).
    const ecs = emulator.region('us-east-1').ecs;
    const zoneOf = (arn?: string) => [...ecs.instancesOf('demo-ec2').values()].find((i) => i.containerInstanceArn === arn)?.attributes?.find((a) => a.name === 'ecs.availability-zone')?.value;
    const run = (expression: string) => vscode.commands.executeCommand<{ taskArns: string[]; failures: { arn?: string; reason?: string }[] }>('ecsWorkbench.runTask', {
      cluster: 'demo-ec2', taskDefinition: 'demo-batch', count: 1, launchType: 'EC2',
      placementConstraints: [{ type: 'memberOf', expression }],
    });
    const inB = await run('attribute:ecs.availability-zone == us-east-1b');
    assert.deepStrictEqual(inB.failures, []);
    const task = [...ecs.tasksOf('demo-ec2').values()].find((t) => t.taskArn === inB.taskArns[0])!;
    assert.strictEqual(zoneOf(task.containerInstanceArn), 'us-east-1b');
    const nowhere = await run('attribute:ecs.instance-type == m5.24xlarge');
    assert.deepStrictEqual(nowhere.taskArns, []);
    assert.ok(nowhere.failures.length > 0 && nowhere.failures.every((f) => f.reason === 'MemberOf placement constraint unsatisfied.'), JSON.stringify(nowhere.failures));
  });

  it('registers a definition object and deregisters a revision', async () => {
    const definition = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'api-taskdef.json'), 'utf8'));
    definition.family = 'demo-registered';
    definition.containerDefinitions[0].image = IMAGE('demo/api', '1.2.0');
    const registered = await vscode.commands.executeCommand<{ taskDefinitionArn: string; family: string; revision: number }>('ecsWorkbench.registerTaskDefinition', { definition });
    assert.deepStrictEqual([registered.family, registered.revision], ['demo-registered', 1]);
    const deregistered = await vscode.commands.executeCommand<{ status: string }>('ecsWorkbench.deregisterTaskDefinition', { taskDefinition: 'demo-registered:1' });
    assert.strictEqual(deregistered.status, 'INACTIVE');
  });

  it('register from an editor with errors is refused, with the diagnostics in the Problems panel and in the error', async () => {
    const folder = path.join(scratchDir(), 'deploy-files');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'bad-taskdef.json');
    fs.copyFileSync(path.join(FIXTURES, 'invalid-taskdef.json'), file);
    const registrations = () => emulator.calls().get('ecs:RegisterTaskDefinition') ?? 0;
    const before = registrations();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    // From the palette: refused (the wrapper shows the notification), nothing registered.
    assert.strictEqual(await vscode.commands.executeCommand('ecsWorkbench.registerTaskDefinition'), undefined);
    const diagnostics = await eventually(() => {
      const errors = vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return errors.length ? errors : undefined;
    }, 'the error diagnostics of the file');
    assert.ok(diagnostics.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'fargate-invalid-memory'));
    // As an argument object: the same refusal, as an error naming the positions.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.registerTaskDefinition', { file })), /1 error; nothing was registered:\nline 6, col 13: .*fargate-invalid-memory/);
    assert.strictEqual(registrations(), before);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('refuses invalid or incomplete argument objects with a clear error, never a picker', async () => {
    const cases: [string, object, RegExp][] = [
      ['updateService', { cluster: 'demo-fargate' }, /updateService: "service" is missing\. Expected \{ cluster, service/],
      ['deploy', { cluster: 'demo-fargate', service: 'api', image: { container: 'api' } }, /deploy: "uri" is missing/],
      ['scaleService', { cluster: 'demo-fargate', service: 'api', desiredCount: -1 }, /integer from 0/],
      ['restartService', { cluster: 'demo-fargate' }, /"service" is missing/],
      ['stopTask', { cluster: 'demo-fargate' }, /"task" is missing/],
      ['runTask', { cluster: 'demo-fargate', taskDefinition: 'demo-api', launchType: 'FARGATE', placementStrategy: [{ type: 'random' }] }, /EC2 only/],
      ['deregisterTaskDefinition', { taskDefinition: 'demo-api' }, /must name a revision/],
      ['registerTaskDefinition', { file: 'a', definition: {} }, /exactly one of "file" and "definition"/],
    ];
    for (const [command, arg, expected] of cases) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand(`ecsWorkbench.${command}`, arg)), expected, command);
    }
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'nope' })), /Service "nope" was not found in cluster "demo-fargate"/);
  });

  it('shows the auto scaling target, policies and scheduled actions under a service', async () => {
    workbench.explorer.refresh();
    const service = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'api');
    const scaling = await childrenOf(workbench.explorer, service.find((n) => n.label === 'Auto scaling')!.node);
    assert.strictEqual(scaling[0].label, 'Scalable target: min 2 · max 10');
    assert.ok(scaling.some((n) => n.label.startsWith('Policy ') && /TargetTrackingScaling/.test(n.description ?? '')), scaling.map((n) => n.label).join());
    const scheduled = scaling.find((n) => n.label === 'Scheduled weekday-morning');
    assert.match(scheduled!.description!, /cron\(0 7 \? \* MON-FRI \*\) Europe\/Paris → min 4 · max 10/);
    const web = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'web');
    assert.deepStrictEqual((await childrenOf(workbench.explorer, web.find((n) => n.label === 'Auto scaling')!.node)).map((n) => n.label), ['Not auto scaled']);
  });
});
