import type { EmulatorHandle } from '../../emulator';
import { eventually } from './tree';

export function describeCount(emulator: EmulatorHandle): number {
  return emulator.calls().get('ecs:DescribeServices') ?? 0;
}

/**
 * Runs a watched command to its end by driving ECS time: advance the emulator's clock 30 s, wait
 * (with a deadline, no sleep) for the extension's next DescribeServices poll, repeat. (A rollout
 * behind the demo ALB takes ~8 min of ECS time: health checks, then 300 s of draining.)
 */
export async function drive<T>(emulator: EmulatorHandle, command: Thenable<T>, each?: () => void, deadlineMs = 90_000): Promise<T> {
  let settled: { value?: T; error?: unknown } | undefined;
  command.then((value) => (settled = { value }), (error: unknown) => (settled = { error }));
  const deadline = Date.now() + deadlineMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error('the command did not finish while the clock was driven');
    const polls = describeCount(emulator);
    await emulator.clock.advance(30_000);
    each?.();
    await eventually(() => settled !== undefined || describeCount(emulator) > polls || undefined, 'the next poll', 10_000);
  }
  if (settled.error !== undefined) throw settled.error;
  return settled.value as T;
}

