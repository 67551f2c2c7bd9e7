/**
 * npm run bench:push — what the extension's push adds over the container CLI alone. Starts its own
 * dockerd (vfs) and docker-registry (htpasswd) on loopback (test/integration/support/containerRig.ts)
 * and the emulator in registry mode, then alternates, RUNS times:
 *   plain:     docker login --password-stdin + docker push of an image already tagged for the registry
 *   extension: the core pushImage() (DescribeRepositories, cached token so no login, tag, push with
 *              progress parsing) of an equal image, through the real ClientManager and EcrService
 * Each run pushes a fresh image of the same size (random content, so no layer is already there).
 * Prints one line: push plain_ms=<n> extension_ms=<n> overhead_ms=<n> runs=<n>   (medians)
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
    const plainTimes: number[] = [];
    const extensionTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      image(`bench/plain-${run}:1`);
      image(`bench/ext-${run}:1`);
      const target = `${host}/bench/plain:r${run}`;
      const tagged = rig.engine.docker(['tag', `bench/plain-${run}:1`, target]);
      if (tagged.status !== 0) throw new Error(tagged.stderr);

      let started = performance.now();
      const login = rig.engine.docker(['login', '--username', 'AWS', '--password-stdin', host], rig.registry.password);
      const push = rig.engine.docker(['push', target]);
      if (login.status !== 0 || push.status !== 0) throw new Error(`plain push failed: ${login.stderr} ${push.stderr}`);
      plainTimes.push(performance.now() - started);

      started = performance.now();
      await pushImage(deps, { image: `bench/ext-${run}:1`, repository: 'bench/ext', tag: `r${run}` });
      extensionTimes.push(performance.now() - started);
    }
    manager.dispose();
    const plain = Math.round(median(plainTimes));
    const extension = Math.round(median(extensionTimes));
    console.log(`push plain_ms=${plain} extension_ms=${extension} overhead_ms=${extension - plain} runs=${RUNS}`);
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
