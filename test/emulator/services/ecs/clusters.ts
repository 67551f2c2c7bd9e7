/** ECS clusters and capacity providers. */
import type * as ecs from '../../generated/ecs';
import { lastPart } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import type { Region } from '../../kit/world';
import { bad, describeBatch, EcsHandlers, includes, limit, listPage } from './common';
import { checkClusterConfiguration } from './exec/clusterConfig';
import { isFargate } from './sim/timing';
import { ecsState, type ClusterRecord, type TaskRecord } from './state';

export function createCluster(region: Region, input: ecs.CreateClusterRequest): ClusterRecord {
  const state = ecsState(region);
  const name = input.clusterName ?? 'default';
  checkClusterConfiguration(input.configuration);
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw bad('Cluster name can only contain alphanumeric characters, hyphens and underscores (max 255).');
  }
  const existing = state.clusters.get(name);
  if (existing && existing.status === 'ACTIVE') {
    return existing;
  }
  const cluster: ClusterRecord = {
    clusterArn: state.arn(`cluster/${name}`),
    clusterName: name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    activeServicesCount: 0,
    statistics: [],
    settings: input.settings ?? [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: input.capacityProviders ?? [],
    defaultCapacityProviderStrategy: strategy(input.defaultCapacityProviderStrategy),
    configuration: input.configuration,
  };
  state.clusters.set(name, cluster);
  state.tags.delete(cluster.clusterArn);
  state.setTags(cluster.clusterArn, input.tags);
  return cluster;
}

/** "If no value is specified, the default value of 0 is used" for base and weight (API_CapacityProviderStrategyItem.html). */
function strategy(items: ecs.CapacityProviderStrategyItem[] | undefined): ecs.CapacityProviderStrategyItem[] {
  return (items ?? []).map((i) => ({ ...i, weight: i.weight ?? 0, base: i.base ?? 0 }));
}

const ATTACH_MS = 30_000;

/**
 * Capacity providers backed by an Auto Scaling group get ECS's managed scaling policy, shown as
 * cluster attachments ("the capacity provider and associated resources are returned as cluster
 * attachments", API_Cluster.html): ACTIVE when added, DELETING when removed, attachmentsStatus
 * UPDATE_IN_PROGRESS until the change completes (UPDATE_COMPLETE, deleted ones gone).
 */
function updateAttachments(region: Region, c: ClusterRecord, names: string[]): void {
  const state = ecsState(region);
  const nameOf = (a: ecs.Attachment): string | undefined => a.details?.find((d) => d.name === 'capacityProviderName')?.value;
  const current = c.attachments ?? [];
  const added = names.filter((n) => state.capacityProviders.get(n)?.autoScalingGroupProvider && !current.some((a) => nameOf(a) === n && a.status !== 'DELETING'));
  const removed = current.filter((a) => !names.includes(nameOf(a) ?? ''));
  if (!added.length && !removed.length) {
    return;
  }
  const rnd = region.core.rnd;
  c.attachments = [
    ...current.map((a) => (removed.includes(a) ? { ...a, status: 'DELETING' } : a)),
    ...added.map((n) => ({ id: rnd.uuid(), type: 'as_policy', status: 'ACTIVE', details: [{ name: 'capacityProviderName', value: n }, { name: 'scalingPolicyName', value: `ECSManagedAutoScalingPolicy-${rnd.uuid()}` }] })),
  ];
  c.attachmentsStatus = 'UPDATE_IN_PROGRESS';
  region.core.sched.after(ATTACH_MS, () => {
    c.attachments = (c.attachments ?? []).filter((a) => a.status !== 'DELETING');
    c.attachmentsStatus = 'UPDATE_COMPLETE';
  });
}

