/** ECR repositories, their settings and tags, and authorization tokens. */
import type * as ecr from '../../generated/ecr';
import { ACCOUNT } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';
import { ecrState, type EcrState, type RepoState } from './state';

export const bad = (message: string): AwsError => new AwsError('InvalidParameterException', message);
export const PAGE = { def: 100, max: 1000, error: 'InvalidParameterException' };

/** "The authorization token is valid for 12 hours" (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html). */
const TOKEN_TTL_MS = 12 * 3600_000;

function repoByArn(state: EcrState, resourceArn: string): RepoState {
  const name = resourceArn.split(':repository/')[1];
  if (!name) {
    throw bad('Invalid parameter at \'resourceArn\' failed to satisfy constraint: \'must be a valid ECR repository ARN\'');
  }
  return state.repo(name);
}

type RepoOps = 'CreateRepository' | 'DescribeRepositories' | 'DeleteRepository' | 'PutImageTagMutability' | 'PutImageScanningConfiguration' | 'GetAuthorizationToken' | 'TagResource' | 'UntagResource' | 'ListTagsForResource';

export const repositoryHandlers: Pick<Handlers<ecr.Operations>, RepoOps> = {
  CreateRepository: (input, { region }) => ({ repository: ecrState(region).createRepo(input).repo }),

  DescribeRepositories: (input, { region }) => {
    const state = ecrState(region);
    if (input.repositoryNames && (input.nextToken || input.maxResults)) {
      // "This option cannot be used when you specify repositories with repositoryNames" (API_DescribeRepositories.html).
      throw bad('Cannot specify nextToken or maxResults together with repositoryNames.');
    }
    const repos = input.repositoryNames ? input.repositoryNames.map((n) => state.repo(n)) : [...state.repos.values()];
    const p = page(repos.map((r) => r.repo), input.maxResults, input.nextToken, PAGE);
    return { repositories: p.items, nextToken: p.next };
  },

  DeleteRepository: async (input, { region }) => {
    const state = ecrState(region);
    const r = state.repo(input.repositoryName);
    const images = await state.images(r);
    if (images.length && !input.force) {
      throw new AwsError('RepositoryNotEmptyException', `The repository with name '${r.repo.repositoryName}' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`);
    }
    for (const img of images) {
      await state.deleteImage(r, img);
    }
    state.repos.delete(r.repo.repositoryName);
    return { repository: r.repo };
  },

  PutImageTagMutability: (input, { region }) => {
    const r = ecrState(region).repo(input.repositoryName);
    r.repo.imageTagMutability = input.imageTagMutability;
    return { registryId: ACCOUNT, repositoryName: r.repo.repositoryName, imageTagMutability: r.repo.imageTagMutability };
  },

  PutImageScanningConfiguration: (input, { region }) => {
    const r = ecrState(region).repo(input.repositoryName);
    r.repo.imageScanningConfiguration = { scanOnPush: input.imageScanningConfiguration.scanOnPush ?? false };
    return { registryId: ACCOUNT, repositoryName: r.repo.repositoryName, imageScanningConfiguration: r.repo.imageScanningConfiguration };
  },

  GetAuthorizationToken: (_input, { region, core }) => {
    const registry = core.registry;
    const password = registry ? registry.password : `emulator-token-${region.name}`;
    const user = registry ? registry.user : 'AWS';
    return {
      authorizationData: [{
        authorizationToken: Buffer.from(`${user}:${password}`).toString('base64'),
        // A credential: it expires on the credential clock (kit/clock.ts), which clients share.
        expiresAt: new Date(core.sched.credentialNowMs() + TOKEN_TTL_MS),
        // "The registry URL to use for this authorization token in a docker login command"
        // (API_AuthorizationData.html): with a backing registry, that registry (the push transport).
        proxyEndpoint: registry ? registry.url : `https://${ecrState(region).registryHost()}`,
      }],
    };
  },

  TagResource: (input, { region }) => {
    const r = repoByArn(ecrState(region), input.resourceArn);
    r.tags = [...r.tags.filter((t) => !input.tags.some((n) => n.Key === t.Key)), ...input.tags];
    return {};
  },

  UntagResource: (input, { region }) => {
    const r = repoByArn(ecrState(region), input.resourceArn);
    r.tags = r.tags.filter((t) => !input.tagKeys.includes(t.Key));
    return {};
  },

  ListTagsForResource: (input, { region }) => ({ tags: repoByArn(ecrState(region), input.resourceArn).tags }),
};
