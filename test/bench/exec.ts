/**
 * npm run bench:exec — ECS Exec's own Session Manager client on loopback, against the emulator run as
 * its own process (its agent on the far end of the data channel, as SSM's agent is in a task):
 *   exec keystroke echo p50=<ms> ms p99=<ms> ms (n=<n>)          a key typed into `cat` until its echo is back
 *   exec forward throughput=<MB/s> MB/s direct=<MB/s> MB/s (bytes=<n>)   one HTTP download through a port forward, and straight
 *   exec forward connections/s=<n> direct=<n> (n=<n>, parallel=<p>)      new TCP connections with one small HTTP request each
 * The HTTP server is a separate process too, reached directly and through the task
 * (AWS-StartPortForwardingSessionToRemoteHost to 127.0.0.1), so both figures measure the same server.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { ClientManager } from '../../src/aws/clientManager';
import { startPortForward } from '../../src/exec/portForward';
import { openShellSession } from '../../src/exec/sessions';
import type { ExecTarget } from '../../src/exec/types';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 300);
const DOWNLOAD_BYTES = Number(process.env.BENCH_DOWNLOAD_MB ?? 16) * 1024 * 1024;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const PARALLEL = 10;

/** Starts a child process and resolves with the first stdout line matching `ready`. */
function child(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<{ proc: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = ready.exec(out);
      if (match) resolve({ proc, match });
    });
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before it was ready`)));
  });
}

/** The byte server: GET /bytes/<n> answers n bytes, anything else a short line. */
const BYTE_SERVER = `
const http = require('http');
const chunk = Buffer.alloc(65536, 'x');
http.createServer((req, res) => {
  const m = /^\\/bytes\\/(\\d+)$/.exec(req.url);
  if (!m) return res.end('ok ' + req.url);
  let left = Number(m[1]);
  res.writeHead(200, { 'content-length': left });
  const pump = () => { while (left > 0) { const part = left >= chunk.length ? chunk : chunk.subarray(0, left); left -= part.length; if (!res.write(part)) return res.once('drain', pump); } res.end(); };
  pump();
}).listen(0, '127.0.0.1', function () { console.log('bytes on ' + this.address().port); });
`;

function request(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function keystrokeEcho(clients: ClientManager, target: ExecTarget): Promise<void> {
  const shell = await openShellSession(clients, target, { command: 'cat', columns: 80, rows: 24 });
  let waiting: ((data: Uint8Array) => void) | undefined;
  shell.onOutput((data) => waiting?.(data));
  const times: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    const echoed = new Promise<void>((resolve) => {
      waiting = (data) => {
        if (Buffer.from(data).includes(key)) resolve();
      };
    });
    const start = process.hrtime.bigint();
    // A line every 60 keys keeps cat's line short (the tty echoes as it goes either way).
    shell.write(i % 60 === 59 ? '\r' : key);
    if (i % 60 === 59) {
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    await echoed;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  await shell.close();
  times.sort((a, b) => a - b);
  console.log(`exec keystroke echo p50=${percentile(times, 50).toFixed(2)} ms p99=${percentile(times, 99).toFixed(2)} ms (n=${times.length})`);
}

async function throughput(port: number): Promise<number> {
  await request(port, '/bytes/65536');
  const start = process.hrtime.bigint();
  const n = await request(port, `/bytes/${DOWNLOAD_BYTES}`);
  if (n !== DOWNLOAD_BYTES) throw new Error(`downloaded ${n} of ${DOWNLOAD_BYTES} bytes`);
  return DOWNLOAD_BYTES / (1024 * 1024) / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function connectionsPerSecond(port: number): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next++ < CONNECTIONS) await request(port, '/c');
    }),
  );
  return CONNECTIONS / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-bench-exec-'));
  fs.writeFileSync(path.join(dir, 'credentials'), '[t]\naws_access_key_id = AKIDT\naws_secret_access_key = s\n');
  Object.assign(process.env, { AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_EC2_METADATA_DISABLED: 'true' });
  const emulator = await child([path.join(__dirname, '../emulator/cli.js'), '--seed', 'demo'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  const bytes = await child(['-e', BYTE_SERVER], /bytes on (\d+)/);
  const clients = new ClientManager({ profile: 't', region: 'us-east-1', endpoint: emulator.match[1] });
  try {
    const { sdk, client } = await clients.clientWithSdk('ecs');
    const task = (await client.send(new sdk.ecs.ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }))).taskArns![0];
    const target: ExecTarget = { cluster: 'demo-fargate', task, scope: {} };
    await keystrokeEcho(clients, target);
    const serverPort = Number(bytes.match[1]);
    const forward = await startPortForward(clients, { target, remotePort: serverPort, remoteHost: '127.0.0.1' });
    const viaForward = await throughput(forward.localPort);
    const direct = await throughput(serverPort);
    console.log(`exec forward throughput=${viaForward.toFixed(1)} MB/s direct=${direct.toFixed(1)} MB/s (bytes=${DOWNLOAD_BYTES}, mode=${forward.mode})`);
    const cps = await connectionsPerSecond(forward.localPort);
    const cpsDirect = await connectionsPerSecond(serverPort);
    console.log(`exec forward connections/s=${cps.toFixed(0)} direct=${cpsDirect.toFixed(0)} (n=${CONNECTIONS}, parallel=${PARALLEL})`);
    await forward.stop();
  } finally {
    clients.dispose();
    emulator.proc.kill();
    bytes.proc.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
