/** Images to offer when a deploy replaces a container's image: the newest pushes of its ECR repository. */
import { parseEcrImageUri } from '../aws/arn';
import type { AwsScope, ClientManager } from '../aws/clientManager';
import { readPages } from '../aws/paging';
import { newestFirst } from '../util/sort';

export interface OfferedImage {
  uri: string;
  tags: string[];
  pushedAt?: Date;
}

/** Newest tagged images of the repository `image` comes from, one URI per tag (newest push first). */
/** The repository's region comes from its URI; the profile from the deploy's scope. */
export async function recentImages(clients: ClientManager, image: string, scope: AwsScope, limit = 10): Promise<OfferedImage[]> {
  const repo = parseEcrImageUri(image);
  if (!repo) return [];
  const { sdk, client: ecr } = await clients.clientWithSdk('ecr', { profile: scope.profile ?? '', region: repo.region });
  // ECR answers in no guaranteed order: the newest pushes are known only once every page is read.
  const { items } = await readPages({}, 1000, async (nextToken, maxResults) => {
    const out = await ecr.send(new sdk.ecr.DescribeImagesCommand({ registryId: repo.registryId, repositoryName: repo.repositoryName, filter: { tagStatus: 'TAGGED' }, nextToken, maxResults }));
    return { items: out.imageDetails, nextToken: out.nextToken };
  });
  return items
    .sort(newestFirst((i) => i.imagePushedAt))
    .slice(0, limit)
    .map((d) => ({ uri: `${repo.name}:${d.imageTags![0]}`, tags: d.imageTags ?? [], pushedAt: d.imagePushedAt }));
}
