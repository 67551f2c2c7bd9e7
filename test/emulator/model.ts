/**
 * The generated AWS model (test/emulator/generated/aws-model.json) and what the server does with
 * it: validate requests against input shapes, read awsQuery form parameters, and write replies in
 * awsJson or XML exactly as the output shapes say.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AwsError } from './errors';

export interface Member {
  s: string;
  x?: string;
  flat?: boolean;
  ts?: string;
}

export interface Shape {
  t: string;
  m?: Record<string, Member>;
  r?: string[];
  e?: (string | number)[];
  len?: [number | null, number | null];
  rng?: [number | null, number | null];
  v?: Member;
  k?: string;
  ts?: string;
  err?: string;
  status?: number;
  qe?: [string, number];
  flat?: boolean;
}

export interface Operation {
  i: string;
  o: string;
  e: string[];
  page?: { in?: string; out?: string; items?: string; size?: string };
}

export interface ServiceModel {
  key: string;
  model: string;
  protocol: 'awsJson1_1' | 'awsQuery';
  target?: string;
  version: string;
  xmlns?: string;
  endpointPrefix: string;
  ops: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

let loaded: Record<string, ServiceModel> | undefined;

/** The generated model; found next to this file (source tree) or in the source tree from out/. */
export function loadModel(): Record<string, ServiceModel> {
  if (!loaded) {
    const candidates = [
      path.join(__dirname, 'generated', 'aws-model.json'),
      path.resolve(__dirname, '..', '..', '..', 'test', 'emulator', 'generated', 'aws-model.json'),
    ];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) {
      throw new Error(`aws-model.json not found (looked in ${candidates.join(', ')})`);
    }
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { services: Record<string, Omit<ServiceModel, 'key'>> };
    loaded = {};
    for (const [key, svc] of Object.entries(json.services)) {
      loaded[key] = { key, ...svc };
    }
  }
  return loaded;
}

// ---------------------------------------------------------------------------------------------
// Validation of input (after JSON parse or query decoding)

const INTEGER_TYPES = new Set(['integer', 'long', 'short', 'byte']);
const NUMBER_TYPES = new Set([...INTEGER_TYPES, 'float', 'double', 'bigInteger', 'bigDecimal']);

/** Thrown for a JSON value of the wrong type: AWS answers SerializationException. */
function serializationError(where: string, expected: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value at '${where}': expected ${expected}`);
}

/**
 * Checks `value` against `shapeName` as AWS's front end does: types first (a wrong JSON type is a
 * SerializationException), then constraints (required, enum, length, range), collected as
 * "N validation errors detected: ..." messages. Unknown members are ignored, as AWS does.
 * Returns the constraint violations (empty when valid).
 */
export function validate(svc: ServiceModel, shapeName: string, value: unknown, where = ''): string[] {
  const problems: string[] = [];
  check(svc, shapeName, value, where, problems);
  return problems;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  return `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
}

