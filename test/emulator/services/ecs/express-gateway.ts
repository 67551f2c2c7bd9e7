/**
 * ECS Express Mode: CreateExpressGatewayService, DescribeExpressGatewayService,
 * UpdateExpressGatewayService, DeleteExpressGatewayService
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateExpressGatewayService.html and
 * its siblings; "Creating an Amazon ECS Express Mode service",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-create-full.html).
 *
 * An Express service is a real ECS service of its cluster: Fargate, awsvpc, a task definition
 * registered for it, `resourceManagementType: ECS` in DescribeServices, its desired count the scaling
 * target's minimum; its managed resources (express-resources.ts) show in the service revision's
 * `ecsManagedResources`. "If you do not specify a cluster, the default cluster is assumed"
 * (API_CreateExpressGatewayService.html), and "if you don't specify a cluster, the service will be in
 * the default cluster" (express-service-create-full.html): the emulator creates `default` on first
 * use, as CreateService's own `default` does not; any other missing cluster is
 * ClusterNotFoundException. The URL: "Each Express Mode service gets a unique URL"
 * (express-service-create-full.html) under `ecs.<region>.on.aws` (the managed certificate's
 * domain); the emulator's endpoint is `<service>-<hash>.ecs.<region>.on.aws`.
 */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import type { Identity } from '../../kit/identity';
import { perRegion, type Region } from '../../kit/world';
import { logsState } from '../logs/state';
import { createCluster } from './clusters';
import { bad, EcsHandlers } from './common';
import { EXPRESS_TIMING, managedResources, transition } from './express-resources';
import { createService, serviceView } from './services';
import { ecsSim } from './sim/index';
import { ecsState, type ServiceRecord } from './state';
import { registerTaskDefinition } from './task-definitions';

interface ExpressRecord {
  service: ECSExpress;
  record: ServiceRecord;
  resources: ecs.ECSManagedResources;
}
type ECSExpress = ecs.ECSExpressGatewayService & { serviceArn: string; status: ecs.ExpressGatewayServiceStatus; activeConfigurations: ecs.ExpressGatewayServiceConfiguration[] };

const expressState = perRegion('ecs-express', () => new Map<string, ExpressRecord>());

/** Fargate's task sizes an Express service may take: CPU 256-4096 with the memory each allows (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size). */
const FARGATE_MEMORY: Record<string, number[]> = {
  '256': [512, 1024, 2048],
  '512': [1024, 2048, 3072, 4096],
  '1024': range(2048, 8192, 1024),
  '2048': range(4096, 16384, 1024),
  '4096': range(8192, 30720, 1024),
};
function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) {
    out.push(v);
  }
  return out;
}

