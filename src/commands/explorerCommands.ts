import * as vscode from 'vscode';
import { consoleUrl } from '../ecs/consoleUrls';
import type { ExplorerNode } from '../explorer/explorerNode';
import { PagedListNode } from '../explorer/pagedListNode';
import type { LoadMoreNode } from '../explorer/nodes/loadMoreNode';
import { TasksFolderNode } from '../explorer/nodes/tasksFolderNode';
import type { Services } from '../services';
import { registerCommand } from '../ui/registerCommand';

function requireResource(node: ExplorerNode | undefined, what: string) {
  const resource = node?.resource;
  if (!resource) throw new Error(`Run "${what}" from a resource in the ECS explorer.`);
  return resource;
}

/** The explorer's node commands: describe, copy, console, refresh, filter, paging, task status. */
export function registerExplorerCommands(services: Services): void {
  const { documents } = services;
  registerCommand(services, 'ecsWorkbench.openDescribe', async (node?: ExplorerNode) => {
    const resource = requireResource(node, 'Open Describe Output');
    if (!resource.describe) throw new Error(`${resource.name} has no describe output.`);
    const { title, value, language } = await resource.describe();
    const editor = await documents.open(title, value, language);
    return { uri: editor.document.uri.toString(), languageId: editor.document.languageId };
  });

  registerCommand(services, 'ecsWorkbench.copyArn', async (node?: ExplorerNode) => {
    const resource = requireResource(node, 'Copy ARN');
    if (!resource.arn) throw new Error(`${resource.name} has no ARN.`);
    await vscode.env.clipboard.writeText(resource.arn);
    return { copied: resource.arn };
  });

  registerCommand(services, 'ecsWorkbench.copyName', async (node?: ExplorerNode) => {
    const resource = requireResource(node, 'Copy Name');
    await vscode.env.clipboard.writeText(resource.name);
    return { copied: resource.name };
  });

  registerCommand(services, 'ecsWorkbench.openInConsole', async (node?: ExplorerNode) => {
    const resource = requireResource(node, 'Open in AWS Console');
    if (!resource.console) throw new Error(`${resource.name} has no page in the AWS console.`);
    const url = consoleUrl(resource.scope.region, resource.console);
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return { url };
  });

  registerCommand(services, 'ecsWorkbench.refreshNode', (node?: ExplorerNode) => {
    services.explorer.refresh(node);
  });

  registerCommand(services, 'ecsWorkbench.loadMore', async (node?: LoadMoreNode) => {
    if (!node || node.kind !== 'loadMore') throw new Error('Load more runs from a "Load more…" node.');
    await node.parent.loadMore();
  });

  registerCommand(services, 'ecsWorkbench.filterList', async (node?: ExplorerNode, text?: string) => {
    if (!(node instanceof PagedListNode)) throw new Error('Filter runs on a list in the ECS explorer (services, tasks, instances, families).');
    const filter =
      text ??
      (await vscode.window.showInputBox({
        title: 'Filter',
        prompt: 'Show only items whose name contains (case-insensitive); empty clears the filter',
        value: node.filter ?? '',
      }));
    if (filter === undefined) return undefined;
    node.setFilter(filter);
    return { filter: node.filter };
  });

  registerCommand(services, 'ecsWorkbench.clearFilter', (node?: ExplorerNode) => {
    if (node instanceof PagedListNode) node.setFilter(undefined);
  });

  registerCommand(services, 'ecsWorkbench.showStoppedTasks', (node?: ExplorerNode) => {
    if (node instanceof TasksFolderNode) node.showStatus('STOPPED');
  });

  registerCommand(services, 'ecsWorkbench.showRunningTasks', (node?: ExplorerNode) => {
    if (node instanceof TasksFolderNode) node.showStatus('RUNNING');
  });
}
