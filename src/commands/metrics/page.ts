// The service page's bundle (dist/metrics-page.js), loaded on the first Show Metrics: the panel and
// the metrics core stay out of the entry bundle.
import { parseShowMetricsArgs } from '../../metrics/args';
import type { ServiceCostView } from '../../metrics/model';
import type { Series } from '../../metrics/series';
import type { Services } from '../../services';
import { pickCluster, pickService } from '../../ui/ecsPickers';
import { isArgumentObject } from '../../util/args';
import { resourceName } from '../../aws/arn';
import { nodeOf } from '../deploy/targets';
import type { AwsScope } from '../../aws/clientManager';
import { ServicePage, type ServiceRef } from './servicePage';

export interface ShowMetricsResult {
  panelId: string;
  range: string;
  periodSeconds: number;
  start: string;
  end: string;
  cpu: Series;
  memory: Series;
  /** The page's Cost line: the service's desired count priced, its auto-scaling range, the prices' source. */
  cost: ServiceCostView;
}

async function target(services: Services, arg: unknown): Promise<{ ref: ServiceRef; range?: ReturnType<typeof parseShowMetricsArgs>['range'] }> {
  const clients = services.clientManager;
  if (isArgumentObject(arg)) {
    const a = parseShowMetricsArgs(arg);
    return { ref: { cluster: a.cluster, service: a.service, scope: clients.resolve(a.scope) }, range: a.range };
  }
  const node = nodeOf<{ cluster: string; service: { serviceName?: string }; scope: AwsScope }>(arg, 'service');
  if (node) return { ref: { cluster: resourceName(node.cluster), service: node.service.serviceName ?? '', scope: node.scope } };
  const scope = clients.resolve();
  const cluster = resourceName(await pickCluster(clients, scope, 'Show Metrics: Cluster'));
  const service = resourceName(await pickService(clients, scope, cluster, 'Show Metrics: Service'));
  return { ref: { cluster, service, scope } };
}

/** Show Metrics: the service page, and the numbers its charts draw. */
export async function showServiceMetrics(services: Services, arg: unknown): Promise<ShowMetricsResult> {
  const { ref, range } = await target(services, arg);
  const shown = ServicePage.show(services, ref, range ?? '1h');
  const [m, cost] = await Promise.all([shown.metrics, shown.cost]);
  return { panelId: shown.page.id, range: m.range, periodSeconds: m.periodSeconds, start: m.start, end: m.end, cpu: m.cpu, memory: m.memory, cost };
}
