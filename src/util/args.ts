/**
 * The one reader of command argument objects. A caller that passes one (a keybinding, a task,
 * another extension, a test) gets a result or an error saying what is expected, never a picker.
 * Every command also takes `region` and `profile` (`""` = the default credential chain).
 */
import { isValidRegion } from './regionCode';

export class ArgumentError extends Error {
  constructor(command: string, usage: string, problem: string) {
    super(`${command}: ${problem}. Expected ${usage}.`);
    this.name = 'ArgumentError';
  }
}

/** Plain `{...}` objects are argument objects; tree nodes and URIs are class instances. */
export function isArgumentObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

type Arg = Record<string, unknown>;

const SCOPE_MEMBERS = ['region', 'profile'];

/** `{ a, b }` → `{ a, b, region?, profile? }`: the usage every error message shows (members it names already stay once). */
function withScope(usage: string): string {
  const missing = SCOPE_MEMBERS.filter((m) => !new RegExp(`\\b${m}\\??:`).test(usage) && !new RegExp(`[{,]\\s*${m}\\??\\s*[,}]`).test(usage));
  return usage.endsWith('}') && missing.length ? `${usage.slice(0, -1).trimEnd()}, ${missing.map((m) => `${m}?`).join(', ')} }` : usage;
}

/** Reads the argument object of `command`; `allowed` lists its own members (region and profile are implied). */
export function readArgs(command: string, usage: string, value: unknown, allowed: string[]): ArgumentReader {
  const full = withScope(usage);
  if (!isArgumentObject(value)) throw new ArgumentError(command, full, 'the argument is not an object');
  return new ArgumentReader(command, full, value, [...allowed, ...SCOPE_MEMBERS]);
}

/** Typed members of one argument object, failing with the command's usage line. */
export class ArgumentReader {
  constructor(
    private readonly command: string,
    private readonly usage: string,
    private readonly arg: Arg,
    allowed: string[],
  ) {
    const unknown = Object.keys(arg).filter((k) => !allowed.includes(k));
    if (unknown.length) this.fail(`unknown member${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`);
  }

  fail(problem: string): never {
    throw new ArgumentError(this.command, this.usage, problem);
  }

  has(name: string): boolean {
    return this.arg[name] !== undefined;
  }

  string(name: string): string;
  string(name: string, optional: true): string | undefined;
  string(name: string, optional = false): string | undefined {
    const v = this.arg[name];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || !v.trim()) this.fail(v === undefined ? `"${name}" is missing` : `"${name}" must be a non-empty string`);
    return v.trim();
  }

  int(name: string, min: number, max: number): number;
  int(name: string, min: number, max: number, optional: true): number | undefined;
  int(name: string, min: number, max: number, optional = false): number | undefined {
    const v = this.arg[name];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) this.fail(v === undefined ? `"${name}" is missing` : `"${name}" must be an integer from ${min} to ${max}`);
    return v;
  }

  /** Any finite number (decimals too); the caller checks its range. */
  number(name: string): number | undefined {
    const v = this.arg[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) this.fail(`"${name}" must be a number`);
    return v as number | undefined;
  }

  bool(name: string): boolean | undefined {
    const v = this.arg[name];
    if (v !== undefined && typeof v !== 'boolean') this.fail(`"${name}" must be true or false`);
    return v as boolean | undefined;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.string(name, true);
    if (v !== undefined && !values.includes(v as T)) this.fail(`"${name}" must be one of ${values.join(', ')}`);
    return v as T | undefined;
  }

  object(name: string): Arg | undefined {
    const v = this.arg[name];
    if (v === undefined) return undefined;
    if (!isArgumentObject(v)) this.fail(`"${name}" must be an object`);
    return v;
  }

  array<T>(name: string, each: (item: unknown, index: number) => T): T[] | undefined {
    const v = this.arg[name];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) this.fail(`"${name}" must be an array`);
    return v.map(each);
  }

  /** A nested object read with the same usage line. */
  nested(name: string, allowed: string[]): ArgumentReader | undefined {
    const v = this.object(name);
    return v ? new ArgumentReader(this.command, this.usage, v, allowed) : undefined;
  }

  /** The `region` and `profile` members: where the command acts (unset: the current context). */
  scope(): { region?: string; profile?: string } {
    const region = this.string('region', true);
    if (region !== undefined && !isValidRegion(region)) this.fail(`"region" must be a region code like eu-west-1, not "${region}"`);
    const profile = this.arg.profile;
    if (profile !== undefined && typeof profile !== 'string') this.fail('"profile" must be a profile name ("" for the default credential chain)');
    return { region, profile: profile === undefined ? undefined : profile.trim() };
  }
}
