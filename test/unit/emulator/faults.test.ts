import * as assert from 'assert';
import * as http from 'http';
import { ECSClient, ListClustersCommand, ListServicesCommand, DescribeServicesCommand, CreateClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { Faults } from '../../emulator/kit/faults';
import { AUTH, raw, rejectsWith, sdkConfig, useEmulator } from './helpers';

/** One raw ListClusters call: how it ended (a complete reply, or a reset after `bytes` of the body). */
function rawCall(url: string): Promise<{ complete: boolean; status?: number; bytes: number; code?: string }> {
  return new Promise((resolve) => {
    let bytes = 0;
    let status: number | undefined;
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.ListClusters', Authorization: AUTH } }, (res) => {
      status = res.statusCode;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ complete: true, status, bytes }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ complete: false, status, bytes, code: e.code }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ complete: false, status, bytes, code: e.code }));
    req.end('{}');
  });
}

/** A client that retries at once (no backoff sleep), up to `attempts` times. */
function retrying(emu: Parameters<typeof sdkConfig>[0], attempts: number): ECSClient {
  return new ECSClient({ ...sdkConfig(emu), maxAttempts: attempts, retryStrategy: new ConfiguredRetryStrategy(attempts, () => 0) });
}

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
    const before = ctx.emu.calls().get('ecs:CreateCluster') ?? 0;
    await rejectsWith(retrying(ctx.emu, 2).send(new CreateClusterCommand({ clusterName: 'throttled' })), 'ThrottlingException');
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

  it('connection resets: the SDK sees ECONNRESET, the call has taken effect, a retry gets the reply', async () => {
    ctx.emu.faults.set({ connectionResetRate: 1, faultActions: ['ecs:CreateCluster'] });
    const e = (await ecs.send(new CreateClusterCommand({ clusterName: 'reset-once' })).then(() => assert.fail('expected a reset'), (x: unknown) => x)) as NodeJS.ErrnoException;
    assert.strictEqual(e.code, 'ECONNRESET', `${e.name}: ${e.message}`);
    ctx.emu.faults.clear();
    const d = await ecs.send(new DescribeClustersCommand({ clusters: ['reset-once'] }));
    assert.strictEqual(d.clusters?.[0]?.status, 'ACTIVE', 'the reset call created the cluster');
    ctx.emu.faults.set({ connectionResetRate: 0.5, seed: 1 });
    const before = ctx.emu.calls().get('ecs:ListClusters') ?? 0;
    for (let i = 0; i < 5; i++) {
      await retrying(ctx.emu, 20).send(new ListClustersCommand({}));
    }
    assert.ok((ctx.emu.calls().get('ecs:ListClusters') ?? 0) - before > 5, 'some attempts were reset and retried');
  });

  it('a reset comes after the headers or inside the body, never with the whole body', async () => {
    ctx.emu.faults.set({ connectionResetRate: 1, seed: 7 });
    const ends = [];
    for (let i = 0; i < 12; i++) {
      ends.push(await rawCall(ctx.emu.url));
    }
    ctx.emu.faults.clear();
    const full = await rawCall(ctx.emu.url);
    assert.ok(full.complete && full.bytes > 10);
    assert.ok(ends.every((x) => !x.complete && x.status === 200 && x.code === 'ECONNRESET' && x.bytes < full.bytes), JSON.stringify(ends));
    assert.ok(ends.some((x) => x.bytes === 0), 'some after the headers');
    assert.ok(ends.some((x) => x.bytes > 0), 'some inside the body');
  });

  it('throttling 30%, 5xx 10% and resets 2% together: a retrying client gets every reply, the same way for the same seed', async () => {
    const run = async (): Promise<number> => {
      ctx.emu.faults.set({ throttleRate: 0.3, serverErrorRate: 0.1, connectionResetRate: 0.02, seed: 42 });
      const client = retrying(ctx.emu, 10);
      const before = ctx.emu.calls().get('ecs:ListClusters') ?? 0;
      for (let i = 0; i < 60; i++) {
        const r = await client.send(new ListClustersCommand({}));
        assert.ok(r.clusterArns?.length);
      }
      return (ctx.emu.calls().get('ecs:ListClusters') ?? 0) - before;
    };
    const first = await run();
    assert.ok(first > 70, `attempts: ${first}`);
    assert.strictEqual(await run(), first, 'same seed, same faults');
  });

  it('fault settings are checked: unknown ones and rates outside 0..1 are refused, in-process and over HTTP', async () => {
    assert.throws(() => ctx.emu.faults.set({ throttleRate: 2 }), /throttleRate must be a number from 0 to 1/);
    assert.throws(() => ctx.emu.faults.set({ throtleRate: 1 } as never), /unknown setting throtleRate/);
    const bad = await raw(ctx.emu.url, { path: '/_emulator/faults', body: JSON.stringify({ connectionResetRate: -1 }) });
    assert.strictEqual(bad.status, 400);
    assert.match(JSON.parse(bad.body).error, /connectionResetRate/);
  });

  it('faults and the manual clock can be driven over HTTP by an out-of-process test', async () => {
    const set = await raw(ctx.emu.url, { path: '/_emulator/faults', body: JSON.stringify({ throttleRate: 1, latencyJitterMs: 0, connectionResetRate: 0, seed: 3 }) });
    assert.deepStrictEqual([JSON.parse(set.body).throttleRate, JSON.parse(set.body).connectionResetRate], [1, 0]);
    await rejectsWith(ecs.send(new ListClustersCommand({})), 'ThrottlingException');
    await raw(ctx.emu.url, { path: '/_emulator/faults', method: 'DELETE' });
    await ecs.send(new ListClustersCommand({}));
    const before = ctx.emu.clock.now().getTime();
    const adv = await raw(ctx.emu.url, { path: '/_emulator/clock/advance', body: JSON.stringify({ ms: 90_000 }) });
    assert.strictEqual(Date.parse(JSON.parse(adv.body).now), before + 90_000);
  });
});

describe('emulator kit: latency and jitter (recorded, not slept)', () => {
  const op = { i: 'smithy.api#Unit', o: 'smithy.api#Unit', e: [] };
  const delays = async (seed: number, n: number, set: Parameters<Faults['set']>[0]): Promise<number[]> => {
    const seen: number[] = [];
    const f = new Faults(seed, async (ms) => {
      seen.push(ms);
    });
    f.set(set);
    for (let i = 0; i < n; i++) {
      await f.beforeInput('ecs', 'ListClusters', op);
    }
    return seen;
  };

  it('adds latencyMs plus a uniform 0..latencyJitterMs to every call, the same sequence for the same seed', async () => {
    const d = await delays(5, 400, { latencyMs: 100, latencyJitterMs: 50 });
    assert.strictEqual(d.length, 400);
    assert.ok(d.every((x) => Number.isInteger(x) && x >= 100 && x <= 150));
    assert.ok(d.some((x) => x < 105) && d.some((x) => x > 145), 'spread over the whole range');
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    assert.ok(Math.abs(mean - 125) < 4, `mean ${mean}`);
    assert.deepStrictEqual(await delays(5, 400, { latencyMs: 100, latencyJitterMs: 50 }), d);
    assert.notDeepStrictEqual(await delays(6, 400, { latencyMs: 100, latencyJitterMs: 50 }), d);
  });

  it('no latency configured: nothing is waited for', async () => {
    assert.deepStrictEqual(await delays(1, 5, {}), []);
    assert.deepStrictEqual(await delays(1, 3, { latencyMs: 20 }), [20, 20, 20]);
  });
});
