/** The argument object of ecsWorkbench.showServiceMetrics. */
import type { Scope } from '../aws/clientManager';
import { resourceName } from '../aws/arn';
import { readArgs } from '../util/args';
import { RANGE_NAMES, type RangeName } from './ranges';

export const SHOW_METRICS_USAGE = "{ cluster, service, region?, profile?, range?: '1h' | '6h' | '24h' | '7d' }";

export interface ShowMetricsArgs {
  cluster: string;
  service: string;
  range: RangeName;
  scope: Scope;
}

export function parseShowMetricsArgs(arg: unknown): ShowMetricsArgs {
  const r = readArgs('ecsWorkbench.showServiceMetrics', SHOW_METRICS_USAGE, arg, ['cluster', 'service', 'range']);
  // A cluster or service ARN names the same resource as its name (the metrics' dimensions take names).
  return { cluster: resourceName(r.string('cluster')), service: resourceName(r.string('service')), range: r.oneOf('range', RANGE_NAMES) ?? '1h', scope: r.scope() };
}
