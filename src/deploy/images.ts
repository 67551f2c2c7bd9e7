/** Images to offer when a deploy replaces a container's image: the newest pushes of its ECR repository. */
import type { ClientManager } from '../aws/clientManager';

const ECR_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

export interface OfferedImage {
  uri: string;
  tags: string[];
  pushedAt?: Date;
}

/** The repository of an ECR image URI (`registryId`, region, name), or undefined for other registries. */
export function ecrRepositoryOf(image: string): { registryId: string; region: string; repositoryName: string; base: string } | undefined {
  const m = ECR_URI.exec(image);
  return m ? { registryId: m[1], region: m[2], repositoryName: m[3], base: m[0] } : undefined;
}

/** Newest tagged images of the repository `image` comes from, one URI per tag (newest push first). */
export async function recentImages(clients: ClientManager, image: string, limit = 10): Promise<OfferedImage[]> {
  const repo = ecrRepositoryOf(image);
  if (!repo) return [];
  const { sdk, client: ecr } = await clients.clientWithSdk('ecr', { region: repo.region });
  const out = await ecr.send(new sdk.ecr.DescribeImagesCommand({ registryId: repo.registryId, repositoryName: repo.repositoryName, filter: { tagStatus: 'TAGGED' }, maxResults: 1000 }));
  return (out.imageDetails ?? [])
    .sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0))
    .slice(0, limit)
    .map((d) => ({ uri: `${repo.base}:${d.imageTags![0]}`, tags: d.imageTags ?? [], pushedAt: d.imagePushedAt }));
}
