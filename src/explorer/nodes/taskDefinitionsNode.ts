import type { AwsScope } from '../../aws/clientManager';
import * as vscode from 'vscode';
import { describeAwsError } from '../../aws/errors';
import type { PageRequest } from '../../aws/paging';
import type { TaskDefinition } from '../../ecs/ecsReader';
import { presentFamily, presentRevision, type ServiceScan } from '../../ecs/presentTaskDefinition';
import type { ExplorerContext, ExplorerNode, NodeResource } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { resourceName, taskDefinitionParts } from '../../aws/arn';
import { escapeMarkdown } from '../../util/markdown';

/** The region's services and the revisions they run, read once per refresh for every family (see SERVICE_SCAN). */
type ScanServices = () => Promise<ServiceScan>;

/** Task-definition families of the region (those with an ACTIVE revision). */
export class TaskDefinitionsNode extends PagedListNode<string> {
  readonly kind = 'taskDefinitionsFolder';
  protected readonly operation = 'ecs:ListTaskDefinitionFamilies';
  protected readonly emptyText = 'No task definitions';
  private scan: Promise<ServiceScan> | undefined;
  private readonly scanServices: ScanServices = () => {
    const scan = (this.scan ??= this.ctx.reader(this.scope).serviceScan());
    scan.catch(() => {
      if (this.scan === scan) this.scan = undefined;
    });
    return scan;
  };

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
    return new FamilyNode(this.ctx, this.scope, family, this.id, 'active', this.scanServices);
  }

  protected matches(family: string, filter: string): boolean {
    return family.toLowerCase().includes(filter);
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    return [...(await super.getChildren()), new InactiveFamiliesNode(this.ctx, this.scope, this.id, this.scanServices)];
  }

  override reset(): void {
    super.reset();
    this.scan = undefined;
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
    private readonly scanServices: ScanServices,
  ) {
    super(ctx, `${parentId}/inactiveFamilies`);
  }

  protected fetch(page: PageRequest) {
    // Both lists are read whole (once per refresh) to tell the families apart, then paged here.
    return this.pageOfWhole(() => this.ctx.reader(this.scope).inactiveOnlyFamilies(), page);
  }

  protected toNode(family: string): ExplorerNode {
    return new FamilyNode(this.ctx, this.scope, family, this.id, 'inactiveFamily', this.scanServices);
  }

  protected matches(family: string, filter: string): boolean {
    return family.toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Inactive families', 'archive', 'inactiveFamiliesFolder');
  }
}

/** A revision ARN and, when read, its describe output. */
interface Revision {
  arn: string;
  details?: TaskDefinition;
}

/**
 * Revisions of one family, newest first: an active family lists its ACTIVE ones with the INACTIVE
 * ones in a child folder; an inactive family (or that folder) lists INACTIVE ones. A family's row
 * shows its latest revision and the services running it, read only when it is expanded or its
 * tooltip is asked for: the latest from the first page of revisions (or one DescribeTaskDefinition
 * on hover), the services from the region's one bounded scan.
 */
