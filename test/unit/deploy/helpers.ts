import type { ClientManager } from '../../../src/aws/clientManager';
import { EcsActions } from '../../../src/deploy/ecsActions';
import type { WatchClock } from '../../../src/deploy/watcher';
import type { EmulatorHandle } from '../../emulator';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

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
  let account: UnitEmulatorAccount;
  beforeEach(async () => {
    account = await startEmulatorAccount({ seed: 'demo' }, { maxAttempts: 1, requestTimeoutMs: 10_000, connectTimeoutMs: 5_000 });
    Object.assign(fixture, { emulator: account.emulator, manager: account.manager, actions: new EcsActions(account.manager, { region: 'us-east-1' }) });
  });
  afterEach(() => account.close());
  return fixture;
}
