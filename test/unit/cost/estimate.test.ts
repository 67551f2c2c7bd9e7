/**
 * The cost model against figures worked out by hand here, with us-east-1's rates as the snapshot
 * holds them (AWS's AmazonECS offer file for US East (N. Virginia), scripts/pricing/data/SOURCES.md):
 * Linux/x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour; Linux/ARM $0.03238 and $0.00356;
 * Windows/x86 $0.046552 and $0.00511175 plus $0.046 per vCPU-hour of OS licence; ephemeral storage
 * $0.000111 per GB-hour above 20 GiB; 730 h a month.
 */
import * as assert from 'assert';
import { estimateEc2Share } from '../../../src/cost/ec2Share';
import { describeCountChange, describeEstimate, describeServiceCost, estimateFargate, estimateService, formatUsd, taskShapeOf } from '../../../src/cost/estimate';
import { snapshotPrices } from '../../../src/cost/snapshot';
import type { PricedRegion, TaskShape } from '../../../src/cost/types';

const containers = [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }];
const fargate = (extra: Record<string, unknown>) => ({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: containers, ...extra });

function shape(definition: unknown): TaskShape {
  const s = taskShapeOf(definition);
  if ('problem' in s) assert.fail(s.problem);
  return s;
}

const cents = (n: number) => Math.round(n * 100) / 100;

