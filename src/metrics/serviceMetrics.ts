/**
 * What the service page shows, read as plain data: CPU and memory utilisation (`AWS/ECS`, the
 * service's Average), running and desired tasks (Container Insights when the cluster has it, else
 * read back from the service events), the deployments as markers and the target-tracking alarms'
 * thresholds, all on one time axis (ranges.ts).
 */
import type { ClientManager, Scope } from '../aws/clientManager';
import type { cloudwatch as CwTypes } from '../aws/sdk';
import { readAlarmLines } from './alarms';
import type { AlarmLine, ServiceMetrics } from './model';
import { readMetricData } from './metricData';
import { windowOf, type RangeName } from './ranges';
import { axis, type Series } from './series';

export type { ServiceMetrics } from './model';
import { constantSeries, runningFromEvents } from './taskCounts';

export const METRIC_IDS = { cpu: 'cpu', memory: 'memory', running: 'running', desired: 'desired' } as const;

/** The GetMetricData queries of a service (the integration test sends the same ones). */
export function metricQueries(cluster: string, service: string, periodSeconds: number, containerInsights: boolean): CwTypes.MetricDataQuery[] {
  const Dimensions = [{ Name: 'ClusterName', Value: cluster }, { Name: 'ServiceName', Value: service }];
  const query = (Id: string, Namespace: string, MetricName: string, Label: string): CwTypes.MetricDataQuery =>
    ({ Id, Label, MetricStat: { Metric: { Namespace, MetricName, Dimensions }, Period: periodSeconds, Stat: 'Average' } });
  return [
    query(METRIC_IDS.cpu, 'AWS/ECS', 'CPUUtilization', 'CPU %'),
    query(METRIC_IDS.memory, 'AWS/ECS', 'MemoryUtilization', 'Memory %'),
    ...(containerInsights
      ? [query(METRIC_IDS.running, 'ECS/ContainerInsights', 'RunningTaskCount', 'Running tasks'), query(METRIC_IDS.desired, 'ECS/ContainerInsights', 'DesiredTaskCount', 'Desired tasks')]
      : []),
  ];
}

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

export async function readServiceMetrics(clients: ClientManager, scope: Scope, cluster: string, service: string, range: RangeName, now = Date.now()): Promise<ServiceMetrics> {
  const resolved = clients.resolve(scope);
  const { sdk, client: ecs } = await clients.clientWithSdk('ecs', scope);
  const [services, clusters] = await Promise.all([
    ecs.send(new sdk.ecs.DescribeServicesCommand({ cluster, services: [service] })),
    ecs.send(new sdk.ecs.DescribeClustersCommand({ clusters: [cluster], include: ['SETTINGS'] })),
  ]);
  const svc = services.services?.[0];
  if (!svc) throw new Error(`Service ${service} was not found in cluster ${cluster} (${resolved.region}).`);
  const insights = (clusters.clusters?.[0]?.settings ?? []).some((s) => s.name === 'containerInsights' && (s.value === 'enabled' || s.value === 'enhanced'));
  const window = windowOf(range, now);
  const [data, alarms] = await Promise.all([
    readMetricData(clients, scope, { StartTime: window.start, EndTime: window.end, MetricDataQueries: metricQueries(cluster, service, window.periodSeconds, insights) }),
    readAlarmLines(clients, scope, cluster, service).then((lines) => ({ lines }), (e: unknown) => ({ lines: [] as AlarmLine[], error: e instanceof Error ? e.message : String(e) })),
  ]);
  const empty: Series = { timestamps: [], values: [] };
  const buckets = axis(window.start, window.end, window.periodSeconds);
  const since = svc.createdAt?.getTime() ?? 0;
  const served = buckets.filter((t) => t + window.periodSeconds * 1000 > since);
  const fromEvents = (): Series => {
    const running = runningFromEvents(served.map((t) => t + window.periodSeconds * 1000), svc.runningCount ?? 0, svc.events ?? []);
    return { timestamps: served.map((t) => new Date(t).toISOString()), values: running };
  };
  return {
    cluster,
    service,
    region: resolved.region,
    range,
    periodSeconds: window.periodSeconds,
    start: window.start.toISOString(),
    end: window.end.toISOString(),
    cpu: data.get(METRIC_IDS.cpu) ?? empty,
    memory: data.get(METRIC_IDS.memory) ?? empty,
    running: insights ? data.get(METRIC_IDS.running) ?? empty : fromEvents(),
    desired: insights ? data.get(METRIC_IDS.desired) ?? empty : constantSeries(served, svc.desiredCount ?? 0),
    taskCounts: insights ? 'container-insights' : 'service-events',
    deployments: (svc.deployments ?? []).map((d) => ({
      id: d.id ?? '', status: d.status ?? '', rolloutState: d.rolloutState, taskDefinition: (d.taskDefinition ?? '').replace(/^.*:task-definition\//, ''),
      createdAt: iso(d.createdAt) ?? '', updatedAt: iso(d.updatedAt),
    })),
    alarms: alarms.lines,
    alarmsError: 'error' in alarms ? alarms.error : undefined,
  };
}
