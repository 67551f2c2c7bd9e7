/** Amazon ECS operations. */
import { AwsError } from '../errors';
import { Input, lastPart, page } from '../util';
import type { Context, Handlers, RegionState } from '../world';
import { CALLER_ARN, Obj, Tag, publicCopy } from './ecs-state';
import { isFargate, lastClusterName, schedulerLaunchType } from './ecs-sim';

const bad = (message: string): AwsError => new AwsError('InvalidParameterException', message);
const PAGE = { def: 100, max: 100, error: 'InvalidParameterException' };

function limit(list: unknown[] | undefined, max: number, name: string): void {
  if (list && list.length > max) {
    throw bad(`${name} cannot have more than ${max} elements`);
  }
}

function listPage<T>(items: T[], input: Input, def = 100): { items: T[]; next?: string } {
  return page(items, input.maxResults, input.nextToken, { ...PAGE, def });
}

// ---------------------------------------------------------------------------------------------
// Clusters

export function createCluster(region: RegionState, input: Input): Obj {
  const ecs = region.ecs;
  const name: string = input.clusterName ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw bad('Cluster name can only contain alphanumeric characters, hyphens and underscores (max 255).');
  }
  const existing = ecs.clusters.get(name);
  if (existing && existing.status === 'ACTIVE') {
    return existing;
  }
  const cluster: Obj = {
    clusterArn: ecs.arn(`cluster/${name}`),
    clusterName: name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    activeServicesCount: 0,
    statistics: [],
    settings: input.settings ?? [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: input.capacityProviders ?? [],
    defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
  };
  if (input.configuration) {
    cluster.configuration = input.configuration;
  }
  ecs.clusters.set(name, cluster);
  ecs.tags.delete(cluster.clusterArn);
  ecs.setTags(cluster.clusterArn, input.tags);
  return cluster;
}

function clusterView(region: RegionState, c: Obj, include: string[] = []): Obj {
  const ecs = region.ecs;
  const tasks = [...ecs.tasksOf(c.clusterName).values()].filter((t) => t.desiredStatus === 'RUNNING' || t.lastStatus !== 'STOPPED');
  const services = [...ecs.servicesOf(c.clusterName).values()].filter((s) => s.status === 'ACTIVE');
  const view: Obj = {
    ...publicCopy(c),
    registeredContainerInstancesCount: [...ecs.instancesOf(c.clusterName).values()].length,
    runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((t) => t.lastStatus !== 'RUNNING' && t.desiredStatus === 'RUNNING').length,
    activeServicesCount: services.length,
  };
  if (include.includes('STATISTICS')) {
    const count = (pred: (t: Obj) => boolean): string => String(tasks.filter(pred).length);
    const fargate = (t: Obj): boolean => isFargate(t.launchType);
    const svcTask = (t: Obj): boolean => t._service !== undefined;
    view.statistics = [
      { name: 'runningEC2TasksCount', value: count((t) => t.lastStatus === 'RUNNING' && !fargate(t)) },
      { name: 'runningFargateTasksCount', value: count((t) => t.lastStatus === 'RUNNING' && fargate(t)) },
      { name: 'pendingEC2TasksCount', value: count((t) => t.lastStatus !== 'RUNNING' && !fargate(t)) },
      { name: 'pendingFargateTasksCount', value: count((t) => t.lastStatus !== 'RUNNING' && fargate(t)) },
      { name: 'activeEC2ServiceCount', value: String(services.filter((s) => !isFargate(schedulerLaunchType(s))).length) },
      { name: 'activeFargateServiceCount', value: String(services.filter((s) => isFargate(schedulerLaunchType(s))).length) },
      { name: 'drainingEC2ServiceCount', value: '0' },
      { name: 'drainingFargateServiceCount', value: '0' },
      { name: 'runningTasksCountForServices', value: count((t) => t.lastStatus === 'RUNNING' && svcTask(t)) },
    ];
  }
  if (include.includes('TAGS')) {
    view.tags = ecs.tagsOf(c.clusterArn);
  }
  if (!include.includes('SETTINGS')) {
    delete view.settings;
  }
  if (!include.includes('CONFIGURATIONS')) {
    delete view.configuration;
  }
  return view;
}

// ---------------------------------------------------------------------------------------------
// Task definitions

