import * as vscode from 'vscode';
import type { ImageId } from '../../ecr/ecrService';
import { isDigest, validateTag } from '../../ecr/names';
import { ImageNode } from '../../explorer/ecr/imageNode';
import { RepositoryNode } from '../../explorer/ecr/repositoryNode';
import type { EcrRuntime } from './ecrRuntime';
import { isArgumentObject, readArgs } from '../../util/args';

/** An image a command acts on: from a tree node or `{ repository, tag } | { repository, digest }`. */
export interface ImageTarget {
  repository: string;
  id: ImageId;
  node?: ImageNode;
}

export const IMAGE_ARGS = '{ repository: string, tag: string } or { repository: string, digest: "sha256:…" }';

export function imageFromArgs(command: string, arg: unknown, extraKeys: string[] = []): ImageTarget {
  const args = readArgs(command, IMAGE_ARGS, arg, ['repository', 'tag', 'digest', ...extraKeys]);
  const repository = args.string('repository');
  const tag = args.string('tag', true);
  const digest = args.string('digest', true);
  if ((tag === undefined) === (digest === undefined)) args.fail('give exactly one of "tag" or "digest"');
  if (digest !== undefined && !isDigest(digest)) args.fail('"digest" must look like sha256:<64 hex digits>');
  if (tag !== undefined && validateTag(tag)) args.fail(`"tag" is not a valid tag: ${validateTag(tag)}`);
  return { repository, id: tag !== undefined ? { tag } : { digest: digest! } };
}

/** The image of a node, the argument object's, or undefined for the palette (the caller picks). */
export function imageTarget(command: string, arg: unknown): ImageTarget | undefined {
  if (arg instanceof ImageNode) {
    return { repository: arg.repositoryName, id: arg.tags[0] ? { tag: arg.tags[0] } : { digest: arg.digest }, node: arg };
  }
  if (isArgumentObject(arg)) return imageFromArgs(command, arg);
  if (arg !== undefined) throw new Error(`${command} runs on an image in the ECR view, or with ${IMAGE_ARGS}.`);
  return undefined;
}

/** Repository names for a picker (all pages). */
export async function pickRepository(runtime: EcrRuntime, title: string, extra: vscode.QuickPickItem[] = []): Promise<string> {
  const items = (async () => {
    const { items: repositories } = await runtime.ecr().repositories({ limit: Infinity });
    return [...extra, ...repositories.map((r) => ({ label: r.repositoryName ?? '', description: r.repositoryUri }))];
  })();
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Repository', matchOnDescription: true });
  if (!picked) throw new vscode.CancellationError();
  return picked.label;
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
