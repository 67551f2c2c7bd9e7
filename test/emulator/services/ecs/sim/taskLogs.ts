/**
 * What the simulated containers write to their awslogs streams, per kind of image: start-up lines,
 * request lines for web images (a container with a port mapping), job lines for the others, and
 * the last lines of the failing images before they exit (a stack trace for `fail`, the heap
 * climbing for `oom`). Lines look like a Node service's, so filters and tails have real text to read.
 */
import type * as ecs from '../../../generated/ecs';
import type { Random } from '../../../kit/random';

const PATHS = ['/health', '/api/orders', '/api/orders/1042', '/api/customers', '/api/cart', '/'];

/** A web image listens on a port: a container definition with a port mapping. */
function isWeb(cd: ecs.ContainerDefinition): boolean {
  return (cd.portMappings?.length ?? 0) > 0;
}

export function startupLines(cd: ecs.ContainerDefinition): string[] {
  const port = cd.portMappings?.[0]?.containerPort;
  return [
    `Starting ${cd.name} (${cd.image})`,
    `${cd.name}: loaded configuration (NODE_ENV=production)`,
    port ? `${cd.name} listening on port ${port}` : `${cd.name}: connected to queue, waiting for jobs`,
  ];
}

/** One line of ordinary work: an access-log line of a web image, a finished job of a worker. */
export function workLine(cd: ecs.ContainerDefinition, rnd: Random): string {
  if (!isWeb(cd)) {
    return `${cd.name}: job ${1000 + rnd.int(9000)} done in ${20 + rnd.int(400)}ms`;
  }
  const path = PATHS[rnd.int(PATHS.length)];
  const status = rnd.int(50) === 0 ? 404 : 200;
  return `10.0.${rnd.int(4)}.${2 + rnd.int(250)} - - "GET ${path} HTTP/1.1" ${status} ${100 + rnd.int(4000)} ${1 + rnd.int(40)}ms`;
}

/** The lines of a `fail` image before it exits 1: an unhandled error and its stack. */
export function crashLines(cd: ecs.ContainerDefinition): string[] {
  return [
    `${cd.name}: connecting to database db.internal:5432`,
    'Error: connect ECONNREFUSED 10.0.3.12:5432',
    '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)',
    '    at Database.connect (/app/src/db.js:41:11)',
    '    at async main (/app/src/index.js:18:3)',
    'Error: failed to start application (exit 1)',
  ];
}

/** A heap report of an `oom` image: `step` of `steps` towards its memory limit (MiB). */
export function memoryLine(cd: ecs.ContainerDefinition, limitMiB: number, step: number, steps: number): string {
  const used = Math.round((limitMiB * (step + 1)) / (steps + 1));
  return `${cd.name}: heap used ${used} MiB of ${limitMiB} MiB (cache entries: ${(step + 1) * 25_000})`;
}

/** The last lines of an `oom` image, just before the kernel kills it. */
export function outOfMemoryLines(cd: ecs.ContainerDefinition): string[] {
  return [
    `${cd.name}: WARNING memory pressure, GC took 1840ms`,
    '<--- Last few GCs --->',
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
  ];
}

/** What a container failing its own health check says when the check calls it. */
export function healthCheckFailureLine(cd: ecs.ContainerDefinition): string {
  return `${cd.name}: GET /health 503 (dependency check failed: cache unreachable)`;
}

/** What a Spot-interrupted container logs on its SIGTERM. */
export function sigtermLines(cd: ecs.ContainerDefinition): string[] {
  return [`${cd.name}: received SIGTERM, draining connections`, `${cd.name}: shut down cleanly`];
}
