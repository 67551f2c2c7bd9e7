/** Images to offer when a deploy replaces a container's image: the newest pushes of its ECR repository, with their scans. */
import { parseEcrImageUri } from '../aws/arn';
import type { AwsScope, ClientManager } from '../aws/clientManager';
import { EcrService, type ImageDetail } from './ecrService';
import { imageUri } from './names';

/** What the last scan of an image said (DescribeImages' own fields). */
export type ImageScan = Pick<ImageDetail, 'imageScanStatus' | 'imageScanFindingsSummary'>;

export interface OfferedImage {
  /** `<repositoryUri>:<first tag>`. */
  uri: string;
  digest?: string;
  tags: string[];
  pushedAt?: Date;
  scan: ImageScan;
  /** The image the container runs now: its tag names it, or its digest is this one. */
  current: boolean;
}

/**
 * Newest tagged images of the repository `image` comes from, one per image (newest push first),
 * and the one `image` names when it is older than those. The repository's region and registry
 * come from its URI; the profile from the deploy's scope.
 */
export async function recentImages(clients: ClientManager, image: string, scope: AwsScope, limit = 10): Promise<OfferedImage[]> {
  const repo = parseEcrImageUri(image);
  if (!repo) return [];
  const all = await new EcrService(clients, { profile: scope.profile ?? '', region: repo.region }).allImages(repo.repositoryName, { registryId: repo.registryId, filter: { tagStatus: 'TAGGED' } });
  // A reference without tag or digest means `latest`, as the container runtime reads it.
  const tag = repo.tag ?? (repo.digest ? undefined : 'latest');
  const isCurrent = (d: ImageDetail) => (repo.digest ? d.imageDigest === repo.digest : (d.imageTags ?? []).includes(tag!));
  const current = all.findIndex(isCurrent);
  const offered = current >= limit ? [...all.slice(0, limit), all[current]] : all.slice(0, limit);
  return offered.map((d) => ({
    uri: imageUri(repo.name, { tag: d.imageTags![0] }),
    digest: d.imageDigest,
    tags: d.imageTags ?? [],
    pushedAt: d.imagePushedAt,
    scan: { imageScanStatus: d.imageScanStatus, imageScanFindingsSummary: d.imageScanFindingsSummary },
    current: isCurrent(d),
  }));
}

/** The last scan of the ECR image `uri` names (by tag or digest); undefined for another registry or an image ECR does not hold. */
export async function scanOfImage(clients: ClientManager, uri: string, scope: AwsScope): Promise<ImageScan | undefined> {
  const ref = parseEcrImageUri(uri);
  if (!ref) return undefined;
  const id = ref.digest ? { digest: ref.digest } : { tag: ref.tag ?? 'latest' };
  const detail = await new EcrService(clients, { profile: scope.profile ?? '', region: ref.region }).image(ref.repositoryName, id, ref.registryId).catch((error: unknown) => {
    if ((error as { name?: string }).name === 'ImageNotFoundException' || (error as { name?: string }).name === 'RepositoryNotFoundException') return undefined;
    throw error;
  });
  return detail && { imageScanStatus: detail.imageScanStatus, imageScanFindingsSummary: detail.imageScanFindingsSummary };
}
