/**
 * Paging tokens bound to their query, for every paginated operation (the model's `@paginated`
 * trait names the token members). The server wraps each token a handler returns with a key of the
 * query (service, operation, region, and every input member but the token, the page size and
 * header-bound credentials) and its issue time; a token that comes back with another query
 * (another cluster, filter, status, family prefix, repository…), from another operation or region,
 * forged, or past the lifetime the service documents, is refused with the service's own error.
 * Handlers keep making and reading their plain tokens (paging.ts).
 */
import { createHash } from 'crypto';
import { AwsError } from './errors';
import type { Operation, ServiceModel } from './model';

export interface TokenRules {
  /** The error code and message of a token that does not belong to the request (or has expired). */
  error: string;
  message: string;
  /** How long a token is valid on the emulated clock, where the service documents a lifetime. */
  ttlMs?: number;
  /** Operations whose tokens stay unbound, with the reason in the service. */
  unbound?: string[];
}

/** Page-size members of paginated operations whose trait does not name one (ELBv2's PageSize). */
const SIZE_NAMES = new Set(['maxResults', 'MaxResults', 'limit', 'MaxItems', 'PageSize', 'MaxRecords']);

function canonical(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'string') {
    // A resource by name or by ARN is the same query (`demo-ec2`, `arn:aws:ecs:…:cluster/demo-ec2`).
    return value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value;
  }
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])] as const);
    // An empty filter (`filter: {}`, `Filters: []`) filters nothing: the same query as none.
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined && !isEmpty(v)));
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (!!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
}

/** The key of a request's query: what a token from it may be used with. */
export function queryKey(svc: ServiceModel, opName: string, op: Operation, region: string, input: Record<string, unknown>): string {
  const members = svc.shapes[op.i]?.m ?? {};
  const query = Object.fromEntries(Object.entries(input).filter(([k]) => k !== op.page?.in && k !== op.page?.size && !SIZE_NAMES.has(k) && members[k]?.at !== 'header'));
  return createHash('sha256').update(JSON.stringify([svc.key, opName, region, canonical(query)])).digest('hex').slice(0, 16);
}

const check = (inner: string, key: string, issued: number): string => createHash('sha256').update(`${inner}\n${key}\n${issued}`).digest('hex').slice(0, 8);

export function bindToken(inner: string, key: string, nowMs: number): string {
  return Buffer.from(JSON.stringify([inner, key, nowMs, check(inner, key, nowMs)])).toString('base64url');
}

/** The handler's own token inside `token`, or the service's error when it is not this query's, forged or expired. */
export function unbindToken(token: string, key: string, nowMs: number, rules: TokenRules): string {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const [inner, tokenKey, issued, sum] = Array.isArray(parts) ? parts : [];
  const genuine = typeof inner === 'string' && typeof issued === 'number' && sum === check(inner, String(tokenKey), issued);
  const expired = genuine && rules.ttlMs !== undefined && nowMs - issued >= rules.ttlMs;
  if (!genuine || tokenKey !== key || expired) {
    throw new AwsError(rules.error, rules.message);
  }
  return inner;
}

/** Wraps and unwraps the tokens of one paginated call. */
export class PageBinding {
  private innerIn?: string;
  private outerIn?: string;

  constructor(
    private readonly op: Operation & { page: NonNullable<Operation['page']> },
    private readonly key: string,
    private readonly nowMs: number,
    private readonly rules: TokenRules,
  ) {}

  /** The input with the handler's own token in place of the bound one. */
  unwrap<T extends Record<string, unknown>>(input: T): T {
    const name = this.op.page.in;
    const token = name ? input[name] : undefined;
    if (!name || typeof token !== 'string') {
      return input;
    }
    this.innerIn = unbindToken(token, this.key, this.nowMs, this.rules);
    this.outerIn = token;
    return { ...input, [name]: this.innerIn };
  }

  /** The output with its next token bound; the token passed in comes back as it was when the handler returns it unchanged (CloudWatch Logs at the end of a stream). */
  wrap(output: unknown): unknown {
    const name = this.op.page.out;
    const out = output as Record<string, unknown> | undefined;
    const token = name && out ? out[name] : undefined;
    if (!name || typeof token !== 'string') {
      return output;
    }
    const bound = token === this.innerIn && this.outerIn ? this.outerIn : bindToken(token, this.key, this.nowMs);
    return { ...out, [name]: bound };
  }
}

/** The binding of a call, if its operation is paginated and its service binds tokens. */
export function pageBinding(svc: ServiceModel, opName: string, op: Operation, region: string, input: unknown, nowMs: number, rules: TokenRules): PageBinding | undefined {
  if (!op.page || rules.unbound?.includes(opName) || !input || typeof input !== 'object') {
    return undefined;
  }
  return new PageBinding(op as Operation & { page: NonNullable<Operation['page']> }, queryKey(svc, opName, op, region, input as Record<string, unknown>), nowMs, rules);
}
