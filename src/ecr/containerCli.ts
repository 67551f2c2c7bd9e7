/**
 * The container CLI (docker by default; podman and finch), run as a child process. Secrets go in on
 * stdin only (`login --password-stdin`), never in an argument or the environment; an AbortSignal
 * kills the child; every output line passes through `redact` before it reaches a log or an error.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LineSplitter } from './pushProgress';

export type ContainerCliKind = 'docker' | 'podman' | 'finch';
export const CONTAINER_CLI_KINDS: readonly ContainerCliKind[] = ['docker', 'podman', 'finch'];

export type CliProblemKind =
  | 'not-installed'
  | 'engine-down'
  | 'auth'
  | 'token-expired'
  | 'access-denied'
  | 'repository-missing'
  | 'image-missing'
  | 'network'
  | 'cancelled'
  | 'other';

/** A failure of the container CLI or of a push step, with what to do about it. */
export class ContainerCliError extends Error {
  constructor(
    readonly kind: CliProblemKind,
    message: string,
    /** For access-denied: the IAM action that was refused. */
    readonly action?: string,
    /** The (redacted) output of the failed command, for the log. */
    readonly output?: string,
  ) {
    super(message);
    // 'Error' keeps the notification text to the message itself (describeAwsError shows a name as a code).
    this.name = kind === 'cancelled' ? 'AbortError' : 'Error';
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin, then stdin is closed (passwords go here and only here). */
  stdin?: string;
  signal?: AbortSignal;
  /** Every line of stdout and stderr, already redacted. */
  onLine?: (line: string) => void;
  /** Resolve with the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
}

export interface LocalImage {
  /** `repository:tag`, or the image id when untagged. */
  reference: string;
  id: string;
  size?: string;
  created?: string;
}

export interface BuildOptions {
  dockerfile: string;
  context: string;
  platform?: string;
  tag: string;
}

/** After SIGTERM, how long a cancelled child has before SIGKILL. */
const KILL_GRACE_MS = 2_000;

export class ContainerCli {
  private readonly secrets = new Set<string>();

  constructor(
    readonly kind: ContainerCliKind = 'docker',
    readonly executable: string = kind,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Replaces every secret this runner has been given with `***`. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (secret) out = out.split(secret).join('***');
    return out;
  }

  run(args: string[], options: RunOptions = {}): Promise<CliResult> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(cancelled());
    this.log(`$ ${this.executable} ${args.join(' ')}`);
    return new Promise<CliResult>((resolve, reject) => {
      const child = spawn(this.executable, args, { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out = { stdout: '', stderr: '' };
      const onLine = (stream: 'stdout' | 'stderr') => (raw: string) => {
        const line = this.redact(raw);
        out[stream] += `${line}\n`;
        this.log(line);
        options.onLine?.(line);
      };
      const splitters = { stdout: new LineSplitter(onLine('stdout')), stderr: new LineSplitter(onLine('stderr')) };
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => splitters.stdout.write(chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => splitters.stderr.write(chunk));
      let killTimer: NodeJS.Timeout | undefined;
      const abort = () => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      };
      signal?.addEventListener('abort', abort, { once: true });
      child.stdin.on('error', () => undefined); // the child may exit before reading stdin
      child.stdin.end(options.stdin ?? '');
      child.on('error', (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', abort);
        if (error.code === 'ENOENT') {
          reject(new ContainerCliError('not-installed', `The container CLI "${this.executable}" was not found. Install ${this.kind === 'docker' ? 'Docker' : this.kind}, or set "ecsWorkbench.containerCli.path" to its executable.`));
        } else reject(new ContainerCliError('other', `Could not run ${this.executable}: ${error.message}`));
      });
      child.on('close', (code, sig) => {
        signal?.removeEventListener('abort', abort);
        if (killTimer) clearTimeout(killTimer);
        splitters.stdout.end();
        splitters.stderr.end();
        const result = { code: code ?? (sig ? 128 : 1), ...out };
        if (signal?.aborted) reject(cancelled());
        else if (result.code !== 0 && !options.allowFailure) reject(classifyCliFailure(this.executable, args, result));
        else resolve(result);
      });
    });
  }

  async version(signal?: AbortSignal): Promise<string> {
    const { stdout } = await this.run(this.kind === 'podman' ? ['version', '--format', '{{.Client.Version}}'] : ['version', '--format', '{{.Server.Version}}'], { signal });
    return stdout.trim();
  }

