/** ECS task definitions: register (with Fargate's rules), describe, list, deregister, delete. */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import type { Identity } from '../../kit/identity';
import type { Region } from '../../kit/world';
import { bad, EcsHandlers, includes, limit, listPage } from './common';
import { checkTaskDefinitionConstraints } from './placement-config';
import { ecsState, type TaskDefinitionRecord } from './state';

/** Fargate's cpu -> memory table, from the documentation of RegisterTaskDefinitionRequest$cpu. */
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

const clientError = (message: string): AwsError => new AwsError('ClientException', message);

function checkContainers(containers: ecs.ContainerDefinition[]): void {
  if (containers.length === 0) {
    throw clientError('Container list cannot be empty.');
  }
  const names = new Set<string>();
  for (const c of containers) {
    if (!c.name || !c.image) {
      throw clientError(`Container.${!c.name ? 'name' : 'image'} should not be null or empty.`);
    }
    if (names.has(c.name)) {
      throw clientError(`Duplicate container name '${c.name}' found. Container names must be unique within a task definition.`);
    }
    names.add(c.name);
  }
}

function checkResources(input: ecs.RegisterTaskDefinitionRequest, cpu: string | undefined, memory: string | undefined): void {
  const containers = input.containerDefinitions;
  if (!(input.requiresCompatibilities ?? []).includes('FARGATE')) {
    const missing = !memory && containers.find((c) => c.memory === undefined && c.memoryReservation === undefined);
    if (missing) {
      throw clientError(`Invalid setting for container '${missing.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
    }
    return;
  }
  if (input.networkMode !== 'awsvpc') {
    throw clientError("Fargate only supports network mode 'awsvpc'.");
  }
  if (!cpu) {
    throw clientError("Fargate requires that 'cpu' be defined at the task level.");
  }
  if (!memory) {
    throw clientError("Fargate requires that 'memory' be defined at the task level.");
  }
  if (!FARGATE_MEMORY[cpu]?.includes(Number(memory))) {
    throw clientError(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`);
  }
  if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs') && !input.executionRoleArn) {
    throw clientError('Fargate requires task definition to have execution role ARN to support log driver awslogs.');
  }
}

export function registerTaskDefinition(region: Region, input: ecs.RegisterTaskDefinitionRequest, caller: Identity): TaskDefinitionRecord {
  const state = ecsState(region);
  const family = input.family;
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(family)) {
    throw clientError('Family contains invalid characters.');
  }
  checkContainers(input.containerDefinitions);
  const cpu = units(input.cpu, 1024);
  const memory = units(input.memory, 1024);
  checkResources(input, cpu, memory);
  checkTaskDefinitionConstraints(input.placementConstraints);
  const revisions = state.taskDefs.get(family) ?? [];
  state.taskDefs.set(family, revisions);
  const revision = revisions.length + 1;
  const { tags, ...rest } = input;
  const hostPorts = input.networkMode === 'awsvpc' || input.networkMode === 'host';
  const td: TaskDefinitionRecord = {
    ...rest,
    taskDefinitionArn: state.arn(`task-definition/${family}:${revision}`),
    containerDefinitions: input.containerDefinitions.map((c) => ({
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      cpu: 0,
      ...c,
      portMappings: (c.portMappings ?? []).map((p) => ({ ...p, hostPort: p.hostPort ?? (hostPorts ? p.containerPort : undefined), protocol: p.protocol ?? 'tcp' })),
    })),
    family,
    revision,
    volumes: input.volumes ?? [],
    status: 'ACTIVE',
    requiresAttributes: requiresAttributes(input),
    placementConstraints: input.placementConstraints ?? [],
    compatibilities: input.networkMode === 'awsvpc' && cpu && memory ? ['EC2', 'FARGATE'] : ['EC2'],
    requiresCompatibilities: input.requiresCompatibilities?.length ? input.requiresCompatibilities : undefined,
    registeredAt: region.now(),
    registeredBy: caller.arn,
    cpu,
    memory,
  };
  revisions.push(td);
  state.setTags(td.taskDefinitionArn, tags);
  return td;
}

