import { isArgumentObject } from '../registerCommand';

/**
 * Reading a command's argument object: every key is checked, and a wrong or missing one is refused
 * with an error that says what the command expects (never a picker).
 */
export class ArgumentError extends Error {
  constructor(command: string, problem: string, expected: string) {
    super(`${command}: ${problem}. Expected ${expected}.`);
    this.name = 'Error';
  }
}

export interface ArgReader {
  string(key: string): string;
  optionalString(key: string): string | undefined;
  optionalBoolean(key: string): boolean | undefined;
  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined;
}

export function readArgs(command: string, expected: string, value: unknown, allowed: string[]): ArgReader {
  if (!isArgumentObject(value)) throw new ArgumentError(command, 'the argument is not an object', expected);
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new ArgumentError(command, `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`, expected);
  const fail = (key: string, what: string): never => {
    throw new ArgumentError(command, `"${key}" ${what}`, expected);
  };
  const optionalString = (key: string) => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !v.trim()) return fail(key, 'must be a non-empty string');
    return v.trim();
  };
  return {
    optionalString,
    string: (key) => optionalString(key) ?? fail(key, 'is required'),
    optionalBoolean: (key) => {
      const v = value[key];
      if (v !== undefined && typeof v !== 'boolean') return fail(key, 'must be true or false');
      return v as boolean | undefined;
    },
    oneOf: (key, values) => {
      const v = optionalString(key);
      if (v !== undefined && !values.includes(v as never)) return fail(key, `must be one of ${values.join(', ')}`);
      return v as never;
    },
  };
}
