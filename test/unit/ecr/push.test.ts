import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientManager } from '../../../src/aws/clientManager';
import { ContainerCli, type ContainerCliError } from '../../../src/ecr/containerCli';
import { EcrService } from '../../../src/ecr/ecrService';
import { defaultTag, pushImage, transportRepository, type PushDeps } from '../../../src/ecr/push';
import { TokenCache } from '../../../src/ecr/tokenCache';
import { startEmulator, type EmulatorHandle } from '../../emulator';
import { FAKE_DIGEST, makeFakeCli, type FakeCli } from './fakeCli';

describe('push core against the emulator (fake container CLI)', function () {
  this.timeout(30_000);
  let emulator: EmulatorHandle;
  let manager: ClientManager;
  let fake: FakeCli;
  let deps: PushDeps;
  let dir: string;
  const saved = { ...process.env };

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecr-push-'));
    fs.writeFileSync(path.join(dir, 'credentials'), '[t]\naws_access_key_id = AKIDT\naws_secret_access_key = s\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    manager = new ClientManager({ profile: 't', region: 'us-east-1', endpoint: emulator.url }, { maxAttempts: 1, requestTimeoutMs: 5000, connectTimeoutMs: 2000 });
  });
  beforeEach(() => {
    fake = makeFakeCli('emulator-token-us-east-1');
    deps = { ecr: new EcrService(manager), cli: new ContainerCli('docker', fake.executable, fake.env), tokens: new TokenCache(), tokenKey: 't|us-east-1', registry: { region: 'us-east-1', account: async () => '123456789012', loopbackAllowed: true } };
  });
  afterEach(() => fake.dispose());
  after(async () => {
    manager.dispose();
    await emulator.close();
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs in once (token cached), tags and pushes, returning URI forms and digest', async () => {
    const steps: string[] = [];
    const result = await pushImage(deps, { image: 'app:1.0', repository: 'demo/web' }, { onStep: (s) => steps.push(s) });
    const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    assert.deepStrictEqual(result, {
      imageUri: `${host}/demo/web:1.0`,
      digest: FAKE_DIGEST,
      repositoryUri: `${host}/demo/web`,
      tag: '1.0',
      digestUri: `${host}/demo/web@${FAKE_DIGEST}`,
    });
    assert.deepStrictEqual(steps, ['repository', 'login', 'tag', 'push', 'done']);
    await pushImage(deps, { image: 'app:1.0', repository: 'demo/web', tag: 'again' });
    const verbs = fake.calls().map((c) => c.args[0]);
    assert.deepStrictEqual(verbs, ['login', 'tag', 'push', 'tag', 'push']);
    assert.strictEqual(emulator.calls().get('ecr:GetAuthorizationToken'), 1);
    for (const call of fake.calls()) assert.ok(!call.args.join(' ').includes('emulator-token'), call.args.join(' '));
  });

  it('logs in again once when the registry refuses the stored login', async () => {
    await pushImage(deps, { image: 'app:1.0', repository: 'demo/web' });
    fake.failNextPushWithAuth();
    await pushImage(deps, { image: 'app:1.0', repository: 'demo/web' });
    assert.deepStrictEqual(fake.calls().map((c) => c.args[0]), ['login', 'tag', 'push', 'tag', 'push', 'login', 'push']);
  });

  it('refuses a missing repository unless asked to create it; validates names and tags first', async () => {
    await assert.rejects(pushImage(deps, { image: 'app:1.0', repository: 'ghost/app' }), (e: ContainerCliError) => e.kind === 'repository-missing' && /ghost\/app/.test(e.message));
    assert.strictEqual(fake.calls().length, 0);
    const created = await pushImage(deps, { image: 'app:1.0', repository: 'ghost/app', createRepository: true });
    assert.match(created.repositoryUri, /\/ghost\/app$/);
    await assert.rejects(pushImage(deps, { image: 'app:1.0', repository: 'Bad Name' }), /Invalid repository name/);
    await assert.rejects(pushImage(deps, { image: 'app:1.0', repository: 'demo/web', tag: '-x' }), /Invalid tag/);
    await assert.rejects(pushImage(deps, { image: 'missing:1', repository: 'demo/web' }), (e: ContainerCliError) => e.kind === 'image-missing');
  });

  it('with a local registry standing in for ECR, only the CLI goes there: tag, login and push; the result keeps the ECR form', async () => {
    const standIn = await startEmulator({ seed: 'demo', registry: { url: 'http://127.0.0.1:5999', user: 'AWS', password: 'stand-in-password' } });
    const local = new ClientManager({ profile: 't', region: 'us-east-1', endpoint: standIn.url }, { maxAttempts: 1, requestTimeoutMs: 5000, connectTimeoutMs: 2000 });
    const cli = makeFakeCli('stand-in-password');
    try {
      const result = await pushImage({ ...deps, ecr: new EcrService(local), cli: new ContainerCli('docker', cli.executable, cli.env), tokenKey: 'local' }, { image: 'app:1.0', repository: 'demo/web', tag: '1.2' });
      const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
      assert.strictEqual(result.imageUri, `${host}/demo/web:1.2`);
      assert.strictEqual(result.digestUri, `${host}/demo/web@${FAKE_DIGEST}`);
      assert.deepStrictEqual(cli.calls().map((c) => c.args.filter((a) => !a.startsWith('-') && a !== 'AWS' && !a.includes('digest'))), [
        ['login', '127.0.0.1:5999'],
        ['tag', 'app:1.0', '127.0.0.1:5999/demo/web:1.2'],
        ['push', '127.0.0.1:5999/demo/web:1.2'],
      ]);
    } finally {
      cli.dispose();
      local.dispose();
      await standIn.close();
    }
  });

  it('sends the push where the CLI logged in; on AWS that is the repository URI itself', () => {
    const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/web';
    assert.strictEqual(transportRepository(ecr, 'demo/web', 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com'), ecr);
    assert.strictEqual(transportRepository(ecr, 'demo/web', 'https://123456789012.DKR.ecr.us-east-1.amazonaws.com'), ecr);
    assert.strictEqual(transportRepository(ecr, 'demo/web', 'http://127.0.0.1:5000'), '127.0.0.1:5000/demo/web');
  });

  it('picks the default tag from the local reference', () => {
    assert.strictEqual(defaultTag('app:1.0'), '1.0');
    assert.strictEqual(defaultTag('127.0.0.1:5000/app'), 'latest');
    assert.strictEqual(defaultTag('abc123'), 'latest');
  });
});
