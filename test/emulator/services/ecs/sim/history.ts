/**
 * What a service's past looks like once ECS has forgotten its stopped tasks (an hour after they
 * stop): the running span of each task, and the desired count over time. CloudWatch's metrics
 * (services/cloudwatch/metrics/) are computed from this on demand, so a week of per-minute points is
 * never stored. Spans older than CloudWatch keeps 1-minute data (15 days) are dropped.
 */
import { perRegion } from '../../../kit/world';
import type { ServiceRecord, TaskRecord } from '../state';

/** A task's time in RUNNING (ms since the epoch; `end` undefined while it runs) and what it reserved. */
export interface TaskSpan {
  id: string;
  start: number;
  end?: number;
  cpu: number;
  memory: number;
  images: string[];
}

const KEEP_MS = 15 * 24 * 3600_000;

export function spanOf(task: TaskRecord): TaskSpan | undefined {
  if (!task.startedAt) return undefined;
  const end = task.stoppingAt ?? task.executionStoppedAt ?? task.stoppedAt;
  return {
    id: task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1),
    start: task.startedAt.getTime(),
    end: end?.getTime(),
    cpu: Number(task.cpu ?? 0),
    memory: Number(task.memory ?? 0),
    images: task.containers.map((c) => c.image),
  };
}

export class ServiceHistory {
  private readonly forgotten = new WeakMap<ServiceRecord, TaskSpan[]>();
  private readonly desired = new WeakMap<ServiceRecord, { at: number; count: number }[]>();

  /** A stopped task leaves the task list: its span stays here. */
  taskForgotten(svc: ServiceRecord, task: TaskRecord, nowMs: number): void {
    const span = spanOf(task);
    if (!span) return;
    const list = this.forgotten.get(svc) ?? [];
    list.push(span);
    while (list.length && (list[0].end ?? nowMs) < nowMs - KEEP_MS) list.shift();
    this.forgotten.set(svc, list);
  }

  /** Called whenever the scheduler recounts a service: records a change of its desired count. */
  noteDesired(svc: ServiceRecord, nowMs: number): void {
    const list = this.desired.get(svc) ?? [];
    if (list[list.length - 1]?.count !== svc.desiredCount) list.push({ at: nowMs, count: svc.desiredCount });
    this.desired.set(svc, list);
  }

  forgottenSpans(svc: ServiceRecord): readonly TaskSpan[] {
    return this.forgotten.get(svc) ?? [];
  }

  /** The desired count at `t` (the first one recorded for times before it). */
  desiredAt(svc: ServiceRecord, t: number): number {
    const list = this.desired.get(svc) ?? [];
    let count = list[0]?.count ?? svc.desiredCount;
    for (const d of list) {
      if (d.at > t) break;
      count = d.count;
    }
    return count;
  }
}

export const serviceHistory = perRegion('ecs-service-history', () => new ServiceHistory());
