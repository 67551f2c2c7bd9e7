/**
 * What a port-forwarding session reaches. A task's container port is stood in for by an HTTP server
 * on 127.0.0.1 (a free port), made on first use and closed with the emulator, that answers every
 * request with `task <task id> port <container port> <path>`, or, for `/bytes/<n>`, n bytes (for
 * throughput figures). A port the container does not map, and any host that is not loopback (the
 * emulator reaches nothing beyond this machine), is a port where nothing listens: the agent's
 * connection is refused, as it is in a task where nothing listens on the port.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as net from 'net';
import { perCore, type Core, type Region } from '../../../kit/world';
import { ecsState, taskId, type TaskRecord } from '../state';
import type { ExecContainer } from './targets';

const MAX_BYTES = 1 << 30;

function standInServer(id: string, containerPort: number): http.Server {
  return http.createServer((req, res) => {
    const bytes = /^\/bytes\/(\d+)$/.exec(req.url ?? '');
    if (bytes && Number(bytes[1]) <= MAX_BYTES) {
      const n = Number(bytes[1]);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
      const chunk = Buffer.alloc(Math.min(n, 1 << 16), 'x');
      let left = n;
      const pump = (): void => {
        while (left > 0) {
          const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= part.length;
          if (!res.write(part)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      return pump();
    }
    const body = `task ${id} port ${containerPort} ${req.url ?? '/'}\n`;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}

function listening(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

class PortStandIns {
  private readonly ports = new Map<string, Promise<number>>();
  private readonly servers: http.Server[] = [];
  private closedPort?: Promise<number>;

  constructor(core: Core) {
    core.onClose(() => this.close());
  }

  /** The loopback port standing in for `containerPort` of the task. */
  forTask(task: TaskRecord, containerPort: number): Promise<number> {
    const key = `${task.taskArn} ${containerPort}`;
    let port = this.ports.get(key);
    if (!port) {
      const server = standInServer(taskId(task), containerPort);
      this.servers.push(server);
      port = listening(server);
      this.ports.set(key, port);
    }
    return port;
  }

  /** A loopback port where nothing listens (held free by having listened on it once). */
  nothingListens(): Promise<number> {
    this.closedPort ??= (async () => {
      const s = net.createServer();
      const port = await listening(s);
      await new Promise((resolve) => s.close(resolve));
      return port;
    })();
    return this.closedPort;
  }

  private async close(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((s) => new Promise((resolve) => {
      s.closeAllConnections();
      s.close(resolve);
    })));
  }
}

export const portStandIns = perCore('ecs-exec-port-stand-ins', (core) => new PortStandIns(core));

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

/** Where the agent connects for AWS-StartPortForwardingSession: the container's port, if its task definition maps it. */
export async function containerPortTarget(region: Region, t: ExecContainer, containerPort: number): Promise<{ host: string; port: number }> {
  const cd = ecsState(region).findTaskDef(t.task.taskDefinitionArn)?.containerDefinitions.find((d) => d.name === t.container.name);
  const mapped = (cd?.portMappings ?? []).some((m) => m.containerPort === containerPort);
  const standIns = portStandIns(region.core);
  return { host: '127.0.0.1', port: mapped ? await standIns.forTask(t.task, containerPort) : await standIns.nothingListens() };
}

/** Where the agent connects for AWS-StartPortForwardingSessionToRemoteHost: the host itself when it is loopback. */
export async function remoteHostTarget(core: Core, host: string, port: number): Promise<{ host: string; port: number }> {
  return LOOPBACK.test(host) ? { host: host.replace(/^\[|\]$/g, '').replace(/^localhost$/i, '127.0.0.1'), port } : { host: '127.0.0.1', port: await portStandIns(core).nothingListens() };
}
