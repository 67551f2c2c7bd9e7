import * as vscode from 'vscode';
import type { ecs } from '../../aws/sdk';
import type { Service } from '../../ecs/ecsReader';
import { presentEvent } from '../../ecs/present';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { folderItem, presentedItem } from '../treeItems';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { newestFirst } from '../../util/sort';

const EVENTS_PAGE = 20;

/** Service events, newest first, 20 at a time (DescribeServices returns up to 100 already). */
export class EventsFolderNode implements ExplorerNode {
  readonly kind = 'eventsFolder';
  readonly id: string;
  private shown = EVENTS_PAGE;

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly serviceNow: () => Service,
    parentId: string,
  ) {
    this.id = `${parentId}/events`;
  }

  private get events(): ecs.ServiceEvent[] {
    return [...(this.serviceNow().events ?? [])].sort(newestFirst((e) => e.createdAt));
  }

  getTreeItem(): vscode.TreeItem {
    return folderItem('Events', this.id, 'history', 'eventsFolder', String(this.serviceNow().events?.length ?? 0));
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const events = this.events;
    if (!events.length) return [new MessageNode({ kind: 'other', title: 'No events', message: 'No events' }, 'info', this.id)];
    const now = this.ctx.now();
    const nodes: ExplorerNode[] = events.slice(0, this.shown).map((e) => new EventNode(e, now, this.id));
    if (events.length > this.shown) nodes.push(new LoadMoreNode(this, this.id));
    return nodes;
  }

  async loadMore(): Promise<void> {
    this.shown += EVENTS_PAGE;
    this.ctx.refresh(this);
  }
}

class EventNode implements ExplorerNode {
  readonly kind = 'event';
  constructor(
    private readonly event: ecs.ServiceEvent,
    private readonly now: Date,
    private readonly parentId: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = presentedItem(presentEvent(this.event, this.now), { id: `${this.parentId}/${this.event.id}`, icon: 'circle-small-filled', contextValue: 'event' });
    return item;
  }
}
