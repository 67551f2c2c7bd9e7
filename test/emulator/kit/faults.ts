/**
 * Faults injected on demand, the same way for every service and protocol: latency (fixed plus
 * uniform jitter), throttling, 5xx, connection resets, expired credentials, access denied. Each
 * error fault raises the error the operation's model names for it where it has one (SSO's
 * TooManyRequestsException, ECS's ServerException), else the generic one AWS's front end sends.
 * Random draws come from the faults' own seeded PRNG, so a run is reproducible and injecting faults
 * does not change the ids the emulator hands out.
 */
import { AwsError, pickError } from './errors';
import type { Operation } from './model';
import { Random } from './random';

export interface FaultConfig {
  /** Added to every AWS call, in real milliseconds (clients time out on the wall clock). */
  latencyMs: number;
  /** A uniform random extra latency of 0..N real milliseconds per call. */
  latencyJitterMs: number;
  /** Probability (0..1) that a call fails with ThrottlingException. */
  throttleRate: number;
  /** Probability (0..1) that a call fails with a 5xx error. */
  serverErrorRate: number;
  /** Probability (0..1) that the connection is reset mid-response (after the headers or part of the body): the call took effect, the client sees ECONNRESET. */
  connectionResetRate: number;
  /** Every signed call fails with ExpiredTokenException. */
  expiredCredentials: boolean;
  /** Calls denied with AccessDeniedException: an action (`ecs:ListServices`, `ListServices`, `ecs:*`, `*`), optionally only when the request names a resource (a cluster name or any ARN). */
  accessDenied: { action: string; resource?: string }[];
  /** When set, throttling, 5xx and resets apply only to these actions (same forms as above). */
  faultActions?: string[];
}

/** What `set` takes: a partial config, and `seed` to restart the faults' PRNG (a reproducible sequence). */
export type FaultUpdate = Partial<FaultConfig> & { seed?: number };

export const FAULT_SEED = 0x5eed;

export function defaultFaults(): FaultConfig {
  return { latencyMs: 0, latencyJitterMs: 0, throttleRate: 0, serverErrorRate: 0, connectionResetRate: 0, expiredCredentials: false, accessDenied: [] };
}

export function actionMatches(rule: string, prefix: string, op: string): boolean {
  return rule === '*' || rule === op || rule === `${prefix}:${op}` || rule === `${prefix}:*`;
}

/** How a reset connection ends: after the headers, or after `bytes` of the body. */
export interface ResetPlan {
  bytes: number;
}

const RATES = ['throttleRate', 'serverErrorRate', 'connectionResetRate'] as const;
const DELAYS = ['latencyMs', 'latencyJitterMs'] as const;

