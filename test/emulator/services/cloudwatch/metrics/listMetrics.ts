/**
 * ListMetrics (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html):
 * metrics with data in the past two weeks (RecentlyActive PT3H: the past three hours), filtered by
 * namespace, name and dimensions (a filter without a value matches any value; a metric may have more
 * dimensions than the filters name), 500 a page.
 */
import type * as cw from '../../../generated/cloudwatch';
import { page } from '../../../kit/paging';
import type { Region } from '../../../kit/world';
import { catalogue } from './catalogue';

export function listMetrics(region: Region, input: cw.ListMetricsInput): cw.ListMetricsOutput {
  const now = region.now().getTime();
  const since = now - (input.RecentlyActive === 'PT3H' ? 3 : 14 * 24) * 3600_000;
  const filters = input.Dimensions ?? [];
  const metrics = catalogue(region)
    .filter((s) => (!input.Namespace || s.namespace === input.Namespace) && (!input.MetricName || s.name === input.MetricName))
    .filter((s) => filters.every((f) => s.dims.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))))
    .filter((s) => s.activeIn(since, now + 1))
    .map((s): cw.Metric => ({ Namespace: s.namespace, MetricName: s.name, Dimensions: s.dims }));
  const p = page(metrics, 500, input.NextToken, { def: 500, max: 500, error: 'InvalidParameterValueException' });
  return { Metrics: p.items, NextToken: p.next, ...(input.IncludeLinkedAccounts ? { OwningAccounts: [] } : {}) };
}
