import type { ClientManager, ClientOf, Scope } from '../aws/clientManager';
import { readPages, type PagedResult, type PageRequest } from '../aws/paging';
import type { ecr as EcrTypes } from '../aws/sdk';
import type { Sdk } from '../aws/sdkLoader';
import { validateRepositoryName } from './names';
import { newestFirst } from '../util/sort';

export type Repository = EcrTypes.Repository;
export type ImageDetail = EcrTypes.ImageDetail;
export type ImageScanFinding = EcrTypes.ImageScanFinding;

/** AWS's page limits: DescribeRepositories and DescribeImages take up to 1,000 a call. */
export const ECR_LIMITS = { describeRepositories: 1000, describeImages: 1000, describeFindings: 1000 } as const;


export interface CreateRepositoryOptions {
  name: string;
  tagMutability?: 'MUTABLE' | 'IMMUTABLE';
  scanOnPush?: boolean;
}

export interface AllImagesOptions {
  filter?: EcrTypes.DescribeImagesFilter;
  /** Another account's registry (a cross-account repository URI); default: the caller's. */
  registryId?: string;
  abortSignal?: AbortSignal;
}

export type ImageId = { tag: string; digest?: undefined } | { digest: string; tag?: undefined };

export interface ScanFindings {
  status?: string;
  description?: string;
  completedAt?: Date;
  counts: Record<string, number>;
  findings: ImageScanFinding[];
}

const TOKEN_LIFETIME_MS = 12 * 3600_000;

export interface AuthorizationToken {
  /** Registry host, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com` (or the emulator's registry). */
  proxyEndpoint: string;
  user: string;
  password: string;
  expiresAt: Date;
}

/**
 * Every ECR read and write, as plain data, through the shared client manager. A page is read in
 * as few calls as AWS allows (up to 1,000 items each).
 */
export class EcrService {
  constructor(
    private readonly clients: ClientManager,
    private readonly scope: Scope = {},
  ) {}

  private ecr(): Promise<{ sdk: Sdk; client: ClientOf<'ecr'> }> {
    return this.clients.clientWithSdk('ecr', this.scope);
  }

  async repositories(page: PageRequest = {}): Promise<PagedResult<Repository>> {
    const { sdk, client } = await this.ecr();
    const result = await readPages(page, ECR_LIMITS.describeRepositories, async (nextToken, maxResults) => {
      const out = await client.send(new sdk.ecr.DescribeRepositoriesCommand({ nextToken, maxResults }));
      return { items: out.repositories, nextToken: out.nextToken };
    });
    return { ...result, items: result.items.sort((a, b) => (a.repositoryName ?? '').localeCompare(b.repositoryName ?? '')) };
  }

  /** The repository, or undefined when it does not exist. */
  async repository(name: string): Promise<Repository | undefined> {
    const { sdk, client } = await this.ecr();
    try {
      return (await client.send(new sdk.ecr.DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0];
    } catch (error) {
      if ((error as { name?: string }).name === 'RepositoryNotFoundException') return undefined;
      throw error;
    }
  }

  /**
   * Every image of the repository, newest push first. DescribeImages answers in no guaranteed
   * order, so "newest first" needs every page (1,000 images a call); the views page the result.
   */
  async allImages(repositoryName: string, options: AllImagesOptions = {}): Promise<ImageDetail[]> {
    const { sdk, client } = await this.ecr();
    const { filter, registryId, abortSignal } = options;
    const { items } = await readPages({}, ECR_LIMITS.describeImages, async (nextToken, maxResults) => {
      const out = await client.send(new sdk.ecr.DescribeImagesCommand({ registryId, repositoryName, filter, nextToken, maxResults }), { abortSignal });
      return { items: out.imageDetails, nextToken: out.nextToken };
    });
    return sortNewestFirst(items);
  }

  /** Whether the repository holds any image (one DescribeImages of one item). */
  async hasImages(repositoryName: string): Promise<boolean> {
    const { sdk, client } = await this.ecr();
    return ((await client.send(new sdk.ecr.DescribeImagesCommand({ repositoryName, maxResults: 1 }))).imageDetails?.length ?? 0) > 0;
  }

  /** One image by tag or digest; `registryId` for another account's registry. */
  async image(repositoryName: string, id: ImageId, registryId?: string): Promise<ImageDetail | undefined> {
    const { sdk, client } = await this.ecr();
    const out = await client.send(new sdk.ecr.DescribeImagesCommand({ registryId, repositoryName, imageIds: [toImageId(id)] }));
    return out.imageDetails?.[0];
  }

  async createRepository(options: CreateRepositoryOptions): Promise<Repository> {
    const invalid = validateRepositoryName(options.name);
    if (invalid) throw new Error(`Invalid repository name "${options.name}": ${invalid}`);
    const { sdk, client } = await this.ecr();
    try {
      const out = await client.send(
        new sdk.ecr.CreateRepositoryCommand({
          repositoryName: options.name,
          imageTagMutability: options.tagMutability ?? 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: options.scanOnPush ?? false },
        }),
      );
      return out.repository!;
    } catch (error) {
      // CreateRepository has no client token: when the SDK resent it because the first answer was lost,
      // "already exists" is our own first attempt, so the repository it made is the answer.
      const made = resent(error) && (error as Error).name === 'RepositoryAlreadyExistsException' ? await this.repository(options.name) : undefined;
      if (made) return made;
      throw error;
    }
  }

