/** A real Docker registry (Debian `docker-registry`) on loopback for registry-mode tests, and a push over its /v2/ API. */
import { spawn, spawnSync, ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const REGISTRY_BIN = '/usr/bin/docker-registry';
export const HTPASSWD_BIN = '/usr/bin/htpasswd';

export function registryAvailable(): boolean {
  return fs.existsSync(REGISTRY_BIN) && fs.existsSync(HTPASSWD_BIN);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningRegistry {
  url: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export async function startRegistry(): Promise<RunningRegistry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-registry-'));
  const user = 'AWS';
  const password = 'emulator-secret';
  const entry = spawnSync(HTPASSWD_BIN, ['-Bin', user], { input: password, encoding: 'utf8' });
  if (entry.status !== 0) {
    throw new Error(`htpasswd failed: ${entry.stderr}`);
  }
  fs.writeFileSync(path.join(dir, 'htpasswd'), entry.stdout);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'config.yml'), [
    'version: 0.1',
    'log:',
    '  level: error',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dir}/data`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    'auth:',
    '  htpasswd:',
    '    realm: emulator',
    `    path: ${dir}/htpasswd`,
    '',
  ].join('\n'));
  const child: ChildProcess = spawn(REGISTRY_BIN, ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/v2/`).then((r) => r.status === 401, () => false);
    if (ok) {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    user,
    password,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sha = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex');

/** Pushes a small image (one layer) as `repo:tag` through the registry's HTTP API; returns its digest. */
export async function pushImage(reg: { url: string; user: string; password: string }, repo: string, tag: string, content = tag): Promise<string> {
  const auth = { Authorization: 'Basic ' + Buffer.from(`${reg.user}:${reg.password}`).toString('base64') };
  const upload = async (blob: Buffer): Promise<string> => {
    const digest = sha(blob);
    const start = await fetch(`${reg.url}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: auth });
    if (start.status !== 202) {
      throw new Error(`upload start: ${start.status}`);
    }
    const loc = new URL(start.headers.get('location')!, reg.url);
    loc.searchParams.set('digest', digest);
    const put = await fetch(loc, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/octet-stream' }, body: blob });
    if (put.status !== 201) {
      throw new Error(`upload: ${put.status}`);
    }
    return digest;
  };
  const layer = Buffer.from(`layer of ${repo}:${content}`.repeat(100));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha(layer)] }, config: {} }));
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: await upload(config) },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: await upload(layer) }],
  }));
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT', headers: { ...auth, 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' }, body: manifest,
  });
  if (res.status !== 201) {
    throw new Error(`manifest: ${res.status} ${await res.text()}`);
  }
  return sha(manifest);
}
