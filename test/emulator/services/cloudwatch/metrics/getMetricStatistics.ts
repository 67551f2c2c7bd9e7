/**
 * GetMetricStatistics (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html):
 * one metric with exactly its dimensions, at most 1,440 datapoints a call (more is
 * InvalidParameterCombination), datapoints oldest first (AWS documents no order).
 */
import type * as cw from '../../../generated/cloudwatch';
import { AwsError } from '../../../kit/errors';
import type { Region } from '../../../kit/world';
import { findSeries } from './catalogue';
import { bucketCount, buckets, statistic, validPeriod, validStat } from './statistics';

const LIMIT = 1440;
const FIELDS: Record<cw.Statistic, keyof cw.Datapoint> = { Average: 'Average', Maximum: 'Maximum', Minimum: 'Minimum', Sum: 'Sum', SampleCount: 'SampleCount' };

export function getMetricStatistics(region: Region, input: cw.GetMetricStatisticsInput): cw.GetMetricStatisticsOutput {
  const stats = input.Statistics ?? [];
  const extended = input.ExtendedStatistics ?? [];
  if (!stats.length && !extended.length) throw new AwsError('MissingRequiredParameterException', 'Must specify either Statistics or ExtendedStatistics.');
  if (stats.length && extended.length) throw new AwsError('InvalidParameterCombinationException', 'Must specify either Statistics or ExtendedStatistics, but not both.');
  const bad = extended.find((e) => !/^p/.test(e) || !validStat(e));
  if (bad) throw new AwsError('InvalidParameterValueException', `The value ${bad} for parameter ExtendedStatistics is not supported.`);
  if (!validPeriod(input.Period)) throw new AwsError('InvalidParameterValueException', 'The parameter Period must be 1, 5, 10, 20, 30 or a multiple of 60.');
  const start = input.StartTime.getTime();
  const end = input.EndTime.getTime();
  if (start >= end) throw new AwsError('InvalidParameterValueException', 'The parameter StartTime must be less than the parameter EndTime.');
  const now = region.now().getTime();
  const requested = bucketCount(start, end, input.Period, now);
  if (requested > LIMIT) {
    throw new AwsError('InvalidParameterCombinationException', `You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of ${LIMIT.toLocaleString('en-US')}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`);
  }
  const series = findSeries(region, { Namespace: input.Namespace, MetricName: input.MetricName, Dimensions: input.Dimensions });
  const points = buckets(series, start, end, input.Period, now, input.Unit);
  return {
    Label: input.MetricName,
    Datapoints: points.map((b) => {
      const d: cw.Datapoint = { Timestamp: new Date(b.t), Unit: series!.unit };
      for (const s of stats) (d as Record<string, unknown>)[FIELDS[s]] = statistic(s, b.values);
      if (extended.length) d.ExtendedStatistics = Object.fromEntries(extended.map((e) => [e, statistic(e, b.values)]));
      return d;
    }),
  };
}
