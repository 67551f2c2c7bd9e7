/**
 * Amazon ECR: repositories, images, scans, authorization tokens. With a registry configured
 * (`--registry`), images are read from that real Docker registry's /v2/ API, so a `docker push` to
 * it shows up in DescribeImages, and GetAuthorizationToken hands out its credentials.
 */
import { createHash } from 'crypto';
import { AwsError } from '../errors';
import { ACCOUNT, arn, page, Input } from '../util';
import type { Handlers, RegionState } from '../world';
import type { Obj } from './ecs-state';

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];

const SCAN_MS = 5_000;

export interface Image {
  imageDigest: string;
  imageTags: string[];
  imageSizeInBytes: number;
  imagePushedAt: Date;
  imageManifestMediaType: string;
  artifactMediaType?: string;
  lastRecordedPullTime?: Date;
  /** From the real registry (not the emulator's own). */
  fromRegistry?: boolean;
}

interface Scan {
  status: string;
  description: string;
  startedAt: Date;
  completedAt?: Date;
  findings: Obj[];
}

const repoNotFound = (name: string): AwsError =>
  new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${ACCOUNT}'`);

const bad = (message: string): AwsError => new AwsError('InvalidParameterException', message);

function idText(id: Obj): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

export function digestOf(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

export class EcrState {
  /** repository name -> repository (with `_images`, `_scans`, `_hidden`). */
  readonly repos = new Map<string, Obj>();

  constructor(readonly region: RegionState) {}

  private get registry() {
    return this.region.core.registry;
  }

  /** host[:port] images are pushed to. */
  registryHost(): string {
    return this.registry ? new URL(this.registry.url).host : `${ACCOUNT}.dkr.ecr.${this.region.name}.amazonaws.com`;
  }

  createRepo(input: Input, at = this.region.now()): Obj {
    const name: string = input.repositoryName;
    if (!/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name)) {
      throw bad(`Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''`);
    }
    if (this.repos.has(name)) {
      throw new AwsError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${ACCOUNT}'`);
    }
    const repo: Obj = {
      repositoryArn: arn('ecr', this.region.name, `repository/${name}`),
      registryId: ACCOUNT,
      repositoryName: name,
      repositoryUri: `${this.registryHost()}/${name}`,
      createdAt: at,
      imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
      encryptionConfiguration: input.encryptionConfiguration ?? { encryptionType: 'AES256' },
      _images: [] as Image[],
      _scans: new Map<string, Scan>(),
      _hidden: new Set<string>(),
      _hiddenTags: new Set<string>(),
      _seen: new Map<string, Date>(),
      _tags: (input.tags ?? []) as Obj[],
    };
    this.repos.set(name, repo);
    return repo;
  }

  repo(name: string): Obj {
    const r = this.repos.get(name);
    if (!r) {
      throw repoNotFound(name);
    }
    return r;
  }

  /** Adds an image the emulator itself holds (seeds, tests). */
  putImage(repo: Obj, tag: string | undefined, opts: { digest?: string; size?: number; pushedAt?: Date } = {}): Image {
    const digest = opts.digest ?? digestOf(`${repo.repositoryName}:${tag ?? this.region.core.rnd.hex(8)}`);
    const images = repo._images as Image[];
    let img = images.find((i) => i.imageDigest === digest);
    if (tag) {
      for (const other of images) {
        other.imageTags = other.imageTags.filter((t) => t !== tag);
      }
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
      images.push(img);
      if (repo.imageScanningConfiguration.scanOnPush) {
        this.startScan(repo, img);
      }
    }
    if (tag) {
      img.imageTags.push(tag);
    }
    return img;
  }

  /** Every image of a repository: the emulator's own plus, in registry mode, the registry's. */
  async images(repo: Obj): Promise<Image[]> {
    const own = repo._images as Image[];
    const fromRegistry = this.registry ? await this.registryImages(repo) : [];
    const hidden = repo._hidden as Set<string>;
    const hiddenTags = repo._hiddenTags as Set<string>;
    for (const img of fromRegistry) {
      img.imageTags = img.imageTags.filter((t) => !hiddenTags.has(`${img.imageDigest} ${t}`));
    }
    return [...own, ...fromRegistry.filter((r) => !own.some((o) => o.imageDigest === r.imageDigest))].filter((i) => !hidden.has(i.imageDigest));
  }

  private authHeader(): Record<string, string> {
    const r = this.registry!;
    return { Authorization: 'Basic ' + Buffer.from(`${r.user}:${r.password}`).toString('base64') };
  }

  private async registryImages(repo: Obj): Promise<Image[]> {
    const base = `${this.registry!.url}/v2/${repo.repositoryName}`;
    let tags: string[] = [];
    try {
      const res = await fetch(`${base}/tags/list`, { headers: this.authHeader() });
      if (res.status === 404) {
        return [];
      }
      if (!res.ok) {
        throw new Error(`registry answered ${res.status}`);
      }
      tags = ((await res.json()) as { tags?: string[] | null }).tags ?? [];
    } catch (e) {
      throw new AwsError('ServerException', `Could not read the backing registry: ${(e as Error).message}`);
    }
    const byDigest = new Map<string, Image>();
    const seen = repo._seen as Map<string, Date>;
    for (const tag of tags) {
      const res = await fetch(`${base}/manifests/${encodeURIComponent(tag)}`, { headers: { ...this.authHeader(), Accept: MANIFEST_TYPES.join(', ') } });
      if (!res.ok) {
        continue;
      }
      const text = await res.text();
      const digest = res.headers.get('docker-content-digest') ?? digestOf(text);
      const mediaType = (res.headers.get('content-type') ?? MANIFEST_TYPES[0]).split(';')[0];
      let img = byDigest.get(digest);
      if (!img) {
        const manifest = JSON.parse(text) as { config?: { size?: number; mediaType?: string }; layers?: { size?: number }[]; manifests?: { size?: number }[] };
        const size = (manifest.config?.size ?? 0) + (manifest.layers ?? manifest.manifests ?? []).reduce((n, l) => n + (l.size ?? 0), 0);
        if (!seen.has(digest)) {
          seen.set(digest, this.region.now());
        }
        img = {
          imageDigest: digest,
          imageTags: [],
          imageSizeInBytes: size,
          imagePushedAt: seen.get(digest)!,
          imageManifestMediaType: mediaType,
          artifactMediaType: manifest.config?.mediaType,
          fromRegistry: true,
        };
        byDigest.set(digest, img);
        if (repo.imageScanningConfiguration.scanOnPush && !(repo._scans as Map<string, Scan>).has(digest)) {
          this.startScan(repo, img);
        }
      }
      img.imageTags.push(tag);
    }
    return [...byDigest.values()];
  }

  async deleteFromRegistry(repo: Obj, img: Image): Promise<void> {
    (repo._hidden as Set<string>).add(img.imageDigest);
    if (img.fromRegistry && this.registry) {
      // Works when the registry allows deletes; the image is hidden either way.
      await fetch(`${this.registry.url}/v2/${repo.repositoryName}/manifests/${img.imageDigest}`, { method: 'DELETE', headers: this.authHeader() }).catch(() => undefined);
    }
  }

  startScan(repo: Obj, img: Image, completeNow = false): Scan {
    const scans = repo._scans as Map<string, Scan>;
    const scan: Scan = { status: 'IN_PROGRESS', description: 'The scan is in progress.', startedAt: this.region.now(), findings: [] };
    scans.set(img.imageDigest, scan);
    const complete = (): void => {
      scan.status = 'COMPLETE';
      scan.description = 'The scan was completed successfully.';
      scan.completedAt = this.region.now();
      scan.findings = findingsFor(img);
    };
    if (completeNow) {
      complete();
    } else {
      this.region.core.sched.after(SCAN_MS, complete);
    }
    return scan;
  }

  scanOf(repo: Obj, digest: string): Scan | undefined {
    return (repo._scans as Map<string, Scan>).get(digest);
  }
}

