// One cost estimator (one price book, one day's cache) per window's ClientManager.
import type { AwsScope, ClientManager } from '../../aws/clientManager';
import { createCostEstimator, type CostEstimator } from '../../cost/estimator';
import { createPriceBook, type PriceBook, type PriceBookOptions } from '../../cost/priceBook';
import type { RepositoryStorageCost } from '../../cost/types';
import { EcrService } from '../../ecr/ecrService';
import type { Services } from '../../services';

const estimators = new WeakMap<ClientManager, CostEstimator>();

/**
 * The window's cost estimator (one per ClientManager, so one price book and one day's cache per
 * window): `estimateTaskDefinition(definitionJson, scope, count?, capacityProvider?)`,
 * `estimateService(scope, cluster, service)`, `estimateRepositoryStorage(...)`, `priceBook`.
 * `options` (the store that persists the cache, a log) count on the first call only.
 */
export function costEstimatorFor(clients: ClientManager, options: PriceBookOptions = {}): CostEstimator {
  let estimator = estimators.get(clients);
  if (!estimator) estimators.set(clients, (estimator = createCostEstimator(clients, createPriceBook(clients, options))));
  return estimator;
}

/** The window's price book (see costEstimatorFor). */
export function priceBookFor(clients: ClientManager, options: PriceBookOptions = {}): PriceBook {
  return costEstimatorFor(clients, options).priceBook;
}

/** The window's estimator with its cache kept in globalState across sessions and its fallbacks logged. */
export function windowCostEstimator(services: Pick<Services, 'clientManager' | 'context' | 'log'>): CostEstimator {
  return costEstimatorFor(services.clientManager, { store: services.context.globalState, log: (m) => services.log.info(m) });
}

/** A repository's storage a month: every image's size (DescribeImages, all pages) × the region's GB-month price. */
export async function estimateRepositoryCost(clients: ClientManager, scope: AwsScope, repositoryName: string, registryId?: string): Promise<RepositoryStorageCost> {
  const images = await new EcrService(clients, scope).allImages(repositoryName, { registryId });
  return costEstimatorFor(clients).estimateRepositoryStorage(scope, repositoryName, images.map((i) => i.imageSizeInBytes ?? 0));
}
