/**
 * Terraform template syntax in a container-definitions file that `templatefile()` renders:
 * `${ expr }` interpolations and `%{ if … }` / `%{ for … }` directives
 * (https://developer.hashicorp.com/terraform/language/expressions/strings#string-templates).
 * The text is masked into JSON the parser reads, same length and same line breaks (every offset,
 * line and column stays the file's own):
 *
 * - an interpolation inside a JSON string stays a `${…}` placeholder (its quotes and braces masked);
 * - one where a value goes (`"cpu": ${cpu}`, `"environment": ${jsonencode(env)}`) becomes a string
 *   placeholder `"$___"`, a value of unknown type (never a type error);
 * - a directive becomes spaces, and the commas it leaves dangling (`%{ if i > 0 },%{ endif }`, a
 *   loop's trailing comma) are blanked: only the rendered text can say whether they are there.
 *
 * `$${` and `%%{` are Terraform's escapes for a literal `${` / `%{`: left as written.
 */

export interface MaskedTemplate {
  /** The text with the template syntax masked (the text itself when it has none). */
  text: string;
  /** How many interpolations and directives were masked. */
  interpolations: number;
  directives: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const DOLLAR = 36;
const PERCENT = 37;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const LF = 10;
const CR = 13;

/** Cheap test before masking: most files hold no template syntax. */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

export function maskTemplate(text: string): MaskedTemplate {
  if (!hasTemplateSyntax(text)) return { text, interpolations: 0, directives: 0 };
  const out: string[] = [];
  let interpolations = 0;
  let directives = 0;
  let inString = false;
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString && c === BACKSLASH) {
      i++;
      continue;
    }
    if (c === QUOTE) {
      inString = !inString;
      continue;
    }
    if ((c !== DOLLAR && c !== PERCENT) || text.charCodeAt(i + 1) !== OPEN_BRACE) continue;
    if (i > 0 && text.charCodeAt(i - 1) === c) continue; // `$${` / `%%{`: a literal
    const end = templateEnd(text, i + 2);
    // Unterminated: Terraform refuses the template; the rest is left as written (and read once).
    if (end < 0) break;
    out.push(text.slice(copied, i));
    const span = text.slice(i, end + 1);
    if (inString) out.push(span.slice(0, 2) + maskInside(span.slice(2, -1)) + '}');
    else if (c === DOLLAR) out.push(valuePlaceholder(span));
    else out.push(blank(span));
    if (c === DOLLAR) interpolations++;
    else directives++;
    copied = end + 1;
    i = end;
  }
  if (copied === 0) return { text, interpolations, directives };
  out.push(text.slice(copied));
  const masked = out.join('');
  return { text: directives > 0 ? blankDanglingCommas(masked) : masked, interpolations, directives };
}

/**
 * The index of the `}` that closes an interpolation or directive whose body starts at `from`, or -1.
 * Braces of HCL objects and quoted HCL strings (with their own interpolations) are skipped. A stack,
 * not recursion: nesting is the file's to choose.
 */
export function templateEnd(text: string, from: number): number {
  // One entry per enclosing level: an expression's count of open braces, or -1 for a quoted string.
  const stack = [0];
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack.length - 1;
    if (stack[top] < 0) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) stack.pop();
      else if (c === LF || c === CR) return -1; // an HCL quoted string is one line
      else if (c === DOLLAR && text.charCodeAt(i + 1) === DOLLAR) i++;
      else if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(i + 1) === OPEN_BRACE) {
        stack.push(0);
        i++;
      }
    } else if (c === QUOTE) stack.push(-1);
    else if (c === OPEN_BRACE) stack[top]++;
    else if (c === CLOSE_BRACE) {
      if (stack[top] > 0) stack[top]--;
      else {
        stack.pop();
        if (stack.length === 0) return i;
      }
    }
  }
  return -1;
}

/** An interpolation's body inside a JSON string: what would end the string or the placeholder is masked. */
function maskInside(body: string): string {
  return body.replace(/["\\{}$%]/g, '_');
}

/** Spaces, line breaks kept. */
function blank(span: string): string {
  return span.replace(/[^\r\n]/g, ' ');
}

/**
 * A JSON string placeholder (`"$___"`, see placeholders.ts) of the span's length, on its longest
 * line; the rest blanked. A span too short for one (`${}`, which Terraform refuses) is blanked.
 */
function valuePlaceholder(span: string): string {
  const lines = span.split(/(\r\n|\r|\n)/);
  let longest = 0;
  for (let k = 0; k < lines.length; k += 2) if (lines[k].length > lines[longest].length) longest = k;
  return lines
    .map((part, k) => {
      if (k % 2 === 1) return part;
      if (k === longest && part.length >= 4) return `"$${'_'.repeat(part.length - 3)}"`;
      return ' '.repeat(part.length);
    })
    .join('');
}

/** Commas with no value before them (after `[`, `{` or `,`) or none after (before `]`, `}` or the end). */
function blankDanglingCommas(text: string): string {
  const chars = text.split('');
  let inString = false;
  let last = ''; // the last significant character outside strings, after blanking
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      last = ch;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (ch === ',' && (last === '' || last === '[' || last === '{' || last === ',' || /^\s*([\]}]|$)/.test(nextSignificant(chars, i + 1)))) {
      chars[i] = ' ';
      continue;
    }
    last = ch;
  }
  return chars.join('');
}

function nextSignificant(chars: string[], from: number): string {
  for (let i = from; i < chars.length; i++) if (!/\s/.test(chars[i])) return chars[i];
  return '';
}