const ROLE_ARN = /^arn:aws(-[a-z-]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

function checkRole(value: string | undefined, member: string): void {
  if (value !== undefined && !ROLE_ARN.test(value)) {
    throw bad(`${member} must be the ARN of an IAM role (arn:aws:iam::<account>:role/<name>).`);
  }
}

function checkSize(cpu: string, memory: string): void {
  const allowed = FARGATE_MEMORY[cpu];
  if (!allowed) {
    throw bad(`Invalid CPU value '${cpu}'. Valid values are 256, 512, 1024, 2048 and 4096.`);
  }
  if (!allowed.includes(Number(memory))) {
    throw bad(`Invalid memory '${memory}' for CPU '${cpu}'. Valid memory values for this CPU: ${allowed.join(', ')} MiB.`);
  }
}

/** The defaults are the emulator's where the API reference gives none: 1 to 20 tasks tracking 60 % average CPU. */
function scalingOf(t: ecs.ExpressGatewayScalingTarget | undefined): Required<ecs.ExpressGatewayScalingTarget> {
  const s = { minTaskCount: t?.minTaskCount ?? 1, maxTaskCount: t?.maxTaskCount ?? 20, autoScalingMetric: t?.autoScalingMetric ?? 'AVERAGE_CPU', autoScalingTargetValue: t?.autoScalingTargetValue ?? 60 };
  if (s.minTaskCount < 1 || s.maxTaskCount < s.minTaskCount) {
    throw bad('scalingTarget: minTaskCount must be at least 1 and maxTaskCount at least minTaskCount.');
  }
  if (s.autoScalingTargetValue <= 0) {
    throw bad('scalingTarget: autoScalingTargetValue must be greater than 0.');
  }
  return s as Required<ecs.ExpressGatewayScalingTarget>;
}

function register(region: Region, serviceName: string, c: ecs.ExpressGatewayContainer, cfg: { cpu: string; memory: string; executionRoleArn: string; taskRoleArn?: string; logGroup: string }, caller: Identity): string {
  const td = registerTaskDefinition(region, {
    family: `${serviceName}-express`,
    requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: cfg.cpu, memory: cfg.memory,
    executionRoleArn: cfg.executionRoleArn, taskRoleArn: cfg.taskRoleArn,
    containerDefinitions: [{
      name: 'Main', image: c.image, essential: true, command: c.command, environment: c.environment, secrets: c.secrets,
      repositoryCredentials: c.repositoryCredentials?.credentialsParameter ? { credentialsParameter: c.repositoryCredentials.credentialsParameter } : undefined,
      portMappings: [{ containerPort: c.containerPort ?? 80, protocol: 'tcp' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': cfg.logGroup, 'awslogs-region': region.name, 'awslogs-stream-prefix': c.awsLogsConfiguration?.logStreamPrefix ?? 'ecs' } },
    }],
  }, caller);
  return td.taskDefinitionArn;
}

function find(region: Region, serviceArn: string): ExpressRecord {
  const x = expressState(region).get(serviceArn);
  if (!x) {
    throw new AwsError('ServiceNotFoundException', 'Service not found.');
  }
  return x;
}

function currentRevision(region: Region, svc: ServiceRecord): string | undefined {
  return ecsState(region).serviceExtras.of(svc).serviceDeployments[0]?.record.targetServiceRevision.arn;
}

/** The service revision a deployment made shows the managed resources (one object, so their status moves there too). */
function attach(region: Region, x: ExpressRecord): string | undefined {
  const revArn = currentRevision(region, x.record);
  const rev = revArn ? ecsState(region).serviceRevisions.get(revArn) : undefined;
  if (rev) {
    rev.ecsManagedResources = x.resources;
  }
  return revArn;
}

export function createExpressService(region: Region, input: ecs.CreateExpressGatewayServiceRequest, caller: Identity): ExpressRecord {
  const state = ecsState(region);
  checkRole(input.executionRoleArn, 'executionRoleArn');
  checkRole(input.infrastructureRoleArn, 'infrastructureRoleArn');
  checkRole(input.taskRoleArn, 'taskRoleArn');
  const image = input.primaryContainer?.image?.trim();
  if (!image) {
    throw bad('primaryContainer.image is required.');
  }
  const port = input.primaryContainer.containerPort ?? 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw bad('primaryContainer.containerPort must be between 1 and 65535.');
  }
  const cpu = input.cpu ?? '1024';
  const memory = input.memory ?? '2048';
  checkSize(cpu, memory);
  const healthCheckPath = input.healthCheckPath ?? '/';
  if (!healthCheckPath.startsWith('/')) {
    throw bad("healthCheckPath must start with '/'.");
  }
  const scaling = scalingOf(input.scalingTarget);
  const clusterName = state.clusterName(input.cluster);
  const cluster = clusterName === 'default' && state.clusters.get('default')?.status !== 'ACTIVE' ? createCluster(region, { clusterName: 'default' }) : state.cluster(input.cluster);
  const rnd = region.core.rnd;
  const serviceName = input.serviceName ?? `${image.split('/').pop()!.split(/[:@]/)[0].replace(/[^A-Za-z0-9_-]/g, '-')}-${rnd.hex(4)}`;
  if (!NAME.test(serviceName)) {
    throw bad('serviceName can contain up to 255 letters (uppercase and lowercase), numbers, underscores and hyphens.');
  }
  const logGroup = input.primaryContainer.awsLogsConfiguration?.logGroup ?? `/aws/ecs/${cluster.clusterName}/${serviceName}-${rnd.hex(4)}`;
  const subnets = input.networkConfiguration?.subnets?.length ? input.networkConfiguration.subnets : ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];
  const securityGroups = input.networkConfiguration?.securityGroups ?? [];
  // The log group is one of the resources ECS creates for the service (express-service-resources.html): its tasks' awslogs write there.
  const logs = logsState(region);
  if (!logs.groups.has(logGroup)) logs.createGroup(logGroup);
  const taskDefinitionArn = register(region, serviceName, input.primaryContainer, { cpu, memory, executionRoleArn: input.executionRoleArn, taskRoleArn: input.taskRoleArn, logGroup }, caller);
  const record = createService(region, {
    cluster: cluster.clusterName, serviceName, taskDefinition: taskDefinitionArn, desiredCount: scaling.minTaskCount, launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups: securityGroups.length ? securityGroups : [`sg-${rnd.hex(17)}`], assignPublicIp: 'DISABLED' } },
    tags: input.tags, propagateTags: 'SERVICE', enableECSManagedTags: true,
  }, caller);
  record.resourceManagementType = 'ECS';
  const endpoint = `${serviceName.toLowerCase().replace(/_/g, '-').slice(0, 40)}-${rnd.hex(12)}.ecs.${region.name}.on.aws`;
  const resources = managedResources(region, { cluster: cluster.clusterName, serviceName, endpoint, containerPort: port, healthCheckPath, scaling, subnets, securityGroups, logGroupName: logGroup });
  const now = region.now();
  const x: ExpressRecord = {
    record, resources,
    service: {
      cluster: cluster.clusterArn, serviceName, serviceArn: record.serviceArn, infrastructureRoleArn: input.infrastructureRoleArn,
      status: { statusCode: 'ACTIVE' }, createdAt: now, updatedAt: now, tags: input.tags ?? [], activeConfigurations: [],
    },
  };
  const revArn = attach(region, x);
  x.service.currentDeployment = state.serviceExtras.of(record).serviceDeployments[0]?.record.serviceDeploymentArn;
  x.service.activeConfigurations = [{
    serviceRevisionArn: revArn, executionRoleArn: input.executionRoleArn, taskRoleArn: input.taskRoleArn, cpu, memory,
    networkConfiguration: { subnets, securityGroups }, healthCheckPath, primaryContainer: { ...input.primaryContainer, containerPort: port },
    scalingTarget: scaling, ingressPaths: [{ accessType: 'PUBLIC', endpoint }], createdAt: now, taskDefinitionArn,
  }];
  expressState(region).set(record.serviceArn, x);
  transition(region, resources, 'PROVISIONING', 'ACTIVE', EXPRESS_TIMING.provisioning);
  return x;
}

