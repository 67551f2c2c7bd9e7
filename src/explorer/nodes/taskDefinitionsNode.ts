import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { resourceName, taskDefinitionParts } from '../../aws/arn';
import { code, detailRows } from '../../util/markdown';

/** Task-definition families of the region (those with an ACTIVE revision). */
export class TaskDefinitionsNode extends PagedListNode<string> {
  readonly kind = 'taskDefinitionsFolder';
  protected readonly operation = 'ecs:ListTaskDefinitionFamilies';
  protected readonly emptyText = 'No task definitions';

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    parentId: string,
  ) {
    super(ctx, `${parentId}/taskDefinitions`);
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).taskDefinitionFamilies(page);
  }

  protected toNode(family: string): ExplorerNode {
    return new FamilyNode(this.ctx, this.scope, family, this.id, 'active');
  }

  protected matches(family: string, filter: string): boolean {
    return family.toLowerCase().includes(filter);
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    return [...(await super.getChildren()), new InactiveFamiliesNode(this.ctx, this.scope, this.id)];
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('taskDefinitions', this.scope, [], this);
    return this.folderItem('Task definitions', 'file-code', 'taskDefinitionsFolder');
  }
}

/** Families with no ACTIVE revision left: otherwise invisible, since the families list shows ACTIVE ones. */
export class InactiveFamiliesNode extends PagedListNode<string> {
  readonly kind = 'inactiveFamiliesFolder';
  protected readonly operation = 'ecs:ListTaskDefinitionFamilies';
  protected readonly emptyText = 'No family is wholly inactive';

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    parentId: string,
  ) {
    super(ctx, `${parentId}/inactiveFamilies`);
  }

  protected fetch(page: PageRequest) {
    // Both lists are read whole (once per refresh) to tell the families apart, then paged here.
    return this.pageOfWhole(() => this.ctx.reader(this.scope).inactiveOnlyFamilies(), page);
  }

  protected toNode(family: string): ExplorerNode {
    return new FamilyNode(this.ctx, this.scope, family, this.id, 'inactiveFamily');
  }

  protected matches(family: string, filter: string): boolean {
    return family.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Inactive families', 'archive', 'inactiveFamiliesFolder');
  }
}

/**
 * Revisions of one family, newest first: an active family lists its ACTIVE ones with the INACTIVE
 * ones in a child folder; an inactive family (or that folder) lists INACTIVE ones.
 */
export class FamilyNode extends PagedListNode<string> {
  readonly kind: string;
  protected readonly operation = 'ecs:ListTaskDefinitions';
  readonly resource: NodeResource;

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly family: string,
    parentId: string,
    private readonly variant: 'active' | 'inactiveRevisions' | 'inactiveFamily',
  ) {
    super(ctx, variant === 'inactiveRevisions' ? `${parentId}/inactive` : `${parentId}/family:${family}`);
    this.status = variant === 'active' ? 'ACTIVE' : 'INACTIVE';
    this.kind = variant === 'inactiveRevisions' ? 'inactiveRevisionsFolder' : 'taskDefinitionFamily';
    this.resource = { scope, name: family, console: { kind: 'taskDefinitionFamily', family } };
  }

  readonly status: 'ACTIVE' | 'INACTIVE';

  protected get emptyText(): string {
    return this.status === 'ACTIVE' ? 'No active revisions' : 'No inactive revisions';
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).taskDefinitionRevisions(this.family, this.status, page);
  }

  protected toNode(arn: string): ExplorerNode {
    return new RevisionNode(this.ctx, this.scope, arn, this.status, this.id);
  }

  protected matches(arn: string, filter: string): boolean {
    return resourceName(arn).toLowerCase().includes(filter);
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const children = await super.getChildren();
    if (this.variant === 'active') children.push(new FamilyNode(this.ctx, this.scope, this.family, this.id, 'inactiveRevisions'));
    return children;
  }

  getTreeItem(): vscode.TreeItem {
    if (this.variant === 'inactiveRevisions') return this.folderItem('Inactive revisions', 'archive', 'inactiveRevisionsFolder');
    if (this.variant === 'active') this.ctx.index.remember('family', this.scope, [this.family], this);
    return this.folderItem(this.family, 'symbol-class', 'taskDefinitionFamily');
  }
}

export class RevisionNode implements ExplorerNode {
  readonly kind = 'taskDefinitionRevision';
  readonly resource: NodeResource;
  private readonly label: string;

  constructor(
    ctx: ExplorerContext,
    scope: AwsScope,
    readonly arn: string,
    readonly status: 'ACTIVE' | 'INACTIVE',
    private readonly parentId: string,
  ) {
    this.label = resourceName(arn);
    const { family, revision = 0 } = taskDefinitionParts(arn);
    this.resource = {
      scope,
      name: this.label,
      arn,
      console: { kind: 'taskDefinition', family, revision },
      describe: async () => {
        const out = await ctx.reader(scope).taskDefinition(arn);
        return { title: `${family}-${revision}.task-definition`, value: out, language: 'ecs-task-definition' };
      },
    };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentId}/${this.label}`;
    item.description = this.status;
    item.iconPath = new vscode.ThemeIcon('file-code', this.status === 'INACTIVE' ? new vscode.ThemeColor('disabledForeground') : undefined);
    item.tooltip = new vscode.MarkdownString(detailRows([['Revision', this.label], ['Status', this.status], ['ARN', code(this.arn)]]));
    item.contextValue = `taskDefinitionRevision.${this.status.toLowerCase()}`;
    item.command = { title: 'Open', command: 'ecsWorkbench.openDescribe', arguments: [this] };
    return item;
  }
}
