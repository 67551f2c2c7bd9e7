import type { ClientManager } from '../../../src/aws/clientManager';
import { EcsActions } from '../../../src/deploy/ecsActions';
import type { WatchClock } from '../../../src/deploy/watcher';
import type { EmulatorHandle } from '../../emulator';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
export { countCalls } from '../support/countCalls';

export const IMAGE = (repo: string, tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}:${tag}`;

/** A watch clock on the emulator's manual clock: sleeping moves ECS time, so a rollout plays out at once. */
export function emulatorClock(emulator: EmulatorHandle): WatchClock {
  return {
    now: () => emulator.clock.now().getTime(),
    sleep: (ms) => emulator.clock.advance(ms),
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
