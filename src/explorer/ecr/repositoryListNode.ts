import type * as vscode from 'vscode';
import type { Repository } from '../../ecr/ecrService';
import type { PageRequest } from '../../ecs/ecsReader';
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

  protected toNode(repository: Repository): ExplorerNode {
    return new RepositoryNode(this.ecrCtx, repository);
  }

  protected matches(repository: Repository, filter: string): boolean {
    return (repository.repositoryName ?? '').includes(filter);
  }

  getTreeItem(): vscode.TreeItem {
    return this.folderItem('Repositories', 'repo', 'ecrRepositories');
  }
}
