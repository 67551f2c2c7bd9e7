/**
 * The emulator's state: a Core shared by all regions (clock, ids, issued credentials) and one
 * Region per region name, created on first use. Services keep their state in slots, so a service
 * folder declares its own state without a central list:
 *
 *   export const ecsState = perRegion('ecs', (region) => new EcsState(region));
 *   ecsState(ctx.region).clusters
 */
import type { Scheduler } from './clock';
import { Identities } from './identity';
import { Random } from './random';

/** A real Docker registry that backs ECR (images are read from its /v2/ API). */
export interface RegistryConfig {
  /** Base URL of a Docker registry (distribution) reachable from here, e.g. http://127.0.0.1:5000 */
  url: string;
  user: string;
  password: string;
}

class Slots {
  private readonly values = new Map<symbol, unknown>();
  get<T>(id: symbol, make: () => T): T {
    if (!this.values.has(id)) {
      this.values.set(id, make());
    }
    return this.values.get(id) as T;
  }
}

export class Core {
  readonly regions = new Map<string, Region>();
  readonly rnd = new Random();
  /** Temporary credentials handed out (STS, IAM Identity Center) and whom they stand for. */
  readonly identities = new Identities();
  readonly slots = new Slots();
  private readonly closers: (() => void | Promise<void>)[] = [];
  constructor(
    readonly sched: Scheduler,
    readonly registry?: RegistryConfig,
  ) {}

  /** Runs `fn` when the emulator closes (servers and temporary files a service made on the way). */
  onClose(fn: () => void | Promise<void>): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((fn) => fn()));
  }

  region(name: string): Region {
    let r = this.regions.get(name);
    if (!r) {
      r = new Region(name, this);
      this.regions.set(name, r);
    }
    return r;
  }
}

export class Region {
  readonly slots = new Slots();
  constructor(
    readonly name: string,
    readonly core: Core,
  ) {}

  /** Emulated (resource) time. */
  now(): Date {
    return this.core.sched.now();
  }
}

/** State a service keeps per region, created on first use. */
export function perRegion<T>(name: string, make: (region: Region) => T): (region: Region) => T {
  const id = Symbol(name);
  return (region) => region.slots.get(id, () => make(region));
}

/** State a service keeps once for the whole emulator (all regions). */
export function perCore<T>(name: string, make: (core: Core) => T): (core: Core) => T {
  const id = Symbol(name);
  return (core) => core.slots.get(id, () => make(core));
}
