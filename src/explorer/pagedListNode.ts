import * as vscode from 'vscode';
import { describeAwsError } from '../aws/errors';
import { pageOfList, type PagedResult, type PageRequest } from '../aws/paging';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { MessageNode } from './nodes/messageNode';

/**
 * A folder whose children come from AWS a page at a time: the first page on expand, "Load more"
 * for the next, a name filter (which reads every page, so nothing is missed), and failures shown
 * as a message child so the rest of the tree keeps working.
 */
export abstract class PagedListNode<T> implements ExplorerNode {
  abstract readonly kind: string;
  private loaded: T[] | undefined;
  private nextToken: string | undefined;
  /** Bumped by reset(): an answer that arrives for an older generation (a refresh, another filter) is dropped. */
  private generation = 0;
  /** The reads in flight, so two expands or two clicks on Load more read a page once. */
  private firstPage: Promise<void> | undefined;
  private more: Promise<void> | undefined;
  /** For lists AWS cannot sort or filter as shown: the whole list, read once per generation. */
  private whole: Promise<T[]> | undefined;
  /**
   * One node per item until reset(): refreshing an ancestor shows the same node objects, so a
   * node updated since (by a watch, a command or the auto-refresher) is not replaced by one built
   * from the older page.
   */
  private made = new Map<T, ExplorerNode>();
  filter: string | undefined;

  constructor(
    protected readonly ctx: ExplorerContext,
    readonly id: string,
  ) {}

  /** The IAM action of the List call, named in an AccessDenied message. */
  protected abstract readonly operation: string;
  protected abstract readonly emptyText: string;
  protected abstract fetch(page: PageRequest): Promise<{ items: T[]; nextToken?: string }>;
  protected abstract toNode(item: T): ExplorerNode;
  protected abstract matches(item: T, filter: string): boolean;
  abstract getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;

  /** What the pages read so far hold (unfiltered), or undefined before the first. */
  protected get loadedItems(): readonly T[] | undefined {
    return this.loaded;
  }

  protected filterDescription(): string {
    return this.filter ? `filter: "${this.filter}"` : '';
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const generation = this.generation;
    try {
      if (!this.loaded) {
        this.firstPage ??= this.readFirstPage(generation);
        await this.firstPage;
      }
    } catch (error) {
      if (generation === this.generation) this.firstPage = undefined;
      return [new MessageNode(describeAwsError(error, { profile: this.ctx.clients.context.profile, operation: this.operation }), 'error', this.id, this)];
    }
    // Reset while the page was read: read again for what is asked now (the new filter).
    if (generation !== this.generation || !this.loaded) return this.getChildren();
    const needle = this.filter?.toLowerCase();
    const items = needle ? this.loaded.filter((item) => this.matches(item, needle)) : this.loaded;
    const nodes = items.map((item) => this.nodeOf(item));
    if (!nodes.length) {
      const text = this.filter ? `Nothing matches "${this.filter}"` : this.emptyText;
      nodes.push(new MessageNode({ kind: 'other', title: text, message: text }, 'info', this.id));
    }
    if (this.nextToken) nodes.push(new LoadMoreNode(this, this.id));
    return nodes;
  }

  private nodeOf(item: T): ExplorerNode {
    let node = this.made.get(item);
    if (!node) this.made.set(item, (node = this.toNode(item)));
    return node;
  }

  private async readFirstPage(generation: number): Promise<void> {
    const first = await this.fetch({ limit: this.filter ? Infinity : this.ctx.pageSize() });
    if (generation !== this.generation) return;
    this.loaded = first.items;
    this.nextToken = first.nextToken;
  }

  /** Reads the next page and appends it; a second click while it loads waits for the same page. */
  loadMore(): Promise<void> {
    if (!this.loaded || !this.nextToken) return Promise.resolve();
    if (!this.more) {
      const more: Promise<void> = this.readNextPage(this.generation, this.nextToken).finally(() => {
        if (this.more === more) this.more = undefined;
      });
      this.more = more;
    }
    return this.more;
  }

  private async readNextPage(generation: number, startToken: string): Promise<void> {
    const next = await this.fetch({ limit: this.ctx.pageSize(), startToken });
    if (generation !== this.generation || !this.loaded) return;
    this.loaded.push(...next.items);
    this.nextToken = next.nextToken;
    this.ctx.refresh(this);
  }

  /**
   * A page of a list that must be read whole first (sorted or combined here): `read` runs once until
   * reset() or a failure, and Load more pages what it returned.
   */
  protected async pageOfWhole(read: () => Promise<T[]>, page: PageRequest): Promise<PagedResult<T>> {
    const whole = (this.whole ??= read());
    try {
      return pageOfList(await whole, page);
    } catch (error) {
      if (this.whole === whole) this.whole = undefined;
      throw error;
    }
  }

  setFilter(filter: string | undefined): void {
    this.filter = filter?.trim() || undefined;
    this.reset();
    this.ctx.refresh(this);
  }

  /** Forgets what was read: the next expand reads AWS again. */
  reset(): void {
    this.generation++;
    this.loaded = undefined;
    this.nextToken = undefined;
    this.firstPage = undefined;
    this.more = undefined;
    this.whole = undefined;
    this.made = new Map();
  }

  /** A collapsed folder item; `count` (what the parent's describe already says) leads the description. */
  protected folderItem(label: string, icon: string, contextValue: string, count?: string | number): vscode.TreeItem {
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(icon);
    item.description = [count === undefined ? '' : String(count), this.filterDescription()].filter(Boolean).join(' · ');
    item.contextValue = `${contextValue}${this.filter ? '.filtered' : ''}`;
    return item;
  }
}