export class FamilyNode extends PagedListNode<Revision> {
  readonly kind: string;
  protected readonly operation = 'ecs:ListTaskDefinitions';
  readonly resource: NodeResource;
  readonly status: 'ACTIVE' | 'INACTIVE';
  private latest: TaskDefinition | undefined;
  private services: ServiceScan | undefined;
  private servicesError: string | undefined;
  private servicesRead: Promise<void> | undefined;
  /** The description last drawn: a read that changes it redraws the row. */
  private drawn: string | undefined;

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly family: string,
    parentId: string,
    private readonly variant: 'active' | 'inactiveRevisions' | 'inactiveFamily',
    private readonly scanServices?: ScanServices,
  ) {
    super(ctx, variant === 'inactiveRevisions' ? `${parentId}/inactive` : `${parentId}/family:${family}`);
    this.status = variant === 'active' ? 'ACTIVE' : 'INACTIVE';
    this.kind = variant === 'inactiveRevisions' ? 'inactiveRevisionsFolder' : 'taskDefinitionFamily';
    this.resource = { scope, name: family, console: { kind: 'taskDefinitionFamily', family } };
  }

  protected get emptyText(): string {
    return this.status === 'ACTIVE' ? 'No active revisions' : 'No inactive revisions';
  }

  /** A page of revision ARNs, each described (DescribeTaskDefinition, cached by ARN) for its date and image. */
  protected async fetch(page: PageRequest) {
    const reader = this.ctx.reader(this.scope);
    const listed = await reader.taskDefinitionRevisions(this.family, this.status, page);
    const details = await reader.revisions(listed.items);
    const items = listed.items.map((arn) => ({ arn, details: details.get(arn) }));
    // Newest first: the first revision of the first page is the family's latest.
    if (!page.startToken && this.variant !== 'inactiveRevisions' && items[0]?.details) this.latest = items[0].details;
    this.redrawIfChanged();
    return { items, nextToken: listed.nextToken };
  }

  protected toNode(revision: Revision): ExplorerNode {
    return new RevisionNode(this.ctx, this.scope, revision, this.status, this.id);
  }

  protected matches(revision: Revision, filter: string): boolean {
    return resourceName(revision.arn).toLowerCase().includes(filter);
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    if (this.variant !== 'inactiveRevisions') void this.readServices().then(() => this.redrawIfChanged());
    const children = await super.getChildren();
    if (this.variant === 'active') children.push(new FamilyNode(this.ctx, this.scope, this.family, this.id, 'inactiveRevisions'));
    return children;
  }

  private readServices(): Promise<void> {
    if (!this.scanServices) return Promise.resolve();
    return (this.servicesRead ??= this.scanServices().then(
      (scan) => {
        this.services = scan;
        this.servicesError = undefined;
      },
      (error) => {
        this.servicesError = describeAwsError(error, { operation: 'ecs:ListServices' }).message;
        this.servicesRead = undefined;
      },
    ));
  }

  private async readLatest(): Promise<void> {
    if (this.latest) return;
    const reader = this.ctx.reader(this.scope);
    if (this.status === 'ACTIVE') {
      // A family name alone describes its latest ACTIVE revision.
      this.latest = (await reader.taskDefinition(this.family)).taskDefinition;
      return;
    }
    const [newest] = (await reader.taskDefinitionRevisions(this.family, 'INACTIVE', { limit: 1 })).items;
    if (newest) this.latest = (await reader.revisions([newest])).get(newest);
  }

  private presented() {
    return presentFamily(this.family, this.status, this.latest, this.services);
  }

  private redrawIfChanged(): void {
    if (this.variant !== 'inactiveRevisions' && this.drawn !== undefined && this.presented().description !== this.drawn) this.ctx.refresh(this);
  }

  private tooltip(): vscode.MarkdownString {
    const error = this.servicesError ? `\n\n*Services could not be read: ${escapeMarkdown(this.servicesError)}*` : '';
    return new vscode.MarkdownString(this.presented().details + error);
  }

  getTreeItem(): vscode.TreeItem {
    if (this.variant === 'inactiveRevisions') return this.folderItem('Inactive revisions', 'archive', 'inactiveRevisionsFolder');
    if (this.variant === 'active') this.ctx.index.remember('family', this.scope, [this.family], this);
    const { description } = this.presented();
    this.drawn = description;
    const item = this.folderItem(this.family, 'symbol-class', 'taskDefinitionFamily', description || undefined);
    // Until both are read the tooltip is left unset, so hovering asks resolveTreeItem to read them.
    if (this.latest && this.services) item.tooltip = this.tooltip();
    return item;
  }

  /** Hovering: the latest revision and the services, read now (the row itself is redrawn on expand). */
  async resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    if (this.variant === 'inactiveRevisions') return item;
    await Promise.all([this.readLatest().catch(() => undefined), this.readServices()]);
    item.tooltip = this.tooltip();
    return item;
  }
}

export class RevisionNode implements ExplorerNode {
  readonly kind = 'taskDefinitionRevision';
  readonly resource: NodeResource;
  readonly arn: string;
  private readonly label: string;

  constructor(
    ctx: ExplorerContext,
    scope: AwsScope,
    private readonly revision: Revision,
    readonly status: 'ACTIVE' | 'INACTIVE',
    private readonly parentId: string,
  ) {
    this.arn = revision.arn;
    this.label = resourceName(this.arn);
    const { family, revision: number = 0 } = taskDefinitionParts(this.arn);
    this.resource = {
      scope,
      name: this.label,
      arn: this.arn,
      console: { kind: 'taskDefinition', family, revision: number },
      describe: async () => {
        const out = await ctx.reader(scope).taskDefinition(this.arn);
        return { title: `${family}-${number}.task-definition`, value: out, language: 'ecs-task-definition' };
      },
    };
  }

  getTreeItem(): vscode.TreeItem {
    const presented = presentRevision(this.arn, this.status, this.revision.details);
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentId}/${this.label}`;
    item.description = presented.description;
    item.iconPath = new vscode.ThemeIcon('file-code', this.status === 'INACTIVE' ? new vscode.ThemeColor('disabledForeground') : undefined);
    item.tooltip = new vscode.MarkdownString(presented.details);
    item.contextValue = `taskDefinitionRevision.${this.status.toLowerCase()}`;
    item.command = { title: 'Open', command: 'ecsWorkbench.openDescribe', arguments: [this] };
    return item;
  }
}
