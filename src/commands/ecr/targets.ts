import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import type { ImageId } from '../../ecr/ecrService';
import { pageOfList } from '../../aws/paging';
import { ECR_LIMITS, type ImageDetail } from '../../ecr/ecrService';
import { isDigest, validateTag } from '../../ecr/names';
import { pagedPick } from '../../ui/pagedPick';
import { ImageNode } from '../../explorer/ecr/imageNode';
import { RepositoryNode } from '../../explorer/ecr/repositoryNode';
import type { EcrRuntime } from './ecrRuntime';
import { isArgumentObject, readArgs } from '../../util/args';

/** An image a command acts on: from a tree node or `{ repository, tag } | { repository, digest }`. */
export interface ImageTarget {
  repository: string;
  id: ImageId;
  /** The profile and region the image lives in. */
  scope: AwsScope;
  node?: ImageNode;
}

export const IMAGE_ARGS = '{ repository: string, tag: string } or { repository: string, digest: "sha256:…" }';

export function imageFromArgs(runtime: EcrRuntime, command: string, arg: unknown, extraKeys: string[] = []): ImageTarget {
  const args = readArgs(command, IMAGE_ARGS, arg, ['repository', 'tag', 'digest', ...extraKeys]);
  const repository = args.string('repository');
  const tag = args.string('tag', true);
  const digest = args.string('digest', true);
  if ((tag === undefined) === (digest === undefined)) args.fail('give exactly one of "tag" or "digest"');
  if (digest !== undefined && !isDigest(digest)) args.fail('"digest" must look like sha256:<64 hex digits>');
  if (tag !== undefined && validateTag(tag)) args.fail(`"tag" is not a valid tag: ${validateTag(tag)}`);
  return { repository, id: tag !== undefined ? { tag } : { digest: digest! }, scope: runtime.services.clientManager.resolve(args.scope()) };
}

/** The image of a node, the argument object's, or undefined for the palette (the caller picks). */
export function imageTarget(runtime: EcrRuntime, command: string, arg: unknown): ImageTarget | undefined {
  if (arg instanceof ImageNode) {
    return { repository: arg.repositoryName, id: arg.tags[0] ? { tag: arg.tags[0] } : { digest: arg.digest }, scope: arg.resource.scope, node: arg };
  }
  if (isArgumentObject(arg)) return imageFromArgs(runtime, command, arg);
  if (arg !== undefined) throw new Error(`${command} runs on an image in the ECR view, or with ${IMAGE_ARGS}.`);
  return undefined;
}

/** A repository name, a page (1,000) at a time; `extra` items come first (their label is returned). */
export function pickRepository(runtime: EcrRuntime, scope: AwsScope, title: string, extra: vscode.QuickPickItem[] = []): Promise<string> {
  return pagedPick(
    {
      page: async (startToken) => {
        const { items, nextToken } = await runtime.ecr(scope).repositories({ limit: ECR_LIMITS.describeRepositories, startToken });
        return { nextToken, items: items.map((r) => ({ label: r.repositoryName ?? '', description: r.repositoryUri, value: r.repositoryName ?? '' })) };
      },
    },
    { title, placeHolder: 'Repository', extra: extra.map((e) => ({ ...e, value: e.label })), emptyMessage: `There are no ECR repositories in ${scope.region}.` },
  );
}

/** An image of a repository, newest first, a page at a time. */
export function pickImage(runtime: EcrRuntime, scope: AwsScope, repository: string): Promise<ImageId> {
  let all: Promise<ImageDetail[]> | undefined;
  return pagedPick<ImageId>(
    {
      page: async (startToken) => {
        all ??= runtime.ecr(scope).allImages(repository);
        const { items, nextToken } = pageOfList(await all, { limit: 100, startToken });
        return {
          nextToken,
          items: items.map((image) => ({ label: image.imageTags?.join(', ') || '<untagged>', description: image.imageDigest, value: image.imageTags?.[0] ? { tag: image.imageTags[0] } : { digest: image.imageDigest ?? '' } })),
        };
      },
    },
    { title: `Image of ${repository}`, emptyMessage: `${repository} holds no images.` },
  );
}

/** The repository name of a node, or undefined. */
export function repositoryOfNode(arg: unknown): string | undefined {
  if (arg instanceof RepositoryNode) return arg.name;
  if (arg instanceof ImageNode) return arg.repositoryName;
  return undefined;
}

export function idText(id: ImageId): string {
  return id.tag !== undefined ? `:${id.tag}` : `@${id.digest}`;
}

/** Refreshes the repository's node if it is loaded, else the whole view. */
export async function refreshRepository(runtime: EcrRuntime, name: string): Promise<void> {
  const node = await runtime.provider.repositoryNode(name).catch(() => undefined);
  runtime.provider.refresh(node);
}
