import * as assert from 'assert';
import type { AuthorizationToken } from '../../../src/ecr/ecrService';
import { TOKEN_MARGIN_MS, TokenCache } from '../../../src/ecr/tokenCache';

describe('ECR token cache', () => {
  let now = 0;
  const token = (password: string, hours = 12): AuthorizationToken => ({ proxyEndpoint: 'https://r', user: 'AWS', password, expiresAt: new Date(now + hours * 3600_000) });

  beforeEach(() => (now = 1_000_000));

  it('keeps a token per registry key until shortly before its 12-hour expiry', async () => {
    const cache = new TokenCache(() => now);
    let fetches = 0;
    const fetch = async () => token(`p${++fetches}`);
    const a = await cache.get('profile|us-east-1', fetch);
    a.loggedIn = true;
    assert.strictEqual((await cache.get('profile|us-east-1', fetch)).loggedIn, true);
    assert.strictEqual((await cache.get('profile|eu-west-1', fetch)).token.password, 'p2');
    now += 12 * 3600_000 - TOKEN_MARGIN_MS - 1;
    assert.strictEqual((await cache.get('profile|us-east-1', fetch)).token.password, 'p1');
    now += 2;
    const renewed = await cache.get('profile|us-east-1', fetch);
    assert.deepStrictEqual([renewed.token.password, renewed.loggedIn], ['p3', false]);
  });

  it('shares one fetch between concurrent callers, and forgets failures and invalidated keys', async () => {
    const cache = new TokenCache(() => now);
    let fetches = 0;
    const slow = () => new Promise<AuthorizationToken>((resolve) => setImmediate(() => resolve(token(`p${++fetches}`))));
    const [x, y] = await Promise.all([cache.get('k', slow), cache.get('k', slow)]);
    assert.strictEqual(x, y);
    assert.strictEqual(fetches, 1);
    cache.invalidate('k');
    assert.strictEqual((await cache.get('k', slow)).token.password, 'p2');
    await assert.rejects(cache.get('bad', async () => Promise.reject(new Error('denied'))), /denied/);
    assert.strictEqual((await cache.get('bad', slow)).token.password, 'p3');
    cache.invalidate();
    assert.strictEqual(cache.size, 0);
  });
});
