import * as assert from 'assert';
import { ECSClient, ListClustersCommand, ListServicesCommand, DescribeServicesCommand, CreateClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { raw, rejectsWith, sdkConfig, useEmulator } from './helpers';

describe('emulator: faults on demand', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
  });
  afterEach(() => ctx.emu.faults.clear());

  it('throttles (ThrottlingException, "Rate exceeded"), optionally only some actions', async () => {
    ctx.emu.faults.set({ throttleRate: 1, faultActions: ['ecs:ListServices'] });
    const e = await rejectsWith(ecs.send(new ListServicesCommand({ cluster: 'demo-fargate' })), 'ThrottlingException');
    assert.strictEqual(e.message, 'Rate exceeded');
    await ecs.send(new ListClustersCommand({}));
  });

  it('counts every attempt the SDK makes at a throttled call, and throttled calls change nothing', async () => {
    ctx.emu.faults.set({ throttleRate: 1 });
    const retrying = new ECSClient({ ...sdkConfig(ctx.emu), maxAttempts: 2 });
    const before = ctx.emu.calls().get('ecs:CreateCluster') ?? 0;
    await rejectsWith(retrying.send(new CreateClusterCommand({ clusterName: 'throttled' })), 'ThrottlingException');
    assert.strictEqual(ctx.emu.calls().get('ecs:CreateCluster'), before + 2, 'two attempts');
    ctx.emu.faults.clear();
    const d = await ecs.send(new DescribeClustersCommand({ clusters: ['throttled'] }));
    assert.deepStrictEqual(d.failures?.map((f) => f.reason), ['MISSING']);
  });

  it('5xx errors (ServerException for ECS)', async () => {
    ctx.emu.faults.set({ serverErrorRate: 1 });
    const e = await rejectsWith(ecs.send(new ListClustersCommand({})), 'ServerException');
    assert.strictEqual(e.$metadata?.httpStatusCode, 500);
  });

  it('expired credentials, in awsJson and awsQuery', async () => {
    ctx.emu.faults.set({ expiredCredentials: true });
    await rejectsWith(ecs.send(new ListClustersCommand({})), 'ExpiredTokenException');
    await rejectsWith(new STSClient(sdkConfig(ctx.emu)).send(new GetCallerIdentityCommand({})), 'ExpiredToken');
  });

  it('AccessDenied for an action, or for an action on one cluster only', async () => {
    ctx.emu.faults.set({ accessDenied: [{ action: 'ecs:DescribeServices', resource: 'demo-ec2' }] });
    await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'] }));
    const e = await rejectsWith(ecs.send(new DescribeServicesCommand({ cluster: 'demo-ec2', services: ['cache'] })), 'AccessDeniedException');
    assert.strictEqual(e.message, 'User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: ecs:DescribeServices on resource: arn:aws:ecs:us-east-1:123456789012:cluster/demo-ec2 because no identity-based policy allows the ecs:DescribeServices action');
    ctx.emu.faults.set({ accessDenied: [{ action: 'ListClusters' }] });
    await rejectsWith(ecs.send(new ListClustersCommand({})), 'AccessDeniedException');
  });

  it('latency per call (real milliseconds)', async () => {
    ctx.emu.faults.set({ latencyMs: 60 });
    const t0 = Date.now();
    await ecs.send(new ListClustersCommand({}));
    assert.ok(Date.now() - t0 >= 55);
  });

  it('faults and the manual clock can be driven over HTTP by an out-of-process test', async () => {
    const set = await raw(ctx.emu.url, { path: '/_emulator/faults', body: JSON.stringify({ throttleRate: 1 }) });
    assert.strictEqual(JSON.parse(set.body).throttleRate, 1);
    await rejectsWith(ecs.send(new ListClustersCommand({})), 'ThrottlingException');
    await raw(ctx.emu.url, { path: '/_emulator/faults', method: 'DELETE' });
    await ecs.send(new ListClustersCommand({}));
    const before = ctx.emu.clock.now().getTime();
    const adv = await raw(ctx.emu.url, { path: '/_emulator/clock/advance', body: JSON.stringify({ ms: 90_000 }) });
    assert.strictEqual(Date.parse(JSON.parse(adv.body).now), before + 90_000);
  });
});