const FARGATE_MEMORY: Record<string, number[]> = {
  '256': [512, 1024, 2048],
  '512': range(1024, 4096, 1024),
  '1024': range(2048, 8192, 1024),
  '2048': range(4096, 16384, 1024),
  '4096': range(8192, 30720, 1024),
  '8192': range(16384, 61440, 4096),
  '16384': range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) {
    out.push(v);
  }
  return out;
}

/** Normalizes "1 vCPU" / "2 GB" units the way ECS accepts them. */
function units(v: string | undefined, per: number): string | undefined {
  if (v === undefined) {
    return undefined;
  }
  const m = /^\s*([\d.]+)\s*(vcpu|gb)\s*$/i.exec(v);
  return m ? String(Math.round(Number(m[1]) * per)) : v.trim();
}

export function registerTaskDefinition(region: RegionState, input: Input): Obj {
  const ecs = region.ecs;
  const family: string = input.family;
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(family)) {
    throw new AwsError('ClientException', 'Family contains invalid characters.');
  }
  const containers: Obj[] = input.containerDefinitions;
  if (containers.length === 0) {
    throw new AwsError('ClientException', 'Container list cannot be empty.');
  }
  const names = new Set<string>();
  for (const c of containers) {
    if (!c.name || !c.image) {
      throw new AwsError('ClientException', `Container.${!c.name ? 'name' : 'image'} should not be null or empty.`);
    }
    if (names.has(c.name)) {
      throw new AwsError('ClientException', `Duplicate container name '${c.name}' found. Container names must be unique within a task definition.`);
    }
    names.add(c.name);
  }
  const cpu = units(input.cpu, 1024);
  const memory = units(input.memory, 1024);
  const requires: string[] = input.requiresCompatibilities ?? [];
  if (requires.includes('FARGATE')) {
    if (input.networkMode !== 'awsvpc') {
      throw new AwsError('ClientException', "Fargate only supports network mode 'awsvpc'.");
    }
    if (!cpu) {
      throw new AwsError('ClientException', "Fargate requires that 'cpu' be defined at the task level.");
    }
    if (!memory) {
      throw new AwsError('ClientException', "Fargate requires that 'memory' be defined at the task level.");
    }
    if (!FARGATE_MEMORY[cpu]?.includes(Number(memory))) {
      throw new AwsError('ClientException', `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`);
    }
    for (const c of containers) {
      if (c.logConfiguration?.logDriver === 'awslogs' && !input.executionRoleArn) {
        throw new AwsError('ClientException', 'Fargate requires task definition to have execution role ARN to support log driver awslogs.');
      }
    }
  } else if (!memory) {
    for (const c of containers) {
      if (c.memory === undefined && c.memoryReservation === undefined) {
        throw new AwsError('ClientException', `Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
      }
    }
  }
  const revisions = ecs.taskDefs.get(family) ?? [];
  ecs.taskDefs.set(family, revisions);
  const revision = revisions.length + 1;
  const { tags, ...rest } = input;
  const awsvpcAndSized = input.networkMode === 'awsvpc' && cpu && memory;
  const td: Obj = {
    ...rest,
    taskDefinitionArn: ecs.arn(`task-definition/${family}:${revision}`),
    containerDefinitions: containers.map((c) => ({
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      cpu: 0,
      ...c,
      portMappings: (c.portMappings ?? []).map((p: Obj) => ({
        ...p,
        hostPort: p.hostPort ?? (input.networkMode === 'awsvpc' || input.networkMode === 'host' ? p.containerPort : undefined),
        protocol: p.protocol ?? 'tcp',
      })),
    })),
    family,
    revision,
    volumes: input.volumes ?? [],
    status: 'ACTIVE',
    requiresAttributes: requiresAttributes(input),
    placementConstraints: input.placementConstraints ?? [],
    compatibilities: awsvpcAndSized ? ['EC2', 'FARGATE'] : ['EC2'],
    requiresCompatibilities: requires.length ? requires : undefined,
    registeredAt: region.now(),
    registeredBy: CALLER_ARN,
  };
  if (cpu) {
    td.cpu = cpu;
  }
  if (memory) {
    td.memory = memory;
  }
  revisions.push(td);
  ecs.setTags(td.taskDefinitionArn, tags);
  return td;
}

function requiresAttributes(input: Input): Obj[] {
  const out: Obj[] = [];
  const add = (name: string): void => {
    if (!out.some((a) => a.name === name)) {
      out.push({ name });
    }
  };
  if (input.networkMode === 'awsvpc') {
    add('ecs.capability.task-eni');
  }
  if (input.executionRoleArn) {
    add('ecs.capability.execution-role-awslogs');
  }
  if (input.taskRoleArn) {
    add('com.amazonaws.ecs.capability.task-iam-role');
  }
  for (const c of input.containerDefinitions as Obj[]) {
    if (c.logConfiguration?.logDriver === 'awslogs') {
      add('com.amazonaws.ecs.capability.logging-driver.awslogs');
    }
    if (c.secrets?.length) {
      add('ecs.capability.secrets.asm.environment-variables');
    }
    if (c.healthCheck) {
      add('ecs.capability.container-health-check');
    }
  }
  return out;
}

function tdKey(td: Obj): string {
  return td.taskDefinitionArn as string;
}

// ---------------------------------------------------------------------------------------------
// Services

export function createService(region: RegionState, input: Input): Obj {
  const { ecs, sim } = region;
  const cluster = ecs.cluster(input.cluster);
  const name: string = input.serviceName;
  const existing = ecs.servicesOf(cluster.clusterName).get(name);
  if (existing && existing.status !== 'INACTIVE') {
    throw bad('Creation of service was not idempotent.');
  }
  if (!input.taskDefinition) {
    throw bad('TaskDefinition must be specified.');
  }
  const td = ecs.taskDefForUse(input.taskDefinition);
  const launchType = resolveLaunchType(cluster, input);
  checkLaunch(td, launchType, input.networkConfiguration);
  const desired: number = input.desiredCount ?? 0;
  const now = region.now();
  const dc = input.deploymentConfiguration ?? {};
  const svc: Obj = {
    serviceArn: ecs.arn(`service/${cluster.clusterName}/${name}`),
    serviceName: name,
    clusterArn: cluster.clusterArn,
    loadBalancers: input.loadBalancers ?? [],
    serviceRegistries: input.serviceRegistries ?? [],
    status: 'ACTIVE',
    desiredCount: desired,
    runningCount: 0,
    pendingCount: 0,
    launchType: input.capacityProviderStrategy ? undefined : launchType,
    capacityProviderStrategy: input.capacityProviderStrategy,
    platformVersion: isFargate(launchType) ? (input.platformVersion ?? 'LATEST') : undefined,
    platformFamily: isFargate(launchType) ? 'Linux' : undefined,
    taskDefinition: td.taskDefinitionArn,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: false, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      ...dc,
    },
    deployments: [],
    events: [],
    createdAt: now,
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    networkConfiguration: input.networkConfiguration,
    healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
    schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
    deploymentController: input.deploymentController ?? { type: 'ECS' },
    createdBy: CALLER_ARN,
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    propagateTags: input.propagateTags ?? 'NONE',
    enableExecuteCommand: input.enableExecuteCommand ?? false,
    availabilityZoneRebalancing: 'DISABLED',
    _launchType: launchType,
    _serviceDeployments: [],
  };
  ecs.servicesOf(cluster.clusterName).set(name, svc);
  ecs.tags.delete(svc.serviceArn);
  ecs.setTags(svc.serviceArn, input.tags);
  sim.newDeployment(svc, td.taskDefinitionArn);
  return svc;
}

function resolveLaunchType(cluster: Obj, input: Input): string {
  if (input.launchType) {
    return input.launchType;
  }
  const strategy: Obj[] | undefined = input.capacityProviderStrategy?.length ? input.capacityProviderStrategy : cluster.defaultCapacityProviderStrategy;
  if (strategy && strategy.length) {
    return strategy.some((s) => String(s.capacityProvider).startsWith('FARGATE')) ? 'FARGATE' : 'EC2';
  }
  return 'EC2';
}

function checkLaunch(td: Obj, launchType: string, networkConfiguration: Obj | undefined): void {
  if (isFargate(launchType) && !td.compatibilities.includes('FARGATE')) {
    throw new AwsError('InvalidParameterException', 'Task definition does not support launch_type FARGATE.');
  }
  if (td.networkMode === 'awsvpc' && !networkConfiguration?.awsvpcConfiguration) {
    throw bad("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
}

function serviceView(region: RegionState, svc: Obj, include: string[] = []): Obj {
  if (svc.status !== 'INACTIVE') {
    region.sim.refreshCounts(svc);
  }
  const view = publicCopy(svc);
  if (svc.launchType === undefined && !svc.capacityProviderStrategy) {
    view.launchType = svc._launchType;
  }
  if (include.includes('TAGS')) {
    view.tags = region.ecs.tagsOf(svc.serviceArn);
  }
  return view;
}


// ---------------------------------------------------------------------------------------------
// Container instances

export function registerContainerInstance(region: RegionState, cluster: Obj, opts: { cpu?: number; memory?: number; instanceType?: string; capacityProviderName?: string; at?: Date } = {}): Obj {
  const { ecs, core } = region;
  const id = core.rnd.hex(32);
  const resources = (cpu: number, memory: number): Obj[] => [
    { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
    { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: memory },
    { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
  ];
  const cpu = opts.cpu ?? 2048;
  const memory = opts.memory ?? 7680;
  const inst: Obj = {
    containerInstanceArn: ecs.arn(`container-instance/${cluster.clusterName}/${id}`),
    ec2InstanceId: `i-0${core.rnd.hex(16)}`,
    version: 1,
    versionInfo: { agentVersion: '1.89.2', agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.6' },
    remainingResources: resources(cpu, memory),
    registeredResources: resources(cpu, memory),
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: [
      { name: 'ecs.instance-type', value: opts.instanceType ?? 't3.large' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'ecs.availability-zone', value: `${region.name}a` },
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      { name: 'ecs.capability.task-eni' },
    ],
    registeredAt: opts.at ?? region.now(),
    attachments: [],
    healthStatus: { overallStatus: 'OK', details: [] },
  };
  if (opts.capacityProviderName) {
    inst.capacityProviderName = opts.capacityProviderName;
  }
  ecs.instancesOf(cluster.clusterName).set(id, inst);
  return inst;
}

function instanceView(region: RegionState, inst: Obj, include: string[] = []): Obj {
  const clusterName = lastClusterName(inst.containerInstanceArn);
  const tasks = [...region.ecs.tasksOf(clusterName).values()].filter((t) => t.containerInstanceArn === inst.containerInstanceArn && t.desiredStatus === 'RUNNING');
  const free = region.sim.remaining(inst);
  const view = publicCopy(inst);
  view.runningTasksCount = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  view.pendingTasksCount = tasks.length - view.runningTasksCount;
  view.remainingResources = inst.registeredResources.map((r: Obj) =>
    r.name === 'CPU' ? { ...r, integerValue: free.cpu } : r.name === 'MEMORY' ? { ...r, integerValue: free.memory } : r,
  );
  if (include.includes('TAGS')) {
    view.tags = region.ecs.tagsOf(inst.containerInstanceArn);
  }
  return view;
}

function findInstance(region: RegionState, cluster: Obj, ref: string): Obj | undefined {
  return region.ecs.instancesOf(cluster.clusterName).get(lastPart(ref));
}

// ---------------------------------------------------------------------------------------------
// Tasks

function taskView(region: RegionState, t: Obj, include: string[] = []): Obj {
  const view = publicCopy(t);
  view.containers = t.containers.map(publicCopy);
  if (include.includes('TAGS')) {
    view.tags = region.ecs.tagsOf(t.taskArn);
  }
  return view;
}

function findTask(region: RegionState, cluster: Obj, ref: string): Obj | undefined {
  return region.ecs.tasksOf(cluster.clusterName).get(lastPart(ref));
}

function launchTasks(ctx: Context, input: Input, instances?: Obj[]): Obj {
  const { ecs, sim } = ctx.region;
  const cluster = ecs.cluster(input.cluster);
  const td = ecs.taskDefForUse(input.taskDefinition);
  const launchType = instances ? 'EC2' : resolveLaunchType(cluster, input);
  checkLaunch(td, launchType, input.networkConfiguration);
  const count: number = input.count ?? 1;
  if (count < 1 || count > 10) {
    throw bad('count must be between 1 and 10.');
  }
  const { tasks, failures } = sim.runTasks({
    cluster,
    taskDef: td,
    launchType,
    capacityProviderName: input.capacityProviderStrategy?.[0]?.capacityProvider,
    startedBy: input.startedBy,
    group: input.group,
    overrides: input.overrides,
    networkConfiguration: input.networkConfiguration,
    tags: input.tags,
    enableExecuteCommand: input.enableExecuteCommand,
    count: instances ? instances.length : count,
    instances,
  });
  return { tasks: tasks.map((t) => taskView(ctx.region, t)), failures };
}

// ---------------------------------------------------------------------------------------------
// Tags

function resourceExists(region: RegionState, resourceArn: string): boolean {
  const { ecs } = region;
  const resource = resourceArn.split(':').slice(5).join(':');
  const [kind, ...rest] = resource.split('/');
  switch (kind) {
    case 'cluster':
      return ecs.clusters.get(rest[0])?.status === 'ACTIVE';
    case 'service':
      return ecs.servicesOf(rest[0]).has(rest[1]);
    case 'task':
      return ecs.tasksOf(rest[0]).has(rest[1]);
    case 'container-instance':
      return ecs.instancesOf(rest[0]).has(rest[1]);
    case 'task-definition':
      return ecs.findTaskDef(rest.join('/')) !== undefined;
    case 'capacity-provider':
      return ecs.capacityProviders.has(rest[0]);
    default:
      return false;
  }
}

function checkTaggable(region: RegionState, resourceArn: string): void {
  if (!resourceArn.startsWith('arn:aws:ecs:')) {
    throw bad('The ARN provided is invalid.');
  }
  if (!resourceExists(region, resourceArn)) {
    if (resourceArn.includes(':cluster/')) {
      throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    }
    throw bad('The specified resource could not be found.');
  }
}

// ---------------------------------------------------------------------------------------------

/** A Describe* batch over names or ARNs: views of what exists, MISSING failures (with the ARN AWS reports) for the rest. */
function describeBatch(refs: string[], find: (ref: string) => Obj | undefined, view: (o: Obj) => Obj, arnOf: (ref: string) => string): { found: Obj[]; failures: Obj[] } {
  const found: Obj[] = [];
  const failures: Obj[] = [];
  for (const ref of refs) {
    const o = find(ref);
    if (o) {
      found.push(view(o));
    } else {
      failures.push({ arn: ref.startsWith('arn:') ? ref : arnOf(ref), reason: 'MISSING' });
    }
  }
  return { found, failures };
}

function include(input: Input): string[] {
  return input.include ?? [];
}

export const ecsHandlers: Handlers = {
  ListClusters: (input, { region }) => {
    const arns = [...region.ecs.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.clusterArn);
    const p = listPage(arns, input);
    return { clusterArns: p.items, nextToken: p.next };
  },

  DescribeClusters: (input, { region }) => {
    limit(input.clusters, 100, 'Clusters');
    const refs: string[] = input.clusters?.length ? input.clusters : ['default'];
    const r = describeBatch(refs, (ref) => region.ecs.clusters.get(lastPart(ref)), (c) => clusterView(region, c, include(input)), (ref) => region.ecs.arn(`cluster/${ref}`));
    return { clusters: r.found, failures: r.failures };
  },

  CreateCluster: (input, { region }) => ({ cluster: clusterView(region, createCluster(region, input), ['TAGS', 'SETTINGS', 'CONFIGURATIONS']) }),

  DeleteCluster: (input, { region }) => {
    const { ecs } = region;
    const c = ecs.cluster(input.cluster);
    if ([...ecs.servicesOf(c.clusterName).values()].some((s) => s.status !== 'INACTIVE')) {
      throw new AwsError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.');
    }
    if ([...ecs.tasksOf(c.clusterName).values()].some((t) => t.lastStatus !== 'STOPPED')) {
      throw new AwsError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
    }
    if (ecs.instancesOf(c.clusterName).size > 0) {
      throw new AwsError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.');
    }
    c.status = 'INACTIVE';
    return { cluster: clusterView(region, c) };
  },

  PutClusterCapacityProviders: (input, { region }) => {
    const c = region.ecs.cluster(input.cluster);
    for (const name of input.capacityProviders as string[]) {
      if (!region.ecs.capacityProviders.has(name)) {
        throw bad(`The specified capacity provider '${name}' does not exist.`);
      }
    }
    c.capacityProviders = input.capacityProviders;
    c.defaultCapacityProviderStrategy = input.defaultCapacityProviderStrategy;
    return { cluster: clusterView(region, c) };
  },

  // -- services
  ListServices: (input, { region }) => {
    const c = region.ecs.cluster(input.cluster);
    const arns = [...region.ecs.servicesOf(c.clusterName).values()]
      .filter((s) => s.status !== 'INACTIVE')
      .filter((s) => !input.launchType || schedulerLaunchType(s) === input.launchType)
      .filter((s) => !input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy)
      .map((s) => s.serviceArn);
    const p = listPage(arns, input, 10);
    return { serviceArns: p.items, nextToken: p.next };
  },

  DescribeServices: (input, { region }) => {
    limit(input.services, 10, 'Services');
    const c = region.ecs.cluster(input.cluster);
    const r = describeBatch(input.services, (ref) => region.ecs.servicesOf(c.clusterName).get(lastPart(ref)), (s) => serviceView(region, s, include(input)), (ref) => region.ecs.arn(`service/${c.clusterName}/${ref}`));
    return { services: r.found, failures: r.failures };
  },

  CreateService: (input, { region }) => ({ service: serviceView(region, createService(region, input)) }),

  UpdateService: (input, { region }) => {
    const { ecs, sim } = region;
    const c = ecs.cluster(input.cluster);
    const svc = ecs.service(c, input.service);
    if (svc.status !== 'ACTIVE') {
      throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    }
    let redeploy = input.forceNewDeployment === true;
    if (input.taskDefinition) {
      const td = ecs.taskDefForUse(input.taskDefinition);
      checkLaunch(td, schedulerLaunchType(svc), input.networkConfiguration ?? svc.networkConfiguration);
      if (td.taskDefinitionArn !== svc.taskDefinition) {
        svc.taskDefinition = td.taskDefinitionArn;
        redeploy = true;
      }
    }
    if (input.networkConfiguration && JSON.stringify(input.networkConfiguration) !== JSON.stringify(svc.networkConfiguration)) {
      svc.networkConfiguration = input.networkConfiguration;
      redeploy = true;
    }
    if (input.platformVersion && input.platformVersion !== svc.platformVersion) {
      svc.platformVersion = input.platformVersion;
      redeploy = true;
    }
    if (input.capacityProviderStrategy) {
      svc.capacityProviderStrategy = input.capacityProviderStrategy;
      redeploy = true;
    }
    if (input.deploymentConfiguration) {
      svc.deploymentConfiguration = { ...svc.deploymentConfiguration, ...input.deploymentConfiguration };
    }
    for (const k of ['healthCheckGracePeriodSeconds', 'enableExecuteCommand', 'enableECSManagedTags', 'propagateTags', 'loadBalancers', 'serviceRegistries', 'placementConstraints', 'placementStrategy']) {
      if (input[k] !== undefined) {
        svc[k] = input[k];
        redeploy ||= ['loadBalancers', 'enableExecuteCommand'].includes(k);
      }
    }
    if (typeof input.desiredCount === 'number') {
      svc.desiredCount = input.desiredCount;
      svc._steady = false;
    }
    if (redeploy) {
      sim.newDeployment(svc, svc.taskDefinition);
    } else {
      svc.deployments[0].desiredCount = svc.desiredCount;
      sim.scheduleReconcile(svc);
    }
    return { service: serviceView(region, svc) };
  },

  DeleteService: (input, { region }) => {
    const { ecs, sim } = region;
    const c = ecs.cluster(input.cluster);
    const svc = ecs.service(c, input.service);
    if (svc.status !== 'ACTIVE') {
      throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    }
    if (svc.desiredCount > 0 && !input.force) {
      throw bad('The service cannot be stopped while it is scaled above 0.');
    }
    svc.desiredCount = 0;
    svc.status = 'DRAINING';
    sim.scheduleReconcile(svc);
    return { service: serviceView(region, svc) };
  },

  ListServiceDeployments: (input, { region }) => {
    const { ecs } = region;
    const c = ecs.cluster(input.cluster);
    const svc = ecs.service(c, input.service);
    const statuses: string[] | undefined = input.status;
    const after: Date | undefined = input.createdAt?.after;
    const before: Date | undefined = input.createdAt?.before;
    const items = (svc._serviceDeployments as Obj[])
      .filter((d) => !statuses || statuses.includes(d.status))
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
    const { ecs } = region;
    limit(input.serviceDeploymentArns, 20, 'serviceDeploymentArns');
    const find = (a: string): Obj | undefined => {
      const parts = a.split(':').slice(5).join(':').split('/');
      const svc = ecs.servicesOf(parts[1] ?? '').get(parts[2] ?? '');
      return (svc?._serviceDeployments as Obj[] | undefined)?.find((x) => x.serviceDeploymentArn === a);
    };
    const r = describeBatch(input.serviceDeploymentArns, find, publicCopy, (a) => a);
    return { serviceDeployments: r.found, failures: r.failures };
  },

  // -- tasks
  ListTasks: (input, { region }) => {
    const { ecs } = region;
    const c = ecs.cluster(input.cluster);
    if (input.serviceName) {
      ecs.service(c, input.serviceName);
    }
    const desired: string = input.desiredStatus ?? 'RUNNING';
    const instanceArn = input.containerInstance ? findInstance(region, c, input.containerInstance)?.containerInstanceArn ?? input.containerInstance : undefined;
    const arns = [...ecs.tasksOf(c.clusterName).values()]
      .filter((t) => t.desiredStatus === desired)
      .filter((t) => !input.family || t.taskDefinitionArn.includes(`:task-definition/${input.family}:`))
      .filter((t) => !input.startedBy || t.startedBy === input.startedBy)
      .filter((t) => !input.serviceName || t._service === lastPart(input.serviceName))
      .filter((t) => !input.launchType || t.launchType === input.launchType)
      .filter((t) => !instanceArn || t.containerInstanceArn === instanceArn)
      .map((t) => t.taskArn);
    const p = listPage(arns, input);
    return { taskArns: p.items, nextToken: p.next };
  },

  DescribeTasks: (input, { region }) => {
    limit(input.tasks, 100, 'Tasks');
    const c = region.ecs.cluster(input.cluster);
    const r = describeBatch(input.tasks, (ref) => findTask(region, c, ref), (t) => taskView(region, t, include(input)), (ref) => region.ecs.arn(`task/${c.clusterName}/${ref}`));
    return { tasks: r.found, failures: r.failures };
  },

  RunTask: (input, ctx) => launchTasks(ctx, input),

  StartTask: (input, ctx) => {
    limit(input.containerInstances, 10, 'containerInstances');
    const c = ctx.region.ecs.cluster(input.cluster);
    const instances = (input.containerInstances as string[]).map((ref) => {
      const inst = findInstance(ctx.region, c, ref);
      if (!inst) {
        throw bad(`Container instance not found: ${ref}`);
      }
      return inst;
    });
    return launchTasks(ctx, input, instances);
  },

  StopTask: (input, { region }) => {
    const c = region.ecs.cluster(input.cluster);
    const t = findTask(region, c, input.task);
    if (!t) {
      throw bad('The referenced task was not found.');
    }
    region.sim.stop(t, { stopCode: 'UserInitiated', reason: input.reason ?? 'Task stopped by user' });
    return { task: taskView(region, t) };
  },

  // -- task definitions
  ListTaskDefinitions: (input, { region }) => {
    const status: string = input.status ?? 'ACTIVE';
    let tds = [...region.ecs.taskDefs.entries()]
      .filter(([family]) => !input.familyPrefix || family === input.familyPrefix)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, revs]) => revs)
      .filter((td) => td.status === status);
    if (input.sort === 'DESC') {
      tds = tds.reverse();
    }
    const p = listPage(tds.map(tdKey), input);
    return { taskDefinitionArns: p.items, nextToken: p.next };
  },

  ListTaskDefinitionFamilies: (input, { region }) => {
    const status: string = input.status ?? 'ACTIVE';
    const families = [...region.ecs.taskDefs.entries()]
      .filter(([family]) => !input.familyPrefix || family.startsWith(input.familyPrefix))
      .filter(([, revs]) => {
        const active = revs.some((td) => td.status === 'ACTIVE');
        return status === 'ALL' || (status === 'ACTIVE' ? active : !active);
      })
      .map(([family]) => family)
      .sort();
    const p = listPage(families, input);
    return { families: p.items, nextToken: p.next };
  },

  DescribeTaskDefinition: (input, { region }) => {
    const td = region.ecs.findTaskDef(input.taskDefinition);
    if (!td || td.status === 'DELETE_IN_PROGRESS') {
      throw new AwsError('ClientException', 'Unable to describe task definition.');
    }
    return { taskDefinition: publicCopy(td), tags: include(input).includes('TAGS') ? region.ecs.tagsOf(td.taskDefinitionArn) : undefined };
  },

  RegisterTaskDefinition: (input, { region }) => {
    const td = registerTaskDefinition(region, input);
    return { taskDefinition: publicCopy(td), tags: region.ecs.tagsOf(td.taskDefinitionArn) };
  },

  DeregisterTaskDefinition: (input, { region }) => {
    const ref: string = input.taskDefinition;
    if (!/:\d+$/.test(ref)) {
      throw bad('Invalid revision number. Number: ' + ref);
    }
    const td = region.ecs.findTaskDef(ref);
    if (!td) {
      throw new AwsError('ClientException', 'The specified task definition does not exist.');
    }
    if (td.status === 'ACTIVE') {
      td.status = 'INACTIVE';
      td.deregisteredAt = region.now();
    }
    return { taskDefinition: publicCopy(td) };
  },

  DeleteTaskDefinitions: (input, { region }) => {
    limit(input.taskDefinitions, 10, 'taskDefinitions');
    const taskDefinitions: Obj[] = [];
    const failures: Obj[] = [];
    for (const ref of input.taskDefinitions as string[]) {
      const td = region.ecs.findTaskDef(ref);
      if (!td || !/:\d+$/.test(ref)) {
        failures.push({ arn: ref, reason: 'The specified task definition does not exist.' });
      } else if (td.status === 'ACTIVE') {
        failures.push({ arn: td.taskDefinitionArn, reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.' });
      } else {
        td.status = 'DELETE_IN_PROGRESS';
        taskDefinitions.push(publicCopy(td));
      }
    }
    return { taskDefinitions, failures };
  },

  // -- container instances
  ListContainerInstances: (input, { region }) => {
    const c = region.ecs.cluster(input.cluster);
    const arns = [...region.ecs.instancesOf(c.clusterName).values()]
      .filter((i) => !input.status || i.status === input.status)
      .map((i) => i.containerInstanceArn);
    const p = listPage(arns, input);
    return { containerInstanceArns: p.items, nextToken: p.next };
  },

  DescribeContainerInstances: (input, { region }) => {
    limit(input.containerInstances, 100, 'containerInstances');
    const c = region.ecs.cluster(input.cluster);
    const r = describeBatch(input.containerInstances, (ref) => findInstance(region, c, ref), (i) => instanceView(region, i, include(input)), (ref) => region.ecs.arn(`container-instance/${c.clusterName}/${ref}`));
    return { containerInstances: r.found, failures: r.failures };
  },

  UpdateContainerInstancesState: (input, { region }) => {
    limit(input.containerInstances, 10, 'containerInstances');
    const c = region.ecs.cluster(input.cluster);
    const containerInstances: Obj[] = [];
    const failures: Obj[] = [];
    for (const ref of input.containerInstances as string[]) {
      const inst = findInstance(region, c, ref);
      if (!inst) {
        failures.push({ arn: ref, reason: 'MISSING' });
        continue;
      }
      inst.status = input.status;
      inst.version += 1;
      if (input.status === 'DRAINING') {
        for (const t of region.ecs.tasksOf(c.clusterName).values()) {
          if (t.containerInstanceArn === inst.containerInstanceArn && t._service && t.desiredStatus === 'RUNNING') {
            region.sim.stop(t, { stopCode: 'ServiceSchedulerInitiated', reason: 'Container instance is being drained' });
          }
        }
      }
      containerInstances.push(instanceView(region, inst));
    }
    return { containerInstances, failures };
  },

  DescribeCapacityProviders: (input, { region }) => {
    const all = [...region.ecs.capacityProviders.values()];
    const wanted: string[] | undefined = input.capacityProviders;
    const found = wanted ? all.filter((cp) => wanted.some((w) => lastPart(w) === cp.name)) : all;
    const failures = (wanted ?? []).filter((w) => !all.some((cp) => cp.name === lastPart(w))).map((w) => ({ arn: w, reason: 'MISSING' }));
    const p = page(found, input.maxResults, input.nextToken, { def: 10, max: 10, error: 'InvalidParameterException' });
    const views = p.items.map((cp) => ({ ...publicCopy(cp), tags: include(input).includes('TAGS') ? region.ecs.tagsOf(cp.capacityProviderArn) : undefined }));
    return { capacityProviders: views, failures, nextToken: p.next };
  },

  // -- tags
  TagResource: (input, { region }) => {
    checkTaggable(region, input.resourceArn);
    region.ecs.setTags(input.resourceArn, input.tags as Tag[]);
    return {};
  },

  UntagResource: (input, { region }) => {
    checkTaggable(region, input.resourceArn);
    const keys = new Set<string>(input.tagKeys);
    region.ecs.tags.set(input.resourceArn, region.ecs.tagsOf(input.resourceArn).filter((t) => !keys.has(t.key)));
    return {};
  },

  ListTagsForResource: (input, { region }) => {
    checkTaggable(region, input.resourceArn);
    return { tags: region.ecs.tagsOf(input.resourceArn) };
  },
};
