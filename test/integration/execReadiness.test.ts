import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { ReadinessReport } from '../../src/exec/types';
import type { EmulatorHandle } from '../emulator';
import { hasDriver, screenshot, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand } from './support/tree';

const NOTIFICATIONS = '.notifications-center';

/** The ECS Exec readiness check in the editor: a `web` task (ECS Exec off) gets the checker's answer, and Enable ECS Exec fixes it. */
describe('ECS Exec readiness: Check ECS Exec Readiness and Enable ECS Exec (execReadiness)', function () {
  this.timeout(180_000);
  let account: EmulatorAccount;
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;

  const run = <T>(command: string, arg?: unknown) => Promise.resolve(vscode.commands.executeCommand<T>(command, arg));
  const runningTasks = (service: string) => [...emulator.region('us-east-1').ecs.tasksOf('demo-fargate').values()].filter((t) => t.group === `service:${service}` && t.lastStatus === 'RUNNING');

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' });
    ({ workbench, emulator } = account);
  });
  after(async () => {
    await account?.close();
  });

  it('from a web task\'s row: the report document shows each failed check with its fix, and a notification offers Enable ECS Exec', async () => {
    const task = runningTasks('web')[0].taskArn;
    const rows = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'web', 'Tasks');
    const row = rows.find((r) => r.node.resource?.arn === task);
    assert.ok(row, `the web task's row among ${rows.map((r) => r.label).join(', ')}`);
    const report = await run<ReadinessReport>('ecsWorkbench.checkExecReadiness', row.node);
    assert.strictEqual(report.ready, false);
    assert.deepStrictEqual(report.checks.filter((c) => !c.ok).map((c) => c.id), ['task-exec-enabled', 'service-exec-enabled', 'exec-agent', 'task-role']);

    const id = task.split('/').pop()!;
    const editor = await eventually(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.includes('ecs-exec-readiness-')), 'the readiness report');
    assert.strictEqual(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    for (const part of [
      `# ECS Exec readiness of task ${id.slice(0, 8)}`,
      'In cluster demo-fargate, account 123456789012, us-east-1.',
      '**Not ready:** 4 checks failed.',
      '## What to do',
      `- ✗ Task ${id} was started without ECS Exec \\(enableExecuteCommand is false\\).`,
      '**Fix:** Enable ECS Exec on service web \\(UpdateService with enableExecuteCommand: true and a new deployment\\)',
      '- ✗ Container web has no ExecuteCommandAgent: ECS Exec was not enabled when the task started.',
      '**Fix:** Give the task definition a task role \\(taskRoleArn\\) that allows ssmmessages:CreateControlChannel',
      '- ✓ `platform-version`: Fargate platform version 1.4.0 supports ECS Exec',
      '- ✓ `ssm-endpoint`: The session endpoint 127.0.0.1:',
    ]) {
      assert.ok(text.includes(part), `${part}\nin:\n${text}`);
    }
    if (hasDriver()) {
      // What a person sees: the notification with the fix the extension can make itself.
      await vscode.commands.executeCommand('notifications.showList');
      await waitForText(NOTIFICATIONS, [`ECS Exec is not ready for task ${id.slice(0, 8)}: Task ${id} was started without ECS Exec`, '(3 more in the report)', 'Enable ECS Exec on web']);
      await screenshot('exec-readiness-web');
    }
  });

  it('an argument object returns the report without opening anything, and an invalid one is refused saying what is expected', async () => {
    const before = vscode.window.visibleTextEditors.length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const task = runningTasks('api')[0].taskArn;
    const report = await run<ReadinessReport>('ecsWorkbench.checkExecReadiness', { cluster: 'demo-fargate', task, region: 'us-east-1' });
    assert.deepStrictEqual([report.ready, report.checks.filter((c) => !c.ok)], [true, []]);
    assert.strictEqual(vscode.window.visibleTextEditors.filter((e) => e.document.uri.path.includes('ecs-exec-readiness-')).length, 0, `nothing opened (had ${before})`);
    await assert.rejects(run('ecsWorkbench.checkExecReadiness', { cluster: 'demo-fargate' }), /ecsWorkbench\.checkExecReadiness: "task" is missing\. Expected \{ cluster, task \(ARN or id\), container\?, open\?: boolean, region\?, profile\? \}/);
    await assert.rejects(run('ecsWorkbench.enableExecuteCommand', { cluster: 'demo-fargate', service: 'web', force: true }), /unknown member "force"/);
  });

  it('Enable ECS Exec on web (argument object): a new deployment whose tasks have ECS Exec, which the check then finds', async () => {
    const result = await run<{ serviceArn: string; deploymentId?: string }>('ecsWorkbench.enableExecuteCommand', { cluster: 'demo-fargate', service: 'web' });
    assert.strictEqual(result.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/demo-fargate/web');
    assert.match(result.deploymentId ?? '', /^ecs-svc\//);
    const fresh = await eventually(async () => {
      await emulator.clock.advance(10_000);
      return runningTasks('web').find((t) => t.enableExecuteCommand && t.containers.every((c) => c.managedAgents?.[0]?.lastStatus === 'RUNNING'));
    }, 'a web task with ECS Exec', 60_000);
    const report = await run<ReadinessReport>('ecsWorkbench.checkExecReadiness', { cluster: 'demo-fargate', task: fresh.taskArn });
    // ECS Exec is on now; web's task definition still has no task role, which the check still says.
    assert.deepStrictEqual(report.checks.filter((c) => !c.ok).map((c) => c.id), ['task-role']);
    assert.ok(report.checks.find((c) => c.id === 'service-exec-enabled')?.ok);
  });
});
