/** GetMetricData read whole: every page (NextToken) merged per query id, oldest first. */
import type { ClientManager, Scope } from '../aws/clientManager';
import type { cloudwatch as CwTypes } from '../aws/sdk';
import type { Series } from './series';

export async function readMetricData(clients: ClientManager, scope: Scope, input: Omit<CwTypes.GetMetricDataInput, 'NextToken' | 'ScanBy'>): Promise<Map<string, Series>> {
  const { sdk, client } = await clients.clientWithSdk('cloudwatch', scope);
  const points = new Map<string, Map<number, number>>();
  let token: string | undefined;
  do {
    const out = await client.send(new sdk.cloudwatch.GetMetricDataCommand({ ...input, ScanBy: 'TimestampAscending', NextToken: token }));
    for (const r of out.MetricDataResults ?? []) {
      const mine = points.get(r.Id ?? '') ?? new Map<number, number>();
      (r.Timestamps ?? []).forEach((t, i) => mine.set(t.getTime(), r.Values?.[i] ?? NaN));
      points.set(r.Id ?? '', mine);
    }
    token = out.NextToken;
  } while (token);
  const result = new Map<string, Series>();
  for (const [id, byTime] of points) {
    const sorted = [...byTime].sort(([a], [b]) => a - b);
    result.set(id, { timestamps: sorted.map(([t]) => new Date(t).toISOString()), values: sorted.map(([, v]) => v) });
  }
  return result;
}
