import type * as vscode from 'vscode';
import type { ImageDetail, Repository } from '../../ecr/ecrService';
import { presentRepository } from '../../ecr/present';
import type { PageRequest } from '../../aws/paging';
import type { ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import { presentedItem } from '../treeItems';
import type { EcrContext } from './ecrContext';
import { ImageNode } from './imageNode';

/** A repository; its children are its images, newest first (DescribeImages, up to 1,000 a call). */
export class RepositoryNode extends PagedListNode<ImageDetail> {
  readonly kind = 'ecrRepository';
  protected readonly operation = 'ecr:DescribeImages';
  protected readonly emptyText = 'No images';

  constructor(
    private readonly ecrCtx: EcrContext,
    readonly repository: Repository,
  ) {
    super(ecrCtx, `ecr/${ecrCtx.clients.context.region}/${repository.repositoryName}`);
  }

  get name(): string {
    return this.repository.repositoryName ?? '';
  }

  get resource() {
    return { scope: this.ecrCtx.clients.resolve(), name: this.name, arn: this.repository.repositoryArn };
  }

  /** Every image is read once per refresh (newest first needs them all), then paged. */
  protected fetch(page: PageRequest) {
    return this.pageOfWhole(() => this.ecrCtx.ecr().allImages(this.name), page);
  }

  protected toNode(image: ImageDetail): ExplorerNode {
    return new ImageNode(this.ecrCtx, this.repository, image);
  }

  protected matches(image: ImageDetail, filter: string): boolean {
    return (image.imageTags ?? []).some((t) => t.toLowerCase().includes(filter)) || (image.imageDigest ?? '').includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    const item = presentedItem(presentRepository(this.repository, this.ecrCtx.now()), {
      id: this.id,
      icon: 'repo',
      contextValue: `ecrRepository${this.filter ? '.filtered' : ''}`,
      collapsible: true,
    });
    if (this.filter) item.description = `${item.description} · ${this.filterDescription()}`;
    return item;
  }
}
