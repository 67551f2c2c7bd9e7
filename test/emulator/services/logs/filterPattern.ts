/**
 * CloudWatch Logs filter patterns, as https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 * documents them (FilterLogEvents `filterPattern`, StartLiveTail `logEventFilterPattern`):
 *
 * - terms, case-sensitive: `ERROR` (contains), `ERROR Exception` (all), `"Internal Server Error"`
 *   (exact phrase), `?ERROR ?WARN` (any), `ERROR -Exiting` (exclusion); `%regex%`;
 * - JSON, `{ SELECTOR OP VALUE }`: `$.a.b`, `$.list[0].id`; `=` / `!=` with strings (`*` wildcard)
 *   or numbers, `<` `<=` `>` `>=` numbers; `IS TRUE|FALSE|NULL`, `NOT EXISTS`, `= *` (exists);
 *   `&&`, `||`, parentheses;
 * - space-delimited, `[ip, user, ..., status = 4*, size > 1000]`: fields of a line split on spaces
 *   (a "quoted" or [bracketed] field is one), `...` any number of fields, conditions joined by `&&` / `||`.
 *
 * A malformed pattern is refused as AWS refuses it: InvalidParameterException "Invalid filter
 * pattern" (the wording AWS sends, e.g. https://github.com/aws/aws-toolkit-jetbrains/issues/3219;
 * "If a filter pattern starts with '{' it must end with '}'", https://github.com/jorgebastida/awslogs/issues/210).
 */
import { AwsError } from '../../kit/errors';

export type Matcher = (message: string) => boolean;

const invalid = (detail?: string): AwsError => new AwsError('InvalidParameterException', detail ? `Invalid filter pattern: ${detail}` : 'Invalid filter pattern');

/** The matcher of a pattern (an empty one matches every event); throws InvalidParameterException when malformed. */
export function compileFilterPattern(pattern: string | undefined): Matcher {
  const p = (pattern ?? '').trim();
  if (!p) {
    return () => true;
  }
  if (p.startsWith('{')) {
    if (!p.endsWith('}')) {
      throw new AwsError('InvalidParameterException', "If a filter pattern starts with '{' it must end with '}'");
    }
    const test = new Parser(p.slice(1, -1)).whole();
    return (message) => {
      const doc = parseJson(message);
      return doc !== undefined && test((sel) => select(doc.value, sel));
    };
  }
  if (p.startsWith('[')) {
    if (!p.endsWith(']')) {
      throw invalid();
    }
    return delimited(p.slice(1, -1));
  }
  if (p.length > 2 && p.startsWith('%') && p.endsWith('%')) {
    const re = regex(p.slice(1, -1));
    return (message) => re.test(message);
  }
  return terms(p);
}

function regex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw invalid();
  }
}

function terms(p: string): Matcher {
  const found = p.match(/[?-]?"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const raw of found) {
    const sign = raw[0] === '?' || raw[0] === '-' ? raw[0] : '';
    let term = raw.slice(sign.length);
    if (term.startsWith('"')) {
      if (term.length < 2 || !term.endsWith('"') || term === '""') {
        throw invalid(`Invalid character(s) in term '${term}'`);
      }
      term = term.slice(1, -1).replace(/\\(.)/g, '$1');
    } else if (!term || term.includes('"')) {
      throw invalid(`Invalid character(s) in term '${raw}'`);
    }
    (sign === '?' ? any : sign === '-' ? none : all).push(term);
  }
  return (m) => all.every((t) => m.includes(t)) && (any.length === 0 || any.some((t) => m.includes(t))) && !none.some((t) => m.includes(t));
}

interface Json {
  value: unknown;
}

function parseJson(message: string): Json | undefined {
  const t = message.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) {
    return undefined;
  }
  try {
    return { value: JSON.parse(t) };
  } catch {
    return undefined;
  }
}

/** `$.a.b[0].c` → the value there, or undefined when absent. */
function select(doc: unknown, selector: string): unknown {
  const path = selector.slice(1).match(/\.[^.[\]]+|\[\d+\]/g) ?? [];
  let at: unknown = doc;
  for (const step of path) {
    if (at === null || typeof at !== 'object') {
      return undefined;
    }
    at = step.startsWith('[') ? (at as unknown[])[Number(step.slice(1, -1))] : (at as Record<string, unknown>)[step.slice(1)];
  }
  return at;
}

type Lookup = (name: string) => unknown;
type Test = (lookup: Lookup) => boolean;

