/** A real Docker registry (distribution /v2/ API) backing ECR: `docker push` to it shows up in DescribeImages. */
import { AwsError } from '../../kit/errors';
import type { RegistryConfig } from '../../kit/world';
import { digestOf, MANIFEST_TYPES, type EcrState, type Image, type RepoState } from './state';

function authHeader(r: RegistryConfig): Record<string, string> {
  return { Authorization: 'Basic ' + Buffer.from(`${r.user}:${r.password}`).toString('base64') };
}

async function tagsOf(base: string, registry: RegistryConfig): Promise<string[]> {
  try {
    const res = await fetch(`${base}/tags/list`, { headers: authHeader(registry) });
    if (res.status === 404) {
      return [];
    }
    if (!res.ok) {
      throw new Error(`registry answered ${res.status}`);
    }
    return ((await res.json()) as { tags?: string[] | null }).tags ?? [];
  } catch (e) {
    throw new AwsError('ServerException', `Could not read the backing registry: ${(e as Error).message}`);
  }
}

export async function registryImages(registry: RegistryConfig, state: EcrState, r: RepoState): Promise<Image[]> {
  const base = `${registry.url}/v2/${r.repo.repositoryName}`;
  const byDigest = new Map<string, Image>();
  for (const tag of await tagsOf(base, registry)) {
    const res = await fetch(`${base}/manifests/${encodeURIComponent(tag)}`, { headers: { ...authHeader(registry), Accept: MANIFEST_TYPES.join(', ') } });
    if (!res.ok) {
      continue;
    }
    const text = await res.text();
    const digest = res.headers.get('docker-content-digest') ?? digestOf(text);
    let img = byDigest.get(digest);
    if (!img) {
      const manifest = JSON.parse(text) as { config?: { size?: number; mediaType?: string }; layers?: { size?: number }[]; manifests?: { size?: number }[] };
      const size = (manifest.config?.size ?? 0) + (manifest.layers ?? manifest.manifests ?? []).reduce((n, l) => n + (l.size ?? 0), 0);
      if (!r.seen.has(digest)) {
        r.seen.set(digest, state.region.now());
      }
      img = {
        imageDigest: digest,
        imageTags: [],
        imageSizeInBytes: size,
        imagePushedAt: r.seen.get(digest)!,
        imageManifestMediaType: (res.headers.get('content-type') ?? MANIFEST_TYPES[0]).split(';')[0],
        artifactMediaType: manifest.config?.mediaType,
        fromRegistry: true,
      };
      byDigest.set(digest, img);
      if (r.repo.imageScanningConfiguration.scanOnPush && !r.scans.has(digest)) {
        state.startScan(r, img);
      }
    }
    img.imageTags.push(tag);
  }
  return [...byDigest.values()];
}

/** Works when the registry allows deletes; the image is hidden either way. */
export async function deleteFromRegistry(registry: RegistryConfig, repositoryName: string, digest: string): Promise<void> {
  await fetch(`${registry.url}/v2/${repositoryName}/manifests/${digest}`, { method: 'DELETE', headers: authHeader(registry) }).catch(() => undefined);
}
