import * as assert from 'assert';
import * as vscode from 'vscode';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { EcsWorkbenchApi } from '../../src/extension';
import { QUICK_INPUT, choose, hasDriver, keyboard, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { answeringModals } from './support/modals';
import { expand, type Shown } from './support/tree';

const NOTIFICATIONS = '.notifications-center';

/** What a container instance's tooltip says: free memory and CPU, tasks on it. */
function read(row: Shown): { id: string; memory: number; cpu: number; tasks: number } {
  const tip = row.tooltip ?? '';
  const figure = (label: string) => Number(new RegExp(`${label}:\\**\\s*(\\d+)`).exec(tip)?.[1] ?? NaN);
  return { id: row.label, memory: figure('Memory MiB free / registered'), cpu: figure('CPU units free / registered'), tasks: figure('Running tasks') + figure('Pending tasks') };
}

describe('Placement on demo-ec2 in the real editor: binpack fills the fullest instance, and an unplaceable task says why', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;
  let workbench: EcsWorkbenchApi;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' });
    workbench = account.workbench;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('notifications.clearAll');
    await account?.close();
  });

  const instances = async () => {
    workbench.explorer.refresh();
    return (await expand(workbench.explorer, 'us-east-1', 'demo-ec2', 'Container instances')).map(read);
  };

  /** Run Task… from the palette: demo-ec2, the family's latest revision, `count`, EC2, then the placement steps. */
  const runFromPalette = (family: string, count: number, strategy: string) =>
    answeringModals('Run Task', async (asked) => {
      const running = Promise.resolve(vscode.commands.executeCommand<{ taskArns: string[] } | undefined>('ecsWorkbench.runTask'));
      const title = `${QUICK_INPUT} .quick-input-title`;
      await waitForText(title, ['Run Task (1/', 'Cluster']);
      await choose('demo-ec2', 'demo-ec2');
      await waitForText(title, ['Task definition family']);
      await choose(family, family);
      await waitForText(title, [`Revision of ${family}`]);
      await keyboard('', 'Enter');
      await waitForText(title, ['How many tasks']);
      await keyboard('', 'Control+a');
      await keyboard(String(count), 'Enter');
      await waitForText(title, ['Launch type or capacity provider']);
      await choose('EC2', 'EC2');
      await waitForText(title, ['Placement strategy']);
      await choose(strategy, strategy);
      await waitForText(title, ['Placement constraint']);
      await choose('No placement constraint', 'No placement');
      const result = await running;
      assert.strictEqual(asked.length, 1, 'one confirmation');
      assert.match(asked[0].message, new RegExp(`^Run ${count} task\\(s\\) of ${family}:\\d+ in cluster demo-ec2 \\(.*us-east-1\\)\\?$`));
      return result;
    });

  it('binpack memory: the tasks go where the least memory is free (that still fits them), as the tooltips show', async () => {
    const before = await instances();
    assert.strictEqual(before.length, 3);
    const result = await runFromPalette('demo-batch', 2, 'binpack memory');
    assert.strictEqual(result?.taskArns.length, 2);
    const after = await instances();
    // demo-batch asks 256 CPU units and 256 MiB. Binpack on memory, task by task: "the container instance with the
    // least amount of remaining memory" that can take it (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html).
    const free = new Map(before.map((i) => [i.id, { ...i }]));
    const got = new Map(after.map((i) => [i.id, (i.tasks - free.get(i.id)!.tasks)]));
    for (let task = 0; task < 2; task++) {
      const fits = [...free.values()].filter((i) => i.memory >= 256 && i.cpu >= 256);
      const least = Math.min(...fits.map((i) => i.memory));
      const there = fits.find((i) => i.memory === least && (got.get(i.id) ?? 0) > 0);
      assert.ok(there, `task ${task + 1} on an instance with ${least} MiB free: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      got.set(there.id, got.get(there.id)! - 1);
      there.memory -= 256;
      there.cpu -= 256;
    }
    for (const i of after) assert.strictEqual(i.memory, free.get(i.id)!.memory, `${i.id}: free memory shown after the run`);
  });

  it('a task larger than every instance is not started, and the notification says so once per reason with the instances counted', async () => {
    const client = new ECSClient({ endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    // A t3.large registers about 7.5 GiB: 16 GiB fits none of them.
    await client.send(new RegisterTaskDefinitionCommand({ family: 'placement-huge', requiresCompatibilities: ['EC2'], networkMode: 'bridge', containerDefinitions: [{ name: 'huge', image: 'busybox', cpu: 256, memory: 16384 }] }));
    await vscode.commands.executeCommand('notifications.clearAll');
    const result = await runFromPalette('placement-huge', 1, 'binpack memory');
    assert.deepStrictEqual(result?.taskArns, []);
    await vscode.commands.executeCommand('notifications.showList');
    await waitForText(NOTIFICATIONS, ['Run placement-huge:1 in cluster demo-ec2: No task started (1 asked for). Not placed: RESOURCE:MEMORY on 3 container instances (the task needs more memory than it has free).']);
  });
});
