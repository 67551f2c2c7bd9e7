/**
 * The EC2 launch type: a task pays for no vCPU or GB itself; its cost is its share of the container
 * instance it reserves resources on (what it reserves ÷ what the instance registered) × the
 * instance's on-demand price. Always an estimate: the instance costs the same however full it is.
 */
import type { ContainerInstance } from '../ecs/ecsReader';
import { instanceAttribute } from '../ecs/present';
import { formatRate } from './estimate';
import { HOURS_PER_MONTH, type ContainerInstanceSize, type CostEstimate, type PricedInstance, type TaskShape } from './types';

const registered = (ci: ContainerInstance, name: 'CPU' | 'MEMORY') => ci.registeredResources?.find((r) => r.name === name)?.integerValue;

/** A container instance's type (the agent's `ecs.instance-type` attribute) and registered CPU / memory, when it reports them. */
export function instanceSizeOf(ci: ContainerInstance): ContainerInstanceSize | undefined {
  const instanceType = instanceAttribute(ci, 'ecs.instance-type');
  const registeredCpu = registered(ci, 'CPU');
  const registeredMemoryMib = registered(ci, 'MEMORY');
  return instanceType && registeredCpu && registeredMemoryMib ? { instanceType, registeredCpu, registeredMemoryMib } : undefined;
}

/** The instance type most of a cluster's instances are (ties: the first listed), with a note when they differ. */
export function typicalInstance(sizes: ContainerInstanceSize[]): { size: ContainerInstanceSize; note?: string } | undefined {
  if (!sizes.length) return undefined;
  const counts = new Map<string, number>();
  for (const s of sizes) counts.set(s.instanceType, (counts.get(s.instanceType) ?? 0) + 1);
  const [type] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const size = sizes.find((s) => s.instanceType === type)!;
  const note = counts.size > 1 ? `The cluster's instances are of ${counts.size} types (${[...counts.keys()].join(', ')}): priced on ${type}, the most common.` : undefined;
  return { size, note };
}

const percent = (share: number) => `${Number((share * 100).toFixed(1))} %`;

/**
 * `count` tasks of `shape` on `instance` priced at `price`: the share is the larger of the CPU and
 * memory reservations' fractions (the resource that keeps other tasks off the instance).
 */
export function estimateEc2Share(shape: TaskShape, instance: ContainerInstanceSize, price: PricedInstance, region: string, count = 1): CostEstimate {
  const cpuUnits = shape.vcpu * 1024;
  const memoryMib = shape.memoryGb * 1024;
  const cpuShare = cpuUnits / instance.registeredCpu;
  const memoryShare = memoryMib / instance.registeredMemoryMib;
  const share = Math.min(1, Math.max(cpuShare, memoryShare));
  const perTaskHourly = share * price.hourly;
  const byCpu = cpuShare >= memoryShare;
  const notes = [
    `An estimate: ${percent(share)} of a ${instance.instanceType} (on-demand Linux, ${formatRate(price.hourly)}/hour), by its ${byCpu ? 'CPU' : 'memory'} reservation ` +
      `(CPU ${cpuUnits} of ${instance.registeredCpu} units, memory ${memoryMib} of ${instance.registeredMemoryMib} MiB). The instance costs the same however many tasks it runs.`,
  ];
  if (share === 1 && Math.max(cpuShare, memoryShare) > 1) notes.push(`The task reserves more than a ${instance.instanceType} registers: it cannot be placed there.`);
  const hourly = perTaskHourly * count;
  return {
    currency: 'USD',
    hourly,
    monthly: hourly * HOURS_PER_MONTH,
    count,
    perTask: { vcpuHourly: byCpu ? perTaskHourly : 0, memoryHourly: byCpu ? 0 : perTaskHourly, storageHourly: 0, osHourly: 0 },
    region,
    capacityProvider: 'EC2',
    source: price.source,
    asOf: price.asOf,
    notes,
  };
}
