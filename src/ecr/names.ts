/**
 * ECR names and image references as plain data: repository-name and tag validation with ECR's own
 * rules, the URI forms `<registry>/<repo>:<tag>` and `<registry>/<repo>@sha256:…`, and which
 * repository an image reference names.
 */
import { parseEcrImageUri, parseImageReference } from '../aws/arn';

/** ECR's repositoryName pattern (CreateRepository), 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** A Docker/OCI tag: up to 128 characters of [A-Za-z0-9_.-], not starting with `.` or `-`. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Why `name` is not a valid ECR repository name, or undefined when it is. */
export function validateRepositoryName(name: string): string | undefined {
  if (name.length < 2) return 'A repository name has at least 2 characters.';
  if (name.length > 256) return 'A repository name has at most 256 characters.';
  if (/[A-Z]/.test(name)) return 'A repository name is lowercase.';
  if (name.startsWith('/') || name.endsWith('/')) return 'A repository name cannot start or end with "/".';
  if (/[^a-z0-9._/-]/.test(name)) return 'A repository name may contain only lowercase letters, digits, ".", "_", "-" and "/".';
  if (!REPOSITORY_NAME.test(name)) {
    return 'Each part of a repository name (between "/") starts and ends with a letter or digit, with single ".", "_" or "-" between them.';
  }
  return undefined;
}

/** Why `tag` is not a valid image tag, or undefined when it is. */
export function validateTag(tag: string): string | undefined {
  if (!tag) return 'A tag cannot be empty.';
  if (tag.length > 128) return 'A tag has at most 128 characters.';
  if (!TAG.test(tag)) return 'A tag may contain letters, digits, "_", "." and "-", and cannot start with "." or "-".';
  return undefined;
}

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** `sha256:0123456789ab` (12 hex digits, as `docker images` shows). */
export function shortDigest(digest: string | undefined): string {
  if (!digest) return '';
  const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['sha256', digest];
  return `${algorithm}:${hex.slice(0, 12)}`;
}

/** `registry/repo:tag` or, given a digest, `registry/repo@sha256:…`. */
export function imageUri(repositoryUri: string, ref: { tag?: string; digest?: string }): string {
  if (ref.digest) return `${repositoryUri}@${ref.digest}`;
  if (ref.tag) return `${repositoryUri}:${ref.tag}`;
  throw new Error('An image URI needs a tag or a digest.');
}


/**
 * One key per repository, whatever form names it: an ECR URI by account, region and repository
 * (standard, FIPS and China hosts, any case of the host); Docker Hub's short forms as
 * `docker.io/library/…`; any other registry by host and path. Tag and digest are left out.
 */
export function repositoryKey(imageOrRepositoryUri: string): string {
  const ecr = parseEcrImageUri(imageOrRepositoryUri);
  if (ecr) return `ecr:${ecr.registryId}:${ecr.region}:${ecr.repositoryName}`;
  const name = parseImageReference(imageOrRepositoryUri).name;
  const [first, ...rest] = name.split('/');
  // A first part without "." or ":" (and not localhost) is a Docker Hub path, not a registry host.
  const hosted = rest.length > 0 && (/[.:]/.test(first) || first === 'localhost');
  const [host, path] = hosted ? [first.toLowerCase(), rest.join('/')] : ['docker.io', name];
  return `${host === 'index.docker.io' ? 'docker.io' : host}/${host.endsWith('docker.io') && !path.includes('/') ? `library/${path}` : path}`;
}

export function sameRepository(a: string, b: string): boolean {
  return repositoryKey(a) === repositoryKey(b);
}
