import * as vscode from 'vscode';
import type { ImageId } from '../../ecr/ecrService';
import { imageUri } from '../../ecr/names';
import { findingsMarkdown } from '../../ecr/present';
import { ImageNode } from '../../explorer/ecr/imageNode';
import { registerCommand } from '../../ui/registerCommand';
import type { EcrRuntime } from './ecrRuntime';
import { whereText } from '../../ui/where';
import { idText, imageFromArgs, imageTarget, pickImage, pickRepository, refreshRepository, type ImageTarget } from './targets';
import { isArgumentObject } from '../../util/args';

/** The image of a node or argument object; from the palette, a repository and then one of its images. */
async function resolveImage(runtime: EcrRuntime, command: string, arg: unknown): Promise<ImageTarget> {
  const target = imageTarget(runtime, command, arg);
  if (target) return target;
  const scope = runtime.services.clientManager.resolve();
  const repository = await pickRepository(runtime, scope, 'Repository');
  return { repository, id: await pickImage(runtime, scope, repository), scope };
}

export function registerImageCommands(runtime: EcrRuntime): void {
  const { services } = runtime;

  // From the tree: "Delete Image Tag" (one tag; the image stays while other tags name it) and
  // "Delete Image" (by digest, every tag). With an argument object: whichever of tag/digest is given.
  const deleteImage = async (arg: unknown, wholeImage: boolean) => {
    const command = 'ecsWorkbench.deleteImage';
    let target: ImageTarget;
    if (isArgumentObject(arg)) target = imageFromArgs(runtime, command, arg);
    else {
      const node = arg instanceof ImageNode ? arg : undefined;
      target = await resolveImage(runtime, command, node);
      if (node && wholeImage) target = { ...target, id: { digest: node.digest } };
      else if (node && node.tags.length > 1) {
        const tag = await vscode.window.showQuickPick(node.tags, { title: 'Delete which tag?' });
        if (!tag) throw new vscode.CancellationError();
        target = { ...target, id: { tag } };
      }
      const what = target.id.tag !== undefined ? `the tag "${target.id.tag}" from ${target.repository}` : `the image ${target.id.digest?.slice(0, 19)}… and all its tags from ${target.repository}`;
      const choice = await vscode.window.showWarningMessage(`Delete ${what} (${await whereText(services.clientManager, target.scope)})?`, { modal: true }, 'Delete');
      if (choice !== 'Delete') throw new vscode.CancellationError();
    }
    await runtime.ecr(target.scope).deleteImage(target.repository, target.id);
    await refreshRepository(runtime, target.repository);
    return { repository: target.repository, ...target.id, deleted: true, region: target.scope.region };
  };
  registerCommand(services, 'ecsWorkbench.deleteImage', (arg?: unknown) => deleteImage(arg, !isArgumentObject(arg)));
  registerCommand(services, 'ecsWorkbench.deleteImageTag', (arg?: unknown) => deleteImage(arg, false));

  registerCommand(services, 'ecsWorkbench.copyImageUri', async (arg?: unknown) => {
    const command = 'ecsWorkbench.copyImageUri';
    let uri: string;
    if (arg instanceof ImageNode) {
      const forms = [...arg.tags.map((tag) => imageUri(arg.repository.repositoryUri!, { tag })), imageUri(arg.repository.repositoryUri!, { digest: arg.digest })];
      const picked = forms.length === 1 ? forms[0] : await vscode.window.showQuickPick(forms, { title: 'Copy image URI' });
      if (!picked) throw new vscode.CancellationError();
      uri = picked;
    } else {
      const target = await resolveImage(runtime, command, arg);
      const repository = await runtime.ecr(target.scope).repository(target.repository);
      if (!repository?.repositoryUri) throw new Error(`${command}: the repository "${target.repository}" does not exist.`);
      uri = imageUri(repository.repositoryUri, target.id);
    }
    await vscode.env.clipboard.writeText(uri);
    if (!isArgumentObject(arg)) void vscode.window.setStatusBarMessage(`Copied ${uri}`, 3000);
    return { uri };
  });

  registerCommand(services, 'ecsWorkbench.startImageScan', async (arg?: unknown) => {
    const target = await resolveImage(runtime, 'ecsWorkbench.startImageScan', arg);
    const status = await runtime.ecr(target.scope).startScan(target.repository, target.id);
    await refreshRepository(runtime, target.repository);
    if (!isArgumentObject(arg)) {
      void vscode.window
        .showInformationMessage(`Scan of ${target.repository}${idText(target.id)}: ${status ?? 'started'}.`, 'Show Findings')
        .then((choice) => choice && vscode.commands.executeCommand('ecsWorkbench.showScanFindings', { repository: target.repository, ...target.id, region: target.scope.region, profile: target.scope.profile ?? '' }));
    }
    return { repository: target.repository, ...target.id, status, region: target.scope.region };
  });

  registerCommand(services, 'ecsWorkbench.showScanFindings', async (arg?: unknown) => {
    const target = await resolveImage(runtime, 'ecsWorkbench.showScanFindings', arg);
    const scan = await runtime.ecr(target.scope).scanFindings(target.repository, target.id as ImageId);
    // A read-only preview: findings are what ECR said, not a buffer to save.
    const editor = await services.documents.openText(`scan-${target.repository}${idText(target.id)}.md`, findingsMarkdown(target.repository, idText(target.id), scan), 'markdown');
    return { uri: editor.document.uri.toString(), status: scan.status, counts: scan.counts, findings: scan.findings.length, region: target.scope.region };
  });
}