// ---------------------------------------------------------------------------------------------
// Scan findings: deterministic per image digest.

const CVES: [string, string, string, string][] = [
  ['CVE-2023-4911', 'glibc', '2.36-9', 'HIGH'],
  ['CVE-2024-6387', 'openssh', '9.2p1-2', 'CRITICAL'],
  ['CVE-2023-44487', 'nghttp2', '1.52.0-1', 'HIGH'],
  ['CVE-2024-2961', 'glibc', '2.36-9', 'HIGH'],
  ['CVE-2023-5678', 'openssl', '3.0.11-1', 'MEDIUM'],
  ['CVE-2024-0727', 'openssl', '3.0.11-1', 'MEDIUM'],
  ['CVE-2023-45853', 'zlib', '1:1.2.13', 'MEDIUM'],
  ['CVE-2023-7008', 'systemd', '252.19-1', 'MEDIUM'],
  ['CVE-2022-3219', 'gnupg2', '2.2.40-1.1', 'LOW'],
  ['CVE-2011-3374', 'apt', '2.6.1', 'LOW'],
  ['CVE-2022-0563', 'util-linux', '2.38.1-5', 'LOW'],
  ['CVE-2017-18018', 'coreutils', '9.1-1', 'INFORMATIONAL'],
];

export function findingsFor(img: Image): Obj[] {
  const seed = parseInt(img.imageDigest.slice(7, 15), 16);
  return CVES.filter((_, i) => ((seed >> i) & 1) === 1 || i === 9).map(([name, pkg, version, severity]) => ({
    name,
    description: `${pkg} ${version} is affected by ${name}.`,
    uri: `https://security-tracker.debian.org/tracker/${name}`,
    severity,
    attributes: [
      { key: 'package_version', value: version },
      { key: 'package_name', value: pkg },
      { key: 'CVSS2_VECTOR', value: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
      { key: 'CVSS2_SCORE', value: severity === 'CRITICAL' ? '9.8' : severity === 'HIGH' ? '7.5' : '5' },
    ],
  }));
}

function severityCounts(findings: Obj[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------

function repoView(repo: Obj): Obj {
  return Object.fromEntries(Object.entries(repo).filter(([k]) => !k.startsWith('_')));
}

function imageDetail(state: EcrState, repo: Obj, img: Image): Obj {
  const scan = state.scanOf(repo, img.imageDigest);
  const { fromRegistry, ...rest } = img;
  void fromRegistry;
  return {
    registryId: ACCOUNT,
    repositoryName: repo.repositoryName,
    ...rest,
    imageTags: img.imageTags.length ? img.imageTags : undefined,
    imageStatus: 'ACTIVE',
    imageScanStatus: scan ? { status: scan.status, description: scan.description } : undefined,
    imageScanFindingsSummary: scan?.completedAt
      ? { imageScanCompletedAt: scan.completedAt, vulnerabilitySourceUpdatedAt: scan.startedAt, findingSeverityCounts: severityCounts(scan.findings) }
      : undefined,
  };
}

function findImage(images: Image[], id: Obj): Image | undefined {
  return images.find((i) => (!id.imageDigest || i.imageDigest === id.imageDigest) && (!id.imageTag || i.imageTags.includes(id.imageTag)));
}

function tagFilter(filter: Obj | undefined): (i: Image) => boolean {
  const status = filter?.tagStatus ?? 'ANY';
  return (i) => status === 'ANY' || (status === 'TAGGED') === i.imageTags.length > 0;
}

const PAGE = { def: 100, max: 1000, error: 'InvalidParameterException' };

async function imageFor(state: EcrState, input: Input): Promise<{ repo: Obj; img: Image }> {
  const repo = state.repo(input.repositoryName);
  const img = findImage(await state.images(repo), input.imageId);
  if (!img) {
    throw new AwsError('ImageNotFoundException', `The image with imageId ${idText(input.imageId)} does not exist within the repository with name '${repo.repositoryName}' in the registry with id '${ACCOUNT}'`);
  }
  return { repo, img };
}

function repoByArn(state: EcrState, resourceArn: string): Obj {
  const name = resourceArn.split(':repository/')[1];
  if (!name) {
    throw bad('Invalid parameter at \'resourceArn\' failed to satisfy constraint: \'must be a valid ECR repository ARN\'');
  }
  return state.repo(name);
}

export const ecrHandlers: Handlers = {
  CreateRepository: (input, { region }) => ({ repository: repoView(region.ecr.createRepo(input)) }),

  DescribeRepositories: (input, { region }) => {
    const names: string[] | undefined = input.repositoryNames;
    const repos = names ? names.map((n) => region.ecr.repo(n)) : [...region.ecr.repos.values()];
    const p = page(repos.map(repoView), input.maxResults, input.nextToken, PAGE);
    return { repositories: p.items, nextToken: p.next };
  },

  DeleteRepository: async (input, { region }) => {
    const repo = region.ecr.repo(input.repositoryName);
    const images = await region.ecr.images(repo);
    if (images.length && !input.force) {
      throw new AwsError('RepositoryNotEmptyException', `The repository with name '${repo.repositoryName}' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`);
    }
    for (const img of images) {
      await region.ecr.deleteFromRegistry(repo, img);
    }
    region.ecr.repos.delete(repo.repositoryName);
    return { repository: repoView(repo) };
  },

  DescribeImages: async (input, { region }) => {
    const repo = region.ecr.repo(input.repositoryName);
    const images = (await region.ecr.images(repo)).filter(tagFilter(input.filter));
    let chosen = images;
    if (input.imageIds) {
      if (input.nextToken || input.maxResults) {
        throw bad('Cannot specify nextToken or maxResults together with imageIds.');
      }
      chosen = [];
      for (const id of input.imageIds as Obj[]) {
        const img = findImage(images, id);
        if (!img) {
          throw new AwsError('ImageNotFoundException', `The image with imageId ${idText(id)} does not exist within the repository with name '${repo.repositoryName}' in the registry with id '${ACCOUNT}'`);
        }
        chosen.push(img);
      }
    }
    chosen = [...chosen].sort((a, b) => b.imagePushedAt.getTime() - a.imagePushedAt.getTime());
    const p = page(chosen.map((i) => imageDetail(region.ecr, repo, i)), input.maxResults, input.nextToken, PAGE);
    return { imageDetails: p.items, nextToken: p.next };
  },

  ListImages: async (input, { region }) => {
    const repo = region.ecr.repo(input.repositoryName);
    const ids = (await region.ecr.images(repo))
      .filter(tagFilter(input.filter))
      .flatMap((i) => (i.imageTags.length ? i.imageTags.map((t) => ({ imageDigest: i.imageDigest, imageTag: t })) : [{ imageDigest: i.imageDigest }]));
    const p = page(ids, input.maxResults, input.nextToken, PAGE);
    return { imageIds: p.items, nextToken: p.next };
  },

  BatchDeleteImage: async (input, { region }) => {
    const repo = region.ecr.repo(input.repositoryName);
    const images = await region.ecr.images(repo);
    const imageIds: Obj[] = [];
    const failures: Obj[] = [];
    for (const id of input.imageIds as Obj[]) {
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
        (repo._hiddenTags as Set<string>).add(`${img.imageDigest} ${id.imageTag}`);
      } else {
        const own = repo._images as Image[];
        if (own.includes(img)) {
          own.splice(own.indexOf(img), 1);
        }
        await region.ecr.deleteFromRegistry(repo, img);
      }
      imageIds.push({ imageDigest: img.imageDigest, imageTag: id.imageTag });
    }
    return { imageIds, failures };
  },

  PutImageTagMutability: (input, { region }) => {
    const repo = region.ecr.repo(input.repositoryName);
    repo.imageTagMutability = input.imageTagMutability;
    return { registryId: ACCOUNT, repositoryName: repo.repositoryName, imageTagMutability: repo.imageTagMutability };
  },

  PutImageScanningConfiguration: (input, { region }) => {
    const repo = region.ecr.repo(input.repositoryName);
    repo.imageScanningConfiguration = { scanOnPush: input.imageScanningConfiguration.scanOnPush ?? false };
    return { registryId: ACCOUNT, repositoryName: repo.repositoryName, imageScanningConfiguration: repo.imageScanningConfiguration };
  },

  StartImageScan: async (input, { region }) => {
    const { repo, img } = await imageFor(region.ecr, input);
    const previous = region.ecr.scanOf(repo, img.imageDigest);
    if (previous && region.now().getTime() - previous.startedAt.getTime() < 24 * 3600_000) {
      throw new AwsError('LimitExceededException', 'The scan quota per image has been exceeded. Wait and try again.');
    }
    const scan = region.ecr.startScan(repo, img);
    return { registryId: ACCOUNT, repositoryName: repo.repositoryName, imageId: { imageDigest: img.imageDigest, imageTag: input.imageId.imageTag }, imageScanStatus: { status: scan.status } };
  },

  DescribeImageScanFindings: async (input, { region }) => {
    const { repo, img } = await imageFor(region.ecr, input);
    const scan = region.ecr.scanOf(repo, img.imageDigest);
    if (!scan) {
      throw new AwsError('ScanNotFoundException', `Image scan does not exist for the image with '${idText(input.imageId)}' in the repository with name '${repo.repositoryName}' in the registry with id '${ACCOUNT}'`);
    }
    const p = page(scan.findings, input.maxResults, input.nextToken, PAGE);
    return {
      registryId: ACCOUNT,
      repositoryName: repo.repositoryName,
      imageId: { imageDigest: img.imageDigest, imageTag: input.imageId.imageTag },
      imageScanStatus: { status: scan.status, description: scan.description },
      imageScanFindings: scan.completedAt
        ? { imageScanCompletedAt: scan.completedAt, vulnerabilitySourceUpdatedAt: scan.startedAt, findingSeverityCounts: severityCounts(scan.findings), findings: p.items }
        : undefined,
      nextToken: p.next,
    };
  },

  GetAuthorizationToken: (_input, { region, core }) => {
    const registry = core.registry;
    const password = registry ? registry.password : `emulator-token-${region.name}`;
    const user = registry ? registry.user : 'AWS';
    return {
      authorizationData: [{
        authorizationToken: Buffer.from(`${user}:${password}`).toString('base64'),
        expiresAt: new Date(region.now().getTime() + 12 * 3600_000),
        proxyEndpoint: registry ? registry.url : `https://${region.ecr.registryHost()}`,
      }],
    };
  },

  TagResource: (input, { region }) => {
    const repo = repoByArn(region.ecr, input.resourceArn);
    const keep = (repo._tags as Obj[]).filter((t) => !(input.tags as Obj[]).some((n) => n.Key === t.Key));
    repo._tags = [...keep, ...input.tags];
    return {};
  },

  UntagResource: (input, { region }) => {
    const repo = repoByArn(region.ecr, input.resourceArn);
    repo._tags = (repo._tags as Obj[]).filter((t) => !(input.tagKeys as string[]).includes(t.Key));
    return {};
  },

  ListTagsForResource: (input, { region }) => ({ tags: repoByArn(region.ecr, input.resourceArn)._tags }),
};

/** ECR content of the seeds. */
export function seedEcr(region: RegionState, seed: 'demo' | 'scale', at: Date): void {
  const ecr = region.ecr;
  const day = 24 * 3600_000;
  const ago = (days: number): Date => new Date(at.getTime() - days * day);
  if (seed === 'scale') {
    for (let f = 0; f < 100; f++) {
      const repo = ecr.createRepo({ repositoryName: `scale/scale-app-${String(f).padStart(3, '0')}` }, ago(200));
      for (let r = 0; r < 20; r++) {
        ecr.putImage(repo, `1.0.${r}`, { pushedAt: ago(100 - r) });
      }
    }
    return;
  }
  const put = (repo: Obj, tags: string[], days: number, scanned: boolean): void => {
    let img: Image | undefined;
    for (const tag of tags.length ? tags : [undefined]) {
      img = ecr.putImage(repo, tag, { pushedAt: ago(days), digest: img?.imageDigest ?? (tag ? undefined : digestOf(`${repo.repositoryName}@${days}`)) });
    }
    if (scanned && img) {
      const scan = ecr.startScan(repo, img, true);
      scan.startedAt = ago(days);
      scan.completedAt = new Date(ago(days).getTime() + 60_000);
    }
  };
  const api = ecr.createRepo({ repositoryName: 'demo/api', imageScanningConfiguration: { scanOnPush: true }, tags: [{ Key: 'team', Value: 'platform' }] }, ago(120));
  api.imageScanningConfiguration.scanOnPush = false; // seeded images get their scans explicitly
  put(api, [], 90, false);
  put(api, ['1.0.0'], 60, true);
  put(api, ['1.1.0'], 30, true);
  put(api, ['1.2.0', 'latest'], 2, true);
  api.imageScanningConfiguration.scanOnPush = true;
  const web = ecr.createRepo({ repositoryName: 'demo/web' }, ago(100));
  put(web, ['2.0.0'], 20, false);
  put(web, ['2.1.0', 'latest'], 1, false);
  const worker = ecr.createRepo({ repositoryName: 'demo/worker', imageScanningConfiguration: { scanOnPush: true } }, ago(80));
  worker.imageScanningConfiguration.scanOnPush = false;
  put(worker, ['0.9.0'], 40, true);
  put(worker, ['1.0.0-fail'], 0.02, true);
  worker.imageScanningConfiguration.scanOnPush = true;
  const batch = ecr.createRepo({ repositoryName: 'demo/batch' }, ago(300));
  put(batch, ['latest'], 7, false);
  ecr.createRepo({ repositoryName: 'demo/empty', imageTagMutability: 'IMMUTABLE' }, ago(10));
}
