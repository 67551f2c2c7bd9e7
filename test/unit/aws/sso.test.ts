/**
 * IAM Identity Center through the product's ClientManager, against the emulator: which region's
 * portal and OIDC are asked is proved by the emulator's per-region call counts (it serves the
 * region named by the AWS host name the SDK resolved), not by an endpoint that hides it.
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { ClientManager } from '../../../src/aws/clientManager';
import { describeAwsError } from '../../../src/aws/errors';
import { listSsoSessions, profileExists } from '../../../src/aws/profiles';
import { ssoAccountRoles, ssoAccounts } from '../../../src/aws/ssoAccounts';
import { ssoRoleProfile } from '../../../src/aws/ssoRole';
import { EcsReader } from '../../../src/ecs/ecsReader';
import { startEmulator, type EmulatorHandle } from '../../emulator';

// The SDK refreshes a session at most every 30 s per session name, process-wide: this suite has its own.
const START_URL = 'https://corp.awsapps.com/start';
const CONFIG = [
  '[sso-session corp-cm]', `sso_start_url = ${START_URL}`, 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', '',
  '[profile dev.team@corp/ecs-admin]', 'sso_session = corp-cm', 'sso_account_id = 210987654321', 'sso_role_name = ECSDeveloper', 'region = us-east-1', '',
  '[profile legacy]', `sso_start_url = ${START_URL}`, 'sso_region = ap-southeast-2', 'sso_account_id = 210987654321', 'sso_role_name = ECSDeveloper', 'region = us-east-1', '',
].join('\n');
// The AWS SDK for JavaScript takes profile names of [\w-@+.%:/] (no spaces): this one uses most of them.
const PROFILE = 'dev.team@corp/ecs-admin';

describe('IAM Identity Center: credentials from the profile’s own sso_region, whatever region is browsed', function () {
  let emulator: EmulatorHandle;
  let home: string;
  let saved: NodeJS.ProcessEnv;
  let manager: ClientManager | undefined;

  const cacheFile = (key: string) => path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`);
  const ssoCalls = (region: string) => [...emulator.calls(region).entries()].filter(([k]) => k.startsWith('sso')).map(([k, n]) => `${k}=${n}`).sort();

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
  });
  after(() => emulator.close());
  beforeEach(() => {
    saved = { ...process.env };
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-sso-'));
    fs.mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
    fs.writeFileSync(path.join(home, '.aws', 'config'), CONFIG);
    fs.writeFileSync(path.join(home, '.aws', 'credentials'), '');
    for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_ENDPOINT_URL']) delete process.env[name];
    Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: path.join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' });
  });
  afterEach(() => {
    manager?.dispose();
    manager = undefined;
    process.env = saved;
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists clusters in two browsed regions (neither is the sso_region) with one GetRoleCredentials in eu-west-1', async () => {
    fs.writeFileSync(cacheFile('corp-cm'), JSON.stringify(emulator.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL })));
    const before = { east: ssoCalls('us-east-1'), central: ssoCalls('eu-central-1') };
    manager = new ClientManager({ profile: PROFILE, region: 'us-east-1', endpoint: emulator.url });
    const [east, eu] = await Promise.all([new EcsReader(manager).clusters(), new EcsReader(manager, { region: 'eu-west-1' }).clusters(), new EcsReader(manager, { region: 'eu-central-1' }).clusters()]);
    assert.deepStrictEqual(east.items.map((c) => c.clusterName), ['demo-ec2', 'demo-fargate']);
    assert.deepStrictEqual(eu.items.map((c) => c.clusterName), ['demo-eu']);
    assert.ok(ssoCalls('eu-west-1').includes('sso:GetRoleCredentials=1'), ssoCalls('eu-west-1').join());
    assert.deepStrictEqual({ east: ssoCalls('us-east-1'), central: ssoCalls('eu-central-1') }, before, 'no portal call for a browsed region');
  });

  it('a legacy sso_start_url profile uses its own sso_region too', async () => {
    fs.writeFileSync(cacheFile(START_URL), JSON.stringify(emulator.sso.seedSession({ region: 'ap-southeast-2', startUrl: START_URL })));
    manager = new ClientManager({ profile: 'legacy', region: 'eu-west-1', endpoint: emulator.url });
    assert.deepStrictEqual((await new EcsReader(manager).clusters()).items.map((c) => c.clusterName), ['demo-eu']);
    assert.ok(ssoCalls('ap-southeast-2').includes('sso:GetRoleCredentials=1'), ssoCalls('ap-southeast-2').join());
  });

  it('a token about to expire is refreshed through SSO OIDC CreateToken in the sso_region, with no prompt', async () => {
    const seeded = emulator.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL, expiresAt: new Date(Date.now() - 60_000) });
    fs.writeFileSync(cacheFile('corp-cm'), JSON.stringify(seeded));
    const refreshes = emulator.calls('eu-west-1').get('sso-oidc:CreateToken') ?? 0;
    manager = new ClientManager({ profile: PROFILE, region: 'us-east-1', endpoint: emulator.url });
    assert.strictEqual((await new EcsReader(manager).clusters()).items.length, 2);
    assert.strictEqual(emulator.calls('eu-west-1').get('sso-oidc:CreateToken'), refreshes + 1);
    assert.notStrictEqual(JSON.parse(fs.readFileSync(cacheFile('corp-cm'), 'utf8')).accessToken, seeded.accessToken, 'the new token is written to the cache');
  });

  it('an expired token that cannot be refreshed says "SSO session expired" with the login fix for that profile', async () => {
    const { refreshToken: _dropped, ...expired } = emulator.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL, expiresAt: new Date(Date.now() - 60_000) });
    fs.writeFileSync(cacheFile('corp-cm'), JSON.stringify(expired));
    manager = new ClientManager({ profile: PROFILE, region: 'us-east-1', endpoint: emulator.url });
    const error = await new EcsReader(manager).clusters().then(() => undefined, (e: unknown) => e);
    const problem = describeAwsError(error, { profile: PROFILE });
    assert.strictEqual(problem.kind, 'sso-expired');
    assert.deepStrictEqual(problem.fix, { kind: 'sso-login', profile: PROFILE });
    assert.strictEqual(problem.title, 'SSO session expired: run aws sso login --profile dev.team@corp/ecs-admin');
  });

  it('browses the accounts and roles of the signed-in session, and works as any of them without a profile', async () => {
    fs.writeFileSync(cacheFile('corp-cm'), JSON.stringify(emulator.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL, user: 'bob' })));
    const [session] = await listSsoSessions();
    assert.deepStrictEqual({ name: session.name, region: session.region, profiles: session.profiles }, { name: 'corp-cm', region: 'eu-west-1', profiles: [PROFILE] });
    manager = new ClientManager({ profile: PROFILE, region: 'us-east-1', endpoint: emulator.url });
    const accounts = await ssoAccounts(manager, session);
    assert.deepStrictEqual(accounts.items.map((a) => `${a.accountName} ${a.accountId}`), ['emulator 123456789012', 'staging 210987654321']);
    assert.deepStrictEqual((await ssoAccountRoles(manager, session, '123456789012')).items, ['AdministratorAccess', 'ReadOnlyAccess']);
    assert.ok(ssoCalls('eu-west-1').some((c) => c.startsWith('sso:ListAccounts=')), 'in the sso_region');
    const browsed = ssoRoleProfile({ roleName: 'ReadOnlyAccess', accountId: '123456789012', session: 'corp-cm' });
    assert.strictEqual(browsed, 'ReadOnlyAccess@123456789012 [corp-cm]');
    assert.ok(await profileExists(browsed));
    manager.dispose();
    manager = new ClientManager({ profile: browsed, region: 'us-east-1', endpoint: emulator.url });
    const identity = await manager.callerIdentity();
    assert.match(identity.arn, /^arn:aws:sts::123456789012:assumed-role\/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}\/bob$/);
    assert.strictEqual((await new EcsReader(manager).clusters()).items.length, 2);
    assert.strictEqual(describeAwsError(new Error("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), { profile: browsed }).title, 'SSO session expired: run aws sso login --sso-session corp-cm');
  });

  it('a remote custom endpoint receives the ECS calls but never the credential traffic (that goes to AWS)', async function () {
    const address = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!address) this.skip();
    // A recording relay on a non-loopback address of this machine, in front of the emulator.
    const seen: string[] = [];
    const relay = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.headers.host} ${req.url}`);
      const upstream = http.request(`${emulator.url}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => relay.listen(0, address, resolve));
    try {
      fs.writeFileSync(cacheFile('corp-cm'), JSON.stringify(emulator.sso.seedSession({ region: 'eu-west-1', startUrl: START_URL })));
      manager = new ClientManager({ profile: PROFILE, region: 'us-east-1', endpoint: `http://${address}:${(relay.address() as AddressInfo).port}` }, { maxAttempts: 1, requestTimeoutMs: 3_000, connectTimeoutMs: 2_000 });
      // Offline, AWS's portal is unreachable: the read fails, and the relay saw no SSO request.
      await assert.rejects(new EcsReader(manager).clusters());
      assert.deepStrictEqual(seen.filter((s) => /portal\.sso|oidc|federation|\/token/.test(s)), []);
    } finally {
      relay.close();
    }
  });
});
