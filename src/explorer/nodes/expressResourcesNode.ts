import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import { describeAwsError } from '../../aws/errors';
import type { ManagedResourceRow } from '../../ecs/express';
import { ExpressService } from '../../ecs/expressService';
import type { Presented } from '../../ecs/present';
import { code, detailRows } from '../../util/markdown';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { folderItem, presentedItem } from '../treeItems';
import { MessageNode } from './messageNode';

/**
 * "Managed resources" under an Express Mode service (`resourceManagementType: ECS`): what its
 * current service revision's `ecsManagedResources` names, each with its status, and its URL first
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-resources.html).
 */
export class ExpressResourcesNode implements ExplorerNode {
  readonly kind = 'expressResources';
  private readonly id: string;
  private summary: string | undefined;

  /** `of`: the service's scope, cluster and name. */
  constructor(
    private readonly ctx: ExplorerContext,
    private readonly of: { scope: AwsScope; cluster: string; service: string },
    parentId: string,
  ) {
    this.id = `${parentId}/expressResources`;
  }

  getTreeItem(): vscode.TreeItem {
    return folderItem('Managed resources', this.id, 'cloud', 'expressResources', this.summary);
  }

  async getChildren(): Promise<ExplorerNode[]> {
    try {
      const state = await new ExpressService(this.ctx.clients, this.of.scope).state(this.of.cluster, this.of.service);
      if (!state.rows.length) return [new MessageNode({ kind: 'other', title: 'No managed resources yet', message: 'The service revision names no ECS-managed resources yet.' }, 'info', this.id)];
      const active = state.rows.filter((r) => r.status === 'ACTIVE').length;
      const summary = `${active}/${state.rows.length} active`;
      if (summary !== this.summary) {
        this.summary = summary;
        this.ctx.refresh(this);
      }
      return [
        ...(state.url ? [new ExpressUrlNode(state.url, `${this.id}/url`)] : []),
        ...state.rows.map((r, i) => new ManagedResourceNode(r, `${this.id}/${i}:${r.kind}`)),
      ];
    } catch (error) {
      return [new MessageNode(describeAwsError(error, { profile: this.ctx.clients.context.profile, operation: 'ecs:DescribeServiceRevisions' }), 'error', this.id, this)];
    }
  }
}

/** The service's public URL; clicking it opens the browser. */
export class ExpressUrlNode implements ExplorerNode {
  readonly kind = 'expressUrl';
  constructor(
    readonly url: string,
    private readonly id: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('URL', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.url;
    item.iconPath = new vscode.ThemeIcon('link-external');
    item.contextValue = 'expressUrl';
    item.tooltip = new vscode.MarkdownString(`${detailRows([['URL', code(this.url)]])}  \nClick to open it in the browser.`);
    item.command = { command: 'vscode.open', title: 'Open URL', arguments: [vscode.Uri.parse(this.url)] };
    return item;
  }
}

function present(r: ManagedResourceRow): Presented {
  return {
    label: r.kind,
    description: `${r.name} · ${r.status}`,
    details: detailRows([['Resource', r.kind], ['Name', code(r.name)], ['Status', r.status], ['Reason', r.reason], ['ARN', code(r.arn)]]),
    state: r.status === 'ACTIVE' ? 'ok' : r.status === 'FAILED' ? 'error' : r.status === 'DELETED' ? 'inactive' : 'progress',
  };
}

class ManagedResourceNode implements ExplorerNode {
  readonly kind = 'expressManagedResource';
  constructor(
    private readonly row: ManagedResourceRow,
    private readonly id: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const icon = this.row.status === 'ACTIVE' ? 'pass' : this.row.status === 'FAILED' ? 'error' : 'sync';
    return presentedItem(present(this.row), { id: this.id, icon, contextValue: 'expressManagedResource' });
  }
}
