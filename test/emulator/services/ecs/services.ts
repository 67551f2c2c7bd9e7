/** ECS services: create, list, describe, delete, and their service deployments. */
import type * as ecs from '../../generated/ecs';
import { globalArn, lastPart } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Identity } from '../../kit/identity';
import { page } from '../../kit/paging';
import type { Region } from '../../kit/world';
import { bad, describeBatch, EcsHandlers, limit, listPage } from './common';
import { checkCreate } from './controllers';
import { capacityStrategyFor, checkPlacement } from './placement-config';
import { checkLoadBalancers } from './loadBalancerChecks';
import { findServiceDeployment } from './service-deployments';
import { checkStrategy } from './strategy-config';
import { ecsSim } from './sim/index';
import { taskSetControl } from './sim/taskSets';
import { isFargate, scheduled } from './sim/timing';
import { ecsState, lastClusterName, type ClusterRecord, type DeploymentRecord, type ServiceRecord, type TaskDefinitionRecord } from './state';

export function createService(region: Region, input: ecs.CreateServiceRequest, caller: Identity): ServiceRecord {
  const state = ecsState(region);
  const cluster = state.cluster(input.cluster);
  const name = input.serviceName;
  const existing = state.servicesOf(cluster.clusterName).get(name);
  if (existing && existing.status !== 'INACTIVE') {
    throw bad('Creation of service was not idempotent.');
  }
  const controller = input.deploymentController ?? { type: 'ECS' };
  checkCreate(controller.type, input);
  const td = input.taskDefinition ? state.taskDefForUse(input.taskDefinition) : undefined;
  const deploymentConfiguration: ecs.DeploymentConfiguration = { deploymentCircuitBreaker: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100, ...input.deploymentConfiguration };
  checkStrategy(region, deploymentConfiguration, controller.type, input.loadBalancers ?? [], !!input.serviceConnectConfiguration?.enabled);
  const launchType = resolveLaunchType(cluster, input);
  capacityStrategyFor(cluster, input);
  if (td) {
    checkLaunch(td, launchType, input.networkConfiguration);
  }
  checkPlacement(launchType, input.placementStrategy, input.placementConstraints, td);
  const svc: ServiceRecord = {
    serviceArn: state.arn(`service/${cluster.clusterName}/${name}`),
    serviceName: name,
    clusterArn: cluster.clusterArn,
    loadBalancers: input.loadBalancers ?? [],
    serviceRegistries: input.serviceRegistries ?? [],
    status: 'ACTIVE',
    desiredCount: input.desiredCount ?? 0,
    runningCount: 0,
    pendingCount: 0,
    launchType: input.capacityProviderStrategy ? undefined : launchType,
    capacityProviderStrategy: input.capacityProviderStrategy,
    platformVersion: isFargate(launchType) ? (input.platformVersion ?? 'LATEST') : undefined,
    platformFamily: isFargate(launchType) ? 'Linux' : undefined,
    taskDefinition: td?.taskDefinitionArn,
    deploymentConfiguration,
    deployments: [],
    taskSets: controller.type === 'ECS' ? undefined : [],
    events: [],
    createdAt: region.now(),
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    networkConfiguration: input.networkConfiguration,
    healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
    // `role`: "the name or full ARN of an IAM role" (API_CreateService.html); the service shows its ARN.
    roleArn: input.role ? (input.role.startsWith('arn:') ? input.role : globalArn('iam', region.name, `role/${input.role}`)) : undefined,
    schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
    deploymentController: controller,
    createdBy: caller.arn,
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    propagateTags: input.propagateTags ?? 'NONE',
    enableExecuteCommand: input.enableExecuteCommand ?? false,
    availabilityZoneRebalancing: 'DISABLED',
  };
  state.serviceExtras.set(svc, { launchType, serviceDeployments: [], deploymentTargetGroups: new Map(), steady: false, reconcileScheduled: false, consecutiveFailures: 0, rollbackOf: new Map(), tasks: new Set() });
  state.servicesOf(cluster.clusterName).set(name, svc);
  state.tags.delete(svc.serviceArn);
  state.setTags(svc.serviceArn, input.tags);
  if (td && scheduled(svc)) {
    ecsSim(region).deployments.start(svc, td.taskDefinitionArn);
  }
  return svc;
}

