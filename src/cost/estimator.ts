/**
 * What every surface asks: the cost of a task definition, of a service (desired count and its
 * auto-scaling range), of an ECR repository's storage, with the reads that takes (container
 * instances for the EC2 share, the service's scalable target) and one price book.
 */
import type { AwsScope, ClientManager } from '../aws/clientManager';
import { readServiceScaling } from '../ecs/autoScaling';
import { EcsReader, type Service } from '../ecs/ecsReader';
import { estimateEc2Share, instanceSizeOf, typicalInstance } from './ec2Share';
import { CostError, describeEstimate, describeServiceCost, estimateFargate, estimateService, formatRate, taskShapeOf, type ServiceCost } from './estimate';
import type { PriceBook } from './priceBook';
import type { CapacityProviderName, CostEstimate, RepositoryStorageCost, TaskShape } from './types';

export interface TaskDefinitionCost {
  estimate: CostEstimate;
  shape: TaskShape;
  /** "≈ $36.04/month per task · us-east-1 · Linux/x86 · on-demand". */
  text: string;
}

export interface ServiceCostEstimate extends ServiceCost {
  shape: TaskShape;
  /** "≈ $108.12/month for 3 tasks · auto scaling 2–10 tasks: $72.08–$360.40/month". */
  text: string;
}

export interface TaskCostOptions {
  /** EC2 launch type: the cluster whose container instances the share is priced on. */
  cluster?: string;
  /** EC2 launch type: the instance the task runs on (else the cluster's most common type). */
  containerInstanceArn?: string;
}

export interface CostEstimator {
  readonly priceBook: PriceBook;
  estimateTaskDefinition(definitionJson: unknown, scope: AwsScope, count?: number, capacityProvider?: CapacityProviderName, options?: TaskCostOptions): Promise<TaskDefinitionCost>;
  estimateService(scope: AwsScope, cluster: string, service: Pick<Service, 'serviceName' | 'taskDefinition' | 'desiredCount' | 'launchType' | 'capacityProviderStrategy'>): Promise<ServiceCostEstimate>;
  estimateRepositoryStorage(scope: AwsScope, repositoryName: string, imageSizesInBytes: number[]): Promise<RepositoryStorageCost>;
}

/** How a service is placed, as the cost model prices it. */
function placementOf(service: Pick<Service, 'launchType' | 'capacityProviderStrategy'>): { kind: CapacityProviderName | 'EC2'; note?: string } {
  const strategy = (service.capacityProviderStrategy ?? []).filter((p) => (p.weight ?? 1) > 0 || p.base);
  if (!strategy.length) return { kind: service.launchType === 'EC2' || service.launchType === 'EXTERNAL' ? 'EC2' : 'FARGATE' };
  const names = new Set(strategy.map((p) => p.capacityProvider ?? ''));
  if ([...names].some((n) => n !== 'FARGATE' && n !== 'FARGATE_SPOT')) return { kind: 'EC2' };
  if (names.size === 1 && names.has('FARGATE_SPOT')) return { kind: 'FARGATE_SPOT' };
  return names.has('FARGATE_SPOT') ? { kind: 'FARGATE', note: 'The capacity-provider strategy mixes FARGATE and FARGATE_SPOT: every task is priced on-demand, an upper bound.' } : { kind: 'FARGATE' };
}

