import { type Node, type ParseError, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Position, Range, Severity, TaskdefDiagnostic, DiagnosticData } from './types';

export type { Node } from 'jsonc-parser';

/**
 * How deep objects and arrays may nest before the text is not parsed at all. jsonc-parser and
 * vscode-json-languageservice parse recursively: a few thousand levels overflow the stack. Real
 * definitions are under ten levels deep.
 */
export const MAX_NESTING = 1200;

let lastDepthCheck: { text: string; at: number } | undefined;

/**
 * The offset of the first `{` or `[` nested deeper than MAX_NESTING, or -1. Reads the text the way
 * jsonc-parser's scanner (the tokenizer of both parsers) does: strings end at a quote or a line
 * break, a backslash escapes the next character, `//` and block comments hold no brackets. A closer pops
 * only a matching opener, as the parsers skip the others, so the count is never below the depth the
 * parsers reach. Character by character: the scanner would build every token's value.
 */
export function tooDeepAt(text: string): number {
  if (lastDepthCheck?.text === text) return lastDepthCheck.at;
  let at = -1;
  const open: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 34) break;
        if (d === 92 /* \\ */) i++;
        else if (d === 10 || d === 13) {
          i--;
          break;
        }
      }
    } else if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        while (i + 1 < n && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
      } else if (d === 42 /* * */) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 1;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      open.push(c);
      if (open.length > MAX_NESTING) {
        at = i;
        break;
      }
    } else if ((c === 125 /* } */ && open[open.length - 1] === 123) || (c === 93 /* ] */ && open[open.length - 1] === 91)) open.pop();
  }
  lastDepthCheck = { text, at };
  return at;
}

/**
 * The value of a JSONC text (comments and trailing commas allowed), or undefined when nested too
 * deep. Read from the tree `validate` built (the strict parse reports comments but keeps the values):
 * the text is not scanned again.
 */
export function parseJsonc(text: string): unknown {
  const root = parseDocument(text).root;
  return root ? getNodeValue(root) : undefined;
}

/** The plain value of a node, with `null` members dropped as `prop` reads them (undefined for none). */
export function parseNodeValue(n: Node | undefined): unknown {
  if (!n || n.type === 'null') return undefined;
  return JSON.parse(JSON.stringify(getNodeValue(n), (_k, v: unknown) => (v === null ? undefined : v)));
}

let lastParsed: ParsedDocument | undefined;

/** The parsed document of `text`, shared with the last caller that parsed the same text (validate, then its quick fixes). */
export function parseDocument(text: string): ParsedDocument {
  if (lastParsed?.text !== text) lastParsed = new ParsedDocument(text);
  return lastParsed;
}

/** A parsed JSON text with offset <-> position mapping and JSON Pointer helpers. */
export class ParsedDocument {
  readonly root: Node | undefined;
  readonly syntaxErrors: ParseError[] = [];
  /** Where the text nests deeper than MAX_NESTING (then it is not parsed: no root), or -1. */
  readonly tooDeepAt: number;
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {
    this.tooDeepAt = tooDeepAt(text);
    // Strict JSON, as RegisterTaskDefinition, `aws ecs register-task-definition --cli-input-json` and the
    // deploy Action read it: a comment or a trailing comma is reported where it is (the tree is still built).
    this.root = this.tooDeepAt >= 0 ? undefined : parseTree(text, this.syntaxErrors, { allowTrailingComma: false, disallowComments: true });
    // An unterminated block comment at the end makes the scanner step one past the text, and the
    // nodes around it end there: end them with the text (they are the last child at each level).
    for (let n = this.root; n && n.offset + n.length > text.length; n = n.children?.[n.children.length - 1]) (n as { length: number }).length = Math.max(0, text.length - n.offset);
  }

  /**
   * `offset`, or the offset of the "\r" when it falls between "\r" and "\n": no position says
   * that place (editors put it before the line break). A string the scanner ended at a line break,
   * after a backslash escaping the "\r", ends there.
   */
  snap(offset: number): number {
    return offset > 0 && this.text.charCodeAt(offset) === 10 && this.text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
  }

