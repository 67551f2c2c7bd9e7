/**
 * ECR state of one region: repositories with their images and scans. With a registry configured
 * (`--registry`), images are also read from that real Docker registry (registry.ts).
 */
import { createHash } from 'crypto';
import type * as ecr from '../../generated/ecr';
import { ACCOUNT, arn, dnsSuffix } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Has } from '../../kit/extras';
import { perRegion, Region } from '../../kit/world';
import { deleteFromRegistry, registryImages } from './registry';
import { findingsFor } from './scans';

export const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];

const SCAN_MS = 5_000;

export type RepositoryRecord = Has<ecr.Repository, 'repositoryArn' | 'repositoryName' | 'imageScanningConfiguration'>;

export interface Image {
  imageDigest: string;
  imageTags: string[];
  imageSizeInBytes: number;
  imagePushedAt: Date;
  imageManifestMediaType: string;
  artifactMediaType?: string;
  /** From the real registry (not the emulator's own). */
  fromRegistry?: boolean;
}

export interface Scan {
  status: ecr.ScanStatus;
  description: string;
  startedAt: Date;
  completedAt?: Date;
  findings: ecr.ImageScanFinding[];
}

export interface RepoState {
  repo: RepositoryRecord;
  /** The emulator's own images (seeds, tests). */
  images: Image[];
  /** Own images by digest, and the own image each tag is on: a put is O(1), not a pass over 10,000 images. */
  byDigest: Map<string, Image>;
  byTag: Map<string, Image>;
  scans: Map<string, Scan>;
  /** Digests deleted (a registry may not allow deletes: they stay hidden). */
  hidden: Set<string>;
  /** `digest tag` pairs untagged on a registry image. */
  hiddenTags: Set<string>;
  /** When each registry digest was first seen: its push time. */
  seen: Map<string, Date>;
  tags: ecr.Tag[];
}

export function digestOf(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

export class EcrState {
  readonly repos = new Map<string, RepoState>();

  constructor(readonly region: Region) {}

  /**
   * The registry's host as AWS names it, `<account>.dkr.ecr.<region>.amazonaws.com`: repositoryUri is
   * always in that form ("aws_account_id.dkr.ecr.region.amazonaws.com/repositoryName",
   * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Repository.html), also when a real
   * registry backs the images. That registry shows only in GetAuthorizationToken's proxyEndpoint,
   * where the container CLI logs in and pushes.
   */
  registryHost(): string {
    return `${ACCOUNT}.dkr.ecr.${this.region.name}.${dnsSuffix(this.region.name)}`;
  }

  createRepo(input: ecr.CreateRepositoryRequest, at = this.region.now()): RepoState {
    const name = input.repositoryName;
    if (this.repos.has(name)) {
      throw new AwsError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${ACCOUNT}'`);
    }
    const repo: RepositoryRecord = {
      repositoryArn: arn('ecr', this.region.name, `repository/${name}`),
      registryId: ACCOUNT,
      repositoryName: name,
      repositoryUri: `${this.registryHost()}/${name}`,
      createdAt: at,
      imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
      encryptionConfiguration: input.encryptionConfiguration ?? { encryptionType: 'AES256' },
    };
    const r: RepoState = { repo, images: [], byDigest: new Map(), byTag: new Map(), scans: new Map(), hidden: new Set(), hiddenTags: new Set(), seen: new Map(), tags: input.tags ?? [] };
    this.repos.set(name, r);
    return r;
  }

  repo(name: string): RepoState {
    const r = this.repos.get(name);
    if (!r) {
      throw new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${ACCOUNT}'`);
    }
    return r;
  }

  /** Adds an image the emulator itself holds (seeds, tests). */
  putImage(r: RepoState, tag: string | undefined, opts: { digest?: string; size?: number; pushedAt?: Date } = {}): Image {
    const digest = opts.digest ?? digestOf(`${r.repo.repositoryName}:${tag ?? this.region.core.rnd.hex(8)}`);
    let img = r.byDigest.get(digest);
    const holder = tag ? r.byTag.get(tag) : undefined;
    if (holder) {
      holder.imageTags = holder.imageTags.filter((t) => t !== tag);
    }
    if (!img) {
      img = {
        imageDigest: digest,
        imageTags: [],
        imageSizeInBytes: opts.size ?? 20_000_000 + (parseInt(digest.slice(7, 13), 16) % 80_000_000),
        imagePushedAt: opts.pushedAt ?? this.region.now(),
        imageManifestMediaType: MANIFEST_TYPES[0],
        artifactMediaType: 'application/vnd.docker.container.image.v1+json',
      };
      r.images.push(img);
      r.byDigest.set(digest, img);
      if (r.repo.imageScanningConfiguration.scanOnPush) {
        this.startScan(r, img);
      }
    }
    if (tag) {
      img.imageTags.push(tag);
      r.byTag.set(tag, img);
    }
    return img;
  }

  /** Takes one tag off an image that keeps others. */
  untag(r: RepoState, img: Image, tag: string): void {
    img.imageTags = img.imageTags.filter((t) => t !== tag);
    if (r.byTag.get(tag) === img) {
      r.byTag.delete(tag);
    }
  }

  /** Every image of a repository: the emulator's own plus, in registry mode, the registry's. */
  async images(r: RepoState): Promise<Image[]> {
    const registry = this.region.core.registry;
    const fromRegistry = registry ? await registryImages(registry, this, r) : [];
    for (const img of fromRegistry) {
      img.imageTags = img.imageTags.filter((t) => !r.hiddenTags.has(`${img.imageDigest} ${t}`));
    }
    return [...r.images, ...fromRegistry.filter((x) => !r.images.some((o) => o.imageDigest === x.imageDigest))].filter((i) => !r.hidden.has(i.imageDigest));
  }

  async deleteImage(r: RepoState, img: Image): Promise<void> {
    r.hidden.add(img.imageDigest);
    const own = r.images.indexOf(img);
    if (own >= 0) {
      r.images.splice(own, 1);
      r.byDigest.delete(img.imageDigest);
      for (const t of img.imageTags) {
        if (r.byTag.get(t) === img) {
          r.byTag.delete(t);
        }
      }
    }
    if (img.fromRegistry && this.region.core.registry) {
      await deleteFromRegistry(this.region.core.registry, r.repo.repositoryName, img.imageDigest);
    }
  }

  startScan(r: RepoState, img: Image, completeNow = false): Scan {
    const scan: Scan = { status: 'IN_PROGRESS', description: 'The scan is in progress.', startedAt: this.region.now(), findings: [] };
    r.scans.set(img.imageDigest, scan);
    const complete = (): void => {
      Object.assign(scan, { status: 'COMPLETE', description: 'The scan was completed successfully.', completedAt: this.region.now(), findings: findingsFor(img.imageDigest) });
    };
    if (completeNow) {
      complete();
    } else {
      this.region.core.sched.after(SCAN_MS, complete);
    }
    return scan;
  }
}

export const ecrState = perRegion('ecr', (region) => new EcrState(region));