function requiresAttributes(input: ecs.RegisterTaskDefinitionRequest): ecs.Attribute[] {
  const names = new Set<string>();
  if (input.networkMode === 'awsvpc') {
    names.add('ecs.capability.task-eni');
  }
  if (input.executionRoleArn) {
    names.add('ecs.capability.execution-role-awslogs');
  }
  if (input.taskRoleArn) {
    names.add('com.amazonaws.ecs.capability.task-iam-role');
  }
  for (const c of input.containerDefinitions) {
    if (c.logConfiguration?.logDriver === 'awslogs') {
      names.add('com.amazonaws.ecs.capability.logging-driver.awslogs');
    }
    if (c.secrets?.length) {
      names.add('ecs.capability.secrets.asm.environment-variables');
    }
    if (c.healthCheck) {
      names.add('ecs.capability.container-health-check');
    }
  }
  const attributes: ecs.Attribute[] = [...names].map((name) => ({ name }));
  // The platform a task needs is an attribute of the instance too: placement finds no ARM64 host
  // among x86_64 instances (ATTRIBUTE, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html).
  if (input.runtimePlatform?.cpuArchitecture === 'ARM64') attributes.push({ name: 'ecs.cpu-architecture', value: 'arm64' });
  if (input.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS')) attributes.push({ name: 'ecs.os-type', value: 'windows' });
  return attributes;
}

export const taskDefinitionHandlers: EcsHandlers<'ListTaskDefinitions' | 'ListTaskDefinitionFamilies' | 'DescribeTaskDefinition' | 'RegisterTaskDefinition' | 'DeregisterTaskDefinition' | 'DeleteTaskDefinitions'> = {
  ListTaskDefinitions: (input, { region }) => {
    const status = input.status ?? 'ACTIVE';
    let tds = [...ecsState(region).taskDefs.entries()]
      .filter(([family]) => !input.familyPrefix || family === input.familyPrefix)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, revs]) => revs)
      .filter((td) => td.status === status);
    if (input.sort === 'DESC') {
      tds = tds.reverse();
    }
    const p = listPage(tds.map((td) => td.taskDefinitionArn), input);
    return { taskDefinitionArns: p.items, nextToken: p.next };
  },

  ListTaskDefinitionFamilies: (input, { region }) => {
    const status = input.status ?? 'ACTIVE';
    const families = [...ecsState(region).taskDefs.entries()]
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
    const td = ecsState(region).findTaskDef(input.taskDefinition);
    if (!td || td.status === 'DELETE_IN_PROGRESS') {
      throw clientError('Unable to describe task definition.');
    }
    return { taskDefinition: td, tags: includes(input, 'TAGS') ? ecsState(region).tagsOf(td.taskDefinitionArn) : undefined };
  },

  RegisterTaskDefinition: (input, { region, caller }) => {
    const td = registerTaskDefinition(region, input, caller);
    return { taskDefinition: td, tags: ecsState(region).tagsOf(td.taskDefinitionArn) };
  },

  DeregisterTaskDefinition: (input, { region }) => {
    const ref = input.taskDefinition;
    if (!/:\d+$/.test(ref)) {
      throw bad('Invalid revision number. Number: ' + ref);
    }
    const td = ecsState(region).findTaskDef(ref);
    if (!td) {
      throw clientError('The specified task definition does not exist.');
    }
    if (td.status === 'ACTIVE') {
      td.status = 'INACTIVE';
      td.deregisteredAt = region.now();
    }
    return { taskDefinition: td };
  },

  DeleteTaskDefinitions: (input, { region }) => {
    limit(input.taskDefinitions, 10, 'taskDefinitions');
    const taskDefinitions: ecs.TaskDefinition[] = [];
    const failures: ecs.Failure[] = [];
    for (const ref of input.taskDefinitions) {
      const td = ecsState(region).findTaskDef(ref);
      if (!td || !/:\d+$/.test(ref)) {
        failures.push({ arn: ref, reason: 'The specified task definition does not exist.' });
      } else if (td.status === 'ACTIVE') {
        failures.push({ arn: td.taskDefinitionArn, reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.' });
      } else {
        td.status = 'DELETE_IN_PROGRESS';
        taskDefinitions.push(td);
      }
    }
    return { taskDefinitions, failures };
  },
};