  positionAt(offset: number): Position {
    offset = this.snap(offset);
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(pos: Position): number {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    if (pos.line >= starts.length) return this.text.length;
    return Math.min(starts[pos.line] + pos.character, this.text.length);
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** JSON path segments from the root to `node` (a value node or a property node). */
export function pathOf(node: Node): (string | number)[] {
  if (node.type === 'property' && node.parent) return [...pathOf(node.parent), String(node.children![0].value)];
  const segs: (string | number)[] = [];
  let n: Node | undefined = node;
  while (n?.parent) {
    const p: Node = n.parent;
    if (p.type === 'property') {
      segs.push(String(p.children![0].value));
      n = p.parent;
    } else if (p.type === 'array') {
      segs.push(childIndex(p, n));
      n = p;
    } else n = p;
  }
  return segs.reverse();
}

/** The index of `child` among `parent`'s children: a binary search by offset (children are in text order). */
export function childIndex(parent: Node, child: Node): number {
  const kids = parent.children ?? [];
  let lo = 0;
  let hi = kids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = kids[mid];
    if (k === child) return mid;
    if (k.offset < child.offset || (k.offset === child.offset && k.length > child.length)) lo = mid + 1;
    else hi = mid - 1;
  }
  return kids.indexOf(child);
}

/** `containerDefinitions[0].portMappings[1]`, for messages. */
export function describePath(path: (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

export function pointerOf(path: (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    const s = String(seg);
    out += '/' + (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);
  }
  return out;
}

export function printSyntaxError(e: ParseError): string {
  const names: Record<string, string> = {
    InvalidSymbol: 'Invalid symbol',
    InvalidNumberFormat: 'Invalid number format',
    PropertyNameExpected: 'Property name expected',
    ValueExpected: 'Value expected',
    ColonExpected: 'Colon expected',
    CommaExpected: 'Comma expected',
    CloseBraceExpected: 'Closing brace `}` expected',
    CloseBracketExpected: 'Closing bracket `]` expected',
    EndOfFileExpected: 'End of file expected',
    InvalidCommentToken: 'Comments are not allowed (AWS reads task and service definitions as strict JSON)',
  };
  const code = printParseErrorCode(e.error);
  return `${names[code] ?? code}: the file is not valid JSON.`;
}

// ---------------------------------------------------------------------------------------------
// Reading values, with `null` treated as absent (the console's JSON export writes nulls).

/** The value node of `key` in object `obj`, or undefined when missing or `null`. */
export function prop(obj: Node | undefined, key: string): Node | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  for (const p of obj.children) {
    const k = p.children?.[0];
    if (k && k.value === key) {
      const v = p.children![1];
      return v && v.type !== 'null' ? v : undefined;
    }
  }
  return undefined;
}

/** The property node (key + value) of `key`, even when its value is null. */
export function propNode(obj: Node | undefined, key: string): Node | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  return obj.children.find((p) => p.children?.[0]?.value === key);
}

export function keyNode(obj: Node | undefined, key: string): Node | undefined {
  return propNode(obj, key)?.children?.[0];
}

export function str(n: Node | undefined): string | undefined {
  return n?.type === 'string' ? (n.value as string) : undefined;
}

export function num(n: Node | undefined): number | undefined {
  return n?.type === 'number' ? (n.value as number) : undefined;
}

export function bool(n: Node | undefined): boolean | undefined {
  return n?.type === 'boolean' ? (n.value as boolean) : undefined;
}

/** Elements of an array node (nulls skipped), or [] if `n` is not an array. */
export function items(n: Node | undefined): Node[] {
  return n?.type === 'array' && n.children ? n.children.filter((c) => c.type !== 'null') : [];
}

/** Objects among the elements of an array node. */
export function objects(n: Node | undefined): Node[] {
  return items(n).filter((c) => c.type === 'object');
}

export function stringItems(n: Node | undefined): string[] {
  return items(n)
    .map((c) => str(c))
    .filter((s): s is string => s !== undefined);
}

// ---------------------------------------------------------------------------------------------

const MAX_MESSAGE = 1000;

/** Messages quote names and values of the file: around a 5 MB one, the start (the rule) and the end (the advice) are kept. */
export function shortMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  return `${message.slice(0, MAX_MESSAGE * 0.6)} … ${message.slice(message.length - MAX_MESSAGE * 0.3)}`;
}

export class DiagnosticSink {
  readonly diagnostics: TaskdefDiagnostic[] = [];
  constructor(readonly doc: ParsedDocument) {}

  /** Reports on `node` (a value node; for a property node the key is used). */
  add(node: Node, code: string, severity: Severity, message: string, data?: DiagnosticData): void {
    const target = node.type === 'property' && node.children?.[0] ? node.children[0] : node;
    this.addSpan(target.offset, target.length, pointerOf(pathOf(node)), code, severity, message, data);
  }

  addSpan(offset: number, length: number, pointer: string, code: string, severity: Severity, message: string, data?: DiagnosticData): void {
    // Offsets that match the range: neither end between "\r" and "\n".
    const start = this.doc.snap(offset);
    length = Math.max(0, this.doc.snap(offset + length) - start);
    offset = start;
    const d: TaskdefDiagnostic = { code, severity, message: shortMessage(message), range: this.doc.rangeOf(offset, length), offset, length, pointer };
    if (data) d.data = data;
    this.diagnostics.push(d);
  }

  error(node: Node, code: string, message: string, data?: DiagnosticData): void {
    this.add(node, code, 'error', message, data);
  }

  warning(node: Node, code: string, message: string, data?: DiagnosticData): void {
    this.add(node, code, 'warning', message, data);
  }
}
