import type { AuthorizationToken } from './ecrService';

/** Re-login this long before ECR's 12-hour token expires, so a push never starts with a dying token. */
export const TOKEN_MARGIN_MS = 15 * 60_000;

export interface CachedLogin {
  token: AuthorizationToken;
  /** The container CLI has been logged in with this token (its own config holds the login). */
  loggedIn: boolean;
}

/**
 * ECR authorization tokens per registry key (profile, region, endpoint, CLI), held in memory only,
 * until `TOKEN_MARGIN_MS` before they expire. Concurrent callers share one GetAuthorizationToken.
 */
export class TokenCache {
  private readonly entries = new Map<string, Promise<CachedLogin>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached login for `key` when still fresh, else a new token from `fetch` (not yet logged in). */
  async get(key: string, fetch: () => Promise<AuthorizationToken>): Promise<CachedLogin> {
    const cached = this.entries.get(key);
    if (cached) {
      const entry = await cached.catch(() => undefined);
      if (entry && this.fresh(entry.token)) return entry;
      if (this.entries.get(key) === cached) this.entries.delete(key);
    }
    let pending = this.entries.get(key);
    if (!pending) {
      pending = fetch().then((token) => ({ token, loggedIn: false }));
      this.entries.set(key, pending);
      pending.catch(() => {
        if (this.entries.get(key) === pending) this.entries.delete(key);
      });
    }
    return pending;
  }

  fresh(token: AuthorizationToken): boolean {
    return token.expiresAt.getTime() - TOKEN_MARGIN_MS > this.now();
  }

  /** Forgets `key` (an auth failure, a context change): the next `get` fetches a new token. */
  invalidate(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
