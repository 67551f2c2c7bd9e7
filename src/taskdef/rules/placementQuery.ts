/**
 * A checker for the cluster query language of `memberOf` placement constraints
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html):
 * `subject operator [argument]` joined by `and`/`&&`, `or`/`||`, `not`/`!` and parentheses.
 * It reports the first syntax problem with its position in the expression, and every attribute
 * the expression names, so the rules can say where in the string something is wrong. Plain data.
 */

export interface Span {
  start: number;
  end: number;
}

export interface QueryProblem extends Span {
  message: string;
}

export interface QueryCheck {
  problem?: QueryProblem;
  /** `attribute:<name>` subjects: the name and where it is. */
  attributes: (Span & { name: string })[];
}

type Kind = 'word' | 'quoted' | 'unclosed' | 'op' | 'and' | 'or' | 'not' | '(' | ')' | '[' | ']' | ',' | 'pattern' | 'end';

interface Token extends Span {
  kind: Kind;
  text: string;
}

const SYMBOL_OPS = ['==', '!=', '>=', '<=', '=~', '!~', '!exists', '!in', '>', '<'];
const WORD_OPS = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'exists', 'not_exists', 'in', 'not_in', 'matches', 'not_matches']);
const CANONICAL: Record<string, string> = {
  equals: '==', not_equals: '!=', greater_than: '>', greater_than_equal: '>=', less_than: '<', less_than_equal: '<=',
  not_exists: '!exists', not_in: '!in', matches: '=~', not_matches: '!~',
};

/** Valid operators of each field subject, as the page lists them; attributes and task groups take these and exists. */
const STRING_OPS = ['==', '!=', 'in', '!in', '=~', '!~'];
const COMPARE_OPS = ['==', '!=', '>', '>=', '<', '<='];
export const FIELD_SUBJECTS: Record<string, string[]> = {
  agentConnected: STRING_OPS,
  agentVersion: COMPARE_OPS,
  ec2InstanceId: STRING_OPS,
  registeredAt: COMPARE_OPS,
  runningTasksCount: COMPARE_OPS,
  'task:group': [...STRING_OPS, 'exists', '!exists'],
};

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?$/;

