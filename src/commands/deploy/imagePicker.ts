import type { AwsScope } from '../../aws/clientManager';
import type { DeployRequest } from '../../deploy/deployFlow';
import { validateDefinition, type TaskdefCore } from '../../deploy/render';
import { imageRows, type PushedImage } from '../../ecr/imageChoice';
import { sameRepository } from '../../ecr/names';
import { recentImages, type ImageScan } from '../../ecr/recentImages';
import { input, pick } from '../../ui/input';
import type { Step } from '../../ui/steps';
import { isArgumentObject } from '../../util/args';
import type { DeployUi } from './context';

type Container = { name?: string; image?: string };

/** The image a DeployImage names (by shape: it is created in another bundle, so instanceof would not match). */
export function justPushedImage(arg: unknown): PushedImage | undefined {
  if (isArgumentObject(arg) || typeof arg !== 'object' || arg === null) return undefined;
  const { imageUri, digest } = arg as { imageUri?: unknown; digest?: unknown };
  return typeof imageUri === 'string' ? { uri: imageUri, digest: typeof digest === 'string' ? digest : undefined } : undefined;
}

/** What the image steps read and answer. */
export interface ImageState {
  scope: AwsScope;
  /** A revision handed over (Register's *Deploy…*). */
  preset?: string;
  /** The file or revision to deploy; `{}` is the service's current task definition. */
  source: Pick<DeployRequest, 'file' | 'taskDefinition'>;
  /** The service's task definition now. */
  current: string;
  /** The container whose image is replaced (none: keep the images). */
  container?: Container;
  uri?: string;
  /** The scan of the picked image, when the picker knew it. */
  scan?: ImageScan;
  /** "Enter an image URI…" was picked: one more step types it. */
  typeUri: boolean;
}

/** The containers of a file (validated first: a comment or a syntax error is refused with its position, as Register does) or a revision. */
async function containersOf(ui: DeployUi, core: TaskdefCore, s: ImageState): Promise<Container[]> {
  if (s.source.file) {
    validateDefinition(s.source.file.text, core, s.source.file.fileName);
    const parsed = JSON.parse(s.source.file.text);
    return (parsed.taskDefinition ?? parsed).containerDefinitions ?? [];
  }
  return (await ui.actions(s.scope).describeTaskDefinition(s.preset ?? s.source.taskDefinition ?? s.current)).taskDefinition?.containerDefinitions ?? [];
}

/**
 * Optionally replace one container's image [→ the new image → a typed URI]: the image just pushed
 * first, then the newest pushes of its ECR repository, the one the service runs now marked and each
 * with its scan findings.
 */
export function imageSteps<S extends ImageState>(ui: DeployUi, core: TaskdefCore, pushed?: PushedImage): Step<S>[] {
  return [
    {
      title: 'Image',
      ask: async (view, s) => {
        const containers = await containersOf(ui, core, s);
        // The container running the pushed repository comes first: that is the one to replace.
        const matching = pushed ? containers.filter((c) => c.image && sameRepository(c.image, pushed.uri)) : [];
        const ordered = [...matching, ...containers.filter((c) => !matching.includes(c))];
        const replace = ordered.map((c) => ({ label: `$(package) Replace the image of ${c.name}`, description: c.image, detail: matching.includes(c) ? `with ${pushed!.uri}` : undefined, value: c as Container | undefined }));
        const keep = { label: '$(check) Keep the images as they are', description: undefined, detail: undefined, value: undefined };
        s.container = await pick(pushed ? [...replace, keep] : [keep, ...replace], view);
      },
    },
    {
      title: (s) => `New image for ${s.container?.name}`,
      when: (s) => Boolean(s.container?.name),
      ask: async (view, s) => {
        const container = s.container!;
        // "current" is what the service runs now (the same container of its current revision), when that image comes from the same repository.
        const running = s.source.file || s.preset || s.source.taskDefinition ? ((await ui.actions(s.scope).describeTaskDefinition(s.current).catch(() => undefined))?.taskDefinition?.containerDefinitions ?? []) : [container];
        const now = running.find((c) => c.name === container.name)?.image;
        const reference = now && container.image && sameRepository(now, container.image) ? now : container.image;
        const rows = imageRows(await recentImages(ui.clients, reference ?? '', s.scope).catch(() => []), pushed);
        const chosen = await pick<{ uri: string; scan?: ImageScan } | undefined>(
          [...rows.map((r) => ({ label: r.label, description: r.description, detail: r.detail, value: { uri: r.uri, scan: r.scan } })), { label: '$(edit) Enter an image URI…', value: undefined }],
          view,
        );
        s.uri = chosen?.uri;
        s.scan = chosen?.scan;
        s.typeUri = chosen === undefined;
      },
    },
    {
      title: (s) => `Image URI for ${s.container?.name}`,
      when: (s) => Boolean(s.container?.name) && s.typeUri,
      ask: async (view, s) => void (s.uri = (await input(view, { value: s.container?.image, validate: (v) => (v.trim() ? undefined : 'An image URI') })).trim()),
    },
  ];
}
