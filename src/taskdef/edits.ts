/**
 * Text edits on the tree `validate` parsed: removing properties or elements with their commas,
 * setting a property, appending to an array, laid out like the document. The quick fixes use them.
 */
import { type FormattingOptions, type Range as OffsetRange, format } from 'jsonc-parser';
import { type Node, type ParsedDocument, childIndex, propNode } from './document';
import type { TaskdefDiagnostic, TextEdit } from './types';

export interface Edit {
  offset: number;
  length: number;
  content: string;
}

/** How many indentations jsonc-parser caches (its `maxCachedValues`): see formatEdits. */
const JSONC_CACHED_INDENTS = 200;

/**
 * jsonc-parser's format, repaired: at exactly 200 columns of indentation (100 levels of 2 spaces)
 * its edits have no content (3.3.1 reads its cache of indentations one past the end; `modify` then
 * throws). Such an edit is a line break and those 200 columns, the line break being the text's
 * first (as the formatter picks it), else `options.eol`.
 */
export function formatEdits(text: string, range: OffsetRange | undefined, options: FormattingOptions): Edit[] {
  const edits = format(text, range, options);
  if (edits.every((e) => typeof e.content === 'string')) return edits;
  const eol = /\r\n?|\n/.exec(text)?.[0] ?? options.eol ?? '\n';
  const content = eol + (options.insertSpaces ? ' ' : '\t').repeat(JSONC_CACHED_INDENTS);
  return edits.map((e) => (typeof e.content === 'string' ? e : { ...e, content }));
}

let lastFormatting: { text: string; options: FormattingOptions } | undefined;

/** Detects the indentation of `text` (2 spaces when unknown). */
export function detectFormatting(text: string): FormattingOptions {
  if (lastFormatting?.text === text) return lastFormatting.options;
  const m = /\n([ \t]+)["{[\]}]/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const options = indent.startsWith('\t') ? { insertSpaces: false, tabSize: 4, eol } : { insertSpaces: true, tabSize: indent.length, eol };
  lastFormatting = { text, options };
  return options;
}

/** Applies non-overlapping edits in one pass (jsonc-parser's applyEdits copies the text once per edit). */
export function applyEditsOnce(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.offset < at) throw new Error(`overlapping edits at ${e.offset}`);
    parts.push(text.slice(at, e.offset), e.content);
    at = e.offset + e.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function toTextEdits(doc: ParsedDocument, edits: Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: doc.rangeOf(e.offset, e.length), newText: e.content }));
}

/** Replaces the whole text. */
export function replaceAll(doc: ParsedDocument, newText: string): TextEdit[] {
  return [{ range: doc.rangeOf(0, doc.text.length), newText }];
}

/**
 * The node a diagnostic of this text points at: a property when the span is its key (unknown and
 * read-only properties), else the value with exactly that span. Undefined when the diagnostic does
 * not belong to this text.
 */
export function nodeOf(doc: ParsedDocument, d: TaskdefDiagnostic): Node | undefined {
  const end = d.offset + d.length;
  let n = doc.root;
  while (n) {
    if (n.type !== 'property' && n.offset === d.offset && n.length === d.length) return n;
    const kids = n.children ?? [];
    // The last child starting at or before the span (children are in text order).
    let lo = 0;
    let hi = kids.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].offset <= d.offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const c = kids[found];
    if (!c || c.offset + c.length < end) return undefined;
    if (c.type === 'property') {
      const key = c.children?.[0];
      if (key && key.offset === d.offset && key.length === d.length) return c;
      n = c.children?.[1];
      if (!n || n.offset > d.offset) return undefined;
    } else n = c;
  }
  return undefined;
}

/**
 * Edits removing properties or array elements, each with its comma: a run of neighbours is one
 * edit, so the edits never overlap (what jsonc-parser's modify does for one, for many at once).
 */
