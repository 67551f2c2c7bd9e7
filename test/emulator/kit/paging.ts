/** Opaque paging tokens and page-size checks shared by every List/Describe operation. */
import { AwsError } from './errors';

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