export function clusterView(region: Region, c: ClusterRecord, include: string[] = []): ecs.Cluster {
  const state = ecsState(region);
  const tasks = [...state.tasksOf(c.clusterName).values()].filter((t) => t.desiredStatus === 'RUNNING' || t.lastStatus !== 'STOPPED');
  const services = [...state.servicesOf(c.clusterName).values()].filter((s) => s.status === 'ACTIVE');
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING');
  const view: ecs.Cluster = {
    ...c,
    registeredContainerInstancesCount: state.instancesOf(c.clusterName).size,
    runningTasksCount: running.length,
    pendingTasksCount: tasks.filter((t) => t.lastStatus !== 'RUNNING' && t.desiredStatus === 'RUNNING').length,
    activeServicesCount: services.length,
    tags: include.includes('TAGS') ? state.tagsOf(c.clusterArn) : undefined,
    settings: include.includes('SETTINGS') ? c.settings : undefined,
    configuration: include.includes('CONFIGURATIONS') ? c.configuration : undefined,
    attachments: include.includes('ATTACHMENTS') ? c.attachments : undefined,
  };
  if (include.includes('STATISTICS')) {
    const count = (pred: (t: TaskRecord) => boolean): string => String(tasks.filter(pred).length);
    const fargate = (t: TaskRecord): boolean => isFargate(t.launchType);
    const fargateServices = services.filter((s) => isFargate(state.serviceExtras.of(s).launchType)).length;
    view.statistics = [
      { name: 'runningEC2TasksCount', value: count((t) => t.lastStatus === 'RUNNING' && !fargate(t)) },
      { name: 'runningFargateTasksCount', value: count((t) => t.lastStatus === 'RUNNING' && fargate(t)) },
      { name: 'pendingEC2TasksCount', value: count((t) => t.lastStatus !== 'RUNNING' && !fargate(t)) },
      { name: 'pendingFargateTasksCount', value: count((t) => t.lastStatus !== 'RUNNING' && fargate(t)) },
      { name: 'activeEC2ServiceCount', value: String(services.length - fargateServices) },
      { name: 'activeFargateServiceCount', value: String(fargateServices) },
      { name: 'drainingEC2ServiceCount', value: '0' },
      { name: 'drainingFargateServiceCount', value: '0' },
      { name: 'runningTasksCountForServices', value: count((t) => t.lastStatus === 'RUNNING' && state.serviceOfTask(t) !== undefined) },
    ];
  }
  return view;
}

export const clusterHandlers: EcsHandlers<'ListClusters' | 'DescribeClusters' | 'CreateCluster' | 'DeleteCluster' | 'PutClusterCapacityProviders' | 'DescribeCapacityProviders'> = {
  ListClusters: (input, { region }) => {
    const arns = [...ecsState(region).clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.clusterArn);
    const p = listPage(arns, input);
    return { clusterArns: p.items, nextToken: p.next };
  },

  DescribeClusters: (input, { region }) => {
    limit(input.clusters, 100, 'Clusters');
    const state = ecsState(region);
    const refs = input.clusters?.length ? input.clusters : ['default'];
    const r = describeBatch(refs, (ref) => state.clusters.get(lastPart(ref)), (c) => clusterView(region, c, input.include), (ref) => state.arn(`cluster/${ref}`));
    return { clusters: r.found, failures: r.failures };
  },

  CreateCluster: (input, { region }) => ({ cluster: clusterView(region, createCluster(region, input), ['TAGS', 'SETTINGS', 'CONFIGURATIONS']) }),

  DeleteCluster: (input, { region }) => {
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    if ([...state.servicesOf(c.clusterName).values()].some((s) => s.status !== 'INACTIVE')) {
      throw new AwsError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.');
    }
    if ([...state.tasksOf(c.clusterName).values()].some((t) => t.lastStatus !== 'STOPPED')) {
      throw new AwsError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
    }
    if (state.instancesOf(c.clusterName).size > 0) {
      throw new AwsError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.');
    }
    // "delete all capacity providers from the cluster before you can delete the cluster itself"
    // (ClusterContainsCapacityProviderException, API_DeleteCluster.html): the providers made for this cluster alone (Managed Instances).
    if ([...state.capacityProviders.values()].some((cp) => cp.status === 'ACTIVE' && cp.cluster === c.clusterName)) {
      throw new AwsError('ClusterContainsCapacityProviderException', 'The Cluster cannot be deleted while it has capacity providers. Delete its capacity providers first.');
    }
    c.status = 'INACTIVE';
    return { cluster: clusterView(region, c) };
  },

  PutClusterCapacityProviders: (input, { region }) => {
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    for (const name of input.capacityProviders) {
      if (!state.capacityProviders.has(name)) {
        throw bad(`The specified capacity provider '${name}' does not exist.`);
      }
    }
    c.capacityProviders = input.capacityProviders;
    c.defaultCapacityProviderStrategy = strategy(input.defaultCapacityProviderStrategy);
    updateAttachments(region, c, input.capacityProviders);
    return { cluster: clusterView(region, c, ['TAGS', 'SETTINGS', 'ATTACHMENTS']) };
  },

  DescribeCapacityProviders: (input, { region }) => {
    const state = ecsState(region);
    const all = [...state.capacityProviders.values()];
    const wanted = input.capacityProviders;
    const found = wanted ? all.filter((cp) => wanted.some((w) => lastPart(w) === cp.name)) : all;
    const failures = (wanted ?? []).filter((w) => !all.some((cp) => cp.name === lastPart(w))).map((w) => ({ arn: w, reason: 'MISSING' }));
    const p = page(found, input.maxResults, input.nextToken, { def: 10, max: 10, error: 'InvalidParameterException' });
    const views = p.items.map((cp) => ({ ...cp, tags: includes(input, 'TAGS') ? state.tagsOf(cp.capacityProviderArn ?? '') : undefined }));
    return { capacityProviders: views, failures, nextToken: p.next };
  },
};
