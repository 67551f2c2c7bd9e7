/**
 * SigV4 headers for a WebSocket upgrade (GET), as AWS's session-manager-plugin signs the data
 * channel's connection to ssmmessages when its URL is not presigned. The session token alone opened
 * the channel for older clients; signing it too is what AWS's own client does today.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { ClientManager, Scope } from './clientManager';
import { loadSdk } from './sdkLoader';

/** The query parameters of a presigned URL: such a URL carries its signature already. */
const PRESIGNED_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token'];

export function isPresignedUrl(url: string): boolean {
  const params = new URL(url).searchParams;
  return PRESIGNED_PARAMS.some((p) => params.has(p));
}

/** Node's SHA-256 in the shape the signer asks for (a keyed one is an HMAC). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** Headers to send with the upgrade request for `url`: none when it is presigned. */
export async function signedUpgradeHeaders(clients: ClientManager, scope: Scope, url: string, service: string): Promise<Record<string, string>> {
  if (isPresignedUrl(url)) return {};
  const [sdk, credentials] = await Promise.all([loadSdk(), clients.credentials(scope)]);
  const region = clients.resolve(scope).region;
  const parsed = new URL(url.replace(/^ws/, 'http'));
  const signer = new sdk.SignatureV4({ service, region, credentials, sha256: Sha256 });
  const query: Record<string, string> = {};
  parsed.searchParams.forEach((value, key) => (query[key] = value));
  const signed = await signer.sign({
    method: 'GET',
    protocol: parsed.protocol,
    hostname: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : undefined,
    path: parsed.pathname,
    query,
    headers: { host: parsed.host },
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) if (name !== 'host') headers[name] = String(value);
  return headers;
}
