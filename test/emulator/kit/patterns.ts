/**
 * Smithy `pattern` traits as JavaScript regular expressions.
 *
 * AWS's models carry a few Java-isms (`\p{Print}`, identity escapes such as `\!`) that ECMAScript's
 * `u` mode rejects: POSIX classes are spelled out, and a pattern that still does not compile in `u`
 * mode is compiled without it. AWS front ends match the whole value (Java's `Pattern.matches`): ECR
 * refused `tesTing` while its model pattern had no anchors
 * (https://github.com/localstack/localstack/issues/8051), although the Smithy spec leaves patterns
 * unanchored (https://smithy.io/2.0/spec/constraint-traits.html#pattern-trait); every pattern the
 * emulator serves is anchored anyway, bar alternations such as SSM's `^tag:.+|Name|…$`, which only
 * whole-value matching reads as meant. One is anchored at its start only, CloudWatch's Namespace
 * `^[^:]` ("not starting with a colon"): it is read as a prefix, since AWS accepts `AWS/ECS`.
 */

/** Java POSIX character classes, as the contents of a character class. */
const POSIX: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '\\x21-\\x7E', Print: '\\x20-\\x7E', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
};

/**
 * Longest value a pattern is tested against. Every served pattern runs in linear or quadratic time
 * (a unit test times them on adversarial input); this bound keeps a quadratic one cheap.
 */
export const MAX_PATTERN_INPUT = 8192;

/** Replaces Java POSIX classes (`\p{Print}`) with their ranges, inside or outside a class. */
export function translateJavaClasses(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const m = /^\\p\{(\w+)\}/.exec(pattern.slice(i));
      if (m && POSIX[m[1]]) {
        out += inClass ? POSIX[m[1]] : `[${POSIX[m[1]]}]`;
        i += m[0].length - 1;
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[' && !inClass) {
      inClass = true;
    } else if (c === ']' && inClass) {
      inClass = false;
    }
    out += c;
  }
  return out;
}

const cache = new Map<string, RegExp | null>();

/** The whole-value RegExp of a Smithy pattern, or null when it cannot be compiled at all. */
export function compilePattern(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re === undefined) {
    const prefixOnly = pattern.startsWith('^') && !pattern.endsWith('$') && !pattern.includes('|');
    const source = prefixOnly ? `^(?:${translateJavaClasses(pattern.slice(1))})` : `^(?:${translateJavaClasses(pattern)})$`;
    re = null;
    for (const flags of ['u', '']) {
      try {
        re = new RegExp(source, flags);
        break;
      } catch {
        // try the next flags
      }
    }
    cache.set(pattern, re);
  }
  return re;
}

/** Whether `value` satisfies `pattern` (values longer than MAX_PATTERN_INPUT are not tested). */
export function satisfiesPattern(pattern: string, value: string): boolean {
  const re = compilePattern(pattern);
  return !re || value.length > MAX_PATTERN_INPUT || re.test(value);
}
