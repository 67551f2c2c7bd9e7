/** Task-size values as the API accepts them: `"1024"`, `1024`, `"1 vCPU"`, `".25 vcpu"`, `"2 GB"`, `"2GB"`. */
import { ecsFacts } from './schema';

export { parseCpuUnits, parseMemoryMiB } from '../util/taskSize';

export function fargateCpuValues(): number[] {
  return Object.keys(ecsFacts().fargateCpuMemory)
    .map(Number)
    .sort((a, b) => a - b);
}

export function fargateMemoryFor(cpu: number): number[] | undefined {
  return ecsFacts().fargateCpuMemory[String(cpu)];
}

export function nearest(values: number[], target: number): number {
  let best = values[0];
  for (const v of values) if (Math.abs(v - target) < Math.abs(best - target)) best = v;
  return best;
}

/** Writes `mib` in the same style as `like` (`"2 GB"` stays in GB when it can, digits stay digits). */
export function formatMemoryLike(like: unknown, mib: number): string {
  if (typeof like === 'string' && /gb|gib/i.test(like) && mib % 1024 === 0) {
    const space = /\d\s+g/i.test(like) ? ' ' : '';
    const unit = /GiB/i.test(like) ? like.match(/gib/i)![0] : like.match(/gb/i)![0];
    return `${mib / 1024}${space}${unit}`;
  }
  return String(mib);
}

/** Writes cpu units in the style of `like` (`"1 vCPU"` style or digits). */
export function formatCpuLike(like: unknown, units: number): string {
  if (typeof like === 'string' && /vcpu/i.test(like)) {
    const space = /\d\s+v/i.test(like) ? ' ' : '';
    const vcpu = units / 1024;
    const n = vcpu < 1 ? String(vcpu).replace(/^0/, like.trim().startsWith('.') ? '' : '0') : String(vcpu);
    return `${n}${space}${like.match(/vcpus?/i)![0]}`;
  }
  return String(units);
}
