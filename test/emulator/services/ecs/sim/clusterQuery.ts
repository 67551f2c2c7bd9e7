/**
 * The cluster query language of `memberOf` placement constraints and ListContainerInstances
 * filters, as https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
 * documents it: `subject operator [argument]`, subjects `agentConnected`, `agentVersion`,
 * `attribute:<name>`, `ec2InstanceId`, `registeredAt`, `runningTasksCount`, `task:group`; operators
 * by symbol or name (`==`/`equals`, `!=`/`not_equals`, `>`, `>=`, `<`, `<=`, `exists`,
 * `!exists`/`not_exists`, `in`, `!in`/`not_in`, `=~`/`matches`, `!~`/`not_matches`), lists
 * `[a, b]`, Java regular expressions after `=~` (whole-value matches), and compound expressions
 * with `and`/`&&`, `or`/`||`, `not`/`!` and parentheses ("A single expression can't contain
 * parentheses"). Pure: parses text, evaluates against plain data.
 */

export type QueryOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'exists' | '!exists' | 'in' | '!in' | '=~' | '!~';

export type QueryExpr =
  | { kind: 'and' | 'or'; left: QueryExpr; right: QueryExpr }
  | { kind: 'not'; expr: QueryExpr }
  | { kind: 'cmp'; subject: string; op: QueryOp; args: string[]; regex?: RegExp };

/** What an expression is evaluated against: one container instance. */
export interface QueryTarget {
  /** Built-in and custom attributes; a capability attribute has no value. */
  attributes: ReadonlyMap<string, string | undefined>;
  ec2InstanceId?: string;
  agentConnected: boolean;
  agentVersion?: string;
  registeredAt?: Date;
  runningTasksCount: number;
  /** The group of every task on the instance that has not stopped. */
  taskGroups: readonly string[];
}

export class QueryError extends Error {}

const OPS: Record<string, QueryOp> = {
  '==': '==', equals: '==', '!=': '!=', not_equals: '!=', '>': '>', greater_than: '>', '>=': '>=', greater_than_equal: '>=',
  '<': '<', less_than: '<', '<=': '<=', less_than_equal: '<=', exists: 'exists', '!exists': '!exists', not_exists: '!exists',
  in: 'in', '!in': '!in', not_in: '!in', '=~': '=~', matches: '=~', '!~': '!~', not_matches: '!~',
};

const STRING_OPS: QueryOp[] = ['==', '!=', 'in', '!in', '=~', '!~'];
const ORDER_OPS: QueryOp[] = ['==', '!=', '>', '>=', '<', '<='];

/** Each field subject's valid operators, as the page lists them; attributes and task groups take the string ones and exists. */
const FIELD_OPS: Record<string, QueryOp[]> = {
  agentConnected: STRING_OPS,
  agentVersion: ORDER_OPS,
  ec2InstanceId: STRING_OPS,
  registeredAt: ORDER_OPS,
  runningTasksCount: ORDER_OPS,
  'task:group': [...STRING_OPS, 'exists', '!exists'],
};

const ATTRIBUTE_OPS: QueryOp[] = [...STRING_OPS, 'exists', '!exists'];

