import type * as vscode from 'vscode';
import type { ImageDetail, Repository } from '../../ecr/ecrService';
import { imageUri } from '../../ecr/names';
import { presentImage } from '../../ecr/present';
import type { ExplorerNode } from '../explorerNode';
import { presentedItem } from '../treeItems';
import type { EcrContext } from './ecrContext';

/** One image of a repository: tags, short digest, pushed, size, scan status and findings. */
export class ImageNode implements ExplorerNode {
  readonly kind = 'ecrImage';

  constructor(
    private readonly ctx: EcrContext,
    readonly repository: Repository,
    readonly image: ImageDetail,
  ) {}

  get repositoryName(): string {
    return this.repository.repositoryName ?? '';
  }

  get digest(): string {
    return this.image.imageDigest ?? '';
  }

  get tags(): string[] {
    return this.image.imageTags ?? [];
  }

  /** `repo:tag` for the first tag, else `repo@sha256:…`. */
  get uri(): string {
    const tag = this.tags[0];
    return imageUri(this.repository.repositoryUri ?? '', tag ? { tag } : { digest: this.digest });
  }

  get resource() {
    return { scope: this.ctx.clients.resolve(), name: this.uri };
  }

  getTreeItem(): vscode.TreeItem {
    const item = presentedItem(presentImage(this.image, this.ctx.now()), {
      id: `ecr/${this.ctx.clients.context.region}/${this.repositoryName}@${this.digest}`,
      icon: this.tags.length ? 'tag' : 'circle-outline',
      contextValue: this.tags.length ? 'ecrImage.tagged' : 'ecrImage.untagged',
    });
    return item;
  }
}
