/**
 * Request validation as AWS's front end does it: types first (a value of the wrong type is a
 * SerializationException), then the model's constraints (required, enum, length, range, pattern),
 * collected into "N validation errors detected: ..." messages. Unknown members are ignored, as AWS
 * ignores them.
 */
import { AwsError } from './errors';
import type { ServiceModel, Shape } from './model';
import { satisfiesPattern } from './patterns';

export const INTEGER_TYPES = new Set(['integer', 'long', 'short', 'byte', 'bigInteger']);
export const NUMBER_TYPES = new Set([...INTEGER_TYPES, 'float', 'double', 'bigDecimal']);

export interface Violation {
  /** Where, as AWS names it: `containerDefinitions.1.member.name`. */
  at: string;
  /** AWS's sentence: "Value 'x' at 'y' failed to satisfy constraint: ...". */
  text: string;
  /** For pattern violations: the model's pattern. */
  pattern?: string;
  value?: unknown;
}

/** Thrown for a value of the wrong type: AWS answers SerializationException. */
function serializationError(where: string, expected: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value at '${where}': expected ${expected}`);
}

/** The constraint violations of `value` as an instance of `shapeName` (empty when valid). */
export function validate(svc: ServiceModel, shapeName: string, value: unknown): Violation[] {
  const problems: Violation[] = [];
  check(svc, shapeName, value, '', problems);
  return problems;
}

/** AWS's message for a list of violations. */
export function violationMessage(problems: Violation[]): string {
  const n = problems.length;
  return `${n} validation error${n > 1 ? 's' : ''} detected: ${problems.map((p) => p.text).join('; ')}`;
}

/** AWS's validator names members lowerCamel (`Names` -> `names`), as its Java model does. */
function memberPath(where: string, name: string): string {
  const n = name.charAt(0).toLowerCase() + name.slice(1);
  return where ? `${where}.${n}` : n;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  return `'${typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : String(value)}'`;
}

function check(svc: ServiceModel, shapeName: string, value: unknown, where: string, problems: Violation[]): void {
  const shape = svc.shapes[shapeName];
  if (!shape || value === null || value === undefined) {
    return;
  }
  const at = where || 'input';
  const violation = (constraint: string, pattern?: string): void => {
    problems.push({ at, text: `Value ${describe(value)} at '${at}' failed to satisfy constraint: ${constraint}`, pattern, value });
  };
  switch (shape.t) {
    case 'structure':
    case 'union':
      return checkStructure(svc, shape, value, where, problems);
    case 'list':
      if (!Array.isArray(value)) {
        throw serializationError(at, 'a list');
      }
      lengthCheck(shape, value.length, violation);
      value.forEach((item, i) => check(svc, shape.v!.s, item, `${at}.${i + 1}.member`, problems));
      return;
    case 'map': {
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
    case 'string':
      if (typeof value !== 'string') {
        throw serializationError(at, 'a string');
      }
      if (shape.e && !shape.e.includes(value)) {
        violation(`Member must satisfy enum value set: [${shape.e.join(', ')}]`);
      }
      lengthCheck(shape, value.length, violation);
      if (shape.pat && !satisfiesPattern(shape.pat, value)) {
        violation(`Member must satisfy regular expression pattern: ${shape.pat}`, shape.pat);
      }
      return;
    default:
      return checkScalar(shape, value, at, violation);
  }
}

function checkStructure(svc: ServiceModel, shape: Shape, value: unknown, where: string, problems: Violation[]): void {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    throw serializationError(where || 'input', 'an object');
  }
  const obj = value as Record<string, unknown>;
  for (const req of shape.r ?? []) {
    if (obj[req] === undefined || obj[req] === null) {
      const at = memberPath(where, req);
      problems.push({ at, text: `Value null at '${at}' failed to satisfy constraint: Member must not be null` });
    }
  }
  for (const [name, member] of Object.entries(shape.m ?? {})) {
    if (name in obj) {
      check(svc, member.s, obj[name], memberPath(where, name), problems);
    }
  }
}

function checkScalar(shape: Shape, value: unknown, at: string, violation: (c: string) => void): void {
  const t = shape.t;
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
  if (t === 'timestamp' && !(value instanceof Date)) {
    throw serializationError(at, 'a timestamp');
  }
  if (t === 'blob' && typeof value !== 'string' && !(value instanceof Uint8Array)) {
    throw serializationError(at, 'a blob');
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
