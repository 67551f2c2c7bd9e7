import type { AwsScope } from '../../aws/clientManager';
import type * as vscode from 'vscode';
import type { PageRequest } from '../../aws/paging';
import type { Service } from '../../ecs/ecsReader';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { ServiceNode } from './serviceNode';

export class ServicesFolderNode extends PagedListNode<Service> {
  readonly kind = 'servicesFolder';
  protected readonly operation = 'ecs:ListServices';
  protected readonly emptyText = 'No services';

  constructor(
    ctx: ExplorerContext,
    readonly scope: AwsScope,
    readonly cluster: string,
    private readonly count: () => number | undefined,
    parentId: string,
  ) {
    super(ctx, `${parentId}/services`);
  }

  protected fetch(page: PageRequest) {
    return this.ctx.reader(this.scope).services(this.cluster, page);
  }

  protected toNode(service: Service): ExplorerNode {
    return new ServiceNode(this.ctx, service, this.scope, this.cluster, this.id);
  }

  protected matches(service: Service, filter: string): boolean {
    return (service.serviceName ?? '').toLowerCase().includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    this.ctx.index.remember('services', this.scope, [this.cluster], this);
    return this.folderItem('Services', 'layers', 'servicesFolder', this.count());
  }
}
