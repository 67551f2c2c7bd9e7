/**
 * GetMetricData (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html):
 * up to 500 queries (MetricStat or a simple expression, expressions.ts), results in ScanBy order
 * (TimestampDescending by default), at most MaxDatapoints (default and limit 100,800) datapoints a
 * call across all results, newest (or oldest) first; a result with more on later pages says
 * PartialData, the rest Complete.
 */
import type * as cw from '../../../generated/cloudwatch';
import { AwsError } from '../../../kit/errors';
import { decodeToken, encodeToken } from '../../../kit/paging';
import type { Region } from '../../../kit/world';
import { findSeries } from './catalogue';
import { evaluate, referencedIds, type TimeSeries } from './expressions';
import { buckets, statistic, validPeriod, validStat } from './statistics';

const MAX_DATAPOINTS = 100_800;
const MAX_QUERIES = 500;

const invalid = (message: string): AwsError => new AwsError('ValidationException', message);

function check(input: cw.GetMetricDataInput): void {
  const queries = input.MetricDataQueries;
  if (queries.length > MAX_QUERIES) throw invalid(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  if (input.StartTime.getTime() >= input.EndTime.getTime()) throw invalid('The parameter StartTime must be less than the parameter EndTime.');
  const ids = new Set<string>();
  queries.forEach((q, n) => {
    const at = `MetricDataQueries.member.${n + 1}`;
    if (!/^[a-z][A-Za-z0-9_]*$/.test(q.Id)) throw invalid(`Invalid metric id: ${q.Id}. The first character must be a lowercase letter; the rest letters, numbers or underscores.`);
    if (ids.has(q.Id)) throw invalid(`The value ${q.Id} for parameter ${at}.Id is used more than once.`);
    ids.add(q.Id);
    if (!q.MetricStat === !q.Expression) throw invalid(`Exactly one of the parameters ${at}.MetricStat and ${at}.Expression must be specified.`);
    if (q.MetricStat && !validPeriod(q.MetricStat.Period)) throw invalid(`The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60.`);
    if (q.MetricStat && !validStat(q.MetricStat.Stat)) throw invalid(`The value ${q.MetricStat.Stat} for parameter ${at}.MetricStat.Stat is not a valid statistic.`);
  });
  if (!queries.some((q) => q.ReturnData !== false)) throw invalid('At least one of the queries must have ReturnData set to true.');
}

/** Every query's datapoints, keyed by id, oldest first. */
function computeAll(region: Region, input: cw.GetMetricDataInput): Map<string, TimeSeries> {
  const now = region.now().getTime();
  const byId = new Map(input.MetricDataQueries.map((q) => [q.Id, q]));
  const done = new Map<string, TimeSeries>();
  const computing = new Set<string>();
  const compute = (id: string): TimeSeries | undefined => {
    const q = byId.get(id);
    if (!q) return undefined;
    if (done.has(id)) return done.get(id);
    if (computing.has(id)) throw invalid(`Error in expression '${id}': Circular reference.`);
    computing.add(id);
    let series: TimeSeries;
    if (q.MetricStat) {
      const s = q.MetricStat;
      const points = buckets(findSeries(region, s.Metric), input.StartTime.getTime(), input.EndTime.getTime(), s.Period, now, s.Unit);
      series = new Map(points.map((b) => [b.t, statistic(s.Stat, b.values)]));
    } else {
      referencedIds(q.Expression!).forEach(compute);
      series = new Map([...evaluate(id, q.Expression!, compute)].filter(([, v]) => Number.isFinite(v)).sort(([a], [b]) => a - b));
    }
    computing.delete(id);
    done.set(id, series);
    return series;
  };
  input.MetricDataQueries.forEach((q) => compute(q.Id));
  return done;
}

export function getMetricData(region: Region, input: cw.GetMetricDataInput): cw.GetMetricDataOutput {
  check(input);
  const max = Math.min(input.MaxDatapoints ?? MAX_DATAPOINTS, MAX_DATAPOINTS);
  if (max < 1) throw invalid('The parameter MaxDatapoints must be greater than 0.');
  const offset = input.NextToken ? decodeToken(input.NextToken) : 0;
  if (offset === undefined) throw new AwsError('InvalidNextToken', 'The next token specified is invalid.');
  const descending = (input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending';
  const results = computeAll(region, input);
  const returned = input.MetricDataQueries.filter((q) => q.ReturnData !== false);
  // Every datapoint in scan order (time, then query order): a page is a slice of it.
  const all = returned.flatMap((q, qi) => [...results.get(q.Id)!].map(([t, v]) => ({ qi, t, v })));
  all.sort((a, b) => (descending ? b.t - a.t : a.t - b.t) || a.qi - b.qi);
  const pageOf = all.slice(offset, offset + max);
  const later = new Set(all.slice(offset + max).map((p) => p.qi));
  return {
    MetricDataResults: returned.map((q, qi) => {
      const mine = pageOf.filter((p) => p.qi === qi);
      return {
        Id: q.Id,
        Label: q.Label ?? q.MetricStat?.Metric.MetricName ?? q.Id,
        Timestamps: mine.map((p) => new Date(p.t)),
        Values: mine.map((p) => p.v),
        StatusCode: later.has(qi) ? 'PartialData' : 'Complete',
        Messages: [],
      };
    }),
    NextToken: offset + max < all.length ? encodeToken(offset + max) : undefined,
    Messages: [],
  };
}