/** Parses an expression, throwing QueryError with what is wrong and where. */
export function parseQuery(text: string): QueryExpr {
  const p = new Parser(text);
  const expr = p.or();
  p.skipSpace();
  if (!p.atEnd()) p.fail(`unexpected "${p.rest().slice(0, 20)}"`);
  return expr;
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  rest(): string {
    return this.text.slice(this.pos);
  }

  fail(what: string): never {
    throw new QueryError(`${what} at position ${this.pos + 1}`);
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** A keyword (case-sensitive, as the page writes them) or symbol here, consumed when present. */
  private take(...words: string[]): string | undefined {
    this.skipSpace();
    for (const w of words) {
      if (!this.text.startsWith(w, this.pos)) continue;
      const next = this.text[this.pos + w.length] ?? ' ';
      if (/^[a-z_]+$/.test(w) && /[\w.:-]/.test(next)) continue;
      this.pos += w.length;
      return w;
    }
    return undefined;
  }

  or(): QueryExpr {
    let left = this.and();
    while (this.take('||', 'or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  and(): QueryExpr {
    let left = this.not();
    while (this.take('&&', 'and')) left = { kind: 'and', left, right: this.not() };
    return left;
  }

  not(): QueryExpr {
    this.skipSpace();
    // `!` is "not" unless it starts an operator (`!=`, `!in`, `!~`, `!exists`): those never begin an expression.
    if (this.take('not') || (this.text[this.pos] === '!' && this.take('!'))) return { kind: 'not', expr: this.not() };
    if (this.take('(')) {
      const inner = this.or();
      if (!this.take(')')) this.fail('expected ")"');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): QueryExpr {
    this.skipSpace();
    const subject = this.word();
    if (!subject) this.fail(this.atEnd() ? 'expected an expression' : `expected a subject, found "${this.text[this.pos]}"`);
    const allowed = subject.startsWith('attribute:') && subject.length > 'attribute:'.length ? ATTRIBUTE_OPS : FIELD_OPS[subject];
    if (!allowed) this.fail(`unknown subject "${subject}"`);
    this.skipSpace();
    const opText = this.operator();
    if (!opText) this.fail(`expected an operator after "${subject}"`);
    const op = OPS[opText];
    if (!allowed.includes(op)) this.fail(`"${subject}" does not take the operator "${opText}"`);
    if (op === 'exists' || op === '!exists') return { kind: 'cmp', subject, op, args: [] };
    this.skipSpace();
    if (op === 'in' || op === '!in') return { kind: 'cmp', subject, op, args: this.list() };
    if (op === '=~' || op === '!~') {
      const pattern = this.quoted() ?? this.pattern();
      if (!pattern) this.fail(`expected a pattern after "${opText}"`);
      try {
        return { kind: 'cmp', subject, op, args: [pattern], regex: new RegExp(`^(?:${pattern})$`) };
      } catch {
        this.fail(`"${pattern}" is not a valid regular expression`);
      }
    }
    const value = this.value();
    if (value === undefined) this.fail(`expected a value after "${opText}"`);
    checkValue(subject, value, (m) => this.fail(m));
    return { kind: 'cmp', subject, op, args: [value] };
  }

  private operator(): string | undefined {
    const sym = /^(==|!=|>=|<=|=~|!~|!in\b|!exists\b|>|<)/.exec(this.rest());
    if (sym) {
      this.pos += sym[0].length;
      return sym[0];
    }
    return this.take('equals', 'not_equals', 'greater_than_equal', 'greater_than', 'less_than_equal', 'less_than', 'exists', 'not_exists', 'in', 'not_in', 'matches', 'not_matches');
  }

  private word(): string | undefined {
    const m = /^[^\s()[\],'"=!<>&|~]+/.exec(this.rest());
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private quoted(): string | undefined {
    const q = this.text[this.pos];
    if (q !== "'" && q !== '"') return undefined;
    const end = this.text.indexOf(q, this.pos + 1);
    if (end < 0) this.fail('unterminated quoted value');
    const v = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return v;
  }

  private value(): string | undefined {
    return this.quoted() ?? this.word();
  }

  /** A regular expression up to the next space; closing parentheses it did not open end the comparison. */
  private pattern(): string | undefined {
    let depth = 0;
    const start = this.pos;
    while (!this.atEnd() && !/\s/.test(this.text[this.pos])) {
      const c = this.text[this.pos];
      if (c === '(') depth++;
      if (c === ')' && depth-- === 0) break;
      this.pos++;
    }
    return this.pos > start ? this.text.slice(start, this.pos) : undefined;
  }

  private list(): string[] {
    if (!this.take('[')) this.fail('expected an argument list "[a, b]"');
    const out: string[] = [];
    for (;;) {
      this.skipSpace();
      const v = this.value();
      if (v === undefined) this.fail('expected a value in the list');
      out.push(v);
      if (this.take(']')) return out;
      if (!this.take(',')) this.fail('expected "," or "]"');
    }
  }
}

function checkValue(subject: string, value: string, fail: (m: string) => never): void {
  if (subject === 'runningTasksCount' && !/^\d+$/.test(value)) fail(`"${value}" is not a number`);
  if (subject === 'registeredAt' && Number.isNaN(parseDate(value))) fail(`"${value}" is not a date (2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18)`);
  if (subject === 'agentVersion' && !/^\d+(\.\d+)*$/.test(value)) fail(`"${value}" is not a version`);
}

/** The page's date formats; one without a zone is UTC. */
function parseDate(v: string): number {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?$/.test(v)) return NaN;
  return Date.parse(/T.*(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : v.includes('T') ? `${v}Z` : `${v}T00:00:00Z`);
}

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** Whether `target` is in the group the expression selects. */
export function matchesQuery(expr: QueryExpr, target: QueryTarget): boolean {
  switch (expr.kind) {
    case 'and': return matchesQuery(expr.left, target) && matchesQuery(expr.right, target);
    case 'or': return matchesQuery(expr.left, target) || matchesQuery(expr.right, target);
    case 'not': return !matchesQuery(expr.expr, target);
    default: return compare(expr, target);
  }
}

function compare(c: Extract<QueryExpr, { kind: 'cmp' }>, t: QueryTarget): boolean {
  if (c.subject === 'task:group') return groupTest(c, t.taskGroups);
  if (c.subject.startsWith('attribute:')) {
    const name = c.subject.slice('attribute:'.length);
    const present = t.attributes.has(name);
    if (c.op === 'exists') return present;
    if (c.op === '!exists') return !present;
    // "attribute:stack != prod" lists "the instances with the custom attribute stack unless the
    // attribute value is prod" (task-placement-constraints.html): negations need the attribute too.
    return present && stringTest(c, t.attributes.get(name) ?? '');
  }
  const ordered = (d: number): boolean => ({ '==': d === 0, '!=': d !== 0, '>': d > 0, '>=': d >= 0, '<': d < 0, '<=': d <= 0 } as Record<string, boolean>)[c.op];
  switch (c.subject) {
    case 'agentConnected': return stringTest(c, String(t.agentConnected));
    case 'ec2InstanceId': return stringTest(c, t.ec2InstanceId ?? '');
    case 'agentVersion': return t.agentVersion !== undefined && ordered(compareVersions(t.agentVersion, c.args[0]));
    case 'runningTasksCount': return ordered(t.runningTasksCount - Number(c.args[0]));
    default: return t.registeredAt !== undefined && ordered(Math.sign(t.registeredAt.getTime() - parseDate(c.args[0])));
  }
}

function stringTest(c: Extract<QueryExpr, { kind: 'cmp' }>, value: string): boolean {
  switch (c.op) {
    case '==': return value === c.args[0];
    case '!=': return value !== c.args[0];
    case 'in': return c.args.includes(value);
    case '!in': return !c.args.includes(value);
    case '=~': return c.regex!.test(value);
    default: return !c.regex!.test(value);
  }
}

/** An instance is in `task:group == g` when it hosts a task of group g; the negations when it hosts none. */
function groupTest(c: Extract<QueryExpr, { kind: 'cmp' }>, groups: readonly string[]): boolean {
  switch (c.op) {
    case 'exists': return groups.length > 0;
    case '!exists': return groups.length === 0;
    case '!=': return !groups.includes(c.args[0]);
    case '!in': return !groups.some((g) => c.args.includes(g));
    case '!~': return !groups.some((g) => c.regex!.test(g));
    default: return groups.some((g) => stringTest(c, g));
  }
}
