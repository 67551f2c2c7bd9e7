import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/explorerNode';
import type { EmulatorHandle } from '../emulator';
import { figure } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';

interface Row {
  path: string;
  description?: string;
}

/** Expands every node of the tree, as a person clicking every folder would: path and description of each row. */
async function fullTree(workbench: EcsWorkbenchApi): Promise<Row[]> {
  const rows: Row[] = [];
  const walk = async (node: ExplorerNode | undefined, path: string): Promise<void> => {
    const children = await workbench.explorer.getChildren(node);
    await Promise.all(
      children.map(async (child) => {
        const item = await workbench.explorer.getTreeItem(child);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        if (label === 'Load more…') return;
        const here = `${path}/${label}`;
        rows.push({ path: here, description: item.description as string | undefined });
        if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(child, here);
      }),
    );
  };
  await walk(undefined, '');
  return rows.sort((a, b) => a.path.localeCompare(b.path));
}

describe('The explorer under throttling, 5xx and dropped connections shows what it shows without them', function () {
  this.timeout(240_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' }, { 'explorer.additionalRegions': ['eu-west-1'] });
    ({ workbench, emulator } = account);
    process.on('unhandledRejection', onRejection);
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await account.close();
  });

  it('a full expansion of the demo account: the same nodes and labels; where retries run out, the error stays on that node with Retry', async () => {
    workbench.explorer.refresh();
    const clean = await fullTree(workbench);
    assert.ok(clean.length > 100, `a big tree (${clean.length} rows)`);
    const callsBefore = [...emulator.calls().values()].reduce((a, b) => a + b, 0);
    emulator.faults.set({ throttleRate: 0.3, serverErrorRate: 0.1, connectionResetRate: 0.02 } as Parameters<EmulatorHandle['faults']['set']>[0]);
    workbench.explorer.refresh();
    const faulty = await fullTree(workbench);
    emulator.faults.clear();
    const attempts = [...emulator.calls().values()].reduce((a, b) => a + b, 0) - callsBefore;
    // Rows under a node whose retries ran out are replaced by its error and Retry.
    const failed = faulty.filter((r) => /\/Retry$/.test(r.path)).map((r) => r.path.replace(/\/[^/]+\/Retry$/, ''));
    const expected = clean.filter((r) => !failed.some((f) => r.path.startsWith(`${f}/`)));
    const shown = faulty.filter((r) => !failed.some((f) => r.path.startsWith(`${f}/`)));
    assert.deepStrictEqual(shown, expected);
    figure(`fault-run rows=${clean.length} attempts=${attempts} nodes_with_retry=${failed.length} unhandled_rejections=${rejections.length}`);
    assert.deepStrictEqual(rejections, [], 'no unhandled promise rejection in the extension host');
  });
});