  async listImages(signal?: AbortSignal): Promise<LocalImage[]> {
    if (this.kind === 'podman') {
      const { stdout } = await this.run(['images', '--format', 'json'], { signal });
      const rows = JSON.parse(stdout || '[]') as { Id?: string; Names?: string[]; Size?: number; CreatedAt?: string }[];
      return rows.flatMap((r) => (r.Names?.length ? r.Names : [r.Id ?? '']).map((reference) => ({ reference, id: (r.Id ?? '').slice(0, 12), size: String(r.Size ?? ''), created: r.CreatedAt })));
    }
    const { stdout } = await this.run(['images', '--format', '{{json .}}'], { signal });
    return stdout
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line) as { Repository?: string; Tag?: string; ID?: string; Size?: string; CreatedSince?: string })
      .map((r) => ({
        reference: r.Repository && r.Repository !== '<none>' && r.Tag && r.Tag !== '<none>' ? `${r.Repository}:${r.Tag}` : (r.ID ?? ''),
        id: r.ID ?? '',
        size: r.Size,
        created: r.CreatedSince,
      }));
  }

  /** `login --password-stdin`: the password never appears in argv. `endpoint` may carry http:// (plain-HTTP registry). */
  async login(endpoint: string, user: string, password: string, signal?: AbortSignal): Promise<void> {
    this.secrets.add(password);
    const host = endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
    await this.run(['login', ...this.insecureFlags(endpoint, 'login'), '--username', user, '--password-stdin', host], { stdin: password, signal });
  }

  async tag(source: string, target: string, signal?: AbortSignal): Promise<void> {
    await this.run(['tag', source, target], { signal });
  }

  /** Pushes `target`; the digest from the CLI's output (podman: its --digestfile). */
  async push(target: string, options: { endpoint?: string; signal?: AbortSignal; onLine?: (line: string) => void } = {}): Promise<{ digest?: string }> {
    let digestFile: string | undefined;
    const args = ['push', ...this.insecureFlags(options.endpoint ?? '', 'push')];
    if (this.kind === 'podman') {
      digestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-push-')), 'digest');
      args.push('--digestfile', digestFile);
    }
    try {
      const { stdout, stderr } = await this.run([...args, target], { signal: options.signal, onLine: options.onLine });
      const fromFile = digestFile && fs.existsSync(digestFile) ? fs.readFileSync(digestFile, 'utf8').trim() : undefined;
      const fromOutput = /digest: (sha256:[0-9a-f]{64})/.exec(stdout + stderr)?.[1];
      return { digest: fromFile || fromOutput };
    } finally {
      if (digestFile) fs.rmSync(path.dirname(digestFile), { recursive: true, force: true });
    }
  }

  async build(options: BuildOptions, run: { signal?: AbortSignal; onLine?: (line: string) => void } = {}): Promise<void> {
    const args = ['build', '--file', options.dockerfile, '--tag', options.tag];
    if (options.platform) args.push('--platform', options.platform);
    await this.run([...args, options.context], run);
  }

  /** podman and finch need to be told a registry is plain HTTP; docker trusts 127.0.0.0/8 by itself. */
  private insecureFlags(endpoint: string, verb: 'login' | 'push'): string[] {
    if (!/^http:\/\//i.test(endpoint)) return [];
    if (this.kind === 'podman') return ['--tls-verify=false'];
    if (this.kind === 'finch' && verb === 'push') return ['--insecure-registry'];
    return [];
  }
}

function cancelled(): ContainerCliError {
  return new ContainerCliError('cancelled', 'Cancelled.');
}

/** Turns a failed CLI run into a problem a person can act on. */
export function classifyCliFailure(executable: string, args: string[], result: CliResult): ContainerCliError {
  const output = `${result.stderr}\n${result.stdout}`;
  const last = output.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? `exit code ${result.code}`;
  const verb = args[0];
  const say = (kind: CliProblemKind, message: string, action?: string) => new ContainerCliError(kind, message, action, output);
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|docker\.sock: connect|Cannot connect to Podman|unable to connect to Podman|finch.*(not running|vm)/i.test(output)) {
    return say('engine-down', `The container engine is not running (${executable} ${verb}: ${last}). Start Docker Desktop / the docker service (or podman machine / finch vm), then retry.`);
  }
  if (/authorization token has expired|token.*expired|expired.*token/i.test(output)) {
    return say('token-expired', `The registry login has expired (${last}). Retry: the extension logs in again with a fresh ECR token.`);
  }
  if (/name unknown|NAME_UNKNOWN|repository .* (does not exist|not found)|repository does not exist/i.test(output)) {
    return say('repository-missing', `The repository does not exist in the registry (${last}).`);
  }
  if (/unauthorized|authentication required|no basic auth credentials|401 Unauthorized|incorrect username or password/i.test(output)) {
    return say('auth', `The registry refused the login (${last}). Check that the AWS profile can call ecr:GetAuthorizationToken for this registry, then retry.`);
  }
  if (/denied|403 Forbidden|not authorized to perform/i.test(output)) {
    const action = /perform: (ecr:\w+)/.exec(output)?.[1] ?? (verb === 'push' ? 'ecr:InitiateLayerUpload' : 'ecr:BatchGetImage');
    return say('access-denied', `Access denied by the registry (${last}). Ask for ${action} (and ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchCheckLayerAvailability) on this repository.`, action);
  }
  if (/No such image|reference does not exist|image not known|An image does not exist locally|not found: manifest unknown/i.test(output)) {
    return say('image-missing', `The local image was not found (${last}). Pick an image from "${executable} images".`);
  }
  if (/connection refused|no such host|i\/o timeout|TLS handshake timeout|network is unreachable|dial tcp|connection reset|EOF$/im.test(output)) {
    return say('network', `Cannot reach the registry (${last}). Check your network, proxy or VPN, then retry.`);
  }
  return say('other', `${executable} ${verb} failed: ${last}`);
}

/** `git rev-parse --short HEAD` in `cwd`, or undefined outside a repository. */
export function gitShortSha(cwd: string, signal?: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd, signal, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 && out.trim() ? out.trim() : undefined));
  });
}
