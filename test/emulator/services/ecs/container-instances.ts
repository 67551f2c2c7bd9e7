/** ECS container instances: registration (seeds), listing, describing, draining. */
import type * as ecs from '../../generated/ecs';
import { lastPart } from '../../kit/arn';
import type { Region } from '../../kit/world';
import { bad, describeBatch, EcsHandlers, limit, listPage } from './common';
import { matchesQuery, parseQuery, QueryError, type QueryExpr } from './sim/clusterQuery';
import { ecsSim } from './sim/index';
import { instanceLimits } from './sim/placement';
import { ecsState, lastClusterName, type ClusterRecord, type InstanceRecord } from './state';

/**
 * The attributes the ECS agent registers on an ECS-optimized Amazon Linux instance: capabilities
 * (https://github.com/aws/amazon-ecs-agent/blob/master/agent/app/agent_capability.go) and the
 * built-in ones (ecs.ami-id, ecs.availability-zone, ecs.instance-type, ecs.os-type,
 * ecs.cpu-architecture, ecs.vpc-id, ecs.subnet-id: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html#attributes).
 */
const LINUX_CAPABILITIES = [
  ...['privileged-container', 'ecr-auth', 'task-iam-role', 'task-iam-role-network-host', 'selinux', 'apparmor'].map((c) => `com.amazonaws.ecs.capability.${c}`),
  ...['17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '44'].map((v) => `com.amazonaws.ecs.capability.docker-remote-api.1.${v}`),
  ...['json-file', 'syslog', 'awslogs', 'none', 'fluentd', 'gelf', 'journald', 'splunk', 'awsfirelens'].map((d) => `com.amazonaws.ecs.capability.logging-driver.${d}`),
  ...['task-eni', 'task-eni-block-instance-metadata', 'execution-role-ecr-pull', 'execution-role-awslogs', 'container-health-check', 'private-registry-authentication.secretsmanager',
    'secrets.ssm.environment-variables', 'secrets.ssm.bootstrap.log-driver', 'secrets.asm.environment-variables', 'secrets.asm.bootstrap.log-driver', 'pid-ipc-namespace-sharing',
    'ecr-endpoint', 'aws-appmesh', 'task-eni-trunking', 'firelens.fluentd', 'firelens.fluentbit', 'efs', 'efsAuth', 'firelens.options.config.file', 'firelens.options.config.s3',
    'full-sync', 'env-files.s3', 'execute-command', 'service-connect-v1', 'network.container-port-range', 'container-restart-policy', 'container-ordering', 'task-cpu-mem-limit',
    'increased-task-cpu-limit', 'docker-plugin.local'].map((c) => `ecs.capability.${c}`),
];

export interface InstanceOptions {
  cpu?: number;
  memory?: number;
  instanceType?: string;
  capacityProviderName?: string;
  at?: Date;
  id?: string;
  ec2InstanceId?: string;
  availabilityZone?: string;
  amiId?: string;
  vpcId?: string;
  subnetId?: string;
  cpuArchitecture?: 'x86_64' | 'arm64';
  /** Custom attributes (PutAttributes' kind), name -> value. */
  custom?: Record<string, string>;
  /** The instance type's maximum network interfaces (the primary one included): awsvpc tasks are limited by it. */
  networkInterfaces?: number;
  agentConnected?: boolean;
}

export function registerContainerInstance(region: Region, cluster: ClusterRecord, opts: InstanceOptions = {}): InstanceRecord {
  const state = ecsState(region);
  const rnd = region.core.rnd;
  const id = opts.id ?? rnd.hex(32);
  const resources = (cpu: number, memory: number): ecs.Resource[] => [
    { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
    { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: memory },
    { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
  ];
  const cpu = opts.cpu ?? 2048;
  const memory = opts.memory ?? 7680;
  const inst: InstanceRecord = {
    containerInstanceArn: state.arn(`container-instance/${cluster.clusterName}/${id}`),
    ec2InstanceId: opts.ec2InstanceId ?? `i-0${rnd.hex(16)}`,
    version: 1,
    versionInfo: { agentVersion: '1.89.2', agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.6' },
    remainingResources: resources(cpu, memory),
    registeredResources: resources(cpu, memory),
    status: 'ACTIVE',
    agentConnected: opts.agentConnected ?? true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: [
      ...LINUX_CAPABILITIES.map((name) => ({ name })),
      { name: 'ecs.ami-id', value: opts.amiId ?? 'ami-0a1b2c3d4e5f60789' },
      { name: 'ecs.availability-zone', value: opts.availabilityZone ?? `${region.name}a` },
      { name: 'ecs.instance-type', value: opts.instanceType ?? 't3.large' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.os-family', value: 'LINUX' },
      { name: 'ecs.cpu-architecture', value: opts.cpuArchitecture ?? 'x86_64' },
      { name: 'ecs.vpc-id', value: opts.vpcId ?? 'vpc-0a1b2c3d4e5f60000' },
      { name: 'ecs.subnet-id', value: opts.subnetId ?? 'subnet-0a1b2c3d4e5f60001' },
      ...Object.entries(opts.custom ?? {}).map(([name, value]) => ({ name, value })),
    ],
    registeredAt: opts.at ?? region.now(),
    attachments: [],
    healthStatus: { overallStatus: 'OK', details: [] },
    capacityProviderName: opts.capacityProviderName,
  };
  state.instancesOf(cluster.clusterName).set(id, inst);
  instanceLimits.set(inst, { networkInterfaces: opts.networkInterfaces });
  return inst;
}

function instanceView(region: Region, inst: InstanceRecord, include: string[] = []): ecs.ContainerInstance {
  const state = ecsState(region);
  const tasks = [...state.tasksOf(lastClusterName(inst.containerInstanceArn)).values()].filter((t) => t.containerInstanceArn === inst.containerInstanceArn && t.desiredStatus === 'RUNNING');
  const free = ecsSim(region).placement.remaining(inst);
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  const left: Record<string, Partial<ecs.Resource>> = { CPU: { integerValue: free.cpu }, MEMORY: { integerValue: free.memory }, PORTS: { stringSetValue: free.tcp }, PORTS_UDP: { stringSetValue: free.udp } };
  return {
    ...inst,
    runningTasksCount: running,
    pendingTasksCount: tasks.length - running,
    remainingResources: inst.registeredResources.map((r) => ({ ...r, ...left[r.name ?? ''] })),
    tags: include.includes('TAGS') ? state.tagsOf(inst.containerInstanceArn) : undefined,
  };
}

export function findInstance(region: Region, cluster: ClusterRecord, ref: string): InstanceRecord | undefined {
  return ecsState(region).instancesOf(cluster.clusterName).get(lastPart(ref));
}

export const instanceHandlers: EcsHandlers<'ListContainerInstances' | 'DescribeContainerInstances' | 'UpdateContainerInstancesState'> = {
  ListContainerInstances: (input, { region }) => {
    const c = ecsState(region).cluster(input.cluster);
    // "You can also apply a group filter when listing container instances" (cluster-query-language.html).
    const filter = input.filter ? instanceFilter(input.filter) : undefined;
    const placement = ecsSim(region).placement;
    const arns = [...ecsState(region).instancesOf(c.clusterName).values()]
      .filter((i) => !input.status || i.status === input.status)
      .filter((i) => !filter || matchesQuery(filter, placement.candidate(i)))
      .map((i) => i.containerInstanceArn);
    const p = listPage(arns, input);
    return { containerInstanceArns: p.items, nextToken: p.next };
  },

  DescribeContainerInstances: (input, { region }) => {
    limit(input.containerInstances, 100, 'containerInstances');
    const c = ecsState(region).cluster(input.cluster);
    const r = describeBatch(input.containerInstances, (ref) => findInstance(region, c, ref), (i) => instanceView(region, i, input.include), (ref) => ecsState(region).arn(`container-instance/${c.clusterName}/${ref}`));
    return { containerInstances: r.found, failures: r.failures };
  },

  UpdateContainerInstancesState: (input, { region }) => {
    limit(input.containerInstances, 10, 'containerInstances');
    const state = ecsState(region);
    const c = state.cluster(input.cluster);
    const containerInstances: ecs.ContainerInstance[] = [];
    const failures: ecs.Failure[] = [];
    for (const ref of input.containerInstances) {
      const inst = findInstance(region, c, ref);
      if (!inst) {
        failures.push({ arn: ref, reason: 'MISSING' });
        continue;
      }
      inst.status = input.status;
      inst.version += 1;
      if (input.status === 'DRAINING') {
        for (const t of state.tasksOf(c.clusterName).values()) {
          if (t.containerInstanceArn === inst.containerInstanceArn && state.serviceOfTask(t) && t.desiredStatus === 'RUNNING') {
            ecsSim(region).tasks.stop(t, { stopCode: 'ServiceSchedulerInitiated', reason: 'Container instance is being drained' });
          }
        }
      }
      containerInstances.push(instanceView(region, inst));
    }
    return { containerInstances, failures };
  },
};


/** A ListContainerInstances filter; the wording of a malformed one is the emulator's (ECS publishes none). */
function instanceFilter(filter: string): QueryExpr {
  try {
    return parseQuery(filter);
  } catch (e) {
    if (e instanceof QueryError) throw bad(`Invalid filter "${filter}": ${e.message}.`);
    throw e;
  }
}
