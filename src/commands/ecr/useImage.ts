import * as vscode from 'vscode';
import { ImageNode } from '../../explorer/ecr/imageNode';
import { registerCommand } from '../../ui/registerCommand';
import type { EcrRuntime } from './ecrRuntime';
import { isArgumentObject, readArgs } from '../../util/args';

const USE_ARGS = '{ imageUri: string, container?: string }';

interface ContainerImage {
  container: string;
  /** Offsets of the image string's contents (between the quotes). */
  start: number;
  end: number;
}

/**
 * Where each container's `image` value sits in a task definition's text. The JSON is parsed for the
 * containers; each image string is then found in the text, in order (same values counted apart).
 */
export function containerImages(text: string): ContainerImage[] | undefined {
  let parsed: { containerDefinitions?: { name?: string; image?: string }[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed?.containerDefinitions)) return undefined;
  const found: ContainerImage[] = [];
  let from = text.indexOf('"containerDefinitions"');
  for (const container of parsed.containerDefinitions) {
    if (typeof container?.image !== 'string') continue;
    const pattern = new RegExp(`"image"\\s*:\\s*"(${JSON.stringify(container.image).slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})"`, 'g');
    pattern.lastIndex = Math.max(0, from);
    const match = pattern.exec(text);
    if (!match) continue;
    const start = match.index + match[0].length - match[1].length - 1;
    found.push({ container: container.name ?? `#${found.length + 1}`, start, end: start + match[1].length });
    from = pattern.lastIndex;
  }
  return found;
}

/** "Use this image": sets the active task definition's container `image`, or copies the URI. */
export function registerUseImage(runtime: EcrRuntime): void {
  registerCommand(runtime.services, 'ecsWorkbench.useImage', async (arg?: unknown) => {
    let imageUri: string;
    let container: string | undefined;
    const interactive = !isArgumentObject(arg);
    if (arg instanceof ImageNode) imageUri = arg.uri;
    else if (isArgumentObject(arg)) {
      const args = readArgs('ecsWorkbench.useImage', USE_ARGS, arg, ['imageUri', 'container']);
      imageUri = args.string('imageUri');
      container = args.string('container', true);
    } else throw new Error(`ecsWorkbench.useImage runs on an image in the ECR view, or with ${USE_ARGS}.`);

    const editor = vscode.window.activeTextEditor;
    const images = editor ? containerImages(editor.document.getText()) : undefined;
    if (!editor || !images?.length) {
      await vscode.env.clipboard.writeText(imageUri);
      if (interactive) void vscode.window.showInformationMessage(`No task definition is open: copied ${imageUri}.`);
      return { imageUri, inserted: false, copied: true };
    }
    let chosen = container ? images.find((i) => i.container === container) : images.length === 1 ? images[0] : undefined;
    if (container && !chosen) throw new Error(`ecsWorkbench.useImage: no container "${container}" with an image in the active task definition (${images.map((i) => i.container).join(', ')}).`);
    if (!chosen) {
      if (!interactive) throw new Error(`ecsWorkbench.useImage: the task definition has several containers; pass "container" (${images.map((i) => i.container).join(', ')}).`);
      const picked = await vscode.window.showQuickPick(images.map((i) => ({ label: i.container, description: editor.document.getText(new vscode.Range(editor.document.positionAt(i.start), editor.document.positionAt(i.end))), i })), { title: `Use ${imageUri} in which container?` });
      if (!picked) throw new vscode.CancellationError();
      chosen = picked.i;
    }
    const range = new vscode.Range(editor.document.positionAt(chosen.start), editor.document.positionAt(chosen.end));
    await editor.edit((edit) => edit.replace(range, JSON.stringify(imageUri).slice(1, -1)));
    return { imageUri, inserted: true, copied: false, container: chosen.container };
  });
}
