import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientManager } from '../../../src/aws/clientManager';
import { EcsActions } from '../../../src/deploy/ecsActions';
import type { WatchClock } from '../../../src/deploy/watcher';
import { startEmulator, type EmulatorHandle } from '../../emulator';

export const IMAGE = (repo: string, tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}:${tag}`;

/** A watch clock on the emulator's manual clock: sleeping moves ECS time, so a rollout plays out at once. */
export function emulatorClock(emulator: EmulatorHandle): WatchClock {
  return {
    now: () => emulator.clock.now().getTime(),
    sleep: (ms) => emulator.clock.advance(ms),
  };
}

/** Counts how many times each operation went over the wire since the call. */
export function countCalls(emulator: EmulatorHandle): () => Record<string, number> {
  const before = new Map(emulator.calls());
  return () => {
    const out: Record<string, number> = {};
    for (const [op, n] of emulator.calls()) if (n - (before.get(op) ?? 0) > 0) out[op] = n - (before.get(op) ?? 0);
    return out;
  };
}

export interface DeployFixture {
  emulator: EmulatorHandle;
  manager: ClientManager;
  actions: EcsActions;
}

/** A fresh demo-seed emulator per test (deploys change state), a ClientManager without retries. */
export function useDemo(): DeployFixture {
  const fixture = {} as DeployFixture;
  let dir: string;
  const savedEnv = { ...process.env };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-deploy-'));
    fs.writeFileSync(path.join(dir, 'credentials'), '[t]\naws_access_key_id = AKIDT\naws_secret_access_key = s\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
  });
  beforeEach(async () => {
    fixture.emulator = await startEmulator({ seed: 'demo' });
    fixture.manager = new ClientManager({ profile: 't', region: 'us-east-1', endpoint: fixture.emulator.url }, { maxAttempts: 1, requestTimeoutMs: 10_000, connectTimeoutMs: 5_000 });
    fixture.actions = new EcsActions(fixture.manager, 'us-east-1');
  });
  afterEach(async () => {
    fixture.manager.dispose();
    await fixture.emulator.close();
  });
  after(() => {
    process.env = savedEnv;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}