function check(svc: ServiceModel, shapeName: string, value: unknown, where: string, problems: string[]): void {
  const shape = svc.shapes[shapeName];
  if (!shape || value === null || value === undefined) {
    return;
  }
  const at = where || 'input';
  const violation = (constraint: string): void => {
    problems.push(`Value ${describe(value)} at '${at}' failed to satisfy constraint: ${constraint}`);
  };
  const t = shape.t;
  if (t === 'structure' || t === 'union') {
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw serializationError(at, 'an object');
    }
    const obj = value as Record<string, unknown>;
    for (const req of shape.r ?? []) {
      if (obj[req] === undefined || obj[req] === null) {
        problems.push(`Value null at '${where ? where + '.' : ''}${req}' failed to satisfy constraint: Member must not be null`);
      }
    }
    for (const [name, member] of Object.entries(shape.m ?? {})) {
      if (name in obj) {
        check(svc, member.s, obj[name], where ? `${where}.${name}` : name, problems);
      }
    }
    return;
  }
  if (t === 'list') {
    if (!Array.isArray(value)) {
      throw serializationError(at, 'a list');
    }
    lengthCheck(shape, value.length, violation);
    value.forEach((item, i) => {
      if (item !== null) {
        check(svc, shape.v!.s, item, `${at}.${i + 1}.member`, problems);
      }
    });
    return;
  }
  if (t === 'map') {
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw serializationError(at, 'a map');
    }
    const entries = Object.entries(value as Record<string, unknown>);
    lengthCheck(shape, entries.length, violation);
    for (const [k, v] of entries) {
      check(svc, shape.k!, k, `${at}.key`, problems);
      check(svc, shape.v!.s, v, `${at}.${k}.value`, problems);
    }
    return;
  }
  if (t === 'string') {
    if (typeof value !== 'string') {
      throw serializationError(at, 'a string');
    }
    if (shape.e && !shape.e.includes(value)) {
      violation(`Member must satisfy enum value set: [${shape.e.join(', ')}]`);
    }
    lengthCheck(shape, value.length, violation);
    return;
  }
  if (NUMBER_TYPES.has(t)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || (INTEGER_TYPES.has(t) && !Number.isInteger(value))) {
      throw serializationError(at, INTEGER_TYPES.has(t) ? 'an integer' : 'a number');
    }
    if (shape.e && !shape.e.includes(value)) {
      violation(`Member must satisfy enum value set: [${shape.e.join(', ')}]`);
    }
    const [min, max] = shape.rng ?? [null, null];
    if (min !== null && value < min) {
      violation(`Member must have value greater than or equal to ${min}`);
    }
    if (max !== null && value > max) {
      violation(`Member must have value less than or equal to ${max}`);
    }
    return;
  }
  if (t === 'boolean' && typeof value !== 'boolean') {
    throw serializationError(at, 'a boolean');
  }
  if (t === 'timestamp' && typeof value !== 'number' && !(value instanceof Date)) {
    throw serializationError(at, 'a timestamp (epoch seconds)');
  }
  if (t === 'blob' && typeof value !== 'string' && !Buffer.isBuffer(value)) {
    throw serializationError(at, 'a base64 string');
  }
}

function lengthCheck(shape: Shape, n: number, violation: (c: string) => void): void {
  const [min, max] = shape.len ?? [null, null];
  if (min !== null && n < min) {
    violation(`Member must have length greater than or equal to ${min}`);
  }
  if (max !== null && n > max) {
    violation(`Member must have length less than or equal to ${max}`);
  }
}

/** Converts timestamps of a validated awsJson input (epoch seconds) to Date objects, in place. */
export function normalizeInput(svc: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = svc.shapes[shapeName];
  if (!shape || value === null || value === undefined) {
    return value;
  }
  switch (shape.t) {
    case 'timestamp':
      return typeof value === 'number' ? new Date(value * 1000) : value;
    case 'structure':
    case 'union': {
      const obj = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.m ?? {})) {
        if (obj[name] !== undefined) {
          obj[name] = normalizeInput(svc, member.s, obj[name]);
        }
      }
      return obj;
    }
    case 'list':
      return (value as unknown[]).map((v) => normalizeInput(svc, shape.v!.s, v));
    case 'map':
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        (value as Record<string, unknown>)[k] = normalizeInput(svc, shape.v!.s, v);
      }
      return value;
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Output: awsJson

/**
 * The members of a structure value to write: keys starting with `_` are the emulator's own and are
 * dropped, as are null/undefined; any other key the shape does not have is a bug in the emulator and
 * throws, so replies never carry what AWS would not send.
 */
