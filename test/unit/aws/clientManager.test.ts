import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { ClientManager, type ContextChange } from '../../../src/aws/clientManager';
import { describeAwsError } from '../../../src/aws/errors';
import { startEmulator, type EmulatorHandle } from '../../emulator';

/** Points the SDK at temp shared config files for one test, and restores the environment after. */
function withSharedConfig(files: { config?: string; credentials?: string }): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-cm-'));
  const saved = { ...process.env };
  fs.writeFileSync(path.join(dir, 'config'), files.config ?? '');
  fs.writeFileSync(path.join(dir, 'credentials'), files.credentials ?? '');
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_ECS', 'AWS_REGION']) {
    delete process.env[name];
  }
  return () => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

const STATIC = '[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n';

describe('ClientManager', function () {
  let emulator: EmulatorHandle;
  let restore: (() => void) | undefined;
  let manager: ClientManager | undefined;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
  });
  after(() => emulator.close());
  afterEach(() => {
    manager?.dispose();
    manager = undefined;
    restore?.();
    restore = undefined;
    emulator.faults.clear();
  });

  it('resolves static keys of a named profile from the shared credentials file', async () => {
    restore = withSharedConfig({ credentials: STATIC });
    manager = new ClientManager({ profile: 'base', region: 'us-east-1' });
    const credentials = await manager.credentials();
    assert.strictEqual(credentials.accessKeyId, 'AKIDBASE');
  });

  it('resolves credential_process', async () => {
    const script = path.join(os.tmpdir(), `ecs-wb-credproc-${process.pid}.js`);
    fs.writeFileSync(script, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDPROCESS', SecretAccessKey: 's', SessionToken: 't' }))`);
    restore = withSharedConfig({ config: `[profile tool]\ncredential_process = ${process.execPath} ${script}\nregion = eu-west-1\n` });
    manager = new ClientManager({ profile: 'tool', region: 'eu-west-1' });
    const credentials = await manager.credentials();
    assert.strictEqual(credentials.accessKeyId, 'AKIDPROCESS');
    assert.strictEqual(credentials.sessionToken, 't');
    fs.rmSync(script);
  });

  it('follows an assume-role chain (role_arn + source_profile) through STS at the endpoint', async () => {
    restore = withSharedConfig({
      config: '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\nregion = us-east-1\n',
      credentials: STATIC,
    });
    manager = new ClientManager({ profile: 'admin', region: 'us-east-1', endpoint: emulator.url });
    const credentials = await manager.credentials();
    assert.match(credentials.accessKeyId, /^ASIA/, 'temporary credentials from AssumeRole');
    assert.ok(credentials.sessionToken, 'a session token');
    assert.strictEqual(emulator.calls().get('sts:AssumeRole'), 1);
  });

  it('caches one client per kind, profile, region and endpoint, and drops them all when the context changes', async () => {
    restore = withSharedConfig({ credentials: STATIC });
    manager = new ClientManager({ profile: 'base', region: 'us-east-1', endpoint: emulator.url });
    const changes: ContextChange[] = [];
    manager.onDidChangeContext((change) => changes.push(change));
    const ecs = await manager.client('ecs');
    assert.strictEqual(await manager.client('ecs'), ecs, 'same client on the second call');
    const other = await manager.client('ecs', { region: 'eu-west-1' });
    assert.notStrictEqual(other, ecs, 'another region, another client');
    await manager.client('ecr');
    assert.strictEqual(manager.clientCount, 3);

    manager.setContext({ profile: 'base', region: 'us-east-1', endpoint: emulator.url });
    assert.strictEqual(changes.length, 0, 'no event when nothing changed');
    assert.strictEqual(manager.clientCount, 3);

    manager.setContext({ profile: 'base', region: 'eu-west-1', endpoint: emulator.url });
    assert.strictEqual(changes.length, 1);
    assert.deepStrictEqual(changes[0].current, { profile: 'base', region: 'eu-west-1', endpoint: emulator.url });
    assert.strictEqual(manager.clientCount, 0, 'every cached client destroyed');
    assert.notStrictEqual(await manager.client('ecs'), ecs);
  });

  it('sends calls to the endpoint override of the setting', async () => {
    restore = withSharedConfig({ credentials: STATIC });
    manager = new ClientManager({ profile: 'base', region: 'us-east-1', endpoint: emulator.url });
    const ecs = await manager.client('ecs');
    const out = await ecs.send(new ListClustersCommand({}));
    assert.ok((out.clusterArns ?? []).length >= 2, 'the demo seed clusters');
    assert.strictEqual((await manager.callerIdentity()).account, '123456789012');
  });

  it('honours AWS_ENDPOINT_URL_ECS when no endpoint is set', async () => {
    restore = withSharedConfig({ credentials: STATIC });
    process.env.AWS_ENDPOINT_URL_ECS = emulator.url;
    manager = new ClientManager({ profile: 'base', region: 'us-east-1' });
    const before = emulator.calls().get('ecs:ListClusters') ?? 0;
    await (await manager.client('ecs')).send(new ListClustersCommand({}));
    assert.strictEqual(emulator.calls().get('ecs:ListClusters'), before + 1);
  });

  it('retries ThrottlingException and reports it only when the attempts run out', async () => {
    restore = withSharedConfig({ credentials: STATIC });
    emulator.faults.set({ throttleRate: 1, faultActions: ['ecs:ListClusters'] });
    manager = new ClientManager({ profile: 'base', region: 'us-east-1', endpoint: emulator.url }, { maxAttempts: 3, requestTimeoutMs: 5_000, connectTimeoutMs: 1_000 });
    const before = emulator.calls().get('ecs:ListClusters') ?? 0;
    const error = await (await manager.client('ecs')).send(new ListClustersCommand({})).then(
      () => assert.fail('expected throttling to surface after 3 attempts'),
      (e: unknown) => e,
    );
    assert.strictEqual(emulator.calls().get('ecs:ListClusters'), before + 3, 'three attempts');
    assert.strictEqual(describeAwsError(error).kind, 'throttled');

    // Half the calls throttled: with 20 attempts the call goes through (all 20 failing: p = 1e-6).
    emulator.faults.set({ throttleRate: 0.5 });
    manager.setOptions({ maxAttempts: 20, requestTimeoutMs: 5_000, connectTimeoutMs: 1_000 });
    const out = await (await manager.client('ecs')).send(new ListClustersCommand({}));
    assert.ok(out.clusterArns?.length);
  });
});
