import * as assert from 'assert';
import { ClientManager } from '../../../src/aws/clientManager';
import { loadSdk } from '../../../src/aws/sdkLoader';
import { AwsLiveValues, trustsEcsTasks } from '../../../src/editor/liveValues';
import { CachedLiveValues, type LiveValueRequest } from '../../../src/taskdef';
import { startEmulator, type EmulatorHandle } from '../../emulator';

const ACCOUNT = '123456789012';

describe('AwsLiveValues: completion values from the account (emulator, real SDK)', function () {
  let emulator: EmulatorHandle;
  let manager: ClientManager;
  let live: AwsLiveValues;
  const saved = { ...process.env };

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_EC2_METADATA_DISABLED: 'true' });
    delete process.env.AWS_PROFILE;
    manager = new ClientManager({ region: 'us-east-1', endpoint: emulator.url });
    live = new AwsLiveValues(manager, loadSdk);
  });

  after(async () => {
    manager.dispose();
    process.env = saved;
    await emulator.close();
  });

  const values = async (request: Omit<LiveValueRequest, 'prefix'>) => live.provide({ prefix: '', ...request }, new AbortController().signal);

  it('lists only the IAM roles ECS tasks may assume, by name with the ARN as value', async () => {
    const roles = await values({ kind: 'iamRole' });
    assert.deepStrictEqual(roles.map((r) => r.label).sort(), ['demo-api-task-role', 'demo-worker-task-role', 'ecsTaskExecutionRole']);
    assert.ok(roles.every((r) => r.value.startsWith(`arn:aws:iam::${ACCOUNT}:role/`)), JSON.stringify(roles));
  });

  it('lists ECR repository URIs, then the tags of one repository, newest first, as full image URIs', async () => {
    const repos = await values({ kind: 'ecrRepository' });
    const api = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/demo/api`;
    assert.ok(repos.some((r) => r.value === api), repos.map((r) => r.value).join(', '));
    const tags = await values({ kind: 'ecrImageTag', repositoryUri: api });
    assert.deepStrictEqual(tags.map((t) => t.label), ['1.2.0', 'latest', '1.1.0', '1.0.0']);
    assert.strictEqual(tags[0].value, `${api}:1.2.0`);
  });

  it('lists log groups, secrets and SSM parameters, clusters and families', async () => {
    const groups = await values({ kind: 'logGroup' });
    assert.ok(groups.length > 0 && groups.every((g) => g.value.startsWith('/')), JSON.stringify(groups));
    const secrets = await values({ kind: 'secret' });
    const labels = secrets.map((s) => s.label);
    assert.ok(labels.includes('demo/api/db-password') && labels.includes('/demo/api/LOG_LEVEL'), labels.join(', '));
    assert.ok(secrets.every((s) => s.value.startsWith('arn:aws:')), JSON.stringify(secrets.map((s) => s.value)));
    assert.ok((await values({ kind: 'cluster' })).length >= 2);
    assert.ok((await values({ kind: 'taskDefinitionFamily' })).some((f) => f.value === 'demo-api'));
  });

  it('behind the core cache: a failing account answers nothing within the give-up time, never an error', async () => {
    emulator.faults.set({ accessDenied: [{ action: 'iam:ListRoles' }] });
    try {
      const cached = new CachedLiveValues(new AwsLiveValues(manager, loadSdk), { timeoutMs: 300 });
      assert.deepStrictEqual(await cached.get({ kind: 'iamRole', prefix: '' }), []);
    } finally {
      emulator.faults.clear();
    }
  });

  it('reads every page (one bound for all kinds): the 600th cluster is offered', async function () {
    this.timeout(60_000);
    const sdk = await loadSdk();
    const ecs = await manager.client('ecs');
    for (let i = 0; i < 600; i++) await ecs.send(new sdk.ecs.CreateClusterCommand({ clusterName: `zz-cluster-${String(i).padStart(3, '0')}` }));
    const fresh = new AwsLiveValues(manager, loadSdk);
    const get = (kind: LiveValueRequest['kind']) => fresh.provide({ kind, prefix: '' }, new AbortController().signal);
    assert.ok((await get('cluster')).some((c) => c.value === 'zz-cluster-599'));
  });

  it('reads trust policies as IAM returns them (URL-encoded), with one or many principals', () => {
    const doc = (service: unknown, effect = 'Allow') => encodeURIComponent(JSON.stringify({ Statement: [{ Effect: effect, Principal: { Service: service }, Action: 'sts:AssumeRole' }] }));
    assert.strictEqual(trustsEcsTasks(doc('ecs-tasks.amazonaws.com')), true);
    assert.strictEqual(trustsEcsTasks(doc(['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'])), true);
    assert.strictEqual(trustsEcsTasks(doc('ec2.amazonaws.com')), false);
    assert.strictEqual(trustsEcsTasks(doc('ecs-tasks.amazonaws.com', 'Deny')), false);
    assert.strictEqual(trustsEcsTasks('%7Bnot json'), false);
    assert.strictEqual(trustsEcsTasks(undefined), false);
  });
});
