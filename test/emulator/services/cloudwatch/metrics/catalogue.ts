/**
 * The metrics ECS publishes for the region's simulated services, as series computed on demand from
 * the service history (ecs/sim/history.ts): `AWS/ECS` CPUUtilization and MemoryUtilization per
 * service (one sample per running task each minute, so Average is the service's utilisation and
 * Maximum its busiest task, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-metrics.html)
 * and per cluster; `ECS/ContainerInsights` per service when the cluster has Container Insights
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html);
 * `AWS/ApplicationELB` request counts of their target groups (albSeries.ts).
 */
import type * as cw from '../../../generated/cloudwatch';
import type { Region } from '../../../kit/world';
import { serviceHistory, spanOf, type TaskSpan } from '../../ecs/sim/history';
import { ecsState, type ServiceRecord } from '../../ecs/state';
import { albSeries } from './albSeries';
import { cpuPercent, memoryPercent } from './load';

export const MINUTE = 60_000;

/** The samples of one minute (emitted at the minute's start). */
export interface Sample {
  t: number;
  values: number[];
}

export interface Series {
  namespace: string;
  name: string;
  dims: cw.Dimension[];
  unit: cw.StandardUnit;
  /** Whether the series has a sample in [from, to). */
  activeIn(from: number, to: number): boolean;
  /** One entry per minute in [from, to) that has samples. */
  samples(from: number, to: number): Sample[];
}

interface ServiceView {
  svc: ServiceRecord;
  spans: TaskSpan[];
  desiredAt(t: number): number;
}

function viewOf(region: Region, svc: ServiceRecord): ServiceView {
  const history = serviceHistory(region);
  const live = [...ecsState(region).serviceExtras.of(svc).tasks].map(spanOf).filter((s): s is TaskSpan => !!s);
  return { svc, spans: [...history.forgottenSpans(svc), ...live], desiredAt: (t) => history.desiredAt(svc, t) };
}

const runningAt = (spans: TaskSpan[], t: number): TaskSpan[] => spans.filter((s) => s.start <= t && (s.end === undefined || t < s.end));
const overlaps = (spans: TaskSpan[], from: number, to: number): boolean => spans.some((s) => s.start < to && (s.end === undefined || s.end > from));

/** Minute starts in [from, to) that are not in the future. */
function minutes(from: number, to: number, now: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / MINUTE) * MINUTE; t < Math.min(to, now + 1); t += MINUTE) out.push(t);
  return out;
}

type PerTask = (v: ServiceView, span: TaskSpan, t: number, running: number) => number;

const cpu: PerTask = (v, span, t, running) => cpuPercent(v.svc.serviceArn, span, t, v.desiredAt(t), running);
const memory: PerTask = (v, span, t) => memoryPercent(v.svc.serviceArn, span, t);

/** Each running task's value, for every minute in which at least one task ran. */
function perTaskSeries(now: number, views: ServiceView[], base: Omit<Series, 'activeIn' | 'samples'>, value: PerTask): Series {
  return {
    ...base,
    activeIn: (from, to) => views.some((v) => overlaps(v.spans, from, to)),
    samples: (from, to) =>
      minutes(from, to, now).flatMap((t) => {
        const values = views.flatMap((v) => {
          const running = runningAt(v.spans, t);
          return running.map((s) => value(v, s, t, running.length));
        });
        return values.length ? [{ t, values }] : [];
      }),
  };
}

/** One value per minute for the whole service (Container Insights aggregates its tasks). */
function serviceSeries(now: number, v: ServiceView, base: Omit<Series, 'activeIn' | 'samples'>, value: (running: TaskSpan[], t: number) => number | undefined): Series {
  const since = v.svc.createdAt.getTime();
  return {
    ...base,
    activeIn: (from, to) => since < to && from <= now,
    samples: (from, to) =>
      minutes(Math.max(from, since), to, now).flatMap((t) => {
        const x = value(runningAt(v.spans, t), t);
        return x === undefined ? [] : [{ t, values: [x] }];
      }),
  };
}

const sum = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

function containerInsights(now: number, v: ServiceView, dims: cw.Dimension[]): Series[] {
  const ns = 'ECS/ContainerInsights';
  const used = (running: TaskSpan[], t: number, of: PerTask, reserved: (s: TaskSpan) => number): number | undefined =>
    running.length ? sum(running.map((s) => (of(v, s, t, running.length) / 100) * reserved(s))) : undefined;
  const reserved = (running: TaskSpan[], of: (s: TaskSpan) => number): number | undefined => (running.length ? sum(running.map(of)) : undefined);
  const series = (name: string, unit: cw.StandardUnit, value: (running: TaskSpan[], t: number) => number | undefined): Series =>
    serviceSeries(now, v, { namespace: ns, name, dims, unit }, value);
  return [
    series('CpuUtilized', 'None', (r, t) => used(r, t, cpu, (s) => s.cpu)),
    series('CpuReserved', 'None', (r) => reserved(r, (s) => s.cpu)),
    series('MemoryUtilized', 'Megabytes', (r, t) => used(r, t, memory, (s) => s.memory)),
    series('MemoryReserved', 'Megabytes', (r) => reserved(r, (s) => s.memory)),
    series('RunningTaskCount', 'Count', (r) => r.length),
    series('DesiredTaskCount', 'Count', (_r, t) => v.desiredAt(t)),
  ];
}

/** Every series of the region, cluster by cluster. */
export function catalogue(region: Region): Series[] {
  const state = ecsState(region);
  const now = region.now().getTime();
  const out: Series[] = [];
  for (const cluster of state.clusters.values()) {
    const views = [...state.servicesOf(cluster.clusterName).values()].map((svc) => viewOf(region, svc));
    const clusterDim = { Name: 'ClusterName', Value: cluster.clusterName };
    const insights = cluster.settings?.some((s) => s.name === 'containerInsights' && (s.value === 'enabled' || s.value === 'enhanced'));
    for (const v of views) {
      const dims = [clusterDim, { Name: 'ServiceName', Value: v.svc.serviceName }];
      out.push(perTaskSeries(now, [v], { namespace: 'AWS/ECS', name: 'CPUUtilization', dims, unit: 'Percent' }, cpu));
      out.push(perTaskSeries(now, [v], { namespace: 'AWS/ECS', name: 'MemoryUtilization', dims, unit: 'Percent' }, memory));
      if (insights) out.push(...containerInsights(now, v, dims));
    }
    if (views.length) {
      out.push(perTaskSeries(now, views, { namespace: 'AWS/ECS', name: 'CPUUtilization', dims: [clusterDim], unit: 'Percent' }, cpu));
      out.push(perTaskSeries(now, views, { namespace: 'AWS/ECS', name: 'MemoryUtilization', dims: [clusterDim], unit: 'Percent' }, memory));
    }
  }
  out.push(...albSeries(region, now));
  return out;
}

/** The series a Metric names: same namespace and name, and exactly the same dimensions. */
export function findSeries(region: Region, metric: cw.Metric): Series | undefined {
  const dims = metric.Dimensions ?? [];
  return catalogue(region).find((s) =>
    s.namespace === metric.Namespace && s.name === metric.MetricName && s.dims.length === dims.length && dims.every((d) => s.dims.some((x) => x.Name === d.Name && x.Value === d.Value)));
}
