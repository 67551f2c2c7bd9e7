import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveContext } from '../../../src/aws/context';
import { listProfiles } from '../../../src/aws/profiles';
import { parseIni } from '../../../src/aws/sharedConfig';

describe('shared config files', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-config-'));
    env = { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), HOME: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses sections, comments and nested settings', () => {
    const ini = parseIni('# comment\n[default]\nregion = eu-west-1 \n; other\n[profile x]\ns3 =\n  addressing_style = path\nregion=us-east-2\n');
    assert.deepStrictEqual(ini, {
      default: { region: 'eu-west-1' },
      'profile x': { s3: '', 's3.addressing_style': 'path', region: 'us-east-2' },
    });
  });

  it('lists profiles of both files with their kind and region, default first, sso-session sections excluded', async () => {
    fs.writeFileSync(
      env.AWS_CONFIG_FILE!,
      [
        '[default]', 'region = eu-west-1',
        '[profile admin]', 'role_arn = arn:aws:iam::123456789012:role/Admin', 'source_profile = default',
        '[profile sso-dev]', 'sso_session = corp', 'sso_account_id = 1', 'sso_role_name = R', 'region = us-west-2',
        '[sso-session corp]', 'sso_start_url = https://x.awsapps.com/start', 'sso_region = us-west-2',
        '[profile tool]', 'credential_process = /bin/echo {}',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, '[default]\naws_access_key_id = A\naws_secret_access_key = B\n[ci]\naws_access_key_id = C\naws_secret_access_key = D\n');
    const profiles = await listProfiles(env);
    assert.deepStrictEqual(
      profiles.map((p) => [p.name, p.kind, p.region, p.sources.join('+')]),
      [
        ['default', 'static', 'eu-west-1', 'config+credentials'],
        ['admin', 'assume-role', undefined, 'config'],
        ['ci', 'static', undefined, 'credentials'],
        ['sso-dev', 'sso', 'us-west-2', 'config'],
        ['tool', 'credential-process', undefined, 'config'],
      ],
    );
  });

  it('has no profiles when the files do not exist', async () => {
    assert.deepStrictEqual(await listProfiles(env), []);
  });

  it('resolves the region: the editor choice, then AWS_REGION, AWS_DEFAULT_REGION, the profile, us-east-1', () => {
    const profiles = [{ name: 'p', kind: 'static' as const, region: 'ca-central-1', sources: ['config' as const] }];
    assert.strictEqual(resolveContext({ profile: 'p', region: 'eu-north-1' }, profiles, { AWS_REGION: 'sa-east-1' }).region, 'eu-north-1');
    assert.strictEqual(resolveContext({ profile: 'p' }, profiles, { AWS_REGION: 'sa-east-1', AWS_DEFAULT_REGION: 'x' }).region, 'sa-east-1');
    assert.strictEqual(resolveContext({ profile: 'p' }, profiles, { AWS_DEFAULT_REGION: 'ap-south-1' }).region, 'ap-south-1');
    assert.strictEqual(resolveContext({ profile: 'p' }, profiles, {}).region, 'ca-central-1');
    assert.strictEqual(resolveContext({}, profiles, {}).region, 'us-east-1');
  });

  it('takes AWS_PROFILE when no profile was chosen, and the default profile region for the default chain', () => {
    const profiles = [
      { name: 'default', kind: 'static' as const, region: 'eu-west-3', sources: ['config' as const] },
      { name: 'env', kind: 'static' as const, region: 'eu-south-1', sources: ['config' as const] },
    ];
    assert.deepStrictEqual(resolveContext({}, profiles, { AWS_PROFILE: 'env' }), { profile: 'env', region: 'eu-south-1', endpoint: undefined });
    assert.deepStrictEqual(resolveContext({ endpoint: 'http://127.0.0.1:1' }, profiles, {}), { profile: undefined, region: 'eu-west-3', endpoint: 'http://127.0.0.1:1' });
  });
});
