/**
 * Running and desired tasks over time without Container Insights: read back from the service
 * events ("has started 2 tasks", "has stopped 1 running tasks"), walking from today's running count
 * into the past; desired is today's count (the events do not say when it changed).
 */
import type { Series } from './series';

const STARTED = /has started (\d+) tasks?/;
const STOPPED = /has stopped (\d+) running tasks?/;

export interface ServiceEvent {
  createdAt?: Date;
  message?: string;
}

/** The running count at each of `timestamps` (ms, ascending), from events newest first. */
export function runningFromEvents(timestamps: number[], runningNow: number, events: readonly ServiceEvent[]): number[] {
  const changes = events
    .map((e) => ({ at: e.createdAt?.getTime() ?? 0, delta: Number(STARTED.exec(e.message ?? '')?.[1] ?? 0) - Number(STOPPED.exec(e.message ?? '')?.[1] ?? 0) }))
    .filter((c) => c.delta !== 0)
    .sort((a, b) => b.at - a.at);
  return timestamps.map((t) => {
    // Undo every change made after the end of this bucket.
    const after = changes.filter((c) => c.at > t).reduce((n, c) => n + c.delta, 0);
    return Math.max(0, runningNow - after);
  });
}

export function constantSeries(timestamps: number[], value: number): Series {
  return { timestamps: timestamps.map((t) => new Date(t).toISOString()), values: timestamps.map(() => value) };
}
