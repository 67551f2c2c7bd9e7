import type { EmulatorHandle } from '../../emulator';

/** Counts how many times each operation went over the wire since now. */
export function countCalls(emulator: EmulatorHandle): () => Record<string, number> {
  const before = new Map(emulator.calls());
  return () => {
    const out: Record<string, number> = {};
    for (const [op, n] of emulator.calls()) if (n - (before.get(op) ?? 0) > 0) out[op] = n - (before.get(op) ?? 0);
    return out;
  };
}