function outputMembers(shape: Shape, shapeName: string, value: unknown): [string, Member, unknown][] {
  const out: [string, Member, unknown][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.startsWith('_') || v === undefined || v === null) {
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

/** Writes `value` as the awsJson form of `shapeName`: Date -> epoch seconds, Buffer -> base64. */
export function toJson(svc: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = svc.shapes[shapeName];
  if (value === null || value === undefined || !shape) {
    return value;
  }
  switch (shape.t) {
    case 'structure':
    case 'union':
      return Object.fromEntries(outputMembers(shape, shapeName, value).map(([k, member, v]) => [k, toJson(svc, member.s, v)]));
    case 'list':
      return (value as unknown[]).map((v) => toJson(svc, shape.v!.s, v));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(svc, shape.v!.s, v)]));
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : value;
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Output: XML (awsQuery)

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function scalarText(shape: Shape, value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (shape.t === 'blob' && Buffer.isBuffer(value)) {
    return value.toString('base64');
  }
  return String(value);
}

/** Writes the members of `value` (a structure of `shapeName`) as XML elements. */
export function toXml(svc: ServiceModel, shapeName: string, value: unknown): string {
  const shape = svc.shapes[shapeName];
  if (!shape || value === null || value === undefined) {
    return '';
  }
  return outputMembers(shape, shapeName, value).map(([k, member, v]) => xmlMember(svc, member, member.x ?? k, v)).join('');
}

function xmlMember(svc: ServiceModel, member: Member, name: string, value: unknown): string {
  const shape = svc.shapes[member.s];
  switch (shape.t) {
    case 'structure':
    case 'union':
      return `<${name}>${toXml(svc, member.s, value)}</${name}>`;
    case 'list': {
      const item = shape.v!;
      const flat = member.flat || shape.flat;
      const itemName = flat ? name : (item.x ?? 'member');
      const body = (value as unknown[]).map((v) => xmlMember(svc, item, itemName, v)).join('');
      return flat ? body : `<${name}>${body}</${name}>`;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `<entry><key>${xmlEscape(k)}</key>${xmlMember(svc, shape.v!, 'value', v)}</entry>`)
        .join('');
      return `<${name}>${entries}</${name}>`;
    }
    default:
      return `<${name}>${xmlEscape(scalarText(shape, value))}</${name}>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Input: awsQuery form parameters

/** Reads awsQuery parameters (`Names.member.1`, `Attributes.entry.1.key`, …) into a typed object. */
export function fromQuery(svc: ServiceModel, shapeName: string, params: Map<string, string>): Record<string, unknown> {
  return (readQuery(svc, shapeName, params, '') ?? {}) as Record<string, unknown>;
}

function readQuery(svc: ServiceModel, shapeName: string, params: Map<string, string>, prefix: string, flatMember = false): unknown {
  const shape = svc.shapes[shapeName];
  const has = (p: string): boolean => {
    for (const k of params.keys()) {
      if (k === p || k.startsWith(p + '.')) {
        return true;
      }
    }
    return false;
  };
  const key = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  switch (shape.t) {
    case 'structure':
    case 'union': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.m ?? {})) {
        const k = key(member.x ?? name);
        if (has(k)) {
          out[name] = readQuery(svc, member.s, params, k, member.flat);
        }
      }
      return out;
    }
    case 'list': {
      if (params.get(prefix) === '') {
        return [];
      }
      const base = flatMember || shape.flat ? prefix : `${prefix}.${shape.v!.x ?? 'member'}`;
      const items: unknown[] = [];
      for (let i = 1; has(`${base}.${i}`); i++) {
        items.push(readQuery(svc, shape.v!.s, params, `${base}.${i}`));
      }
      return items;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const base = flatMember || shape.flat ? prefix : `${prefix}.entry`;
      for (let i = 1; has(`${base}.${i}`); i++) {
        out[params.get(`${base}.${i}.key`) ?? ''] = readQuery(svc, shape.v!.s, params, `${base}.${i}.value`);
      }
      return out;
    }
    default: {
      const raw = params.get(prefix);
      if (raw === undefined) {
        return undefined;
      }
      if (NUMBER_TYPES.has(shape.t)) {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n)) {
          throw new AwsError('ValidationError', `Value '${raw}' at '${prefix}' failed to satisfy constraint: Member must be a number`);
        }
        return n;
      }
      if (shape.t === 'boolean') {
        return raw === 'true';
      }
      if (shape.t === 'timestamp') {
        return new Date(raw);
      }
      return raw;
    }
  }
}
