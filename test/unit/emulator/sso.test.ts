/**
 * IAM Identity Center against the emulator with the real SDK: fromSSO (token provider + SSO OIDC +
 * SSO portal clients) sending to the emulator's address while keeping AWS's hostname in Host, so
 * the emulator serves the region that hostname names.
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromSSO } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { raw, sdkConfig, useEmulator } from './helpers';

/** Sends every request to the emulator, leaving the AWS hostname the SDK resolved in Host. */
class ToEmulator extends NodeHttpHandler {
  constructor(private readonly port: number) {
    super();
  }
  override handle(...[request, options]: Parameters<NodeHttpHandler['handle']>) {
    request.headers.host = request.hostname;
    Object.assign(request, { protocol: 'http:', hostname: '127.0.0.1', port: this.port });
    return super.handle(request, options);
  }
}

const SESSION = 'corp';
const START_URL = 'https://corp.awsapps.com/start';

describe('emulator: IAM Identity Center (SSO portal and OIDC)', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let dir: string;
  let oldHome: string | undefined;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-sso-'));
    fs.mkdirSync(path.join(dir, '.aws', 'sso', 'cache'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.aws', 'config'), [
      `[sso-session ${SESSION}]`, `sso_start_url = ${START_URL}`, 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', '',
      '[profile staging]', `sso_session = ${SESSION}`, 'sso_account_id = 210987654321', 'sso_role_name = ECSDeveloper', 'region = us-west-2', '',
    ].join('\n'));
    oldHome = process.env.HOME;
    process.env.HOME = dir; // the SDK finds ~/.aws/sso/cache through HOME
  });

  after(() => {
    process.env.HOME = oldHome;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function cacheSession(entry: object): void {
    fs.writeFileSync(path.join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update(SESSION).digest('hex')}.json`), JSON.stringify(entry));
  }

  function provider(clientConfig: Record<string, unknown> = {}) {
    return fromSSO({ profile: 'staging', configFilepath: path.join(dir, '.aws', 'config'), filepath: path.join(dir, '.aws', 'credentials'), clientConfig: { requestHandler: new ToEmulator(ctx.emu.port), ...clientConfig } });
  }

  it("gets role credentials from the portal of the session's sso_region, which STS recognises", async () => {
    cacheSession(ctx.emu.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL, user: 'alice' }));
    const credentials = await provider()();
    assert.match(credentials.accessKeyId, /^ASIA/);
    assert.strictEqual(ctx.emu.calls('eu-west-1').get('sso:GetRoleCredentials'), 1);
    assert.strictEqual(ctx.emu.calls('us-west-2').get('sso:GetRoleCredentials'), undefined);
    const id = await new STSClient({ ...sdkConfig(ctx.emu), credentials }).send(new GetCallerIdentityCommand({}));
    assert.strictEqual(id.Account, '210987654321');
    assert.match(id.Arn ?? '', /^arn:aws:sts::210987654321:assumed-role\/AWSReservedSSO_ECSDeveloper_[0-9a-f]{16}\/alice$/);
  });

  it("a token is valid only at the portal of the region that issued it (the browsed region's portal refuses it)", async () => {
    cacheSession(ctx.emu.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL }));
    await assert.rejects(provider({ region: 'us-west-2' })(), /Session token not found or invalid/);
    assert.strictEqual(ctx.emu.calls('us-west-2').get('sso:GetRoleCredentials'), 1);
  });

  it('refreshes an access token about to expire through SSO OIDC CreateToken in the same region', async () => {
    const seeded = ctx.emu.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL, expiresAt: new Date(Date.now() + 60_000) });
    cacheSession(seeded);
    const before = ctx.emu.calls('eu-west-1').get('sso-oidc:CreateToken') ?? 0;
    await provider()();
    assert.strictEqual(ctx.emu.calls('eu-west-1').get('sso-oidc:CreateToken'), before + 1);
    const cached = JSON.parse(fs.readFileSync(path.join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update(SESSION).digest('hex')}.json`), 'utf8'));
    assert.notStrictEqual(cached.accessToken, seeded.accessToken);
    assert.notStrictEqual(cached.refreshToken, seeded.refreshToken, 'a new refresh token');
    assert.ok(Date.parse(cached.expiresAt) > Date.now() + 50 * 60_000, 'an hour from now on the wall clock');
  });

  it('refuses an expired token, and one after Logout, with UnauthorizedException (401, X-Amzn-ErrorType)', async () => {
    const host = { Host: 'portal.sso.eu-west-1.amazonaws.com' };
    const live = ctx.emu.sso.seedSession({ region: 'eu-west-1' });
    const ok = await raw(ctx.emu.url, { method: 'GET', path: '/assignment/accounts', headers: { ...host, 'x-amz-sso_bearer_token': live.accessToken } });
    assert.strictEqual(ok.status, 200);
    assert.deepStrictEqual(JSON.parse(ok.body).accountList.map((a: { accountName: string }) => a.accountName), ['emulator', 'staging']);
    const expired = ctx.emu.sso.seedSession({ region: 'eu-west-1', expiresAt: new Date(Date.now() - 1000) });
    const r = await raw(ctx.emu.url, { method: 'GET', path: '/assignment/accounts', headers: { ...host, 'x-amz-sso_bearer_token': expired.accessToken } });
    assert.strictEqual(r.status, 401);
    assert.strictEqual(r.headers['x-amzn-errortype'], 'UnauthorizedException');
    assert.deepStrictEqual(JSON.parse(r.body), { __type: 'UnauthorizedException', message: 'Session token not found or invalid' });
    await raw(ctx.emu.url, { method: 'POST', path: '/logout', headers: { ...host, 'x-amz-sso_bearer_token': live.accessToken } });
    const after = await raw(ctx.emu.url, { method: 'GET', path: '/assignment/accounts', headers: { ...host, 'x-amz-sso_bearer_token': live.accessToken } });
    assert.strictEqual(after.status, 401);
  });

  it('an hour of manual clock expires a one-hour token at the portal (credentials live on the credential clock)', async () => {
    const s = ctx.emu.sso.seedSession({ region: 'us-east-1' });
    const call = () => raw(ctx.emu.url, { method: 'GET', path: '/assignment/roles?account_id=123456789012', headers: { Host: 'portal.sso.us-east-1.amazonaws.com', 'x-amz-sso_bearer_token': s.accessToken } });
    assert.strictEqual((await call()).status, 200);
    await ctx.emu.clock.advance(3600_000);
    assert.strictEqual((await call()).status, 401);
  });

  it('device authorization: pending until the user approves, then tokens for that region', async () => {
    const oidc = (p: string, body: object) => raw(ctx.emu.url, { path: p, headers: { Host: 'oidc.ap-southeast-2.amazonaws.com', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const reg = JSON.parse((await oidc('/client/register', { clientName: 'test', clientType: 'public' })).body);
    assert.ok(reg.clientSecretExpiresAt > reg.clientIdIssuedAt);
    const dev = JSON.parse((await oidc('/device_authorization', { clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: START_URL })).body);
    assert.match(dev.verificationUriComplete, /^https:\/\/device\.sso\.ap-southeast-2\.amazonaws\.com\/\?user_code=[A-Z]{4}-[A-Z]{4}$/);
    const token = { clientId: reg.clientId, clientSecret: reg.clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: dev.deviceCode };
    const pending = await oidc('/token', token);
    assert.strictEqual(pending.status, 400);
    assert.strictEqual(pending.headers['x-amzn-errortype'], 'AuthorizationPendingException');
    assert.strictEqual(JSON.parse(pending.body).error, 'authorization_pending');
    assert.ok(ctx.emu.sso.approveDevice(dev.userCode));
    const done = JSON.parse((await oidc('/token', token)).body);
    assert.strictEqual(done.tokenType, 'Bearer');
    const portal = await raw(ctx.emu.url, { method: 'GET', path: '/assignment/accounts', headers: { Host: 'portal.sso.ap-southeast-2.amazonaws.com', 'x-amz-sso_bearer_token': done.accessToken } });
    assert.strictEqual(portal.status, 200);
    const wrongClient = await oidc('/token', { ...token, clientSecret: 'nope' });
    assert.strictEqual(wrongClient.status, 401);
    assert.strictEqual(JSON.parse(wrongClient.body).error, 'invalid_client');
  });

  it('a session can be seeded and calls read per region over the control endpoint', async () => {
    const seeded = JSON.parse((await raw(ctx.emu.url, { path: '/_emulator/sso/sessions', body: JSON.stringify({ region: 'ca-central-1', user: 'bob' }) })).body);
    assert.strictEqual(seeded.region, 'ca-central-1');
    await raw(ctx.emu.url, { method: 'GET', path: '/assignment/accounts', headers: { Host: 'portal.sso.ca-central-1.amazonaws.com', 'x-amz-sso_bearer_token': seeded.accessToken } });
    const calls = JSON.parse((await raw(ctx.emu.url, { method: 'GET', path: '/_emulator/calls?region=ca-central-1' })).body);
    assert.deepStrictEqual(calls, { 'sso:ListAccounts': 1 });
  });
});
