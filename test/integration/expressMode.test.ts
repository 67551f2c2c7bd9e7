import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { QUICK_INPUT, choose, hasDriver, keyboard, screenshot, waitForText } from './support/driver';
import { drive } from './support/driveClock';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { childrenOf, eventually, expand } from './support/tree';

type Window = { showWarningMessage: (...args: unknown[]) => Thenable<unknown>; showInformationMessage: (...args: unknown[]) => Thenable<unknown> };

describe('Express Mode: Create Express Service… in the real editor, its URL, and the tree marking it with its managed resources', function () {
  this.timeout(180_000);
  let emulator: EmulatorHandle;
  let workbench: EcsWorkbenchApi;
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' });
    ({ emulator, workbench } = account);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await account?.close();
  });

  it('answers the steps (ECR or typed image, roles trusting ECS or typed, defaults), confirms the modal naming service, cluster, account and region, and shows the URL', async () => {
    // VS Code answers modals as dismissed in a test host before drawing them: read and answer them where the extension hands them over.
    const window = vscode.window as unknown as Window;
    const [warn, info] = [window.showWarningMessage, window.showInformationMessage];
    const asked: { message: string; detail?: string }[] = [];
    const told: string[] = [];
    window.showWarningMessage = (message: unknown, options?: unknown, ...rest: unknown[]) => {
      const modal = options as vscode.MessageOptions | undefined;
      if (!modal?.modal) return warn.call(vscode.window, message, options, ...rest);
      asked.push({ message: String(message), detail: modal.detail });
      return Promise.resolve('Create');
    };
    window.showInformationMessage = (message: unknown, ...rest: unknown[]) => {
      if (String(message).startsWith('Express service')) told.push(String(message));
      return info.call(vscode.window, message, ...rest);
    };
    try {
      const running = vscode.commands.executeCommand<{ serviceArn: string; url?: string } | undefined>('ecsWorkbench.createExpressService');
      const title = `${QUICK_INPUT} .quick-input-title`;
      await waitForText(title, ['Create Express Service (1/12): Image']);
      await waitForText(QUICK_INPUT, ['Enter an image URI', 'demo/api']);
      await choose('Enter an image URI');
      await waitForText(title, ['Image URI']);
      await keyboard('public.ecr.aws/nginx/nginx:latest', 'Enter');
      await waitForText(title, ['Container port']);
      await keyboard('', 'Enter');
      // The execution role: the roles trusting ecs-tasks.amazonaws.com (IAM ListRoles).
      await waitForText(title, ['Task execution role']);
      await waitForText(QUICK_INPUT, ['ecsTaskExecutionRole']);
      await choose('ecsTaskExecutionRole', 'ecsTaskExecutionRole');
      // No role of the demo account trusts ecs.amazonaws.com: the ARN is typed.
      await waitForText(title, ['Infrastructure role']);
      await choose('Enter a role ARN');
      // The same step's title: wait for the input box (its empty value shows the expected form) before typing.
      await waitForText(QUICK_INPUT, ['An IAM role ARN like']);
      await keyboard('arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices', 'Enter');
      await waitForText(title, ['Health check path']);
      await keyboard('', 'Enter');
      await waitForText(title, ['CPU and memory']);
      await choose('1 vCPU, 2 GB');
      for (const step of ['Minimum tasks', 'Maximum tasks', 'Scaling metric', 'Scaling target value']) {
        await waitForText(title, [step]);
        await keyboard('', 'Enter');
      }
      await waitForText(title, ['Cluster']);
      await choose('created if it does not exist');
      await waitForText(title, ['Service name']);
      await screenshot('express-service-name');
      await keyboard('hello-express', 'Enter');
      const result = await drive(emulator, running);
      assert.ok(result, 'created');
      assert.strictEqual(result.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/default/hello-express');
      assert.match(result.url ?? '', /^https:\/\/hello-express-[0-9a-f]{12}\.ecs\.us-east-1\.on\.aws$/);
      assert.strictEqual(asked.length, 1);
      assert.strictEqual(asked[0].message, 'Create Express service hello-express in cluster default (account 123456789012, us-east-1)?');
      assert.match(asked[0].detail ?? '', /Image: public\.ecr\.aws\/nginx\/nginx:latest \(port 80\)[\s\S]*1024 CPU units, 2048 MiB[\s\S]*Execution role: arn:aws:iam::123456789012:role\/ecsTaskExecutionRole/);
      await eventually(() => told.length > 0 || undefined, 'the notification');
      assert.strictEqual(told[0], `Express service hello-express (cluster default) is running: ${result.url}`);
    } finally {
      window.showWarningMessage = warn;
      window.showInformationMessage = info;
    }
  });

  it('marks the service Express in the tree, with its managed resources ACTIVE and its URL', async () => {
    workbench.explorer.refresh();
    const services = await expand(workbench.explorer, 'us-east-1', 'default', 'Services');
    const row = services.find((s) => s.label === 'hello-express')!;
    assert.match(row.description ?? '', /^1\/1 · .*Express$/);
    assert.match(row.tooltip ?? '', /Managed by: ECS \(Express Mode\)/);
    const children = await childrenOf(workbench.explorer, row.node);
    assert.deepStrictEqual(children.map((c) => c.label), ['Deployments', 'Events', 'Tasks', 'Auto scaling', 'Managed resources']);
    const resources = await childrenOf(workbench.explorer, children[4].node);
    assert.strictEqual(resources[0].label, 'URL');
    assert.match(resources[0].description ?? '', /^https:\/\/hello-express-[0-9a-f]{12}\.ecs\.us-east-1\.on\.aws$/);
    const kinds = resources.slice(1).map((r) => r.label);
    for (const kind of ['Load balancer', 'Listener', 'Listener rule', 'Target group', 'Scalable target', 'Scaling policy', 'Alarm', 'Log group']) assert.ok(kinds.includes(kind), `${kind} listed: ${kinds.join(', ')}`);
    for (const r of resources.slice(1)) assert.match(r.description ?? '', / · ACTIVE$/, `${r.label} ACTIVE`);
  });
});
