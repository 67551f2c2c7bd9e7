/**
 * What a task definition says that costs money, read from its plain JSON: task-level cpu and memory
 * (in the units RegisterTaskDefinition accepts), the runtime platform, ephemeral storage and the
 * launch type it requires.
 */
import { parseCpuUnits, parseMemoryMiB } from '../util/taskSize';
import type { CpuArchitecture, OperatingSystemFamily, TaskShape } from './types';

/** Fargate gives every task 20 GiB of ephemeral storage and bills what is configured above it
 * (https://aws.amazon.com/fargate/pricing/, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html). */
export const FREE_EPHEMERAL_STORAGE_GIB = 20;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The task definition itself: the JSON given, or DescribeTaskDefinition's `{ taskDefinition }` around it. */
function definitionOf(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.taskDefinition) && !('containerDefinitions' in value)) return value.taskDefinition;
  return value;
}

function launchTypeOf(td: Json): TaskShape['launchType'] {
  // requiresCompatibilities is what RegisterTaskDefinition validates against; DescribeTaskDefinition's
  // `compatibilities` is what it turned out compatible with. Without either, ECS checks it for EC2 only.
  const listed = (name: string) => (Array.isArray(td[name]) ? (td[name] as unknown[]).map(String) : []);
  const required = listed('requiresCompatibilities');
  const wanted = required.length ? required : listed('compatibilities');
  if (wanted.includes('FARGATE')) return 'FARGATE';
  if (wanted.includes('EXTERNAL') && !wanted.includes('EC2')) return 'EXTERNAL';
  return 'EC2';
}

function platformOf(td: Json): { os: OperatingSystemFamily; architecture: CpuArchitecture } {
  const platform = isObject(td.runtimePlatform) ? td.runtimePlatform : {};
  const family = String(platform.operatingSystemFamily ?? 'LINUX').toUpperCase();
  const architecture = String(platform.cpuArchitecture ?? 'X86_64').toUpperCase() === 'ARM64' ? 'arm64' : 'x86_64';
  return { os: family.startsWith('WINDOWS') ? 'windows' : 'linux', architecture };
}

/** The sum over containers of a member (EC2 tasks may size their containers only). */
function containerSum(td: Json, read: (c: Json) => number | undefined): number {
  const containers = Array.isArray(td.containerDefinitions) ? td.containerDefinitions.filter(isObject) : [];
  return containers.reduce((sum, c) => sum + (read(c) ?? 0), 0);
}

const unreadable = (name: string, value: unknown, example: string) =>
  `"${name}": ${JSON.stringify(value)} is not a size ECS accepts: write ${example}.`;

/**
 * The billed shape of a task definition (plain JSON), or what keeps it from being priced.
 * `launchType` prices it as run that way (a definition ECS found Fargate-compatible without requiring it).
 */
export function taskShapeOf(definition: unknown, launchType?: TaskShape['launchType']): TaskShape | { problem: string } {
  const td = definitionOf(definition);
  if (!td) return { problem: 'Not a task definition: expected a JSON object with "containerDefinitions".' };
  launchType ??= launchTypeOf(td);
  const { os, architecture } = platformOf(td);
  const cpu = parseCpuUnits(td.cpu);
  const memory = parseMemoryMiB(td.memory);
  if (td.cpu !== undefined && cpu === undefined) return { problem: unreadable('cpu', td.cpu, 'CPU units ("1024") or vCPU ("1 vCPU")') };
  if (td.memory !== undefined && memory === undefined) return { problem: unreadable('memory', td.memory, 'MiB ("2048") or GB ("2 GB")') };
  const storage = isObject(td.ephemeralStorage) ? Number(td.ephemeralStorage.sizeInGiB) : FREE_EPHEMERAL_STORAGE_GIB;
  const ephemeralStorageGb = Number.isFinite(storage) ? storage : FREE_EPHEMERAL_STORAGE_GIB;
  if (launchType === 'FARGATE') {
    const missing = [cpu === undefined ? '"cpu" (e.g. "1024" or "1 vCPU")' : '', memory === undefined ? '"memory" (e.g. "2048" or "2 GB")' : ''].filter(Boolean);
    if (missing.length) return { problem: `Fargate bills the task-level cpu and memory: add ${missing.join(' and ')} at the top level of the task definition.` };
    if (os === 'windows' && architecture === 'arm64') return { problem: 'Fargate runs Windows containers on X86_64 only: set runtimePlatform.cpuArchitecture to "X86_64".' };
  }
  // EC2 and EXTERNAL tasks may reserve at container level only: the sum is what the task reserves
  // (a container's memoryReservation when it has one, else its hard memory limit).
  const cpuUnits = cpu ?? containerSum(td, (c) => parseCpuUnits(c.cpu));
  const memoryMib = memory ?? containerSum(td, (c) => parseMemoryMiB(c.memoryReservation) ?? parseMemoryMiB(c.memory));
  if (!cpuUnits && !memoryMib) return { problem: 'The task reserves no cpu or memory: set "cpu" and "memory" at task level (or on its containers).' };
  return { vcpu: cpuUnits / 1024, memoryGb: memoryMib / 1024, os, architecture, ephemeralStorageGb, launchType };
}

/** "Linux/x86", "Linux/ARM", "Windows/x86": the pricing page's names of the platforms. */
export function platformLabel(shape: Pick<TaskShape, 'os' | 'architecture'>): string {
  return `${shape.os === 'windows' ? 'Windows' : 'Linux'}/${shape.architecture === 'arm64' ? 'ARM' : 'x86'}`;
}