describe('cost model: Fargate estimates against hand-computed figures (us-east-1, snapshot)', () => {
  let useast1: PricedRegion;
  before(() => {
    useast1 = snapshotPrices('us-east-1')!;
    assert.ok(useast1, 'the bundled snapshot lists us-east-1');
    assert.strictEqual(useast1.source, 'snapshot');
  });

  it('1 vCPU / 2 GB Linux/x86: $0.04048 + 2 × $0.004445 = $0.04937 an hour, $36.04 a month', () => {
    const e = estimateFargate(shape(fargate({ cpu: '1024', memory: '2048' })), useast1);
    assert.strictEqual(e.perTask.vcpuHourly, 0.04048);
    assert.strictEqual(cents(e.perTask.memoryHourly * 1000), 8.89);
    assert.strictEqual([e.perTask.storageHourly, e.perTask.osHourly].join(), '0,0');
    assert.strictEqual(e.hourly.toFixed(5), '0.04937');
    assert.strictEqual(formatUsd(e.monthly), '$36.04');
    assert.strictEqual(describeEstimate(e, shape(fargate({ cpu: '1024', memory: '2048' }))), '≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand');
    assert.deepStrictEqual([e.currency, e.region, e.count, e.capacityProvider, e.source, e.asOf], ['USD', 'us-east-1', 1, 'FARGATE', 'snapshot', useast1.asOf]);
  });

  it('reads the sizes in every unit ECS accepts: "1 vCPU" and "2 GB", numbers, DescribeTaskDefinition output', () => {
    for (const sizes of [{ cpu: '1 vCPU', memory: '2 GB' }, { cpu: 1024, memory: 2048 }, { cpu: '1vcpu', memory: '2GB' }]) {
      assert.deepStrictEqual([shape(fargate(sizes)).vcpu, shape(fargate(sizes)).memoryGb], [1, 2], JSON.stringify(sizes));
    }
    const described = { taskDefinition: { ...fargate({ cpu: '512', memory: '1024' }), compatibilities: ['EC2', 'FARGATE'] } };
    assert.deepStrictEqual([shape(described).vcpu, shape(described).memoryGb, shape(described).launchType], [0.5, 1, 'FARGATE']);
  });

  it('Linux/ARM 2 vCPU / 4 GB: 2 × $0.03238 + 4 × $0.00356 = $0.079 an hour, $57.67 a month', () => {
    const arm = shape(fargate({ cpu: '2048', memory: '4096', runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } }));
    assert.deepStrictEqual([arm.os, arm.architecture], ['linux', 'arm64']);
    const e = estimateFargate(arm, useast1);
    assert.strictEqual(e.hourly.toFixed(5), '0.07900');
    assert.strictEqual(formatUsd(e.monthly), '$57.67');
    assert.strictEqual(describeEstimate(e, arm), '≈ $57.67/month per task · us-east-1 · Linux/ARM · on-demand');
  });

  it('Windows 1 vCPU / 2 GB with the OS licence: $0.046552 + 2 × $0.00511175 + $0.046 = $0.1027755 an hour, $75.03 a month', () => {
    const win = shape(fargate({ cpu: '1024', memory: '2048', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } }));
    const e = estimateFargate(win, useast1);
    assert.strictEqual(e.perTask.osHourly, 0.046);
    assert.strictEqual(e.hourly.toFixed(7), '0.1027755');
    assert.strictEqual(formatUsd(e.monthly), '$75.03');
    assert.strictEqual(describeEstimate(e, win), '≈ $75.03/month per task · us-east-1 · Windows/x86 · on-demand');
    assert.match(String((taskShapeOf(fargate({ cpu: '1024', memory: '2048', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL', cpuArchitecture: 'ARM64' } })) as { problem: string }).problem), /Windows containers on X86_64 only/);
  });

  it('200 GiB of ephemeral storage bills 180 GiB × $0.000111 = $0.01998 an hour: $50.63 a month with 1 vCPU / 2 GB', () => {
    const e = estimateFargate(shape(fargate({ cpu: '1024', memory: '2048', ephemeralStorage: { sizeInGiB: 200 } })), useast1);
    assert.strictEqual(e.perTask.storageHourly.toFixed(5), '0.01998');
    assert.strictEqual(formatUsd(e.perTask.storageHourly * 730), '$14.59');
    assert.strictEqual(formatUsd(e.monthly), '$50.63');
    assert.strictEqual(estimateFargate(shape(fargate({ cpu: '1024', memory: '2048', ephemeralStorage: { sizeInGiB: 20 } })), useast1).perTask.storageHourly, 0);
  });

  it('a service at 3 tasks, auto scaled 2–10: $108.12 a month, $72.08–$360.40; 3 → 5 tasks costs +$72.08 a month', () => {
    const perTask = estimateFargate(shape(fargate({ cpu: '1024', memory: '2048' })), useast1);
    const service = estimateService(perTask, 3, { min: 2, max: 10 });
    assert.deepStrictEqual([service.desired.monthly, service.scaling!.min.monthly, service.scaling!.max.monthly].map(formatUsd), ['$108.12', '$72.08', '$360.40']);
    assert.strictEqual(describeServiceCost(service), '≈ $108.12/month for 3 tasks · auto scaling 2–10 tasks: $72.08–$360.40/month');
    assert.strictEqual(describeCountChange(perTask, 3, 5), '3 → 5 tasks: +$72.08/month');
    assert.strictEqual(describeCountChange(service.desired, 3, 1), '3 → 1 task: -$72.08/month');
    assert.strictEqual(describeCountChange(perTask, 4, 4), '4 → 4 tasks: no change');
    assert.strictEqual(describeEstimate(service.desired, shape(fargate({ cpu: '1024', memory: '2048' }))), '≈ $108.12/month for 3 tasks · us-east-1 · Linux/x86 · on-demand');
  });

  it('FARGATE_SPOT without a Spot figure: the on-demand price, saying Spot is cheaper by a varying amount', () => {
    const s = shape(fargate({ cpu: '1024', memory: '2048' }));
    const e = estimateFargate(s, useast1, 1, 'FARGATE_SPOT');
    assert.strictEqual(formatUsd(e.monthly), '$36.04');
    assert.strictEqual(e.capacityProvider, 'FARGATE_SPOT');
    assert.ok(e.notes.some((n) => /Spot .*varies .*up to 70 % off.*on-demand price/.test(n)), e.notes.join('\n'));
    assert.strictEqual(describeEstimate(e, s), '≈ $36.04/month per task · us-east-1 · Linux/x86 · Spot at the on-demand price');
  });

  it('FARGATE_SPOT refuses Windows and ARM64 tasks, which Fargate Spot does not run', () => {
    const arm = shape(fargate({ cpu: '1024', memory: '2048', runtimePlatform: { cpuArchitecture: 'ARM64' } }));
    assert.throws(() => estimateFargate(arm, useast1, 1, 'FARGATE_SPOT'), /Fargate Spot runs Linux tasks on X86_64 only, not Linux\/ARM ones .*price it on FARGATE/);
    const win = shape(fargate({ cpu: '1024', memory: '2048', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_FULL' } }));
    assert.throws(() => estimateFargate(win, useast1, 1, 'FARGATE_SPOT'), /not Windows\/x86 ones/);
  });

  it('FARGATE_SPOT with the Price List\'s Spot figures uses them', () => {
    const withSpot: PricedRegion = { ...useast1, source: 'price-list', prices: { ...useast1.prices, fargate: { ...useast1.prices.fargate, spotVcpuHour: 0.02, spotGbHour: 0.002 } } };
    const s = shape(fargate({ cpu: '1024', memory: '2048' }));
    const e = estimateFargate(s, withSpot, 1, 'FARGATE_SPOT');
    // 0.02 + 2 × 0.002 = 0.024 an hour, × 730 = $17.52.
    assert.strictEqual(formatUsd(e.monthly), '$17.52');
    assert.strictEqual(describeEstimate(e, s, { full: true }), `≈ $17.52/month per task · us-east-1 · Linux/x86 · Spot · AWS Price List, read ${useast1.asOf.slice(0, 10)}`);
    assert.strictEqual(describeEstimate(estimateFargate(s, useast1), s, { full: true }), `≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand · bundled price snapshot of ${useast1.asOf}`);
  });

  it('says what to write when Fargate task-level cpu or memory is missing or unreadable', () => {
    const problem = (d: unknown) => (taskShapeOf(d) as { problem?: string }).problem ?? '';
    assert.match(problem(fargate({ memory: '2048' })), /Fargate bills the task-level cpu and memory: add "cpu" \(e\.g\. "1024" or "1 vCPU"\)/);
    assert.match(problem(fargate({})), /add "cpu" .* and "memory" \(e\.g\. "2048" or "2 GB"\)/);
    assert.match(problem(fargate({ cpu: '1 core', memory: '2 GB' })), /"cpu": "1 core" is not a size ECS accepts/);
    assert.match(problem([1, 2]), /Not a task definition/);
  });

  it('EC2: the task\'s share of its instance (larger of CPU and memory share) × the instance\'s hour, said as an estimate', () => {
    // demo-ec2's t3.large registers 2048 CPU units and 7680 MiB; 1024 units is half its CPU, 1920 MiB a quarter of its memory.
    const ec2 = shape({ family: 'cache', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'a', image: 'redis', cpu: 1024, memoryReservation: 1920 }] });
    assert.deepStrictEqual([ec2.launchType, ec2.vcpu, ec2.memoryGb], ['EC2', 1, 1.875]);
    const e = estimateEc2Share(ec2, { instanceType: 't3.large', registeredCpu: 2048, registeredMemoryMib: 7680 }, { instanceType: 't3.large', hourly: 0.0832, source: 'snapshot', asOf: '2025-08-28' }, 'us-east-1');
    // 0.5 × $0.0832 = $0.0416 an hour, × 730 = $30.37.
    assert.strictEqual(e.hourly.toFixed(4), '0.0416');
    assert.strictEqual(formatUsd(e.monthly), '$30.37');
    assert.strictEqual(describeEstimate(e, ec2), '≈ $30.37/month per task · us-east-1 · Linux/x86 · EC2 share (estimate)');
    assert.match(e.notes[0], /^An estimate: 50 % of a t3\.large .*by its CPU reservation \(CPU 1024 of 2048 units, memory 1920 of 7680 MiB\)/);
  });

  it('formats dollars as people read them', () => {
    assert.deepStrictEqual([formatUsd(1234.5), formatUsd(0.04937), formatUsd(0.0049), formatUsd(-72.0802), formatUsd(0)], ['$1,234.50', '$0.05', '$0.0049', '-$72.08', '$0.00']);
  });
});
