/**
 * npm run bench:push — what the extension's push adds over the container CLI alone. Starts its own
 * dockerd (vfs) and docker-registry (htpasswd) on loopback (test/integration/support/containerRig.ts)
 * and the emulator in registry mode, then alternates, RUNS times, like against like:
 *   warm (a user already logged in): plain = docker push of an image already tagged for the registry;
 *        extension = the core pushImage() with its cached token (DescribeRepositories, tag, push with
 *        progress parsing, no login)
 *   cold (nobody logged in yet): plain = docker login --password-stdin + docker push; extension =
 *        pushImage() with an empty token cache (GetAuthorizationToken, login, tag, push)
 * through the real ClientManager and EcrService. Each run pushes a fresh image of the same size
 * (random content, so no layer is already there). Prints one line per case (medians):
 *   push case=warm|cold plain_ms=<n> extension_ms=<n> overhead_ms=<n> runs=<n>
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ClientManager } from '../../src/aws/clientManager';
import { ContainerCli } from '../../src/ecr/containerCli';
import { EcrService } from '../../src/ecr/ecrService';
import { pushImage, type PushDeps } from '../../src/ecr/push';
import { TokenCache } from '../../src/ecr/tokenCache';
import { startEmulator } from '../emulator';
import { DOCKER_BIN, importImage, rigUnavailable, startRig } from '../integration/support/containerRig';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const IMAGE_BYTES = 8 * 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const missing = rigUnavailable();
  if (missing) throw new Error(`bench:push needs the container rig: ${missing}`);
  const rig = await startRig();
  const emulator = await startEmulator({ seed: 'empty', registry: { url: rig.registry.url, user: rig.registry.user, password: rig.registry.password } });
  const saved = { ...process.env };
  try {
    fs.writeFileSync(path.join(rig.dir, 'credentials'), '[bench]\naws_access_key_id = AKIDBENCH\naws_secret_access_key = s\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(rig.dir, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(rig.dir, 'config');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    const manager = new ClientManager({ profile: 'bench', region: 'us-east-1', endpoint: emulator.url });
    const cli = new ContainerCli('docker', DOCKER_BIN, { ...process.env, ...rig.engine.env });
    const deps: PushDeps = { ecr: new EcrService(manager), cli, tokens: new TokenCache(), tokenKey: 'bench', registry: { region: 'us-east-1', account: async () => '123456789012', loopbackAllowed: true } };
    const host = rig.registry.url.replace('http://', '');

    const image = (name: string) => importImage(rig.engine, rig.dir, name, { 'data.bin': crypto.randomBytes(IMAGE_BYTES) });
    // Warm-up: the extension's first push creates the repository, fetches the token and logs in.
    image('bench/warm:1');
    await pushImage(deps, { image: 'bench/warm:1', repository: 'bench/ext', tag: 'warm', createRepository: true });
    const times = { warm: { plain: [] as number[], extension: [] as number[] }, cold: { plain: [] as number[], extension: [] as number[] } };
    const timed = async (into: number[], work: () => unknown): Promise<void> => {
      const started = performance.now();
      await work();
      into.push(performance.now() - started);
    };
    const docker = (args: string[], input?: string) => {
      const out = rig.engine.docker(args, input);
      if (out.status !== 0) throw new Error(`docker ${args[0]} failed: ${out.stderr}`);
    };
    const logout = () => rig.engine.docker(['logout', host]);
    for (let run = 0; run < RUNS; run++) {
      for (const kind of ['warm', 'cold'] as const) {
        image(`bench/plain-${kind}-${run}:1`);
        image(`bench/ext-${kind}-${run}:1`);
        const target = `${host}/bench/plain:${kind}-r${run}`;
        docker(['tag', `bench/plain-${kind}-${run}:1`, target]);
        const login = () => docker(['login', '--username', 'AWS', '--password-stdin', host], rig.registry.password);
        if (kind === 'warm') login();
        else logout();
        await timed(times[kind].plain, () => {
          if (kind === 'cold') login();
          docker(['push', target]);
        });
        if (kind === 'cold') logout();
        const ext: PushDeps = kind === 'warm' ? deps : { ...deps, tokens: new TokenCache() };
        await timed(times[kind].extension, () => pushImage(ext, { image: `bench/ext-${kind}-${run}:1`, repository: 'bench/ext', tag: `${kind}-r${run}` }));
        // The cold push logged the CLI in again, so the cached token of the warm runs still matches the CLI's login.
      }
    }
    manager.dispose();
    for (const kind of ['warm', 'cold'] as const) {
      const plain = Math.round(median(times[kind].plain));
      const extension = Math.round(median(times[kind].extension));
      console.log(`push case=${kind} plain_ms=${plain} extension_ms=${extension} overhead_ms=${extension - plain} runs=${RUNS}`);
    }
  } finally {
    process.env = saved;
    await emulator.close();
    await rig.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
