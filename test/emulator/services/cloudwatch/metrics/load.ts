/**
 * How busy a simulated task is at a given minute: a deterministic function of the service, the
 * task, its images and the time, so the same query always gives the same numbers and nothing is
 * stored (see test/emulator/README.md, "Metrics").
 */
import type { TaskSpan } from '../../ecs/sim/history';
import { imageBehaviour } from '../../ecs/sim/timing';

const DAY_MS = 24 * 3600_000;

/** A number in [0, 1) from the parts (FNV-1a). */
export function unit(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

const imageName = (image: string): string => image.slice(image.lastIndexOf('/') + 1);
const busy = (span: TaskSpan): boolean => span.images.some((i) => /busy/i.test(imageName(i)));
/** The `oom` image hint of ECS's simulation (which kills the task TIMING.oomAfter after it starts). */
const oom = (span: TaskSpan): boolean => span.images.some((i) => imageBehaviour(i) === 'oom');
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The service's daily wave: ±25 % around its base, its phase drawn from its ARN. */
function wave(serviceArn: string, t: number, depth: number): number {
  return 1 + depth * Math.sin((2 * Math.PI * t) / DAY_MS + 2 * Math.PI * unit(serviceArn, 'phase'));
}

/**
 * CPU used by one task at minute `t`, in % of what it reserved: `busy` images 70 %, others 10–25 %
 * (drawn from the service ARN), times the daily wave, times desired/running (fewer tasks than
 * desired carry the service's load between them), ±3 points of noise.
 */
export function cpuPercent(serviceArn: string, span: TaskSpan, t: number, desired: number, running: number): number {
  const base = busy(span) ? 70 : 10 + 15 * unit(serviceArn, 'cpu');
  const share = running > 0 && desired > running ? Math.min(3, desired / running) : 1;
  return round2(clamp(base * share * wave(serviceArn, t, 0.25) + (unit(span.id, t) - 0.5) * 6, 0.1, 100));
}

/**
 * Memory used by one task at minute `t`, in % of what it reserved: 18–30 % (`busy` 55 %) with a
 * gentle wave; an `oom` image climbs from 40 % when it starts to 100 % at its last minute before it
 * was stopped (or two minutes after it started, while it still runs).
 */
export function memoryPercent(serviceArn: string, span: TaskSpan, t: number): number {
  if (oom(span)) {
    const last = span.end === undefined ? span.start + 120_000 : Math.max(span.start, Math.floor((span.end - 1) / 60_000) * 60_000);
    return last <= span.start || t >= last ? 100 : round2(40 + (60 * (t - span.start)) / (last - span.start));
  }
  const base = busy(span) ? 55 : 18 + 12 * unit(serviceArn, 'memory');
  return round2(clamp(base * wave(serviceArn, t, 0.05) + (unit(span.id, 'm', t) - 0.5) * 2, 0.1, 100));
}

/**
 * Requests a service's users send it in minute `t`, whatever the number of tasks (the load balancer
 * spreads them over its targets): 120–600 a minute (drawn from the service ARN; `busy` images 6,000)
 * times the daily wave, ± 5 % noise drawn from the minute.
 */
export function requestsPerMinute(serviceArn: string, spans: TaskSpan[], t: number): number {
  const base = spans.some(busy) ? 6000 : 120 + 480 * unit(serviceArn, 'requests');
  return Math.round(base * wave(serviceArn, t, 0.25) * (1 + (unit(serviceArn, 'rq', t) - 0.5) * 0.1));
}
