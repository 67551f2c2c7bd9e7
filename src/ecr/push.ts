/**
 * Push (and build-and-push) as one core function: repository check (or create), ECR token from the
 * cache or GetAuthorizationToken, login with the password on stdin, tag, push with layer progress,
 * one re-login on an auth failure. Plain data in and out; no vscode.
 */
import { ContainerCliError, type BuildOptions, type ContainerCli } from './containerCli';
import type { EcrService, Repository } from './ecrService';
import { parseEcrRegistryHost, parseImageReference, registryHost } from '../aws/arn';
import { isLoopbackHost } from '../aws/endpoints';
import { imageUri, validateRepositoryName, validateTag } from './names';
import { PushProgressParser, type PushProgress } from './pushProgress';
import type { TokenCache } from './tokenCache';

export interface PushRequest {
  /** Local image reference (`name:tag` or an image id). */
  image: string;
  repository: string;
  /** Default: the local image's tag, else `latest`. */
  tag?: string;
  /** Create the repository when it does not exist (else that is an error). */
  createRepository?: boolean;
}

export interface BuildAndPushRequest {
  dockerfile: string;
  /** Default: the Dockerfile's folder. */
  context?: string;
  /** e.g. `linux/amd64` for Fargate from an ARM laptop. */
  platform?: string;
  repository: string;
  tag: string;
  createRepository?: boolean;
}

export interface PushResult {
  imageUri: string;
  digest: string;
  repositoryUri: string;
  tag: string;
  /** `<repositoryUri>@sha256:…`. */
  digestUri: string;
}

export type PushStep = 'repository' | 'login' | 'build' | 'tag' | 'push' | 'done';

export interface PushDeps {
  ecr: EcrService;
  cli: ContainerCli;
  tokens: TokenCache;
  /** Identifies the registry login (profile, region, endpoint, CLI): one cached token per key. */
  tokenKey: string;
  /** Which registries may receive the login and the push. */
  registry: RegistryPolicy;
}

export interface RegistryPolicy {
  region: string;
  /** The account of the credentials (STS GetCallerIdentity). */
  account(): Promise<string>;
  /** True when AWS calls go to a custom endpoint on loopback (a local registry stands in for ECR). */
  loopbackAllowed: boolean;
}

/**
 * The ECR password and the image go only to the account's own ECR registry in the region
 * (`<account>.dkr.ecr.<region>.amazonaws.com[.cn]`), or to loopback when a local stand-in answers
 * for AWS: never to a host an endpoint or a repository URI merely names.
 */
export async function checkRegistry(uriOrEndpoint: string, policy: RegistryPolicy): Promise<void> {
  const host = registryHost(uriOrEndpoint);
  if (policy.loopbackAllowed && isLoopbackHost(host.replace(/:\d+$/, ''))) return;
  const ecr = parseEcrRegistryHost(host);
  const account = ecr ? await policy.account() : undefined;
  if (ecr && ecr.account === account && ecr.region === policy.region) return;
  throw new ContainerCliError('other', `Refusing to send the ECR login to ${host}: it is not the ECR registry of account ${account ?? '(unknown)'} in ${policy.region}. Check the "ecsWorkbench.endpointUrl" setting.`);
}

export interface PushOptions {
  signal?: AbortSignal;
  onStep?: (step: PushStep, message: string) => void;
  onProgress?: (progress: PushProgress) => void;
}

/** The tag a push uses when none was given: the local reference's, else `latest`. */
export function defaultTag(image: string): string {
  const ref = parseImageReference(image);
  return ref.tag && !validateTag(ref.tag) ? ref.tag : 'latest';
}

export function checkPushTarget(repository: string, tag: string): void {
  const badName = validateRepositoryName(repository);
  if (badName) throw new Error(`Invalid repository name "${repository}": ${badName}`);
  const badTag = validateTag(tag);
  if (badTag) throw new Error(`Invalid tag "${tag}": ${badTag}`);
}

async function ensureRepository(deps: PushDeps, name: string, create: boolean | undefined): Promise<Repository> {
  const existing = await deps.ecr.repository(name);
  if (existing) return existing;
  if (create) return deps.ecr.createRepository({ name });
  throw new ContainerCliError('repository-missing', `The ECR repository "${name}" does not exist. Create it, or push with "createRepository".`);
}

