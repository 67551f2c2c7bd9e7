/** Images to offer when a deploy replaces a container's image: the newest pushes of its ECR repository. */
import { parseEcrImageUri } from '../aws/arn';
import type { AwsScope, ClientManager } from '../aws/clientManager';
import { EcrService } from './ecrService';

export interface OfferedImage {
  uri: string;
  tags: string[];
  pushedAt?: Date;
}

/**
 * Newest tagged images of the repository `image` comes from, one URI per tag (newest push first).
 * The repository's region and registry come from its URI; the profile from the deploy's scope.
 */
export async function recentImages(clients: ClientManager, image: string, scope: AwsScope, limit = 10): Promise<OfferedImage[]> {
  const repo = parseEcrImageUri(image);
  if (!repo) return [];
  const images = await new EcrService(clients, { profile: scope.profile ?? '', region: repo.region }).allImages(repo.repositoryName, { registryId: repo.registryId, filter: { tagStatus: 'TAGGED' } });
  return images.slice(0, limit).map((d) => ({ uri: `${repo.name}:${d.imageTags![0]}`, tags: d.imageTags ?? [], pushedAt: d.imagePushedAt }));
}
