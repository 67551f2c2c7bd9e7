/**
 * Metric math, the simple part: arithmetic (+ - * /, parentheses, unary minus) over the ids of
 * other queries and numbers, e.g. `m1 + m2` or `100 * m1 / m2`
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html). Two time
 * series combine where both have a timestamp; a number applies to every point. Functions are not
 * emulated: such an expression is refused with ValidationError.
 */
import { AwsError } from '../../../kit/errors';

export type TimeSeries = Map<number, number>;
type Value = TimeSeries | number;

function tokenize(text: string): string[] {
  const tokens = text.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?|[-+*/()]|\S)/g) ?? [];
  return tokens.map((t) => t.trim());
}

function combine(a: Value, b: Value, op: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return op(a, b);
  const out: TimeSeries = new Map();
  if (typeof a === 'number') for (const [t, y] of b as TimeSeries) out.set(t, op(a, y));
  else if (typeof b === 'number') for (const [t, x] of a) out.set(t, op(x, b));
  else for (const [t, x] of a) if (b.has(t)) out.set(t, op(x, b.get(t)!));
  return out;
}

const OPS: Record<string, (x: number, y: number) => number> = { '+': (x, y) => x + y, '-': (x, y) => x - y, '*': (x, y) => x * y, '/': (x, y) => x / y };

/** The ids an expression reads (to compute them first). */
export function referencedIds(expression: string): string[] {
  return tokenize(expression).filter((t) => /^[a-z][A-Za-z0-9_]*$/.test(t));
}

/** Evaluates `expression` of query `id` over the other queries' results. */
export function evaluate(id: string, expression: string, series: (ref: string) => TimeSeries | undefined): TimeSeries {
  const tokens = tokenize(expression);
  let i = 0;
  const fail = (why: string): never => {
    throw new AwsError('ValidationException', `Error in expression '${id}': ${why}`);
  };
  const primary = (): Value => {
    const t = tokens[i++];
    if (t === undefined) return fail('Unexpected end of expression');
    if (t === '(') {
      const v = sum();
      if (tokens[i++] !== ')') fail('Missing closing parenthesis');
      return v;
    }
    if (t === '-') return combine(0, primary(), OPS['-']);
    if (/^\d/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      if (tokens[i] === '(') fail(`Unsupported function ${t}`);
      return series(t) ?? fail(`Unrecognized metric id: ${t}`);
    }
    return fail(`Unexpected token ${t}`);
  };
  // One precedence level: operands from `next`, joined by the operators in `ops`.
  const level = (next: () => Value, ops: string): (() => Value) => () => {
    let v = next();
    while (tokens[i] !== undefined && ops.includes(tokens[i])) {
      const op = OPS[tokens[i++]];
      v = combine(v, next(), op);
    }
    return v;
  };
  const product = level(() => primary(), '*/');
  const sum: () => Value = level(product, '+-');
  const result = sum();
  if (i < tokens.length) fail(`Unexpected token ${tokens[i]}`);
  if (typeof result === 'number') fail('The expression must return a time series');
  return result as TimeSeries;
}