/** Logs the CLI in with a cached or fresh token; `fresh` forces GetAuthorizationToken. */
async function login(deps: PushDeps, options: PushOptions, fresh = false): Promise<string> {
  if (fresh) deps.tokens.invalidate(deps.tokenKey);
  const entry = await deps.tokens.get(deps.tokenKey, () => deps.ecr.authorizationToken());
  await checkRegistry(entry.token.proxyEndpoint, deps.registry);
  if (!entry.loggedIn) {
    options.onStep?.('login', 'Logging in to the registry…');
    await deps.cli.login(entry.token.proxyEndpoint, entry.token.user, entry.token.password, options.signal);
    entry.loggedIn = true;
  }
  return entry.token.proxyEndpoint;
}

const isAuthFailure = (error: unknown) => error instanceof ContainerCliError && (error.kind === 'auth' || error.kind === 'token-expired');

/**
 * Where the CLI sends the repository's images: the registry it logged in to (the token's
 * proxyEndpoint, "the registry URL to use for this authorization token in a docker login command").
 * On AWS that is the repository URI's own host; a local stand-in for ECR may name another one, and
 * only the push goes there: the URIs reported and shown stay the repository URI ECR gave.
 */
export function transportRepository(repositoryUri: string, repositoryName: string, proxyEndpoint: string): string {
  const host = registryHost(proxyEndpoint);
  return host.toLowerCase() === registryHost(repositoryUri).toLowerCase() ? repositoryUri : `${host}/${repositoryName}`;
}

/** Tags `source` as the repository's `tag` and pushes it. */
async function tagAndPush(deps: PushDeps, source: string, repository: Repository, tag: string, options: PushOptions): Promise<PushResult> {
  const repositoryUri = repository.repositoryUri!;
  await checkRegistry(repositoryUri, deps.registry);
  const target = imageUri(repositoryUri, { tag });
  let endpoint = await login(deps, options);
  const transport = imageUri(transportRepository(repositoryUri, repository.repositoryName!, endpoint), { tag });
  options.onStep?.('tag', `Tagging ${source} as ${transport}`);
  await deps.cli.tag(source, transport, options.signal);
  const pushOnce = async () => {
    const parser = new PushProgressParser();
    options.onStep?.('push', `Pushing ${target}${transport === target ? '' : ` through ${registryHost(endpoint)}`}`);
    return deps.cli.push(transport, {
      endpoint,
      signal: options.signal,
      onLine: (line) => {
        const progress = parser.push(line);
        if (progress) options.onProgress?.(progress);
      },
    });
  };
  let pushed: { digest?: string };
  try {
    pushed = await pushOnce();
  } catch (error) {
    if (!isAuthFailure(error)) throw error;
    // The CLI's stored login is stale (expired, or replaced by another tool): log in again once.
    endpoint = await login(deps, options, true);
    pushed = await pushOnce();
  }
  const digest = pushed.digest ?? (await deps.ecr.image(repository.repositoryName!, { tag }))?.imageDigest;
  if (!digest) throw new ContainerCliError('other', `The push of ${target} finished without a digest.`);
  options.onStep?.('done', `Pushed ${target}`);
  return { imageUri: target, digest, repositoryUri, tag, digestUri: imageUri(repositoryUri, { digest }) };
}

export async function pushImage(deps: PushDeps, request: PushRequest, options: PushOptions = {}): Promise<PushResult> {
  const tag = request.tag ?? defaultTag(request.image);
  checkPushTarget(request.repository, tag);
  options.onStep?.('repository', `Checking repository ${request.repository}`);
  const repository = await ensureRepository(deps, request.repository, request.createRepository);
  return tagAndPush(deps, request.image, repository, tag, options);
}

export async function buildAndPushImage(deps: PushDeps, request: BuildAndPushRequest, options: PushOptions = {}): Promise<PushResult> {
  checkPushTarget(request.repository, request.tag);
  options.onStep?.('repository', `Checking repository ${request.repository}`);
  const repository = await ensureRepository(deps, request.repository, request.createRepository);
  const localTag = `${request.repository}:${request.tag}`;
  const build: BuildOptions = {
    dockerfile: request.dockerfile,
    context: request.context ?? request.dockerfile.replace(/[/\\][^/\\]*$/, '') ?? '.',
    platform: request.platform,
    tag: localTag,
  };
  options.onStep?.('build', `Building ${localTag}${request.platform ? ` for ${request.platform}` : ''}`);
  await deps.cli.build(build, { signal: options.signal, onLine: (line) => options.onStep?.('build', line.slice(0, 120)) });
  return tagAndPush(deps, localTag, repository, request.tag, options);
}
