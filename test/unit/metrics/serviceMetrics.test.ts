import * as assert from 'assert';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { parseShowMetricsArgs } from '../../../src/metrics/args';
import { RANGES, RANGE_NAMES, windowOf } from '../../../src/metrics/ranges';
import { metricQueries, readServiceMetrics } from '../../../src/metrics/serviceMetrics';
import { runningFromEvents } from '../../../src/metrics/taskCounts';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

const HOUR = 3600_000;

describe('metrics: the service page data, against the emulator', () => {
  let account: UnitEmulatorAccount;
  let now: number;
  before(async () => {
    account = await startEmulatorAccount({ seed: 'demo' });
    now = account.emulator.clock.now().getTime();
  });
  after(() => account?.close());

  it('api over 1 h: CPU and memory each minute, Container Insights task counts, its deployment and both alarm lines', async () => {
    const m = await readServiceMetrics(account.manager, {}, 'demo-fargate', 'api', '1h', now);
    assert.strictEqual(m.periodSeconds, 60);
    assert.ok(m.cpu.values.length >= 59 && m.cpu.values.length <= 61, String(m.cpu.values.length));
    assert.ok(m.cpu.timestamps.every((t) => Date.parse(t) % 60_000 === 0));
    assert.ok(m.cpu.timestamps.every((t, i, all) => i === 0 || t > all[i - 1]), 'oldest first');
    assert.ok(m.memory.values.every((v) => v > 0 && v <= 100));
    assert.strictEqual(m.taskCounts, 'container-insights');
    assert.ok(m.running.values.every((v) => v === 3) && m.desired.values.every((v) => v === 3));
    assert.strictEqual(m.deployments.length, 1);
    assert.strictEqual(m.deployments[0].taskDefinition, 'demo-api:3');
    assert.deepStrictEqual(m.alarms.map((a) => [a.metric, a.comparison]).sort(), [['cpu', 'GreaterThanThreshold'], ['cpu', 'LessThanThreshold']]);
    assert.strictEqual(m.alarmsError, undefined);
  });

  it('gives exactly what CloudWatch GetMetricData gives for the same query', async () => {
    const m = await readServiceMetrics(account.manager, {}, 'demo-fargate', 'api', '6h', now);
    const cw = new CloudWatchClient({ endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDT', secretAccessKey: 's' } });
    const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(m.start), EndTime: new Date(m.end), ScanBy: 'TimestampAscending', MetricDataQueries: metricQueries('demo-fargate', 'api', 300, true) }));
    const cpu = out.MetricDataResults!.find((r) => r.Id === 'cpu')!;
    assert.deepStrictEqual(m.cpu, { timestamps: cpu.Timestamps!.map((t) => t.toISOString()), values: cpu.Values });
    assert.ok(m.cpu.timestamps.every((t) => Date.parse(t) % 300_000 === 0), 'aligned to the period');
  });

  it('without Container Insights (demo-ec2), running tasks come from the service events', async () => {
    const m = await readServiceMetrics(account.manager, { region: 'us-east-1' }, 'demo-ec2', 'cache', '7d', now);
    assert.strictEqual(m.taskCounts, 'service-events');
    assert.strictEqual(m.periodSeconds, 3600);
    assert.ok(m.cpu.values.length >= 72 && m.cpu.values.length <= 73, String(m.cpu.values.length));
    assert.strictEqual(m.running.values[m.running.values.length - 1], 1);
    assert.ok(m.desired.values.every((v) => v === 1));
    assert.deepStrictEqual(m.alarms, []);
  });

  it('a missing service says so', async () => {
    await assert.rejects(readServiceMetrics(account.manager, {}, 'demo-fargate', 'ghost', '1h', now), /Service ghost was not found in cluster demo-fargate \(us-east-1\)/);
  });
});

describe('metrics: ranges, arguments and task counts', () => {
  it('each range gives a chart 60–300 points, its start aligned to the period', () => {
    for (const r of RANGE_NAMES) {
      const w = windowOf(r, Date.parse('2025-01-15T09:07:30Z'));
      const points = RANGES[r].ms / 1000 / w.periodSeconds;
      assert.ok(points >= 60 && points <= 300, `${r}: ${points}`);
      assert.strictEqual(w.start.getTime() % (w.periodSeconds * 1000), 0);
    }
    assert.deepStrictEqual(RANGE_NAMES.map((r) => RANGES[r].periodSeconds), [60, 300, 300, 3600]);
  });

  it('reads the argument object, names from ARNs, and refuses a bad one with what is expected', () => {
    assert.deepStrictEqual(parseShowMetricsArgs({ cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-fargate', service: 'api', range: '24h', region: 'eu-west-1' }),
      { cluster: 'demo-fargate', service: 'api', range: '24h', scope: { region: 'eu-west-1', profile: undefined } });
    assert.strictEqual(parseShowMetricsArgs({ cluster: 'c', service: 's' }).range, '1h');
    assert.throws(() => parseShowMetricsArgs({ cluster: 'c', service: 's', range: '2d' }), /"range" must be one of 1h, 6h, 24h, 7d\. Expected \{ cluster, service, region\?, profile\?, range\?/);
    assert.throws(() => parseShowMetricsArgs({ cluster: 'c' }), /"service" is missing/);
  });

  it('running tasks back in time from the events', () => {
    const t0 = Date.parse('2025-01-15T08:00:00Z');
    const events = [
      { createdAt: new Date(t0 + 2 * HOUR), message: '(service web) has stopped 1 running tasks: (task a).' },
      { createdAt: new Date(t0 + HOUR), message: '(service web) has started 2 tasks: (task b) (task c).' },
    ];
    assert.deepStrictEqual(runningFromEvents([t0, t0 + 1.5 * HOUR, t0 + 3 * HOUR], 1, events), [0, 2, 1]);
  });
});