export function removalEdits(nodes: Node[]): Edit[] {
  const byParent = new Map<Node, Set<number>>();
  for (const n of nodes) {
    const parent = n.parent;
    if (!parent?.children) continue;
    let set = byParent.get(parent);
    if (!set) byParent.set(parent, (set = new Set()));
    set.add(childIndex(parent, n));
  }
  const edits: Edit[] = [];
  for (const [parent, set] of byParent) {
    // A removal inside another removal is covered by it.
    if (hasRemovedAncestor(parent, byParent)) continue;
    const kids = parent.children!;
    const indices = [...set].sort((a, b) => a - b);
    for (let i = 0; i < indices.length; ) {
      let j = i;
      while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
      const a = indices[i];
      const b = indices[j];
      const last = kids[b];
      if (a === 0 && b === kids.length - 1) edits.push(span(parent.offset + 1, last.offset + last.length));
      else if (a === 0) edits.push(span(kids[0].offset, kids[b + 1].offset));
      else edits.push(span(kids[a - 1].offset + kids[a - 1].length, last.offset + last.length));
      i = j + 1;
    }
  }
  return edits;
}

function hasRemovedAncestor(parent: Node, removed: Map<Node, Set<number>>): boolean {
  for (let child = parent, p = parent.parent; p; child = p, p = p.parent) {
    const set = removed.get(p);
    if (set?.has(childIndex(p, child))) return true;
  }
  return false;
}

function span(start: number, end: number): Edit {
  return { offset: start, length: Math.max(0, end - start), content: '' };
}

/** The line break and indentation before `n` when it starts a line, else undefined. */
function lineBreakBefore(text: string, n: Node): string | undefined {
  let i = n.offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] === '\n') return text.slice(text[i - 1] === '\r' ? i - 1 : i, n.offset);
  if (text[i] === '\r') return text.slice(i, n.offset);
  return undefined;
}

/** `value` as JSON laid out like the document, continuing lines at `lineStart` (line break + indentation). */
function jsonText(value: unknown, opts: FormattingOptions, lineStart: string | undefined): string {
  if (lineStart === undefined) return JSON.stringify(value);
  const unit = opts.insertSpaces ? ' '.repeat(opts.tabSize ?? 2) : '\t';
  return JSON.stringify(value, null, unit).replace(/\n/g, lineStart);
}

/** Sets `key` of object `obj` (replacing its value, or adding it after the last property). */
export function setPropertyEdit(doc: ParsedDocument, obj: Node, key: string, value: unknown): Edit {
  const opts = detectFormatting(doc.text);
  const existing = propNode(obj, key);
  const kids = obj.children ?? [];
  const last = kids[kids.length - 1];
  const lineStart = last ? lineBreakBefore(doc.text, last) : undefined;
  if (existing) {
    const v = existing.children?.[1];
    const content = jsonText(value, opts, lineBreakBefore(doc.text, existing));
    if (v) return { offset: v.offset, length: v.length, content };
    return { offset: existing.offset, length: existing.length, content: `${JSON.stringify(key)}: ${content}` };
  }
  const property = `${JSON.stringify(key)}: ${jsonText(value, opts, lineStart)}`;
  if (last) return { offset: last.offset + last.length, length: 0, content: `,${lineStart ?? ' '}${property}` };
  return { offset: obj.offset + 1, length: 0, content: property };
}

/** Appends `value` to array `arr`. */
export function appendEdit(doc: ParsedDocument, arr: Node, value: unknown): Edit {
  const opts = detectFormatting(doc.text);
  const kids = arr.children ?? [];
  const last = kids[kids.length - 1];
  if (last) {
    const lineStart = lineBreakBefore(doc.text, last);
    return { offset: last.offset + last.length, length: 0, content: `,${lineStart ?? ' '}${jsonText(value, opts, lineStart)}` };
  }
  return { offset: arr.offset + 1, length: 0, content: JSON.stringify(value) };
}
