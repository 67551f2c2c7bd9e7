/**
 * Faults injected on demand, the same way for every service and protocol: latency, throttling,
 * 5xx, expired credentials, access denied. Each fault raises the error the operation's model
 * names for it where it has one (SSO's TooManyRequestsException, ECS's ServerException), else the
 * generic one AWS's front end sends.
 */
import { AwsError, pickError } from './errors';
import type { Operation } from './model';
import type { Random } from './random';

export interface FaultConfig {
  /** Added to every AWS call, in real milliseconds. */
  latencyMs: number;
  /** Probability (0..1) that a call fails with ThrottlingException. */
  throttleRate: number;
  /** Probability (0..1) that a call fails with a 5xx error. */
  serverErrorRate: number;
  /** Every signed call fails with ExpiredTokenException. */
  expiredCredentials: boolean;
  /** Calls denied with AccessDeniedException: an action (`ecs:ListServices`, `ListServices`, `ecs:*`, `*`), optionally only when the request names a resource (a cluster name or any ARN). */
  accessDenied: { action: string; resource?: string }[];
  /** When set, throttling and 5xx faults apply only to these actions (same forms as above). */
  faultActions?: string[];
}

export function defaultFaults(): FaultConfig {
  return { latencyMs: 0, throttleRate: 0, serverErrorRate: 0, expiredCredentials: false, accessDenied: [] };
}

export function actionMatches(rule: string, prefix: string, op: string): boolean {
  return rule === '*' || rule === op || rule === `${prefix}:${op}` || rule === `${prefix}:*`;
}

export class Faults {
  readonly config: FaultConfig = defaultFaults();

  constructor(private readonly rnd: Random) {}

  set(f: Partial<FaultConfig>): FaultConfig {
    Object.assign(this.config, f);
    return this.config;
  }

  clear(): void {
    Object.assign(this.config, defaultFaults());
    delete this.config.faultActions;
  }

  /** Faults that strike before the request is read: latency, expired credentials, throttling, 5xx. */
  async beforeInput(prefix: string, opName: string, op: Operation): Promise<void> {
    const f = this.config;
    if (f.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, f.latencyMs));
    }
    if (f.expiredCredentials && !op.unsigned) {
      throw new AwsError('ExpiredTokenException', 'The security token included in the request is expired');
    }
    const applies = !f.faultActions || f.faultActions.some((a) => actionMatches(a, prefix, opName));
    if (applies && f.throttleRate > 0 && this.rnd.next() < f.throttleRate) {
      throw new AwsError(pickError(op, ['ThrottlingException', 'TooManyRequestsException']), 'Rate exceeded');
    }
    if (applies && f.serverErrorRate > 0 && this.rnd.next() < f.serverErrorRate) {
      throw new AwsError(pickError(op, ['ServiceUnavailableException', 'ServerException', 'InternalServerException']), 'Service Unavailable. Please try again later.');
    }
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
