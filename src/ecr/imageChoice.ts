/**
 * The image rows a deploy offers, as plain data: the image just pushed first, then the newest
 * pushes; the image the container runs now marked; each with its scan findings; one row per image.
 * And the question (or refusal) when the chosen image has CRITICAL or HIGH findings. No vscode.
 */
import { parseEcrImageUri, parseImageReference, resourceName } from '../aws/arn';
import { sameRepository, shortDigest } from './names';
import { scanSummary } from './present';
import type { ImageScan, OfferedImage } from './recentImages';

export interface ImageRow {
  label: string;
  description: string;
  /** The full URI. */
  detail: string;
  uri: string;
  scan?: ImageScan;
}

/** What a push hands to the deploy: the URI it reported, and the digest when known. */
export interface PushedImage {
  uri: string;
  digest?: string;
}

export const CURRENT_MARK = '$(check) current';

const tail = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
const when = (date: Date | undefined) => date?.toISOString().slice(0, 16).replace('T', ' ');

/** The offered image a push produced: the same digest, or the pushed tag on an image of the same repository. */
function imageOfPush(images: OfferedImage[], pushed: PushedImage): OfferedImage | undefined {
  const tag = parseImageReference(pushed.uri).tag;
  return images.find((i) => (pushed.digest && i.digest === pushed.digest) || i.uri === pushed.uri || (tag !== undefined && sameRepository(i.uri, pushed.uri) && i.tags.includes(tag)));
}

/** Rows for the deploy's image picker; an image is listed once (by digest, and by URI). */
export function imageRows(images: OfferedImage[], pushed?: PushedImage): ImageRow[] {
  const rows: ImageRow[] = [];
  const seen = new Set<string>();
  const pushedImage = pushed && imageOfPush(images, pushed);
  // The row's own tag is in its label; the description names the image's other tags.
  const describe = (image: OfferedImage | undefined, uri: string, first: string[]) => {
    const otherTags = image?.tags.filter((t) => t !== parseImageReference(uri).tag) ?? [];
    return [image?.current ? CURRENT_MARK : '', ...first, otherTags.join(', '), when(image?.pushedAt), image ? scanSummary(image.scan) : ''].filter(Boolean).join(' · ');
  };
  if (pushed) {
    rows.push({ label: `$(cloud-upload) ${tail(pushed.uri)}`, description: describe(pushedImage, pushed.uri, ['just pushed']), detail: pushed.uri, uri: pushed.uri, scan: pushedImage?.scan });
    seen.add(pushed.uri);
    if (pushedImage?.digest) seen.add(pushedImage.digest);
  }
  images.forEach((image, index) => {
    if (seen.has(image.uri) || (image.digest && seen.has(image.digest))) return;
    seen.add(image.uri);
    if (image.digest) seen.add(image.digest);
    rows.push({ label: tail(image.uri), description: describe(image, image.uri, index === 0 ? ['newest push'] : []), detail: image.uri, uri: image.uri, scan: image.scan });
  });
  return rows;
}

/** `demo/web:2.1` (ECR: the repository and tag or short digest, without the registry host), else the reference as given. */
export function shortImageName(uri: string): string {
  const ecr = parseEcrImageUri(uri);
  if (!ecr) return uri;
  return `${ecr.repositoryName}${ecr.tag ? `:${ecr.tag}` : ''}${ecr.digest ? `@${shortDigest(ecr.digest)}` : ''}`;
}

/** `demo/web:2.1 has 2 CRITICAL and 5 HIGH findings` when the last scan found any of those, else undefined. */
export function seriousFindings(uri: string, scan: ImageScan | undefined): string | undefined {
  const counts = scan?.imageScanFindingsSummary?.findingSeverityCounts ?? {};
  const parts = (['CRITICAL', 'HIGH'] as const).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
  return parts.length ? `${shortImageName(uri)} has ${parts.join(' and ')} findings` : undefined;
}

/** The argument-object form refuses such an image unless the caller says `allowFindings: true`. */
export function findingsRefusal(command: string, warning: string): string {
  return `${command}: ${warning} (ECR image scan). Nothing was deployed; pass "allowFindings": true to deploy it anyway.`;
}

/** The deploy's modal question, naming service, cluster, account and region; led by the image's serious findings when it has any. */
export function deployQuestion(target: { service: string; cluster: string }, where: string, findings?: string): string {
  const place = `service ${target.service} in cluster ${resourceName(target.cluster)} (${where})`;
  return findings ? `${findings}. Deploy anyway to ${place}?` : `Deploy to ${place}?`;
}