function view(x: ExpressRecord, include: string[] = []): ecs.ECSExpressGatewayService {
  return { ...x.service, tags: include.includes('TAGS') ? x.service.tags : undefined };
}

export const expressHandlers: EcsHandlers<'CreateExpressGatewayService' | 'DescribeExpressGatewayService' | 'UpdateExpressGatewayService' | 'DeleteExpressGatewayService'> = {
  CreateExpressGatewayService: (input, { region, caller }) => ({ service: view(createExpressService(region, input, caller), ['TAGS']) }),

  DescribeExpressGatewayService: (input, { region }) => {
    const x = find(region, input.serviceArn);
    serviceView(region, x.record);
    return { service: view(x, input.include) };
  },

  UpdateExpressGatewayService: (input, { region, caller }) => {
    const x = find(region, input.serviceArn);
    if (x.service.status.statusCode !== 'ACTIVE') {
      throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    }
    checkRole(input.executionRoleArn, 'executionRoleArn');
    checkRole(input.taskRoleArn, 'taskRoleArn');
    const prev = x.service.activeConfigurations[0];
    const cpu = input.cpu ?? prev.cpu ?? '1024';
    const memory = input.memory ?? prev.memory ?? '2048';
    checkSize(cpu, memory);
    const scaling = scalingOf({ ...prev.scalingTarget, ...input.scalingTarget });
    const container = { ...prev.primaryContainer!, ...input.primaryContainer };
    const executionRoleArn = input.executionRoleArn ?? prev.executionRoleArn!;
    const logGroup = x.resources.logGroups?.[0]?.logGroupName ?? `/aws/ecs/${x.service.serviceName}`;
    const taskDefinitionArn = register(region, x.service.serviceName!, container, { cpu, memory, executionRoleArn, taskRoleArn: input.taskRoleArn ?? prev.taskRoleArn, logGroup }, caller);
    x.record.desiredCount = Math.min(Math.max(x.record.desiredCount, scaling.minTaskCount), scaling.maxTaskCount);
    x.record.taskDefinition = taskDefinitionArn;
    ecsSim(region).deployments.start(x.record, taskDefinitionArn);
    const target = x.resources.autoScaling?.scalableTarget;
    if (target) {
      Object.assign(target, { minCapacity: scaling.minTaskCount, maxCapacity: scaling.maxTaskCount, updatedAt: region.now() });
    }
    const now = region.now();
    const revArn = attach(region, x);
    const config: ecs.ExpressGatewayServiceConfiguration = { ...prev, serviceRevisionArn: revArn, executionRoleArn, cpu, memory, healthCheckPath: input.healthCheckPath ?? prev.healthCheckPath, primaryContainer: container, scalingTarget: scaling, createdAt: now, taskDefinitionArn };
    x.service.activeConfigurations = [config];
    x.service.updatedAt = now;
    x.service.currentDeployment = ecsState(region).serviceExtras.of(x.record).serviceDeployments[0]?.record.serviceDeploymentArn;
    const { serviceArn, cluster, serviceName, status, createdAt, updatedAt } = x.service;
    return { service: { serviceArn, cluster, serviceName, status, createdAt, updatedAt, targetConfiguration: config } };
  },

  // "Deletes an Express service and removes all associated AWS resources": the service drains
  // (DRAINING, then INACTIVE) and its resources are deprovisioned (API_DeleteExpressGatewayService.html).
  DeleteExpressGatewayService: (input, { region }) => {
    const x = find(region, input.serviceArn);
    if (x.service.status.statusCode !== 'ACTIVE') {
      throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    }
    x.record.desiredCount = 0;
    x.record.status = 'DRAINING';
    ecsSim(region).scheduler.scheduleReconcile(x.record);
    x.service.status = { statusCode: 'DRAINING' };
    x.service.updatedAt = region.now();
    for (const r of [x.resources]) {
      transition(region, r, 'PROVISIONING', 'DEPROVISIONING', 0);
      transition(region, r, 'ACTIVE', 'DEPROVISIONING', 0);
      transition(region, r, 'DEPROVISIONING', 'DELETED', EXPRESS_TIMING.deprovisioning, () => {
        x.service.status = { statusCode: 'INACTIVE' };
        x.service.updatedAt = region.now();
      });
    }
    return { service: view(x) };
  },
};
