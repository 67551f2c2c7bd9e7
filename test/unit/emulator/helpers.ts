import * as http from 'http';
import { startEmulator, EmulatorHandle, EmulatorOptions } from '../../emulator/index';

export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' };

/** SDK client config for the emulator (no retries, so faults surface at once). */
export function sdkConfig(emu: EmulatorHandle, region = 'us-east-1') {
  return { endpoint: emu.url, region, credentials, maxAttempts: 1 };
}

/**
 * Moves the manual clock `stepMs` at a time until `done()` holds (checked before each step);
 * fails after `maxMs` of emulated time. Returns the emulated ms it took.
 */
export async function advanceUntil(emu: EmulatorHandle, done: () => Promise<boolean>, { stepMs = 5_000, maxMs = 30 * 60_000 } = {}): Promise<number> {
  for (let elapsed = 0; elapsed <= maxMs; elapsed += stepMs) {
    if (await done()) {
      return elapsed;
    }
    await emu.clock.advance(stepMs);
  }
  throw new Error(`not done after ${maxMs / 1000} s of emulated time`);
}

/** Starts an emulator for a mocha suite and closes it after. */
export function useEmulator(opts: EmulatorOptions = {}): { emu: EmulatorHandle } {
  const ref = {} as { emu: EmulatorHandle };
  before(async () => {
    ref.emu = await startEmulator(opts);
  });
  after(async () => {
    await ref.emu?.close();
  });
  return ref;
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body as received (binary protocols). */
  bytes: Buffer;
}

/** A raw HTTP request, for what the SDK would not send (bad bodies, missing auth). */
export function raw(url: string, opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string | Uint8Array }): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + (opts.path ?? '/'), { method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=abc';

/** An awsJson call without the SDK. */
export function jsonCall(url: string, target: string, body: string, auth: string | null = AUTH): Promise<RawReply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target };
  if (auth) {
    headers.Authorization = auth;
  }
  return raw(url, { headers, body });
}

/** Expects `p` to reject with an SDK error named `name`; returns it. */
export async function rejectsWith<T>(p: Promise<T>, name: string): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    if (err.name !== name) {
      throw new Error(`expected ${name}, got ${err.name}: ${err.message}`);
    }
    return err;
  }
  throw new Error(`expected ${name}, but the call succeeded`);
}
