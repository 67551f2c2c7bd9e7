/**
 * A real container engine and registry on loopback, for push tests and the push benchmark:
 * Debian `docker.io` (dockerd with vfs storage, no iptables, no bridge, its own data/exec roots and
 * socket under a temp folder) and Debian `docker-registry` with htpasswd auth. Both are started as
 * children of this process and stopped by PID; nothing listens outside 127.0.0.1.
 * No vscode import: the benchmark uses it under plain Node.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startRegistry, type RunningRegistry } from '../../unit/emulator/registry-helpers';

export const DOCKERD_BIN = '/usr/sbin/dockerd';
/** The docker CLI: a newer one the machine may ship in /usr/local/bin, else Debian's docker.io. */
export const DOCKER_BIN = process.env.ECS_TEST_DOCKER_BIN ?? ['/usr/local/bin/docker', '/usr/bin/docker'].find((bin) => fs.existsSync(bin)) ?? '/usr/bin/docker';
const REGISTRY_BIN = '/usr/bin/docker-registry';
const HTPASSWD_BIN = '/usr/bin/htpasswd';

/** Why the rig cannot run here, or undefined when it can. */
export function rigUnavailable(): string | undefined {
  for (const bin of [DOCKERD_BIN, DOCKER_BIN, REGISTRY_BIN, HTPASSWD_BIN]) {
    if (!fs.existsSync(bin)) return `${bin} is missing (apt-get install docker.io docker-registry apache2-utils)`;
  }
  if (process.getuid?.() !== 0) return 'dockerd needs root';
  return undefined;
}

/** Polls `check` until it is true, failing after `timeoutMs` with `what`. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export type Registry = RunningRegistry;

export interface Engine {
  /** Environment for the docker CLI: DOCKER_HOST at the rig's socket, DOCKER_CONFIG in the rig's folder. */
  env: { DOCKER_HOST: string; DOCKER_CONFIG: string };
  pid: number;
  /** Runs the docker CLI against this engine (args only: never pass a secret here). */
  docker(args: string[], input?: string): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
  running(): boolean;
}

export async function startEngine(dir: string): Promise<Engine> {
  fs.mkdirSync(dir, { recursive: true });
  const socket = path.join(dir, 'docker.sock');
  const daemonJson = path.join(dir, 'daemon.json');
  fs.writeFileSync(daemonJson, JSON.stringify({ 'deprecated-key-path': path.join(dir, 'key.json') }));
  const dockerConfig = path.join(dir, 'docker-config');
  fs.mkdirSync(dockerConfig, { recursive: true });
  const log = fs.openSync(path.join(dir, 'dockerd.log'), 'a');
  const child = spawn(DOCKERD_BIN, [
    '--host', `unix://${socket}`,
    '--data-root', path.join(dir, 'data'),
    '--exec-root', path.join(dir, 'exec'),
    '--pidfile', path.join(dir, 'dockerd.pid'),
    '--config-file', daemonJson,
    '--storage-driver', 'vfs',
    '--iptables=false', '--ip6tables=false', '--bridge=none', '--ip-masq=false',
  ], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const env = { DOCKER_HOST: `unix://${socket}`, DOCKER_CONFIG: dockerConfig };
  const docker = (args: string[], input?: string) => {
    const r = spawnSync(DOCKER_BIN, args, { env: { ...process.env, ...env }, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
  };
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`dockerd exited ${child.exitCode}; see ${dir}/dockerd.log`);
    return fs.existsSync(socket) && docker(['version', '--format', '{{.Server.Version}}']).status === 0;
  }, 'dockerd to answer');
  return {
    env,
    pid: child.pid!,
    docker,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: () => stopChild(child, 20_000),
  };
}

/** Makes an image without running anything: `docker import` of a tar holding `files`. */
export function importImage(engine: Engine, dir: string, ref: string, files: Record<string, string | Buffer>): void {
  const root = fs.mkdtempSync(path.join(dir, 'rootfs-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  const tar = `${root}.tar`;
  const made = spawnSync('tar', ['-C', root, '-cf', tar, '.']);
  if (made.status !== 0) throw new Error(`tar failed: ${made.stderr}`);
  const r = engine.docker(['import', tar, ref]);
  if (r.status !== 0) throw new Error(`docker import failed: ${r.stderr}`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(tar, { force: true });
}

/** dockerd bind-mounts its data root; a dockerd that died without cleaning up leaves that mount behind. */
function unmountUnder(dir: string): void {
  const mounts = fs.readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1]).filter((m) => m?.startsWith(`${dir}/`));
  for (const mount of mounts.reverse()) spawnSync('umount', ['-l', mount]);
}

export interface Rig {
  dir: string;
  engine: Engine;
  registry: Registry;
  stop(): Promise<void>;
}

/** Engine + registry under one temp folder; `stop()` ends both by PID and removes the folder. */
export async function startRig(): Promise<Rig> {
  // Under /tmp itself, not TMPDIR: containerd's socket path must stay under the 108-byte unix limit.
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'ecr-rig-'));
  // The emulator tests' registry (docker-registry with htpasswd auth, user AWS, its own temp folder).
  const registry = await startRegistry();
  let engine: Engine;
  try {
    engine = await startEngine(path.join(dir, 'engine'));
  } catch (error) {
    await registry.stop();
    unmountUnder(dir);
    throw error;
  }
  return {
    dir,
    engine,
    registry,
    stop: async () => {
      await Promise.all([engine.stop(), registry.stop()]);
      unmountUnder(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