export function resolveLaunchType(cluster: ClusterRecord, input: { launchType?: ecs.LaunchType; capacityProviderStrategy?: ecs.CapacityProviderStrategyItem[] }): ecs.LaunchType {
  if (input.launchType) {
    return input.launchType;
  }
  const strategy = input.capacityProviderStrategy?.length ? input.capacityProviderStrategy : cluster.defaultCapacityProviderStrategy;
  if (strategy && strategy.length) {
    return strategy.some((s) => s.capacityProvider.startsWith('FARGATE')) ? 'FARGATE' : 'EC2';
  }
  return 'EC2';
}

export function checkLaunch(td: TaskDefinitionRecord, launchType: ecs.LaunchType, networkConfiguration: ecs.NetworkConfiguration | undefined): void {
  if (isFargate(launchType) && !td.compatibilities.includes('FARGATE')) {
    throw bad('Task definition does not support launch_type FARGATE.');
  }
  if (td.networkMode === 'awsvpc' && !networkConfiguration?.awsvpcConfiguration) {
    throw bad("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
}

export function serviceView(region: Region, svc: ServiceRecord, include: string[] = []): ecs.Service {
  if (svc.status !== 'INACTIVE') {
    ecsSim(region).scheduler.refreshCounts(svc);
  }
  const state = ecsState(region);
  const view: ecs.Service = {
    ...svc,
    launchType: svc.launchType ?? (svc.capacityProviderStrategy ? undefined : state.serviceExtras.of(svc).launchType),
    tags: include.includes('TAGS') ? state.tagsOf(svc.serviceArn) : undefined,
  };
  if (svc.deploymentController.type === 'CODE_DEPLOY') {
    // "When a service using the blue/green deployment type is initially created, an Amazon ECS task
    // set is created" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html):
    // the emulator runs it as its primary deployment and shows it as that task set.
    const primary = taskSetControl(region).get(svc)?.primary;
    view.taskSets = svc.deployments.map((d) => taskSetView(state.arn(`task-set/${lastClusterName(svc.clusterArn)}/${svc.serviceName}/${d.id}`), svc, d, primary));
    view.deployments = [];
  } else {
    // "currentServiceDeployment: The ARN of the current service deployment" and "currentServiceRevisions:
    // The list of the service revisions" (API_Service.html): the newest service deployment and the
    // revisions it runs, with their task counts.
    const newest = state.serviceExtras.of(svc).serviceDeployments[0]?.record;
    if (newest) {
      view.currentServiceDeployment = newest.serviceDeploymentArn;
      view.currentServiceRevisions = [newest.targetServiceRevision, ...(newest.sourceServiceRevisions ?? [])]
        .filter((r) => r.arn)
        .map((r) => ({ arn: r.arn, requestedTaskCount: r.requestedTaskCount ?? 0, runningTaskCount: r.runningTaskCount ?? 0, pendingTaskCount: r.pendingTaskCount ?? 0 }));
    }
  }
  return view;
}

export function taskSetView(taskSetArn: string, svc: ServiceRecord, d: DeploymentRecord, primary?: string): ecs.TaskSet {
  const steady = d.rolloutState === 'COMPLETED';
  return {
    id: d.id, taskSetArn, serviceArn: svc.serviceArn, clusterArn: svc.clusterArn, status: primary ? (d.id === primary ? 'PRIMARY' : 'ACTIVE') : d.status,
    taskDefinition: d.taskDefinition, computedDesiredCount: d.desiredCount, pendingCount: d.pendingCount, runningCount: d.runningCount,
    createdAt: d.createdAt, updatedAt: d.updatedAt, launchType: d.launchType, capacityProviderStrategy: d.capacityProviderStrategy,
    platformVersion: d.platformVersion, platformFamily: d.platformFamily, networkConfiguration: d.networkConfiguration,
    loadBalancers: svc.loadBalancers, serviceRegistries: svc.serviceRegistries, scale: { value: 100, unit: 'PERCENT' },
    stabilityStatus: steady ? 'STEADY_STATE' : 'STABILIZING', stabilityStatusAt: d.updatedAt,
  };
}

export function activeService(region: Region, clusterRef: string | undefined, serviceRef: string): ServiceRecord {
  const state = ecsState(region);
  const svc = state.service(state.cluster(clusterRef), serviceRef);
  if (svc.status !== 'ACTIVE') {
    throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
  }
  return svc;
}

export const serviceHandlers: EcsHandlers<'ListServices' | 'DescribeServices' | 'CreateService' | 'DeleteService' | 'ListServiceDeployments' | 'DescribeServiceDeployments'> = {
  ListServices: (input, { region }) => {
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    const arns: string[] = [];
    for (const s of state.servicesOf(c.clusterName).values()) {
      if (s.status !== 'INACTIVE'
        && (!input.launchType || state.serviceExtras.of(s).launchType === input.launchType)
        && (!input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy)) {
        arns.push(s.serviceArn);
      }
    }
    const p = listPage(arns, input, 10);
    return { serviceArns: p.items, nextToken: p.next };
  },

  DescribeServices: (input, { region }) => {
    limit(input.services, 10, 'Services');
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    const r = describeBatch(input.services, (ref) => state.servicesOf(c.clusterName).get(lastPart(ref)), (s) => serviceView(region, s, input.include), (ref) => state.arn(`service/${c.clusterName}/${ref}`));
    return { services: r.found, failures: r.failures };
  },

  CreateService: (input, { region, caller }) => {
    if (input.taskDefinition) {
      checkLoadBalancers(region, ecsState(region).taskDefForUse(input.taskDefinition), input.loadBalancers);
    }
    return { service: serviceView(region, createService(region, input, caller)) };
  },

  DeleteService: (input, { region }) => {
    const svc = activeService(region, input.cluster, input.service);
    if (svc.desiredCount > 0 && !input.force) {
      throw bad('The service cannot be stopped while it is scaled above 0.');
    }
    svc.desiredCount = 0;
    svc.status = 'DRAINING';
    if (scheduled(svc)) {
      ecsSim(region).scheduler.scheduleReconcile(svc);
    } else {
      svc.status = 'INACTIVE';
    }
    return { service: serviceView(region, svc) };
  },

  ListServiceDeployments: (input, { region }) => {
    const state = ecsState(region);
    const svc = state.service(state.cluster(input.cluster), input.service);
    const { after, before } = input.createdAt ?? {};
    const items = state.serviceExtras.of(svc).serviceDeployments
      .map((x) => x.record)
      .filter((d) => !input.status || input.status.includes(d.status))
      .filter((d) => (!after || d.createdAt >= after) && (!before || d.createdAt <= before))
      .map((d) => ({
        serviceDeploymentArn: d.serviceDeploymentArn,
        serviceArn: d.serviceArn,
        clusterArn: d.clusterArn,
        startedAt: d.startedAt,
        createdAt: d.createdAt,
        finishedAt: d.finishedAt,
        targetServiceRevisionArn: d.targetServiceRevision.arn,
        status: d.status,
        statusReason: d.statusReason,
      }));
    const p = page(items, input.maxResults, input.nextToken, { def: 20, max: 100, error: 'InvalidParameterException' });
    return { serviceDeployments: p.items, nextToken: p.next };
  },

  DescribeServiceDeployments: (input, { region }) => {
    limit(input.serviceDeploymentArns, 20, 'serviceDeploymentArns');
    const r = describeBatch(input.serviceDeploymentArns, (a) => findServiceDeployment(region, a)?.entry.record, (d) => d, (a) => a);
    return { serviceDeployments: r.found, failures: r.failures };
  },
};