/** Splits an expression into tokens; after a match operator the next token is a pattern, read to the next space. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: Kind, start: number, end: number): void => {
    out.push({ kind, text: text.slice(start, end), start, end });
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev?.kind === 'op' && ['=~', '!~'].includes(CANONICAL[prev.text] ?? prev.text) && c !== "'" && c !== '"') {
      // A Java regular expression: parentheses it opens are its own; one it did not open closes a group.
      let depth = 0;
      let j = i;
      for (; j < text.length && !/\s/.test(text[j]); j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && depth-- === 0) break;
      }
      if (j > i) {
        push('pattern', i, j);
        i = j;
        continue;
      }
    }
    if ('()[],'.includes(c)) {
      push(c as Kind, i, i + 1);
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return [...out, { kind: 'unclosed', text: text.slice(i), start: i, end: text.length }, { kind: 'end', text: '', start: text.length, end: text.length }];
      out.push({ kind: 'quoted', text: text.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      push(c === '&' ? 'and' : 'or', i, i + 2);
      i += 2;
      continue;
    }
    // `!in` and `!exists` are operators only as whole words.
    const sym = SYMBOL_OPS.find((s) => text.startsWith(s, i) && (!/[a-z]$/.test(s) || !/[\w.:-]/.test(text[i + s.length] ?? ' ')));
    if (sym) {
      push('op', i, i + sym.length);
      i += sym.length;
      continue;
    }
    if (c === '!') {
      push('not', i, i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()[\],'"=!<>&|]/.test(text[j])) j++;
    if (j === i) j = i + 1;
    const word = text.slice(i, j);
    push(word === 'and' ? 'and' : word === 'or' ? 'or' : word === 'not' ? 'not' : WORD_OPS.has(word) ? 'op' : 'word', i, j);
    i = j;
  }
  out.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return out;
}

class Checker {
  private i = 0;
  readonly attributes: QueryCheck['attributes'] = [];

  constructor(private readonly tokens: Token[]) {}

  /** The current token (a method, not a getter: a check of it must not outlive `this.i++`). */
  private tok(): Token {
    return this.tokens[this.i];
  }

  private describe(t: Token): string {
    return t.kind === 'end' ? 'the end of the expression' : `"${t.kind === 'quoted' ? `'${t.text}'` : t.text}"`;
  }

  private problem(t: Token, message: string): QueryProblem {
    return { start: t.start, end: Math.max(t.end, t.start + (t.kind === 'end' ? 0 : 1)), message };
  }

  run(): QueryProblem | undefined {
    const unclosed = this.tokens.find((t) => t.kind === 'unclosed');
    if (unclosed) return this.problem(unclosed, `The quoted value ${unclosed.text} is never closed.`);
    return this.or() ?? (this.tok().kind === 'end' ? undefined : this.problem(this.tok(), `Expected "and", "or" or the end of the expression, found ${this.describe(this.tok())}.`));
  }

  /** `next ( op next )*`: and binds tighter than or. */
  private chain(op: 'and' | 'or', next: () => QueryProblem | undefined): QueryProblem | undefined {
    for (;;) {
      const p = next();
      if (p || this.tok().kind !== op) return p;
      this.i++;
    }
  }

  private or(): QueryProblem | undefined {
    return this.chain('or', () => this.and());
  }

  private and(): QueryProblem | undefined {
    return this.chain('and', () => this.unary());
  }

  private unary(): QueryProblem | undefined {
    if (this.tok().kind === 'not') {
      this.i++;
      return this.unary();
    }
    if (this.tok().kind === '(') {
      const open = this.tok();
      this.i++;
      const p = this.or();
      if (p) return p;
      if (this.tok().kind !== ')') return this.problem(this.tok().kind === 'end' ? open : this.tok(), this.tok().kind === 'end' ? 'This "(" is never closed: add ")".' : `Expected ")", found ${this.describe(this.tok())}.`);
      this.i++;
      return undefined;
    }
    return this.comparison();
  }

  private comparison(): QueryProblem | undefined {
    const subject = this.tok();
    if (subject.kind !== 'word') {
      return this.problem(subject, subject.kind === 'end' ? 'The expression ends where a comparison (subject operator value) is expected.' : `Expected a subject (attribute:<name>, task:group, ec2InstanceId, …), found ${this.describe(subject)}.`);
    }
    const isAttribute = subject.text.startsWith('attribute:');
    if (isAttribute) {
      const name = subject.text.slice('attribute:'.length);
      if (!name) return this.problem(subject, '"attribute:" needs an attribute name, e.g. attribute:ecs.instance-type.');
      this.attributes.push({ name, start: subject.start + 'attribute:'.length, end: subject.end });
    } else if (!FIELD_SUBJECTS[subject.text]) {
      const hint = /^(ecs\.|com\.amazonaws\.ecs\.)/.test(subject.text) ? ` Attributes are written "attribute:${subject.text}".` : ' Subjects: attribute:<name>, task:group, ec2InstanceId, agentConnected, agentVersion, registeredAt, runningTasksCount.';
      return this.problem(subject, `Unknown subject "${subject.text}".${hint}`);
    }
    this.i++;
    const opTok = this.tok();
    if (opTok.kind !== 'op') return this.problem(opTok, `Expected an operator (==, !=, in, not_in, =~, exists, …) after "${subject.text}", found ${this.describe(opTok)}.`);
    const op = CANONICAL[opTok.text] ?? opTok.text;
    const allowed = isAttribute ? [...STRING_OPS, 'exists', '!exists'] : FIELD_SUBJECTS[subject.text];
    if (!allowed.includes(op)) return this.problem(opTok, `"${subject.text}" does not take "${opTok.text}": use ${allowed.join(', ')}.`);
    this.i++;
    if (op === 'exists' || op === '!exists') return undefined;
    if (op === 'in' || op === '!in') return this.list(opTok.text);
    const arg = this.tok();
    if (op === '=~' || op === '!~') {
      if (arg.kind !== 'pattern' && arg.kind !== 'quoted') return this.problem(arg, `Expected a pattern (a Java regular expression, e.g. t3.*) after "${opTok.text}", found ${this.describe(arg)}.`);
      this.i++;
      return this.pattern(arg);
    }
    if (arg.kind !== 'word' && arg.kind !== 'quoted') return this.problem(arg, `Expected a value after "${opTok.text}", found ${this.describe(arg)}.`);
    this.i++;
    return this.value(subject.text, arg);
  }

  private list(op: string): QueryProblem | undefined {
    if (this.tok().kind !== '[') return this.problem(this.tok(), `"${op}" takes a list: [value1, value2].`);
    this.i++;
    for (;;) {
      const v = this.tok();
      if (v.kind !== 'word' && v.kind !== 'quoted') return this.problem(v, `Expected a value in the list, found ${this.describe(v)}.`);
      this.i++;
      if (this.tok().kind === ']') {
        this.i++;
        return undefined;
      }
      if (this.tok().kind !== ',') return this.problem(this.tok(), `Expected "," or "]" in the list, found ${this.describe(this.tok())}.`);
      this.i++;
    }
  }

  private pattern(arg: Token): QueryProblem | undefined {
    try {
      new RegExp(arg.text);
      return undefined;
    } catch {
      return this.problem(arg, `"${arg.text}" is not a valid regular expression.`);
    }
  }

  private value(subject: string, arg: Token): QueryProblem | undefined {
    if (subject === 'runningTasksCount' && !/^\d+$/.test(arg.text)) return this.problem(arg, `runningTasksCount compares with a whole number, not "${arg.text}".`);
    if (subject === 'agentVersion' && !/^\d+(\.\d+)*$/.test(arg.text)) return this.problem(arg, `agentVersion compares with a version such as 1.14.5, not "${arg.text}".`);
    if (subject === 'registeredAt' && !DATE.test(arg.text)) return this.problem(arg, `registeredAt compares with a date (2018-06-18, 2018-06-18T22:28:28, 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00), not "${arg.text}".`);
    if (subject === 'agentConnected' && arg.text !== 'true' && arg.text !== 'false') return this.problem(arg, `agentConnected is true or false, not "${arg.text}".`);
    return undefined;
  }
}

/** Checks one expression: the first problem (positions into `text`) and the attributes it names. */
export function checkQuery(text: string): QueryCheck {
  const checker = new Checker(tokenize(text));
  const problem = text.trim() === '' ? { start: 0, end: text.length, message: 'The expression is empty.' } : checker.run();
  return { problem, attributes: checker.attributes };
}