const wildcard = (v: string): RegExp => new RegExp(`^${v.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** One comparison of a field's value (from JSON, or a space-delimited field as text). */
function compare(op: string, value: { text: string; quoted: boolean; regex?: RegExp }): (v: unknown) => boolean {
  const num = !value.quoted && NUMBER.test(value.text) ? Number(value.text) : undefined;
  const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v) ? Number(v) : undefined);
  if (op !== '=' && op !== '!=') {
    if (num === undefined) {
      throw invalid();
    }
    return (v) => {
      const n = asNumber(v);
      return n !== undefined && (op === '<' ? n < num : op === '<=' ? n <= num : op === '>' ? n > num : n >= num);
    };
  }
  const eq = (v: unknown): boolean => {
    if (value.regex) {
      return typeof v === 'string' && value.regex.test(v);
    }
    if (num !== undefined && asNumber(v) !== undefined) {
      return asNumber(v) === num;
    }
    if (value.text === '*') {
      return v !== undefined;
    }
    return (typeof v === 'string' || typeof v === 'number') && wildcard(value.text).test(String(v));
  };
  return op === '=' ? eq : (v) => v !== undefined && !eq(v);
}

/** A recursive-descent parser of comparisons joined by && / || with parentheses. */
class Parser {
  private readonly tokens: string[];
  private i = 0;

  constructor(text: string) {
    const re = /\s*("(?:[^"\\]|\\.)*"|%(?:[^%\\]|\\.)*%|&&|\|\||!=|<=|>=|[=<>()]|[^\s=<>!()&|"%]+)/y;
    this.tokens = [];
    while (text.slice(re.lastIndex).trim()) {
      const m = re.exec(text);
      if (!m) {
        throw invalid();
      }
      this.tokens.push(m[1]);
    }
  }

  whole(): Test {
    const t = this.or();
    if (this.i !== this.tokens.length) {
      throw invalid();
    }
    return t;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private next(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) {
      throw invalid();
    }
    return t;
  }

  private or(): Test {
    return this.joined('||', () => this.and());
  }

  private and(): Test {
    return this.joined('&&', () => this.unary());
  }

  /** `part (op part)*`: && binds tighter than ||. */
  private joined(op: '&&' | '||', part: () => Test): Test {
    const parts = [part()];
    while (this.peek() === op) {
      this.i++;
      parts.push(part());
    }
    return parts.length === 1 ? parts[0] : op === '||' ? (l) => parts.some((p) => p(l)) : (l) => parts.every((p) => p(l));
  }

  private unary(): Test {
    if (this.peek() === '(') {
      this.i++;
      const inner = this.or();
      if (this.next() !== ')') {
        throw invalid();
      }
      return inner;
    }
    const field = this.next();
    if (!/^(\$(\.[^.[\]\s]+|\[\d+\])+|[A-Za-z_][\w-]*)$/.test(field)) {
      throw invalid();
    }
    const op = this.next();
    if (op === 'IS') {
      const what = this.next();
      const want = { TRUE: true, FALSE: false, NULL: null } as Record<string, unknown>;
      if (!(what in want)) {
        throw invalid();
      }
      return (l) => l(field) === want[what];
    }
    if (op === 'NOT') {
      if (this.next() !== 'EXISTS') {
        throw invalid();
      }
      return (l) => l(field) === undefined;
    }
    if (!['=', '!=', '<', '<=', '>', '>='].includes(op)) {
      throw invalid();
    }
    const raw = this.next();
    const quoted = raw.startsWith('"');
    const isRegex = raw.length > 2 && raw.startsWith('%') && raw.endsWith('%');
    const text = quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (['&&', '||', '(', ')', '=', '!=', '<', '<=', '>', '>='].includes(raw)) {
      throw invalid();
    }
    const check = compare(op, { text, quoted, regex: isRegex ? regex(raw.slice(1, -1)) : undefined });
    return (l) => check(l(field));
  }
}

/** Splits a line into fields: runs of non-spaces, "quoted" or [bracketed] ones taken whole without their delimiters. */
function fieldsOf(message: string): string[] {
  return (message.match(/"[^"]*"|\[[^\]]*\]|\S+/g) ?? []).map((f) => (/^(".*"|\[.*\])$/.test(f) ? f.slice(1, -1) : f));
}

function delimited(body: string): Matcher {
  const entries = body.split(',').map((e) => e.trim());
  if (entries.some((e) => !e)) {
    throw invalid();
  }
  const names: (string | '...')[] = [];
  const tests: Test[] = [];
  for (const e of entries) {
    if (e === '...') {
      names.push('...');
      continue;
    }
    const name = /^[A-Za-z_][\w-]*/.exec(e)?.[0];
    if (!name) {
      throw invalid();
    }
    names.push(name);
    if (e.length > name.length) {
      tests.push(new Parser(e).whole());
    }
  }
  return (message) => {
    const bound = bind(names, fieldsOf(message));
    return bound !== undefined && tests.every((t) => t((n) => bound.get(n)));
  };
}

/** Fields matched to names in order, `...` taking any number (the first way that fits). */
function bind(names: string[], fields: string[], at = 0, from = 0, out = new Map<string, string>()): Map<string, string> | undefined {
  if (at === names.length) {
    return from === fields.length ? out : undefined;
  }
  if (names[at] === '...') {
    for (let k = from; k <= fields.length; k++) {
      const r = bind(names, fields, at + 1, k, out);
      if (r) {
        return r;
      }
    }
    return undefined;
  }
  if (from >= fields.length) {
    return undefined;
  }
  out.set(names[at], fields[from]);
  return bind(names, fields, at + 1, from + 1, out);
}
