/**
 * Samples into datapoints, with CloudWatch's retention and period rules
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html,
 * API_GetMetricStatistics.html): 1-minute data is kept 15 days, 5-minute 63 days, 1-hour 455 days;
 * a period is 1, 5, 10, 20, 30 or a multiple of 60 seconds; the start time is rounded down to the
 * minute (5 minutes past 15 days, the hour past 63); a bucket older than its period allows has no
 * datapoint ("or no data points in that time range is returned").
 */
import type * as cw from '../../../generated/cloudwatch';
import { MINUTE, type Sample, type Series } from './catalogue';

const DAY = 24 * 3600_000;
const STATS = new Set(['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount']);

export function validPeriod(seconds: number): boolean {
  return [1, 5, 10, 20, 30].includes(seconds) || (seconds > 0 && seconds % 60 === 0);
}

/** `Average`, `Maximum`, `Minimum`, `Sum`, `SampleCount` and percentiles `p0`…`p100` (e.g. `p99.9`). */
export function validStat(stat: string): boolean {
  return STATS.has(stat) || (/^p(\d{1,2}(\.\d+)?|100)$/.test(stat) && Number(stat.slice(1)) <= 100);
}

export function roundStart(start: number, now: number): number {
  const age = now - start;
  const step = age > 63 * DAY ? 3600_000 : age > 15 * DAY ? 5 * MINUTE : MINUTE;
  return Math.floor(start / step) * step;
}

/** Whether data of a bucket starting at `t` still exists at this period. */
function retained(t: number, periodSeconds: number, now: number): boolean {
  const age = now - t;
  if (age > 455 * DAY) return false;
  if (age > 63 * DAY) return periodSeconds % 3600 === 0;
  if (age > 15 * DAY) return periodSeconds % 300 === 0;
  return true;
}

export function statistic(stat: string, values: number[]): number {
  switch (stat) {
    case 'Average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'Maximum':
      return Math.max(...values);
    case 'Minimum':
      return Math.min(...values);
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'SampleCount':
      return values.length;
    default: {
      // Nearest rank.
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(0, Math.ceil((Number(stat.slice(1)) / 100) * sorted.length) - 1)];
    }
  }
}

export interface Bucket {
  t: number;
  values: number[];
}

/** The buckets of [start, end) at `period` seconds that hold samples, oldest first. */
export function buckets(series: Series | undefined, start: number, end: number, periodSeconds: number, now: number, unit?: cw.StandardUnit): Bucket[] {
  if (!series || (unit && unit !== series.unit)) return [];
  const from = roundStart(start, now);
  const period = periodSeconds * 1000;
  const out = new Map<number, number[]>();
  for (const s of series.samples(from, end) as Sample[]) {
    const t = from + Math.floor((s.t - from) / period) * period;
    if (!retained(t, periodSeconds, now)) continue;
    const list = out.get(t) ?? [];
    list.push(...s.values);
    out.set(t, list);
  }
  return [...out.entries()].map(([t, values]) => ({ t, values }));
}

/** How many buckets [start, end) spans at `period` seconds. */
export function bucketCount(start: number, end: number, periodSeconds: number, now: number): number {
  return Math.max(0, Math.ceil((end - roundStart(start, now)) / (periodSeconds * 1000)));
}
