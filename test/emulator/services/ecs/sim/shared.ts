/**
 * Sub-records that most tasks carry unchanged, frozen and shared: the `scale` seed's 25,000 tasks
 * keep one copy of each, not one per task (less memory, and less for the garbage collector to copy
 * while seeding). Nothing changes them in place; being frozen, an attempt would throw.
 */
import type * as ecs from '../../../generated/ecs';

function frozen<T>(value: T): T {
  for (const v of Object.values(value as object)) {
    if (v && typeof v === 'object') frozen(v);
  }
  return Object.freeze(value);
}

export const SHARED = {
  attributes: { x86_64: frozen<ecs.Attribute[]>([{ name: 'ecs.cpu-architecture', value: 'x86_64' }]), arm64: frozen<ecs.Attribute[]>([{ name: 'ecs.cpu-architecture', value: 'arm64' }]) },
  noOverrides: frozen<ecs.TaskOverride>({ inferenceAcceleratorOverrides: [], containerOverrides: [] }),
  ephemeralStorage: frozen<ecs.EphemeralStorage>({ sizeInGiB: 20 }),
  macAddress: frozen<ecs.KeyValuePair>({ name: 'macAddress', value: '0a:1b:2c:3d:4e:5f' }),
  noNetworkBindings: frozen<ecs.NetworkBinding[]>([]),
};
