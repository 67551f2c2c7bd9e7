import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { resourceName, revisionLabel } from '../../aws/arn';
import { serviceRevisionRows, type RevisionRow } from '../../ecs/presentServiceDeployment';
import type { ServiceRevision } from '../../ecs/serviceDeployments';
import { code, detailRows } from '../../util/markdown';
import type { ExplorerNode, NodeResource } from '../explorerNode';

/** A service deployment's target service revision (DescribeServiceRevisions): what it runs, behind what, where. */
export class ServiceRevisionNode implements ExplorerNode {
  readonly kind = 'serviceRevision';
  readonly id: string;
  readonly resource: NodeResource;

  constructor(
    readonly revision: ServiceRevision,
    scope: AwsScope,
    parentId: string,
  ) {
    this.id = `${parentId}/revision`;
    const name = resourceName(revision.serviceRevisionArn);
    this.resource = { scope, name, arn: revision.serviceRevisionArn, describe: async () => ({ title: `service-revision-${name}`, value: revision }) };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Target revision', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = revisionLabel(this.revision.taskDefinition);
    item.tooltip = new vscode.MarkdownString(detailRows([['Service revision', code(this.revision.serviceRevisionArn)], ['Task definition', code(this.revision.taskDefinition)]]));
    item.iconPath = new vscode.ThemeIcon('versions');
    item.contextValue = 'serviceRevision';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return serviceRevisionRows(this.revision).map((row, i) => new RevisionRowNode(row, `${this.id}/${i}`));
  }
}

class RevisionRowNode implements ExplorerNode {
  readonly kind = 'serviceRevisionDetail';
  constructor(
    private readonly row: RevisionRow,
    private readonly id: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.row.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.row.description;
    item.tooltip = new vscode.MarkdownString(this.row.details);
    item.contextValue = 'serviceRevisionDetail';
    return item;
  }
}
