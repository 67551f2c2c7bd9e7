/** The service page's time ranges: each with a period that gives a chart 60–300 points. */
export const RANGES = {
  '1h': { label: '1 h', ms: 3600_000, periodSeconds: 60 },
  '6h': { label: '6 h', ms: 6 * 3600_000, periodSeconds: 300 },
  '24h': { label: '24 h', ms: 24 * 3600_000, periodSeconds: 300 },
  '7d': { label: '7 d', ms: 7 * 24 * 3600_000, periodSeconds: 3600 },
} as const;

export type RangeName = keyof typeof RANGES;
export const RANGE_NAMES = Object.keys(RANGES) as RangeName[];

/**
 * The query window: the start rounded down to the period, so every datapoint CloudWatch returns is
 * stamped on a multiple of it (CloudWatch buckets from the start time), and the end at `now`.
 */
export function windowOf(range: RangeName, now: number): { start: Date; end: Date; periodSeconds: number } {
  const { ms, periodSeconds } = RANGES[range];
  const period = periodSeconds * 1000;
  return { start: new Date(Math.floor((now - ms) / period) * period), end: new Date(now), periodSeconds };
}
