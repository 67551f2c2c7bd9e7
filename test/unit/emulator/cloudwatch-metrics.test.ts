import * as assert from 'assert';
import {
  CloudWatchClient, GetMetricDataCommand, GetMetricStatisticsCommand, ListMetricsCommand, type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { ECSClient, RegisterTaskDefinitionCommand, CreateServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';
import { memoryPercent } from '../../emulator/services/cloudwatch/metrics/load';
import type { TaskSpan } from '../../emulator/services/ecs/sim/history';

const MIN = 60_000;
const dims = (service?: string) => [{ Name: 'ClusterName', Value: 'demo-fargate' }, ...(service ? [{ Name: 'ServiceName', Value: service }] : [])];
const stat = (id: string, name: string, service: string, period: number, s = 'Average', namespace = 'AWS/ECS'): MetricDataQuery =>
  ({ Id: id, MetricStat: { Metric: { Namespace: namespace, MetricName: name, Dimensions: dims(service) }, Period: period, Stat: s } });

describe('emulator: CloudWatch metrics of the simulated tasks', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let cw: CloudWatchClient;
  let now: number;
  before(() => {
    cw = new CloudWatchClient(sdkConfig(ctx.emu));
    now = ctx.emu.clock.now().getTime();
  });

  it('GetMetricData: one datapoint a minute while the service ran, aligned, newest first, within 0–100 %', async () => {
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(now - 3 * 3600_000), EndTime: new Date(now),
      MetricDataQueries: [stat('cpu', 'CPUUtilization', 'api', 60), stat('mem', 'MemoryUtilization', 'api', 60, 'Maximum')],
    }));
    const [cpu, mem] = out.MetricDataResults!;
    assert.strictEqual(cpu.Id, 'cpu');
    assert.strictEqual(cpu.Label, 'CPUUtilization');
    assert.strictEqual(cpu.StatusCode, 'Complete');
    // api's tasks run since 119 minutes before the seed's time: 119 or 120 minutes with data.
    assert.ok(cpu.Timestamps!.length >= 119 && cpu.Timestamps!.length <= 120, String(cpu.Timestamps!.length));
    assert.ok(cpu.Timestamps!.every((t) => t.getTime() % MIN === 0));
    assert.ok(cpu.Timestamps![0] > cpu.Timestamps![1], 'TimestampDescending by default');
    assert.ok(cpu.Values!.every((v) => v > 0 && v <= 100));
    assert.ok(mem.Values!.every((v) => v > 0 && v <= 100));
    assert.strictEqual(out.NextToken, undefined);
  });

  it('is deterministic, and Sum/SampleCount/Minimum/Maximum agree with the tasks that ran', async () => {
    const q = { StartTime: new Date(now - 30 * MIN), EndTime: new Date(now), ScanBy: 'TimestampAscending' as const };
    const queries = ['Average', 'Sum', 'SampleCount', 'Minimum', 'Maximum'].map((s, i) => stat(`m${i}`, 'CPUUtilization', 'api', 300, s));
    const [a, b] = await Promise.all([cw.send(new GetMetricDataCommand({ ...q, MetricDataQueries: queries })), cw.send(new GetMetricDataCommand({ ...q, MetricDataQueries: queries }))]);
    assert.deepStrictEqual(a.MetricDataResults, b.MetricDataResults);
    const [avg, sum, count, lo, hi] = a.MetricDataResults!.map((r) => r.Values!);
    assert.strictEqual(count[0], 15, '3 tasks × 5 minutes');
    avg.forEach((v, i) => assert.ok(Math.abs(v - sum[i] / count[i]) < 1e-9 && lo[i] <= v && v <= hi[i]));
    assert.ok(a.MetricDataResults![0].Timestamps![0] < a.MetricDataResults![0].Timestamps![1], 'TimestampAscending');
  });

  it('a busy image shows more CPU; an oom image climbs to 100 % memory', async () => {
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    for (const [family, image] of [['busy-app', 'demo/api:busy'], ['leaky-app', 'demo/api:oom-1']]) {
      await ecs.send(new RegisterTaskDefinitionCommand({ family, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image, essential: true }] }));
      await ecs.send(new CreateServiceCommand({ cluster: 'demo-fargate', serviceName: family, taskDefinition: family, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'] } } }));
    }
    await ctx.emu.clock.advance(6 * MIN);
    now = ctx.emu.clock.now().getTime();
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(now - 5 * MIN), EndTime: new Date(now), ScanBy: 'TimestampAscending',
      MetricDataQueries: [stat('busy', 'CPUUtilization', 'busy-app', 60), stat('quiet', 'CPUUtilization', 'api', 60), stat('leak', 'MemoryUtilization', 'leaky-app', 60, 'Maximum')],
    }));
    const [busy, quiet, leak] = out.MetricDataResults!.map((r) => r.Values!);
    assert.ok(busy.length >= 4 && Math.min(...busy) > Math.max(...quiet), `${busy} vs ${quiet}`);
    // ECS kills an oom task 45 s after it starts and the service starts another: every minute has a
    // task at its limit.
    assert.ok(leak.length >= 2 && leak.includes(100), String(leak));
    // A longer-lived one shows the climb, minute by minute, to 100 % in its last minute.
    const span = { id: 't', start: 0, end: 10 * MIN, images: ['demo/api:oom-1'] } as unknown as TaskSpan;
    const climb = [0, 3, 6, 9].map((m) => memoryPercent('arn:svc', span, m * MIN));
    assert.deepStrictEqual([climb[0], climb[3]], [40, 100]);
    assert.ok(climb[1] < climb[2], String(climb));
  });

  it('Container Insights on demo-fargate: task counts and reserved CPU; none on demo-ec2', async () => {
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(now - 10 * MIN), EndTime: new Date(now),
      MetricDataQueries: [
        stat('running', 'RunningTaskCount', 'api', 60, 'Average', 'ECS/ContainerInsights'),
        stat('desired', 'DesiredTaskCount', 'api', 60, 'Average', 'ECS/ContainerInsights'),
        stat('reserved', 'CpuReserved', 'api', 60, 'Average', 'ECS/ContainerInsights'),
        { Id: 'pct', Expression: '100 * used / reserved', Label: 'CPU %' },
        { ...stat('used', 'CpuUtilized', 'api', 60, 'Average', 'ECS/ContainerInsights'), ReturnData: false },
      ],
    }));
    const [running, desired, reserved, pct] = out.MetricDataResults!;
    assert.ok(running.Values!.length >= 9 && running.Values!.every((v) => v === 3));
    assert.ok(desired.Values!.every((v) => v === 3));
    assert.ok(reserved.Values!.every((v) => v === 3 * 512));
    assert.strictEqual(pct.Label, 'CPU %');
    assert.ok(pct.Values!.length === running.Values!.length && pct.Values!.every((v) => v > 0 && v < 100));
    const list = await cw.send(new ListMetricsCommand({ Namespace: 'ECS/ContainerInsights', Dimensions: [{ Name: 'ClusterName', Value: 'demo-ec2' }] }));
    assert.deepStrictEqual(list.Metrics, []);
  });

  it('pages by MaxDatapoints across results, PartialData until the last page', async () => {
    const input = { StartTime: new Date(now - 60 * MIN), EndTime: new Date(now), MaxDatapoints: 50, MetricDataQueries: [stat('a', 'CPUUtilization', 'api', 60), stat('b', 'MemoryUtilization', 'api', 60)] };
    const first = await cw.send(new GetMetricDataCommand(input));
    assert.strictEqual(first.MetricDataResults!.reduce((n, r) => n + r.Values!.length, 0), 50);
    assert.ok(first.MetricDataResults!.every((r) => r.StatusCode === 'PartialData'));
    let token = first.NextToken;
    let total = 50;
    let last = first;
    while (token) {
      last = await cw.send(new GetMetricDataCommand({ ...input, NextToken: token }));
      total += last.MetricDataResults!.reduce((n, r) => n + r.Values!.length, 0);
      token = last.NextToken;
    }
    assert.strictEqual(total, 120);
    assert.ok(last.MetricDataResults!.every((r) => r.StatusCode === 'Complete'));
    await rejectsWith(cw.send(new GetMetricDataCommand({ ...input, StartTime: new Date(now - 59 * MIN), NextToken: first.NextToken })), 'InvalidNextToken');
  });

  it('follows the period and retention rules', async () => {
    await rejectsWith(cw.send(new GetMetricDataCommand({ StartTime: new Date(now - MIN), EndTime: new Date(now), MetricDataQueries: [stat('a', 'CPUUtilization', 'api', 90)] })), 'ValidationException');
    await rejectsWith(cw.send(new GetMetricDataCommand({ StartTime: new Date(now), EndTime: new Date(now - MIN), MetricDataQueries: [stat('a', 'CPUUtilization', 'api', 60)] })), 'ValidationException');
    await rejectsWith(cw.send(new GetMetricDataCommand({ StartTime: new Date(now - MIN), EndTime: new Date(now), MetricDataQueries: [stat('A', 'CPUUtilization', 'api', 60)] })), 'ValidationException');
    // 1-minute data is kept 15 days: a 60 s query over days 16–20 ago has nothing, a 300 s one would.
    const old = await cw.send(new GetMetricDataCommand({ StartTime: new Date(now - 20 * 24 * 3600_000), EndTime: new Date(now - 16 * 24 * 3600_000), MetricDataQueries: [stat('a', 'CPUUtilization', 'api', 60)] }));
    assert.deepStrictEqual(old.MetricDataResults![0].Values, []);
  });

  it('GetMetricStatistics: the same numbers, and more than 1,440 datapoints is InvalidParameterCombination', async () => {
    const start = new Date(now - 60 * MIN);
    const s = await cw.send(new GetMetricStatisticsCommand({ Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: dims('api'), StartTime: start, EndTime: new Date(now), Period: 300, Statistics: ['Average', 'SampleCount'] }));
    const d = await cw.send(new GetMetricDataCommand({ StartTime: start, EndTime: new Date(now), ScanBy: 'TimestampAscending', MetricDataQueries: [stat('a', 'CPUUtilization', 'api', 300)] }));
    assert.strictEqual(s.Label, 'CPUUtilization');
    assert.deepStrictEqual(s.Datapoints!.map((p) => [p.Timestamp!.getTime(), p.Average, p.Unit]), d.MetricDataResults![0].Timestamps!.map((t, i) => [t.getTime(), d.MetricDataResults![0].Values![i], 'Percent']));
    const err = await rejectsWith(cw.send(new GetMetricStatisticsCommand({ Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: dims('api'), StartTime: new Date(now - 2 * 24 * 3600_000), EndTime: new Date(now), Period: 60, Statistics: ['Average'] })), 'InvalidParameterCombinationException');
    assert.match(String(err), /You have requested up to 2,880 datapoints, which exceeds the limit of 1,440/);
    await rejectsWith(cw.send(new GetMetricStatisticsCommand({ Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', StartTime: start, EndTime: new Date(now), Period: 60 })), 'MissingRequiredParameterException');
  });

  it('ListMetrics: by namespace, name and dimension filters; RecentlyActive', async () => {
    const api = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/ECS', Dimensions: [{ Name: 'ServiceName', Value: 'api' }] }));
    assert.deepStrictEqual(api.Metrics!.map((m) => m.MetricName).sort(), ['CPUUtilization', 'MemoryUtilization']);
    const cpu = await cw.send(new ListMetricsCommand({ MetricName: 'CPUUtilization', Dimensions: [{ Name: 'ClusterName' }] }));
    assert.ok(cpu.Metrics!.some((m) => m.Dimensions!.length === 1 && m.Dimensions![0].Value === 'demo-ec2'));
    assert.ok(cpu.Metrics!.some((m) => m.Dimensions!.some((x) => x.Value === 'cache')));
    const recent = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/ECS', RecentlyActive: 'PT3H' }));
    assert.ok(recent.Metrics!.length > 0 && recent.Metrics!.length <= (await cw.send(new ListMetricsCommand({ Namespace: 'AWS/ECS' }))).Metrics!.length);
  });

  it('a scale-out shows in DesiredTaskCount at the minute it happened', async () => {
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    await ecs.send(new UpdateServiceCommand({ cluster: 'demo-fargate', service: 'api', desiredCount: 5 }));
    await ctx.emu.clock.advance(3 * MIN);
    now = ctx.emu.clock.now().getTime();
    const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(now - 6 * MIN), EndTime: new Date(now), ScanBy: 'TimestampAscending', MetricDataQueries: [stat('d', 'DesiredTaskCount', 'api', 60, 'Maximum', 'ECS/ContainerInsights')] }));
    const values = out.MetricDataResults![0].Values!;
    assert.strictEqual(values[0], 3);
    assert.strictEqual(values[values.length - 1], 5);
  });
});
