/**
 * Model-driven conversion between the emulator's values (Date timestamps, Buffer/Uint8Array blobs)
 * and the document forms of the JSON and CBOR protocols. Writing checks every member against the
 * output shape: a member the shape does not have is an emulator bug and throws, so replies never
 * carry what AWS would not send.
 */
import type { Member, ServiceModel, Shape } from '../model';

/** How a protocol writes and reads the scalars that JSON cannot carry as they are. */
export interface Scalars {
  /** Honours `jsonName` (restJson1) instead of the member name. */
  jsonNames: boolean;
  timestampOut(d: Date, format: string | undefined): unknown;
  timestampIn(v: unknown, format: string | undefined): unknown;
  blobOut(b: Uint8Array | string): unknown;
}

/** Epoch seconds by default; `date-time` / `http-date` as the timestampFormat trait says. */
export function formatTimestamp(d: Date, format: string | undefined): number | string {
  if (format === 'date-time') {
    return d.toISOString().replace(/\.000Z$/, 'Z');
  }
  if (format === 'http-date') {
    return d.toUTCString();
  }
  return d.getTime() / 1000;
}

export function parseTimestamp(v: unknown, format: string | undefined): unknown {
  if (typeof v === 'number' && format !== 'date-time' && format !== 'http-date') {
    return new Date(v * 1000);
  }
  if (typeof v === 'string' && format !== undefined && format !== 'epoch-seconds') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? v : new Date(ms);
  }
  return v;
}

export const JSON_SCALARS: Scalars = {
  jsonNames: false,
  timestampOut: formatTimestamp,
  timestampIn: parseTimestamp,
  blobOut: (b) => (typeof b === 'string' ? b : Buffer.from(b).toString('base64')),
};

/** The wire name of a member. */
export function wireName(name: string, member: Member, scalars: Scalars): string {
  return scalars.jsonNames && member.j ? member.j : name;
}

/** The members of a structure value to write (null/undefined dropped; unknown ones throw). */
export function outputMembers(shape: Shape, shapeName: string, value: unknown): [string, Member, unknown][] {
  const out: [string, Member, unknown][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === null) {
      continue;
    }
    const member = shape.m?.[k];
    if (!member) {
      throw new Error(`emulator bug: member '${k}' is not in output shape ${shapeName}`);
    }
    out.push([k, member, v]);
  }
  return out;
}

/** Writes `value` as the document form of `shapeName`. */
export function toDocument(svc: ServiceModel, shapeName: string, value: unknown, scalars: Scalars, format?: string): unknown {
  const shape = svc.shapes[shapeName];
  if (value === null || value === undefined || !shape) {
    return value;
  }
  switch (shape.t) {
    case 'structure':
    case 'union': {
      // Plain loops, not entries/fromEntries: a DescribeTasks reply of 100 tasks is ~10,000 members.
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        const v = record[k];
        if (v === undefined || v === null) {
          continue;
        }
        const member = shape.m?.[k];
        if (!member) {
          throw new Error(`emulator bug: member '${k}' is not in output shape ${shapeName}`);
        }
        out[wireName(k, member, scalars)] = toDocument(svc, member.s, v, scalars, member.ts);
      }
      return out;
    }
    case 'list': {
      const items = value as unknown[];
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) {
        out[i] = toDocument(svc, shape.v!.s, items[i], scalars, shape.v!.ts);
      }
      return out;
    }
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toDocument(svc, shape.v!.s, v, scalars, shape.v!.ts)]));
    case 'timestamp':
      return value instanceof Date ? scalars.timestampOut(value, format ?? shape.ts) : value;
    case 'blob':
      return scalars.blobOut(value as Uint8Array | string);
    default:
      return value;
  }
}

/** Reads a document of `shapeName` into emulator values (timestamps -> Date); wrong types are left for validation. */
export function fromDocument(svc: ServiceModel, shapeName: string, value: unknown, scalars: Scalars, format?: string): unknown {
  const shape = svc.shapes[shapeName];
  if (!shape || value === null || value === undefined) {
    return value;
  }
  switch (shape.t) {
    case 'timestamp':
      return scalars.timestampIn(value, format ?? shape.ts);
    case 'structure':
    case 'union': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        return value;
      }
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.m ?? {})) {
        const key = wireName(name, member, scalars);
        if (obj[key] !== undefined) {
          out[name] = fromDocument(svc, member.s, obj[key], scalars, member.ts);
        }
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((v) => fromDocument(svc, shape.v!.s, v, scalars, shape.v!.ts)) : value;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) {
        return value;
      }
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromDocument(svc, shape.v!.s, v, scalars, shape.v!.ts)]));
    default:
      return value;
  }
}
