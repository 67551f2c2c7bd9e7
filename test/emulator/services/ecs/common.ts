/** What ECS operations share: their errors, page and batch limits, Describe* failures. */
import type * as ecs from '../../generated/ecs';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import type { Handlers } from '../../kit/service';

export const bad = (message: string): AwsError => new AwsError('InvalidParameterException', message);

/** Batch limits are prose in the API reference (e.g. DescribeServices takes up to 10 services). */
export function limit(list: unknown[] | undefined, max: number, name: string): void {
  if (list && list.length > max) {
    throw bad(`${name} cannot have more than ${max} elements`);
  }
}

/** maxResults 1-100, default 100 (ListServices: 10), opaque nextToken. */
export function listPage<T>(items: T[], input: { maxResults?: number; nextToken?: string }, def = 100): { items: T[]; next?: string } {
  return page(items, input.maxResults, input.nextToken, { def, max: 100, error: 'InvalidParameterException' });
}

/** A Describe* batch over names or ARNs: views of what exists, MISSING failures (with the ARN AWS reports) for the rest. */
export function describeBatch<R, V>(refs: string[], find: (ref: string) => R | undefined, view: (o: R) => V, arnOf: (ref: string) => string): { found: V[]; failures: ecs.Failure[] } {
  const found: V[] = [];
  const failures: ecs.Failure[] = [];
  for (const ref of refs) {
    const o = find(ref);
    if (o) {
      found.push(view(o));
    } else {
      failures.push({ arn: ref.startsWith('arn:') ? ref : arnOf(ref), reason: 'MISSING' });
    }
  }
  return { found, failures };
}

export function includes(input: { include?: string[] }, what: string): boolean {
  return (input.include ?? []).includes(what);
}

export type EcsHandlers<K extends keyof ecs.Operations> = Pick<Handlers<ecs.Operations>, K>;