export function createCostEstimator(clients: ClientManager, priceBook: PriceBook): CostEstimator {
  async function ec2Share(shape: TaskShape, scope: AwsScope, count: number, options: TaskCostOptions): Promise<CostEstimate> {
    if (!options.cluster) throw new CostError('An EC2 task costs its share of the container instance it runs on: give the cluster ("cluster") whose instances to price it on, or require FARGATE in the task definition.');
    const instances = (await new EcsReader(clients, scope).containerInstances(options.cluster, { limit: Infinity })).items;
    const chosen = options.containerInstanceArn ? instances.filter((ci) => ci.containerInstanceArn === options.containerInstanceArn) : instances.filter((ci) => ci.status === 'ACTIVE');
    const typical = typicalInstance(chosen.map(instanceSizeOf).filter((s) => s !== undefined));
    if (!typical) throw new CostError(`Cluster ${options.cluster} has no ${options.containerInstanceArn ? 'such' : 'active'} container instance reporting its type and resources: an EC2 task's share cannot be priced.`);
    const price = await priceBook.instanceHourly(scope, typical.size.instanceType);
    if (!price) throw new CostError(`No on-demand price for ${typical.size.instanceType} in ${scope.region}: the AWS Price List could not be read (${priceBook.fallbackReason(scope.region) ?? 'no figure'}) and the bundled snapshot does not list it.`);
    const estimate = estimateEc2Share(shape, typical.size, price, scope.region, count);
    if (typical.note) estimate.notes.push(typical.note);
    return estimate;
  }

  async function priceShape(shape: TaskShape, scope: AwsScope, count: number, placement: CapacityProviderName | 'EC2', options: TaskCostOptions): Promise<CostEstimate> {
    if (placement === 'EC2') return ec2Share(shape, scope, count, options);
    return estimateFargate(shape, await priceBook.pricesFor(scope), count, placement);
  }

  /** The shape as it will run: on Fargate when asked for a capacity provider, else by what the definition requires. */
  function shapeFor(definition: unknown, placement: CapacityProviderName | 'EC2' | undefined): TaskShape {
    const shape = taskShapeOf(definition, placement === 'EC2' ? 'EC2' : placement ? 'FARGATE' : undefined);
    if ('problem' in shape) throw new CostError(shape.problem);
    if (shape.launchType === 'EXTERNAL') throw new CostError('An EXTERNAL (ECS Anywhere) task runs on your own servers: ECS Anywhere bills per registered instance, not per task.');
    return shape;
  }

  return {
    priceBook,

    async estimateTaskDefinition(definitionJson, scope, count = 1, capacityProvider, options = {}) {
      const shape = shapeFor(definitionJson, capacityProvider);
      const estimate = await priceShape(shape, scope, count, shape.launchType === 'FARGATE' ? (capacityProvider ?? 'FARGATE') : 'EC2', options);
      return { estimate, shape, text: describeEstimate(estimate, shape) };
    },

    async estimateService(scope, cluster, service) {
      if (!service.taskDefinition) throw new CostError(`Service ${service.serviceName ?? ''} names no task definition.`);
      const [described, scaling] = await Promise.all([
        new EcsReader(clients, scope).taskDefinition(service.taskDefinition),
        readServiceScaling(clients, scope, cluster, service.serviceName ?? '').then((s) => s.target, () => undefined),
      ]);
      const placement = placementOf(service);
      const shape = shapeFor(described.taskDefinition, placement.kind);
      const perTask = await priceShape(shape, scope, 1, placement.kind, { cluster });
      if (placement.note) perTask.notes.push(placement.note);
      const range = scaling?.MinCapacity !== undefined && scaling.MaxCapacity !== undefined ? { min: scaling.MinCapacity, max: scaling.MaxCapacity } : undefined;
      const cost = estimateService(perTask, service.desiredCount ?? 0, range);
      return { ...cost, shape, text: describeServiceCost(cost) };
    },

    async estimateRepositoryStorage(scope, repositoryName, imageSizesInBytes) {
      const price = await priceBook.ecrStorage(scope);
      if (!price) throw new CostError(`No ECR storage price for ${scope.region}: the AWS Price List could not be read (${priceBook.fallbackReason(scope.region) ?? 'no figure'}) and the bundled snapshot does not list it.`);
      const bytes = imageSizesInBytes.reduce((a, b) => a + b, 0);
      // ECR bills GB-months of stored image data; sizes here are DescribeImages' imageSizeInBytes (GiB = 2^30 bytes).
      const gb = bytes / 2 ** 30;
      const notes = [`${formatRate(price.gbMonth)} per GB-month; image sizes as ECR reports them (compressed layers; a layer shared by several images is billed once, so this is an upper bound).`];
      return { repositoryName, images: imageSizesInBytes.length, bytes, gb, monthly: gb * price.gbMonth, region: scope.region, source: price.source, asOf: price.asOf, notes };
    },
  };
}
