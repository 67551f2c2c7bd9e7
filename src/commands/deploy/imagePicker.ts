import type { AwsScope } from '../../aws/clientManager';
import type { DeployRequest } from '../../deploy/deployFlow';
import { validateDefinition, type ImageReplacement, type TaskdefCore } from '../../deploy/render';
import { imageRows, type PushedImage } from '../../ecr/imageChoice';
import { sameRepository } from '../../ecr/names';
import { recentImages, type ImageScan } from '../../ecr/recentImages';
import { input, pick } from '../../ui/input';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';

type Container = { name?: string; image?: string };

/** The image a DeployImage names (by shape: it is created in another bundle, so instanceof would not match). */
export function justPushedImage(arg: unknown): PushedImage | undefined {
  if (isArgumentObject(arg) || typeof arg !== 'object' || arg === null) return undefined;
  const { imageUri, digest } = arg as { imageUri?: unknown; digest?: unknown };
  return typeof imageUri === 'string' ? { uri: imageUri, digest: typeof digest === 'string' ? digest : undefined } : undefined;
}

/** The chosen replacement, with the scan of the chosen image when the picker knew it. */
export interface PickedImage {
  replacement?: ImageReplacement;
  scan?: ImageScan;
}

/**
 * Optionally replace one container's image: the image just pushed first, then the newest pushes of
 * its ECR repository, the one the service runs now marked and each with its scan findings.
 */
export async function pickImage(ui: DeployUi, core: TaskdefCore, request: DeployRequest, current: string, scope: AwsScope, pushed?: PushedImage): Promise<PickedImage> {
  const running = async () => (await ui.actions(scope).describeTaskDefinition(current)).taskDefinition?.containerDefinitions ?? [];
  let containers: Container[];
  if (request.file) {
    // Validated before it is read: a comment or a syntax error is refused with its position, as Register does.
    validateDefinition(request.file.text, core, request.file.fileName);
    const parsed = JSON.parse(request.file.text);
    containers = (parsed.taskDefinition ?? parsed).containerDefinitions ?? [];
  } else {
    containers = request.taskDefinition ? ((await ui.actions(scope).describeTaskDefinition(request.taskDefinition)).taskDefinition?.containerDefinitions ?? []) : await running();
  }
  // The container running the pushed repository comes first: that is the one to replace.
  const matching = pushed ? containers.filter((c) => c.image && sameRepository(c.image, pushed.uri)) : [];
  const ordered = [...matching, ...containers.filter((c) => !matching.includes(c))];
  const replace = ordered.map((c) => ({ label: `$(package) Replace the image of ${c.name}`, description: c.image, detail: matching.includes(c) ? `with ${pushed!.uri}` : undefined, value: c as Container | undefined }));
  const keep = { label: '$(check) Keep the images as they are', description: undefined, detail: undefined, value: undefined };
  const container = await pick(pushed ? [...replace, keep] : [keep, ...replace], 'Image');
  if (!container?.name) return {};

  // The images of the container's repository; "current" is what the service runs now (the same
  // container of its current revision), when that image comes from the same repository.
  const now = request.file || request.taskDefinition ? (await running().catch(() => [])).find((c) => c.name === container.name)?.image : container.image;
  const reference = now && container.image && sameRepository(now, container.image) ? now : container.image;
  const rows = imageRows(await recentImages(ui.clients, reference ?? '', scope).catch(() => []), pushed);
  const chosen = await pick<{ uri: string; scan?: ImageScan } | undefined>(
    [...rows.map((r) => ({ label: r.label, description: r.description, detail: r.detail, value: { uri: r.uri, scan: r.scan } })), { label: '$(edit) Enter an image URI…', value: undefined }],
    `New image for ${container.name}`,
  );
  const uri = chosen?.uri ?? (await input(`Image URI for ${container.name}`, { value: container.image, validate: (v) => (v.trim() ? undefined : 'An image URI') })).trim();
  return { replacement: { container: container.name, uri }, scan: chosen?.scan };
}