  async deleteRepository(name: string, force: boolean): Promise<Repository | undefined> {
    const { sdk, client } = await this.ecr();
    try {
      return (await client.send(new sdk.ecr.DeleteRepositoryCommand({ repositoryName: name, force }))).repository;
    } catch (error) {
      // A resent delete whose first answer was lost finds the repository gone: that is the delete done.
      if (resent(error) && (error as Error).name === 'RepositoryNotFoundException') return undefined;
      throw error;
    }
  }

  /** Deletes a tag (the image stays while other tags point at it) or, by digest, the image. */
  async deleteImage(repositoryName: string, id: ImageId): Promise<void> {
    const { sdk, client } = await this.ecr();
    const out = await client.send(new sdk.ecr.BatchDeleteImageCommand({ repositoryName, imageIds: [toImageId(id)] }));
    const failure = out.failures?.[0];
    // Resent after a lost answer, the first attempt already deleted it.
    if (failure?.failureCode === 'ImageNotFound' && resent(out)) return;
    if (failure) {
      const error = new Error(`${failure.failureCode}: ${failure.failureReason} (${repositoryName} ${id.tag ?? id.digest})`);
      error.name = failure.failureCode === 'ImageNotFound' ? 'ImageNotFoundException' : String(failure.failureCode);
      throw error;
    }
  }

  async startScan(repositoryName: string, id: ImageId): Promise<string | undefined> {
    const { sdk, client } = await this.ecr();
    const out = await client.send(new sdk.ecr.StartImageScanCommand({ repositoryName, imageId: toImageId(id) }));
    return out.imageScanStatus?.status;
  }

  /** Every finding of the image's last scan (all pages). */
  async scanFindings(repositoryName: string, id: ImageId): Promise<ScanFindings> {
    const { sdk, client } = await this.ecr();
    // Status and counts come with every page; the last page's are kept.
    const pages: EcrTypes.DescribeImageScanFindingsCommandOutput[] = [];
    const { items: findings } = await readPages({}, ECR_LIMITS.describeFindings, async (nextToken, maxResults) => {
      const out = await client.send(new sdk.ecr.DescribeImageScanFindingsCommand({ repositoryName, imageId: toImageId(id), nextToken, maxResults }));
      pages.push(out);
      return { items: out.imageScanFindings?.findings, nextToken: out.nextToken };
    });
    const last = pages[pages.length - 1];
    return {
      status: last.imageScanStatus?.status,
      description: last.imageScanStatus?.description,
      completedAt: last.imageScanFindings?.imageScanCompletedAt,
      counts: (last.imageScanFindings?.findingSeverityCounts ?? {}) as Record<string, number>,
      findings,
    };
  }

  /** GetAuthorizationToken: the registry's user and password (decoded from `user:password`). */
  async authorizationToken(): Promise<AuthorizationToken> {
    const { sdk, client } = await this.ecr();
    const data = (await client.send(new sdk.ecr.GetAuthorizationTokenCommand({}))).authorizationData?.[0];
    if (!data?.authorizationToken || !data.proxyEndpoint) throw new Error('ECR returned no authorization data.');
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return {
      proxyEndpoint: data.proxyEndpoint,
      user: decoded.slice(0, colon),
      password: decoded.slice(colon + 1),
      // ECR says when the token expires; without an expiry, its documented lifetime of 12 hours.
      expiresAt: data.expiresAt ?? new Date(Date.now() + TOKEN_LIFETIME_MS),
    };
  }
}

function toImageId(id: ImageId): EcrTypes.ImageIdentifier {
  return id.digest ? { imageDigest: id.digest } : { imageTag: id.tag };
}

export function sortNewestFirst(images: ImageDetail[]): ImageDetail[] {
  return [...images].sort(newestFirst((i) => i.imagePushedAt));
}

/** True when the SDK sent the call more than once (an earlier attempt may have taken effect): of an answer or an error. */
function resent(answerOrError: unknown): boolean {
  return ((answerOrError as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1) > 1;
}
