/** ECR images: describe, list, delete, scan. */
import type * as ecr from '../../generated/ecr';
import { ACCOUNT } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import { bad, PAGE } from './repositories';
import { severityCounts } from './scans';
import { ecrState, type EcrState, type Image, type RepoState } from './state';

function idText(id: ecr.ImageIdentifier): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

function imageNotFound(r: RepoState, id: ecr.ImageIdentifier): AwsError {
  return new AwsError('ImageNotFoundException', `The image with imageId ${idText(id)} does not exist within the repository with name '${r.repo.repositoryName}' in the registry with id '${ACCOUNT}'`);
}

function imageDetail(r: RepoState, img: Image): ecr.ImageDetail {
  const scan = r.scans.get(img.imageDigest);
  const { fromRegistry: _fromRegistry, ...rest } = img;
  return {
    registryId: ACCOUNT,
    repositoryName: r.repo.repositoryName,
    ...rest,
    imageTags: img.imageTags.length ? img.imageTags : undefined,
    imageStatus: 'ACTIVE',
    imageScanStatus: scan ? { status: scan.status, description: scan.description } : undefined,
    imageScanFindingsSummary: scan?.completedAt
      ? { imageScanCompletedAt: scan.completedAt, vulnerabilitySourceUpdatedAt: scan.startedAt, findingSeverityCounts: severityCounts(scan.findings) }
      : undefined,
  };
}

function findImage(images: Image[], id: ecr.ImageIdentifier): Image | undefined {
  return images.find((i) => (!id.imageDigest || i.imageDigest === id.imageDigest) && (!id.imageTag || i.imageTags.includes(id.imageTag)));
}

function tagFilter(filter: { tagStatus?: ecr.TagStatus } | undefined): (i: Image) => boolean {
  const status = filter?.tagStatus ?? 'ANY';
  return (i) => status === 'ANY' || (status === 'TAGGED') === i.imageTags.length > 0;
}

async function imageFor(state: EcrState, input: { repositoryName: string; imageId: ecr.ImageIdentifier }): Promise<{ r: RepoState; img: Image }> {
  const r = state.repo(input.repositoryName);
  const img = findImage(await state.images(r), input.imageId);
  if (!img) {
    throw imageNotFound(r, input.imageId);
  }
  return { r, img };
}

/**
 * ECR documents no order for DescribeImages or ListImages (nor does it sort by push time), so the
 * emulator orders by digest: stable across pages, unrelated to age or tags. A client that sorts
 * within each page instead of over all pages shows it (the newest image is seldom on page one).
 */
function byDigest(images: Image[]): Image[] {
  return [...images].sort((a, b) => (a.imageDigest < b.imageDigest ? -1 : a.imageDigest > b.imageDigest ? 1 : 0));
}

type ImageOps = 'DescribeImages' | 'ListImages' | 'BatchDeleteImage' | 'StartImageScan' | 'DescribeImageScanFindings';

export const imageHandlers: Pick<Handlers<ecr.Operations>, ImageOps> = {
  DescribeImages: async (input, { region }) => {
    const state = ecrState(region);
    const r = state.repo(input.repositoryName);
    const images = (await state.images(r)).filter(tagFilter(input.filter));
    let chosen = images;
    if (input.imageIds) {
      if (input.nextToken || input.maxResults) {
        throw bad('Cannot specify nextToken or maxResults together with imageIds.');
      }
      chosen = [];
      for (const id of input.imageIds) {
        const img = findImage(images, id);
        if (!img) {
          throw imageNotFound(r, id);
        }
        chosen.push(img);
      }
    }
    const p = page(byDigest(chosen).map((i) => imageDetail(r, i)), input.maxResults, input.nextToken, PAGE);
    return { imageDetails: p.items, nextToken: p.next };
  },

  ListImages: async (input, { region }) => {
    const state = ecrState(region);
    const ids = byDigest((await state.images(state.repo(input.repositoryName))).filter(tagFilter(input.filter)))
      .flatMap((i) => (i.imageTags.length ? i.imageTags.map((t) => ({ imageDigest: i.imageDigest, imageTag: t })) : [{ imageDigest: i.imageDigest }]));
    const p = page(ids, input.maxResults, input.nextToken, PAGE);
    return { imageIds: p.items, nextToken: p.next };
  },

  BatchDeleteImage: async (input, { region }) => {
    const state = ecrState(region);
    const r = state.repo(input.repositoryName);
    const images = await state.images(r);
    const imageIds: ecr.ImageIdentifier[] = [];
    const failures: ecr.ImageFailure[] = [];
    for (const id of input.imageIds) {
      if (!id.imageDigest && !id.imageTag) {
        failures.push({ imageId: id, failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' });
        continue;
      }
      const img = findImage(images, id);
      if (!img) {
        failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
        continue;
      }
      if (id.imageTag && !id.imageDigest && img.imageTags.length > 1) {
        // Removing one of several tags keeps the image (a registry cannot untag: the tag is hidden).
        img.imageTags = img.imageTags.filter((t) => t !== id.imageTag);
        r.hiddenTags.add(`${img.imageDigest} ${id.imageTag}`);
      } else {
        await state.deleteImage(r, img);
      }
      imageIds.push({ imageDigest: img.imageDigest, imageTag: id.imageTag });
    }
    return { imageIds, failures };
  },

  StartImageScan: async (input, { region }) => {
    const state = ecrState(region);
    const { r, img } = await imageFor(state, input);
    const previous = r.scans.get(img.imageDigest);
    if (previous && region.now().getTime() - previous.startedAt.getTime() < 24 * 3600_000) {
      throw new AwsError('LimitExceededException', 'The scan quota per image has been exceeded. Wait and try again.');
    }
    const scan = state.startScan(r, img);
    return { registryId: ACCOUNT, repositoryName: r.repo.repositoryName, imageId: { imageDigest: img.imageDigest, imageTag: input.imageId.imageTag }, imageScanStatus: { status: scan.status } };
  },

  DescribeImageScanFindings: async (input, { region }) => {
    const { r, img } = await imageFor(ecrState(region), input);
    const scan = r.scans.get(img.imageDigest);
    if (!scan) {
      throw new AwsError('ScanNotFoundException', `Image scan does not exist for the image with '${idText(input.imageId)}' in the repository with name '${r.repo.repositoryName}' in the registry with id '${ACCOUNT}'`);
    }
    const p = page(scan.findings, input.maxResults, input.nextToken, PAGE);
    return {
      registryId: ACCOUNT,
      repositoryName: r.repo.repositoryName,
      imageId: { imageDigest: img.imageDigest, imageTag: input.imageId.imageTag },
      imageScanStatus: { status: scan.status, description: scan.description },
      imageScanFindings: scan.completedAt
        ? { imageScanCompletedAt: scan.completedAt, vulnerabilitySourceUpdatedAt: scan.startedAt, findingSeverityCounts: severityCounts(scan.findings), findings: p.items }
        : undefined,
      nextToken: p.next,
    };
  },
};
