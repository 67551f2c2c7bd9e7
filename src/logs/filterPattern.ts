/**
 * Checks a CloudWatch Logs filter pattern before it is sent, so a typo gets a clear message rather
 * than AWS's InvalidParameterException: balanced quotes, braces, brackets and parentheses, and in a
 * JSON pattern (`{ $.level = "error" && $.status >= 500 }`) selectors, operators and values.
 * Syntax: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */

export class FilterPatternError extends Error {
  constructor(pattern: string, problem: string) {
    super(`Filter pattern ${JSON.stringify(pattern)}: ${problem}.`);
    this.name = 'FilterPatternError';
  }
}

/** The pattern with its "quoted strings" blanked out, or an error when a quote is not closed. */
function blankQuoted(pattern: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (quoted && ch === '\\') {
      out += '  ';
      i++;
      continue;
    }
    if (ch === '"') {
      quoted = !quoted;
      out += '"';
      continue;
    }
    out += quoted ? ' ' : ch;
  }
  if (quoted) throw new FilterPatternError(pattern, 'a double quote is not closed');
  return out;
}

const PAIRS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

function checkBalanced(pattern: string, text: string): void {
  const open: string[] = [];
  for (const ch of text) {
    if (ch in PAIRS) open.push(ch);
    else if (ch === '}' || ch === ']' || ch === ')') {
      const last = open.pop();
      if (!last || PAIRS[last] !== ch) throw new FilterPatternError(pattern, `"${ch}" has no matching "${Object.keys(PAIRS).find((k) => PAIRS[k] === ch)}"`);
    }
  }
  if (open.length) throw new FilterPatternError(pattern, `"${open[open.length - 1]}" is not closed`);
}

const SELECTOR = String.raw`\$(\.[A-Za-z0-9_@\-]+|\[\d+\]|\[\*\]|\.\*)+`;
const VALUE = String.raw`(""|"\s*"|-?\d+(\.\d+)?([eE][+-]?\d+)?|[A-Za-z0-9_.*\-:/]+|%[^%]*%)`;
const COMPARISON = new RegExp(String.raw`^\s*${SELECTOR}\s*(=|!=|<=|>=|<|>)\s*${VALUE}\s*$`);
const UNARY = new RegExp(String.raw`^\s*${SELECTOR}\s+IS\s+(TRUE|FALSE|NULL)\s*$|^\s*${SELECTOR}\s+NOT\s+EXISTS\s*$`, 'i');

/** The conditions of a JSON pattern body (quotes blanked), split at `&&`, `||` and parentheses. */
function checkJson(pattern: string, body: string): void {
  if (!body.trim()) throw new FilterPatternError(pattern, 'the JSON pattern { } is empty: write a condition such as { $.level = "error" }');
  const conditions = body.split(/&&|\|\||[()]/).filter((c) => c.trim());
  for (const condition of conditions) {
    if (!condition.trim().startsWith('$')) throw new FilterPatternError(pattern, `"${condition.trim()}" must start with a selector such as $.level`);
    if (!COMPARISON.test(condition) && !UNARY.test(condition)) {
      throw new FilterPatternError(pattern, `"${condition.trim()}" is not a condition: use $.field = "text", $.field != value, $.number >= 500, $.field IS TRUE/FALSE/NULL or $.field NOT EXISTS`);
    }
  }
  if (/&&\s*(&&|\|\||\))|\|\|\s*(&&|\|\||\))|^\s*(&&|\|\|)|(&&|\|\|)\s*$/.test(body)) throw new FilterPatternError(pattern, '&& and || need a condition on each side');
}

/** Throws a FilterPatternError naming the problem; returns the trimmed pattern (empty: no filter). */
export function validateFilterPattern(pattern: string): string {
  const trimmed = pattern.trim();
  if (!trimmed) return '';
  if (trimmed.length > 1024) throw new FilterPatternError(trimmed.slice(0, 40) + '…', 'it is longer than CloudWatch Logs\' 1,024 characters');
  const blanked = blankQuoted(trimmed);
  if (trimmed.startsWith('%')) {
    if (!/^%.+%$/.test(trimmed)) throw new FilterPatternError(trimmed, 'a regular expression pattern must be written %regex%');
    return trimmed;
  }
  checkBalanced(trimmed, blanked);
  if (blanked.startsWith('{')) {
    if (!blanked.endsWith('}')) throw new FilterPatternError(trimmed, 'a JSON pattern must end with }');
    // The original text with the quoted strings restored is only needed for messages: check the blanked form.
    checkJson(trimmed, blanked.slice(1, -1));
  } else if (blanked.includes('{') || blanked.includes('}')) {
    throw new FilterPatternError(trimmed, 'braces belong to a JSON pattern, which is the whole pattern: { $.field = value }');
  }
  return trimmed;
}

/** AWS's own refusal of a pattern (InvalidParameterException), said as clearly as ours. */
export function awsPatternError(pattern: string, error: unknown): Error | undefined {
  const e = error as { name?: string; message?: string };
  if (e?.name !== 'InvalidParameterException' || !pattern) return undefined;
  return new FilterPatternError(pattern, `CloudWatch Logs refused it (${e.message ?? 'InvalidParameterException'})`);
}
