import { AwsError } from './errors';

export const ACCOUNT = '123456789012';

/** Small deterministic PRNG (mulberry32) so seeds and ids are the same on every run. */
export class Random {
  private state: number;
  constructor(seed = 20250115) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  hex(len: number): string {
    let s = '';
    while (s.length < len) {
      s += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    }
    return s.slice(0, len);
  }
  digits(len: number): string {
    let s = String(1 + this.int(9));
    while (s.length < len) {
      s += String(this.int(10));
    }
    return s;
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

export function arn(service: string, region: string, resource: string): string {
  return `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;
}

/** The last `/`-separated part of an ARN's resource, or the value itself when it is not an ARN. */
export function lastPart(idOrArn: string): string {
  if (!idOrArn.startsWith('arn:')) {
    return idOrArn;
  }
  const resource = idOrArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

export interface PageOptions {
  /** Default page size when the caller gives none. */
  def: number;
  /** Largest page size allowed (inclusive); a larger one is an error. */
  max: number;
  /** Error code for a bad page size or token. */
  error: string;
  /** Name of the page-size member, for messages. */
  sizeName?: string;
}

/** A page of `items` from an opaque token (base64 of the offset and a fingerprint). */
export function page<T>(items: T[], size: number | undefined, token: string | undefined, opts: PageOptions): { items: T[]; next?: string } {
  const n = size ?? opts.def;
  if (n < 1 || n > opts.max) {
    throw new AwsError(opts.error, `${opts.sizeName ?? 'maxResults'} must be between 1 and ${opts.max}.`);
  }
  let start = 0;
  if (token) {
    const decoded = decodeToken(token);
    if (decoded === undefined) {
      throw new AwsError(opts.error, 'The nextToken is not valid.');
    }
    start = decoded;
  }
  const slice = items.slice(start, start + n);
  const end = start + slice.length;
  return { items: slice, next: end < items.length ? encodeToken(end) : undefined };
}

export function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, k: (offset * 7919) % 104729 })).toString('base64');
}

export function decodeToken(token: string): number | undefined {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { v?: number; o?: number; k?: number };
    if (t.v === 1 && typeof t.o === 'number' && t.o >= 0 && t.k === (t.o * 7919) % 104729) {
      return t.o;
    }
  } catch {
    // fall through
  }
  return undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Input = Record<string, any>;
