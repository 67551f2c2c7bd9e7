/**
 * In-process API of the local AWS emulator (see README.md beside this file).
 *
 *   const emu = await startEmulator({ seed: 'demo' });
 *   const ecs = new ECSClient({ endpoint: emu.url, region: 'us-east-1', credentials });
 *   await emu.clock.advance(60_000);
 *   await emu.close();
 */
import { sessionAgentOf, type SessionAgent } from './agent/index';
import { Scheduler } from './kit/clock';
import type { FaultConfig, FaultUpdate, InjectedFaults } from './kit/faults';
import { listen } from './kit/listener';
import { EmulatorServer } from './kit/server';
import { Core, RegistryConfig } from './kit/world';
import { applySeed, SeedName } from './seeds/index';
import { SERVICES } from './services/index';
import { ecrState } from './services/ecr/state';
import { ecsSim } from './services/ecs/sim/index';
import { ecsState } from './services/ecs/state';
import { logsState } from './services/logs/state';
import { ssoState, type SessionCacheEntry } from './services/sso/state';

export type { FaultConfig, FaultUpdate } from './kit/faults';
export type { SeedName } from './seeds/index';
export type { RegistryConfig } from './kit/world';

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 or absent = a free one. */
  port?: number;
  seed?: SeedName;
  /** `manual` (default in-process): time moves only through `clock.advance()`. `real`: wall-clock time. */
  clock?: 'manual' | 'real';
  /** Divides ECS's own delays (task start/stop, scheduler) by N. */
  timeScale?: number;
  latencyMs?: number;
  throttleRate?: number;
  /** Any other faults to start with (as `faults.set`), e.g. `{ serverErrorRate: 0.1, connectionResetRate: 0.02, seed: 7 }`. */
  faults?: FaultUpdate;
  /** A real Docker registry that backs ECR (images are read from its /v2/ API). */
  registry?: RegistryConfig;
}

/** A region's raw state, for assertions (prefer the AWS API). */
export function regionView(core: Core, name: string) {
  const region = core.region(name);
  return {
    name,
    /** The kit's Region, for fixtures that seed through the services' own functions (seeds/ does the same). */
    world: region,
    get ecs() {
      return ecsState(region);
    },
    get sim() {
      return ecsSim(region);
    },
    get ecr() {
      return ecrState(region);
    },
    get logs() {
      return logsState(region);
    },
  };
}

export interface EmulatorHandle {
  /** e.g. http://127.0.0.1:40123 — use as `endpoint` of every SDK client / AWS_ENDPOINT_URL. */
  url: string;
  port: number;
  clock: {
    /** Emulated time (resources). */
    now(): Date;
    /** The time credentials expire on: wall clock plus the manual advances (see kit/clock.ts). */
    credentialNow(): Date;
    /** Manual clock only: moves time forward, running everything that falls due. */
    advance(ms: number): Promise<void>;
  };
  faults: {
    get(): FaultConfig;
    /** Merges a partial config (`seed` restarts the faults' PRNG); refuses unknown settings and out-of-range rates. */
    set(f: FaultUpdate): FaultConfig;
    clear(): void;
    /** Faults injected since the start: throttled, 5xx and reset replies. */
    injected(): InjectedFaults;
  };
  /** Direct access to a region's state (for assertions; prefer the AWS API). */
  region(name?: string): ReturnType<typeof regionView>;
  /** Requests received per `service:Operation` (throttled and failed attempts included), in all regions or in one. */
  calls(region?: string): Map<string, number>;
  /** IAM Identity Center test controls (also on the control endpoint: see README). */
  sso: {
    /** A signed-in session as `aws sso login` leaves it; returns its SSO cache entry. Defaults: us-east-1, tokens valid 1 h. */
    seedSession(opts?: Parameters<ReturnType<typeof ssoState>['seedSession']>[0]): SessionCacheEntry;
    /** The user approves a device authorization (the browser step of the device flow). */
    approveDevice(userCode: string, user?: string): boolean;
    /** The user signs in at the authorize endpoint: an authorization code (PKCE flow). */
    authorize(opts: Parameters<ReturnType<typeof ssoState>['authorize']>[0]): string;
  };
  /** The agent side of the Session Manager data channel (ECS ExecuteCommand and SSM StartSession register here). */
  agent: SessionAgent;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const sched = new Scheduler(opts.clock ?? 'manual', opts.timeScale ?? 1);
  const core = new Core(sched, opts.registry);
  const server = new EmulatorServer(core, SERVICES);
  server.faults.set({ latencyMs: opts.latencyMs ?? 0, throttleRate: opts.throttleRate ?? 0, ...opts.faults });
  applySeed(core, opts.seed ?? 'empty');
  // One port for HTTP/1.1 and cleartext HTTP/2 (StartLiveTail needs HTTP/2).
  const agent = sessionAgentOf(core);
  const listening = await listen(opts.port ?? 0, server.listener(), (req, socket, head) => agent.upgrade(req, socket, head));
  const port = listening.port;
  agent.listening(port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock: { now: () => sched.now(), credentialNow: () => new Date(sched.credentialNowMs()), advance: (ms) => sched.advance(ms) },
    faults: { get: () => server.faults.config, set: (f) => server.faults.set(f), clear: () => server.faults.clear(), injected: () => ({ ...server.faults.injected }) },
    region: (name = 'us-east-1') => regionView(core, name),
    calls: (region) => server.calls.of(region),
    sso: {
      seedSession: (o = {}) => ssoState(core).seedSession(o),
      approveDevice: (code, user) => ssoState(core).approveDevice(code, user),
      authorize: (o) => ssoState(core).authorize(o),
    },
    agent,
    close: async () => {
      sched.close();
      agent.close();
      await core.close();
      await listening.close();
    },
  };
}