/** Refuses what is not a fault setting, so a typo in a test fails loudly instead of injecting nothing. */
function check(f: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(f)) {
    const isNumber = typeof v === 'number' && Number.isFinite(v);
    if ((RATES as readonly string[]).includes(k)) {
      if (!isNumber || v < 0 || v > 1) {
        throw new Error(`faults: ${k} must be a number from 0 to 1`);
      }
    } else if ((DELAYS as readonly string[]).includes(k) || k === 'seed') {
      if (!isNumber || v < 0) {
        throw new Error(`faults: ${k} must be a number of 0 or more`);
      }
    } else if (k === 'expiredCredentials') {
      if (typeof v !== 'boolean') {
        throw new Error('faults: expiredCredentials must be true or false');
      }
    } else if (k === 'accessDenied' || k === 'faultActions') {
      if (!Array.isArray(v) && !(k === 'faultActions' && v === undefined)) {
        throw new Error(`faults: ${k} must be a list`);
      }
    } else {
      throw new Error(`faults: unknown setting ${k}`);
    }
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Faults {
  readonly config: FaultConfig = defaultFaults();
  private rnd: Random;

  constructor(
    seed = FAULT_SEED,
    /** How latency is waited for (a test may record it instead of sleeping). */
    public sleep: (ms: number) => Promise<void> = realSleep,
  ) {
    this.rnd = new Random(seed);
  }

  set(f: FaultUpdate): FaultConfig {
    check(f);
    const { seed, ...rest } = f;
    if (seed !== undefined) {
      this.rnd = new Random(seed);
    }
    Object.assign(this.config, rest);
    if (rest.faultActions === undefined && 'faultActions' in rest) {
      delete this.config.faultActions;
    }
    return this.config;
  }

  clear(): void {
    Object.assign(this.config, defaultFaults());
    delete this.config.faultActions;
  }

  private applies(prefix: string, opName: string): boolean {
    return !this.config.faultActions || this.config.faultActions.some((a) => actionMatches(a, prefix, opName));
  }

  /** This call's latency in ms: the fixed part plus a uniform draw of 0..latencyJitterMs. */
  delayMs(): number {
    const f = this.config;
    return f.latencyMs + (f.latencyJitterMs > 0 ? this.rnd.int(Math.floor(f.latencyJitterMs) + 1) : 0);
  }

  /** Faults that strike before the request is read: latency, expired credentials, throttling, 5xx. */
  async beforeInput(prefix: string, opName: string, op: Operation): Promise<void> {
    const f = this.config;
    const delay = this.delayMs();
    if (delay > 0) {
      await this.sleep(delay);
    }
    if (f.expiredCredentials && !op.unsigned) {
      throw new AwsError('ExpiredTokenException', 'The security token included in the request is expired');
    }
    const applies = this.applies(prefix, opName);
    if (applies && f.throttleRate > 0 && this.rnd.next() < f.throttleRate) {
      throw new AwsError(pickError(op, ['ThrottlingException', 'TooManyRequestsException']), 'Rate exceeded');
    }
    if (applies && f.serverErrorRate > 0 && this.rnd.next() < f.serverErrorRate) {
      throw new AwsError(pickError(op, ['ServiceUnavailableException', 'ServerException', 'InternalServerException']), 'Service Unavailable. Please try again later.');
    }
  }

  /** Whether this reply's connection is reset, and where: after the headers (half the time) or inside the body. */
  reset(prefix: string, opName: string, bodyLength: number): ResetPlan | undefined {
    const rate = this.config.connectionResetRate;
    if (rate <= 0 || !this.applies(prefix, opName) || this.rnd.next() >= rate) {
      return undefined;
    }
    const inBody = this.rnd.next() < 0.5;
    return { bytes: inBody && bodyLength > 1 ? 1 + this.rnd.int(bodyLength - 1) : 0 };
  }

  /** The access-denied rule that matches a request, if any. */
  denial(prefix: string, opName: string, input: unknown): { action: string; resource?: string } | undefined {
    return this.config.accessDenied.find((rule) => actionMatches(rule.action, prefix, opName) && (!rule.resource || mentions(input, rule.resource)));
  }
}

/** Whether a request names `resource` (by name, or as the last part or a part of an ARN). */
export function mentions(value: unknown, resource: string): boolean {
  if (typeof value === 'string') {
    return value === resource || value.endsWith('/' + resource) || value.includes('/' + resource + '/');
  }
  if (Array.isArray(value)) {
    return value.some((v) => mentions(v, resource));
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).some((v) => mentions(v, resource));
  }
  return false;
}

/** The first ARN in a request that names `resource`. */
export function arnMentioning(value: unknown, resource: string): string | undefined {
  if (typeof value === 'string') {
    return value.startsWith('arn:') && mentions(value, resource) ? value : undefined;
  }
  const children = Array.isArray(value) ? value : value && typeof value === 'object' && !(value instanceof Date) ? Object.values(value) : [];
  for (const v of children) {
    const found = arnMentioning(v, resource);
    if (found) {
      return found;
    }
  }
  return undefined;
}
