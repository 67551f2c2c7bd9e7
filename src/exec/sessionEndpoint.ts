/**
 * Can this machine reach the Session Manager message endpoint that carries ECS Exec's data channel?
 * `ssmmessages.<region>.<dns suffix>:443` with AWS; with a custom endpoint (LocalStack, the emulator
 * on loopback), that endpoint's listener, which serves the data channel too. A quick TCP connect
 * with a timeout: name resolution, refusal and silence are told apart.
 */
import * as net from 'net';
import { dnsSuffix } from '../aws/arn';
import type { ReadinessCheck } from './types';

export const ENDPOINT_TIMEOUT_MS = 3000;

/** Host and port of the data channel's endpoint: `endpoint` (a URL) when set, else AWS's for the region. */
export function sessionEndpointOf(region: string, endpoint?: string): { host: string; port: number } {
  if (!endpoint) return { host: `ssmmessages.${region}.${dnsSuffix(region)}`, port: 443 };
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  const port = url.port ? Number(url.port) : url.protocol === 'http:' || url.protocol === 'ws:' ? 80 : 443;
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

type Outcome = { ok: true; ms: number } | { ok: false; why: string };

function connect(host: string, port: number, timeoutMs: number): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (outcome: Outcome): void => {
      socket.destroy();
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ ok: false, why: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
    socket.once('connect', () => done({ ok: true, ms: Date.now() - started }));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? `${host} does not resolve (${e.code})` : e.code === 'ECONNREFUSED' ? 'the connection was refused' : (e.code ?? e.message);
      done({ ok: false, why });
    });
  });
}

export async function sessionEndpointCheck(region: string, endpoint: string | undefined, timeoutMs = ENDPOINT_TIMEOUT_MS): Promise<ReadinessCheck> {
  const { host, port } = sessionEndpointOf(region, endpoint);
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const outcome = await connect(host, port, timeoutMs);
  if (outcome.ok) return { id: 'ssm-endpoint', ok: true, message: `The session endpoint ${where} is reachable from here (connected in ${outcome.ms} ms).` };
  return {
    id: 'ssm-endpoint',
    ok: false,
    message: `The session endpoint ${where} is not reachable from here: ${outcome.why}.`,
    fix: endpoint
      ? `Check that the endpoint ${endpoint} is running and reachable (the setting ecsWorkbench.endpointUrl or AWS_ENDPOINT_URL).`
      : `Allow outbound HTTPS (TCP 443) from this machine to ${host}: a firewall, VPN or proxy may block it.`,
  };
}
