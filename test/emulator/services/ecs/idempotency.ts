/**
 * RunTask's client token, as https://docs.aws.amazon.com/AmazonECS/latest/APIReference/ECS_Idempotency.html
 * describes it: a retry with the same token and the same parameters in the same cluster returns the
 * original result without starting more tasks; the same token with other parameters is a
 * ConflictException; a token lives 24 hours. (The SDKs fill the token when the caller gives none.)
 */
import { AwsError } from '../../kit/errors';
import type { Region } from '../../kit/world';

const TTL_MS = 24 * 3600_000;

interface Remembered {
  fingerprint: string;
  result: unknown;
  atMs: number;
}

const remembered = new WeakMap<Region, Map<string, Remembered>>();

/** The remembered result of `token` in `cluster`, or what `run` returns (remembered for next time). */
export function idempotent<T>(region: Region, cluster: string, token: string | undefined, input: object, run: () => T): T {
  if (!token) return run();
  let byToken = remembered.get(region);
  if (!byToken) remembered.set(region, (byToken = new Map()));
  const key = `${cluster}\u0000${token}`;
  const now = region.now().getTime();
  const { clientToken: _token, ...rest } = input as { clientToken?: string };
  const fingerprint = JSON.stringify(rest);
  const seen = byToken.get(key);
  if (seen && now - seen.atMs < TTL_MS) {
    if (seen.fingerprint !== fingerprint) throw new AwsError('ConflictException', 'The specified client token has already been used in another request.');
    return seen.result as T;
  }
  const result = run();
  byToken.set(key, { fingerprint, result, atMs: now });
  return result;
}
