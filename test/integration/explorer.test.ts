import * as assert from 'assert';
import * as vscode from 'vscode';
import { DeregisterTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { SIDEBAR, click, hasDriver, screenshot, waitForText } from './support/driver';
import { childrenOf, eventually, expand, setSettings } from './support/tree';

describe('ECS explorer against the emulator demo seed', function () {
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'explorer.refreshIntervalSeconds': 2 });
    ({ workbench, emulator } = account);
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
  });

  after(() => account.close());

  beforeEach(async () => {
    emulator.faults.clear();
    workbench.explorer.refresh();
  });

  it('shows clusters with counts, then services with running/desired, launch type and deployment badge', async () => {
    const region = await expand(workbench.explorer, 'us-east-1');
    assert.deepStrictEqual(region.map((n) => n.label), ['demo-ec2', 'demo-fargate', 'Task definitions']);
    const fargate = region[1];
    assert.match(fargate.description!, /^8 services · \d+ running$/);
    assert.match(fargate.tooltip!, /FARGATE, FARGATE_SPOT/);

    const folders = await childrenOf(workbench.explorer, fargate.node);
    assert.deepStrictEqual(folders.map((f) => f.label), ['Services', 'Tasks', 'Fargate only: no container instances']);
    const services = await childrenOf(workbench.explorer, folders[0].node);
    const byName = Object.fromEntries(services.map((s) => [s.label, s.description]));
    assert.deepStrictEqual(Object.keys(byName).sort(), ['api', 'catalog', 'checkout', 'legacy-bg', 'payments', 'search', 'web', 'worker']);
    assert.match(byName.api!, /^3\/3 · steady$/);
    assert.match(byName.web!, /^\d\/2( · \d pending)? · rolling out$/);
    assert.match(byName.worker!, /^\d\/2( · \d pending)? · failing: \d+ stopped( \(exit 1\))?$/);
    assert.match(services.find((s) => s.label === 'api')!.tooltip!, /Launch: FARGATE/);
  });

  it('asked again, the tree gives the same service objects the view draws until Refresh, so a change reaches the row on screen', async () => {
    const first = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services')).find((s) => s.label === 'web')!;
    const again = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services')).find((s) => s.label === 'web')!;
    assert.strictEqual(again.node, first.node, 'one web node until Refresh');
    workbench.explorer.refresh();
    const fresh = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services')).find((s) => s.label === 'web')!;
    assert.notStrictEqual(fresh.node, first.node, 'Refresh reads the tree again');
  });

  it('shows a service deployments, events newest first in pages of 20, and its tasks with containers', async () => {
    const service = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'web');
    assert.deepStrictEqual(service.map((n) => n.label), ['Deployments', 'Events', 'Tasks', 'Auto scaling']);
    const deployments = await childrenOf(workbench.explorer, service[0].node);
    // The service deployments (ListServiceDeployments), newest first: source → target revision.
    assert.deepStrictEqual(deployments.map((d) => d.label), ['demo-web:1 → 2', 'demo-web:1']);
    assert.match(deployments[0].description!, /^(pending|in progress) · \d\/2 · rolling$/);
    assert.match(deployments[0].tooltip!, /Status: (PENDING|IN_PROGRESS)/);

    const events = await childrenOf(workbench.explorer, service[1].node);
    assert.ok(events.length >= 1);
    assert.match(events[0].label, /has started 1 tasks/);

    // Two revisions run while web rolls out: the folder says which, with their counts.
    assert.match(service[2].description!, /^\d+ running · demo-web:2 ×1, demo-web:1 ×\d+$/);
    const tasks = await childrenOf(workbench.explorer, service[2].node);
    const task = tasks.find((t) => t.description?.startsWith('demo-web:2'));
    assert.ok(task, `a demo-web:2 task among ${tasks.map((t) => t.description).join(' | ')}`);
    assert.match(task.label, /^[0-9a-f]{8}$/);
    assert.strictEqual(task.description, 'demo-web:2', 'RUNNING goes without saying');
    assert.match(task.tooltip!, /Status: RUNNING/);
    assert.match(task.tooltip!, /Launch type: FARGATE[\s\S]*Availability zone: us-east-1[a-z]/);
    const containers = await childrenOf(workbench.explorer, task.node);
    assert.strictEqual(containers[0].label, 'web');
    assert.match(containers[0].description!, /RUNNING/);
    assert.match(containers[0].tooltip!, /Private IP: \d+\.\d+\.\d+\.\d+/);
  });

  it('a failing deployment shows stopped tasks with exit code and reason', async () => {
    const tasksFolder = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'worker')).find((n) => n.label === 'Tasks')!;
    await vscode.commands.executeCommand('ecsWorkbench.showStoppedTasks', tasksFolder.node);
    const stopped = await childrenOf(workbench.explorer, tasksFolder.node);
    assert.ok(stopped.length >= 4, stopped.map((s) => s.label).join());
    // The emulator's manual clock started in the past: days ago, measured from the host's own clock.
    assert.match(stopped[0].description!, /^\d+[smhd] ago · worker exited 1$/);
    assert.match(stopped[0].tooltip!, /Task definition: demo-worker:2[\s\S]*Stopped reason: Essential container in task exited/);
    const containers = await childrenOf(workbench.explorer, stopped[0].node);
    assert.match(containers[0].description!, /STOPPED · exit 1/);
    await vscode.commands.executeCommand('ecsWorkbench.showRunningTasks', tasksFolder.node);
  });

  it('shows EC2 container instances with instance type and zone, agent state and free CPU/memory in the tooltip', async () => {
    const instances = await expand(workbench.explorer, 'us-east-1', 'demo-ec2', 'Container instances');
    assert.strictEqual(instances.length, 3);
    // One in each zone, as the seed's Auto Scaling group spreads them over three subnets.
    assert.deepStrictEqual(instances.map((i) => i.description).sort(), ['t3.large · us-east-1a', 't3.large · us-east-1b', 't3.large · us-east-1c']);
    for (const instance of instances) {
      assert.match(instance.label, /^i-[0-9a-f]+$/);
      assert.match(instance.description!, /^t3\.large · us-east-1[abc]$/);
      assert.match(instance.tooltip!, /Agent connected: yes[\s\S]*Running tasks: \d+[\s\S]*CPU units free \/ registered: \d+\/\d+[\s\S]*Memory MiB free \/ registered: \d+\/\d+/);
    }
  });

  it('lists task-definition families and their revisions newest first, opening one as a read-only document', async () => {
    const families = await expand(workbench.explorer, 'us-east-1', 'Task definitions');
    const names = families.map((f) => f.label);
    for (const family of ['demo-api', 'demo-web', 'demo-worker']) assert.ok(names.includes(family), names.join());
    const revisions = await childrenOf(workbench.explorer, families.find((f) => f.label === 'demo-api')!.node);
    assert.deepStrictEqual(revisions.map((r) => r.label), ['demo-api:3', 'demo-api:2', 'Inactive revisions']);
    assert.match(revisions[0].description!, /^\d{4}-\d\d-\d\d · :1\.2\.0$/);
    assert.match(revisions[1].description!, /^\d{4}-\d\d-\d\d · :1\.1\.0$/);
    assert.match(revisions[0].tooltip!, /Status: ACTIVE/);
    const inactive = await childrenOf(workbench.explorer, revisions[2].node);
    assert.deepStrictEqual(inactive.map((r) => [r.label, r.description?.replace(/^\d{4}-\d\d-\d\d/, 'DATE')]), [['demo-api:1', 'DATE · :1.0.0']]);
    const opened = await vscode.commands.executeCommand<{ uri: string; languageId: string }>('ecsWorkbench.openDescribe', revisions[0].node);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.uri)!;
    const shown = JSON.parse(document.getText());
    assert.strictEqual(shown.taskDefinition.family, 'demo-api');
    assert.ok(!('$metadata' in shown), 'the SDK response metadata is not part of the describe output');
    assert.strictEqual(opened.languageId, 'ecs-task-definition');
    // Describe output opens as a task definition, and is describe output by design: no warning about its read-only fields.
    assert.deepStrictEqual(await vscode.commands.executeCommand('ecsWorkbench.validateDefinition', { uri: opened.uri }), { errors: 0, warnings: 0, infos: 0 });
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a family whose revisions are all INACTIVE appears under Inactive families, with its revisions', async () => {
    const ecs = new ECSClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ family: 'retired-app', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: taskDefinition!.taskDefinitionArn }));
    workbench.explorer.refresh();
    const families = await expand(workbench.explorer, 'us-east-1', 'Task definitions');
    assert.ok(!families.some((f) => f.label === 'retired-app'), 'not among the families with an ACTIVE revision');
    assert.strictEqual(families[families.length - 1].label, 'Inactive families');
    const inactive = await childrenOf(workbench.explorer, families[families.length - 1].node);
    assert.deepStrictEqual(inactive.map((f) => f.label), ['retired-app'], 'demo-api (one INACTIVE, two ACTIVE revisions) is not wholly inactive');
    assert.deepStrictEqual((await childrenOf(workbench.explorer, inactive[0].node)).map((r) => r.label), ['retired-app:1']);
  });

  it('copies ARNs and builds the console URL for the region', async () => {
    const services = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    const api = services.find((s) => s.label === 'api')!;
    const copied = await vscode.commands.executeCommand<{ copied: string }>('ecsWorkbench.copyArn', api.node);
    assert.match(copied.copied, /^arn:aws:ecs:us-east-1:123456789012:service\/demo-fargate\/api$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), copied.copied);
    assert.strictEqual(api.node.resource?.console?.kind, 'service');
  });

  it('filters a list by name and pages with Load more', async () => {
    await setSettings({ 'explorer.pageSize': 1 });
    try {
      const servicesFolder = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate')).find((n) => n.label === 'Services')!;
      const firstPage = await childrenOf(workbench.explorer, servicesFolder.node);
      assert.deepStrictEqual(firstPage.map((n) => n.contextValue), ['service', 'loadMore']);
      await vscode.commands.executeCommand('ecsWorkbench.loadMore', firstPage[1].node);
      const secondPage = await childrenOf(workbench.explorer, servicesFolder.node);
      assert.deepStrictEqual(secondPage.map((n) => n.contextValue), ['service', 'service', 'loadMore']);

      await vscode.commands.executeCommand('ecsWorkbench.filterList', servicesFolder.node, 'WORK');
      const filtered = await childrenOf(workbench.explorer, servicesFolder.node);
      assert.deepStrictEqual(filtered.map((n) => n.label), ['worker']);
      await vscode.commands.executeCommand('ecsWorkbench.filterList', servicesFolder.node, 'nothing-like-this');
      assert.deepStrictEqual((await childrenOf(workbench.explorer, servicesFolder.node)).map((n) => n.label), ['Nothing matches "nothing-like-this"']);
    } finally {
      await setSettings({ 'explorer.pageSize': undefined });
    }
  });

  it('an AccessDenied on one cluster shows an error node there while the other cluster loads', async () => {
    emulator.faults.set({ accessDenied: [{ action: 'ecs:ListServices', resource: 'demo-ec2' }] });
    const denied = await expand(workbench.explorer, 'us-east-1', 'demo-ec2', 'Services');
    assert.deepStrictEqual(denied.map((n) => n.label), ['Access denied: ecs:ListServices']);
    assert.match(denied[0].tooltip!, /ecs:ListServices/);
    const fine = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    assert.deepStrictEqual(fine.map((n) => n.label).sort(), ['api', 'catalog', 'checkout', 'legacy-bg', 'payments', 'search', 'web', 'worker']);
    if (hasDriver()) {
      await waitForText(SIDEBAR, ['demo-fargate']);
      await screenshot('explorer-access-denied', SIDEBAR);
    }
  });

  it('a deployment in progress refreshes itself until steady, and nothing polls when it is done', async () => {
    const services = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services');
    const web = services.find((s) => s.label === 'web')!;
    assert.match(web.description!, /rolling out/);
    assert.ok(workbench.explorer.autoRefresher.trackedServices.some((id) => id.endsWith('/service:web')), 'web is tracked');
    // ECS time: let the rolling deployment finish in the emulator.
    await emulator.clock.advance(15 * 60_000);
    const node = web.node as unknown as { service: { deployments?: unknown[]; runningCount?: number; desiredCount?: number } };
    await eventually(() => (node.service.deployments?.length === 1 && node.service.runningCount === node.service.desiredCount) || undefined, 'web to become steady through auto-refresh');
    const item = await workbench.explorer.getTreeItem(web.node);
    assert.match(String(item.description), /^2\/2 · steady$/);
    await eventually(() => !workbench.explorer.autoRefresher.trackedServices.some((id) => id.endsWith('/service:web')) || undefined, 'web to stop being tracked');
  });

  it('renders the expanded tree in the workbench', async function () {
    if (!hasDriver()) this.skip();
    workbench.explorer.refresh();
    // A row's aria-label is its label, a space, then its description.
    const row = (label: string) => `${SIDEBAR} .monaco-list-row[aria-label^="${label} "], ${SIDEBAR} .monaco-list-row[aria-label="${label}"]`;
    for (const label of ['demo-fargate', 'Services', 'web', 'Deployments']) {
      await waitForText(SIDEBAR, [label]);
      await click(row(label));
    }
    const { text } = await waitForText(SIDEBAR, ['demo-web:1 → 2', 'api', 'worker']);
    assert.match(text, /3\/3 · steady/);
    await screenshot('explorer-expanded');
  });
});
