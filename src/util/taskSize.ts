/**
 * Task-size values as the ECS API accepts them: `"1024"`, `1024`, `"1 vCPU"`, `".25 vcpu"`, `"2 GB"`,
 * `"2GB"` (RegisterTaskDefinition `cpu` and `memory`). Shared by the task-definition rules and the cost model.
 */

/** CPU units from a task-level `cpu` value, or undefined when it cannot be read. */
export function parseCpuUnits(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpus?$/i.exec(s);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** MiB from a task-level `memory` value, or undefined when it cannot be read. */
export function parseMemoryMiB(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(gb|gib|mb|mib)$/i.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.round(/^g/i.test(m[2]) ? n * 1024 : n);
}
