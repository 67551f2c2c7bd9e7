import type * as vscode from 'vscode';
import type { Repository } from '../../ecr/ecrService';
import type { PageRequest } from '../../aws/paging';
import type { ExplorerNode } from '../explorerNode';
import { PagedListNode } from '../pagedListNode';
import type { EcrContext } from './ecrContext';
import { RepositoryNode } from './repositoryNode';

/** The view's root list: repositories of the region (DescribeRepositories, up to 1,000 a call). */
export class RepositoryListNode extends PagedListNode<Repository> {
  readonly kind = 'ecrRepositories';
  protected readonly operation = 'ecr:DescribeRepositories';
  protected readonly emptyText = 'No repositories: create one with + or push an image';

  constructor(private readonly ecrCtx: EcrContext) {
    super(ecrCtx, `ecr/${ecrCtx.clients.context.region}`);
  }

  protected fetch(page: PageRequest) {
    return this.ecrCtx.ecr().repositories(page);
  }

  /** One node per repository for the life of this list, so a refresh or "Load more" aimed at it reaches the node the tree shows. */
  private readonly nodes = new Map<string, RepositoryNode>();

  protected toNode(repository: Repository): ExplorerNode {
    const name = repository.repositoryName ?? '';
    let node = this.nodes.get(name);
    if (!node) {
      node = new RepositoryNode(this.ecrCtx, repository);
      this.nodes.set(name, node);
    }
    return node;
  }

  protected matches(repository: Repository, filter: string): boolean {
    return (repository.repositoryName ?? '').includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Repositories', 'repo', 'ecrRepositories');
  }
}
