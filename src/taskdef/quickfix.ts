/**
 * Quick fixes as plain text edits. The editor adapter turns them into code actions.
 *
 * The edits are computed on the tree `validate` parsed (shared through `parseDocument`), never by
 * re-parsing the text per fix: the code-action provider asks for every diagnostic under the cursor,
 * and a file can have many thousands of them.
 */
import { type FormattingOptions, format, getNodeValue, modify } from 'jsonc-parser';
import { type Node, type ParsedDocument, childIndex, parseDocument, prop, propNode } from './document';
import { schemaFor } from './schema';
import type { DocumentKind, QuickFix, TaskdefDiagnostic, TextEdit } from './types';
import { validate } from './validate';

interface Edit {
  offset: number;
  length: number;
  content: string;
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
function applyEditsOnce(text: string, edits: Edit[]): string {
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

function toTextEdits(doc: ParsedDocument, edits: Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: doc.rangeOf(e.offset, e.length), newText: e.content }));
}

/** Replaces the whole text. */
function replaceAll(doc: ParsedDocument, newText: string): TextEdit[] {
  return [{ range: doc.rangeOf(0, doc.text.length), newText }];
}

/**
 * The node a diagnostic of this text points at: a property when the span is its key (unknown and
 * read-only properties), else the value with exactly that span. Undefined when the diagnostic does
 * not belong to this text.
 */
function nodeOf(doc: ParsedDocument, d: TaskdefDiagnostic): Node | undefined {
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
function removalEdits(nodes: Node[]): Edit[] {
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
function setPropertyEdit(doc: ParsedDocument, obj: Node, key: string, value: unknown): Edit {
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
function appendEdit(doc: ParsedDocument, arr: Node, value: unknown): Edit {
  const opts = detectFormatting(doc.text);
  const kids = arr.children ?? [];
  const last = kids[kids.length - 1];
  if (last) {
    const lineStart = lineBreakBefore(doc.text, last);
    return { offset: last.offset + last.length, length: 0, content: `,${lineStart ?? ' '}${jsonText(value, opts, lineStart)}` };
  }
  return { offset: arr.offset + 1, length: 0, content: JSON.stringify(value) };
}

/** The fixes for one diagnostic of `text` (as returned by `validate`). */
export function getQuickFixes(text: string, diagnostic: TaskdefDiagnostic, kind?: DocumentKind): QuickFix[] {
  const doc = parseDocument(text);
  const fixes: QuickFix[] = [];
  const defPath = diagnostic.data?.definitionPath ?? [];
  const data = diagnostic.data ?? {};
  const add = (title: string, edits: Edit[] | TextEdit[], isPreferred = true) => {
    if (!edits.length) return;
    const textEdits = 'range' in edits[0] ? (edits as TextEdit[]) : toTextEdits(doc, edits as Edit[]);
    fixes.push({ title, code: diagnostic.code, edits: textEdits, isPreferred });
  };
  const node = () => nodeOf(doc, diagnostic);
  const keyOf = (p: Node | undefined) => (p?.type === 'property' ? String(p.children?.[0]?.value) : undefined);

  switch (diagnostic.code) {
    case 'read-only-field': {
      const p = node();
      if (p?.type === 'property') add(`Remove read-only "${keyOf(p)}"`, removalEdits([p]), false);
      fixes.push(...stripReadOnlyFix(text, kind));
      break;
    }
    case 'wrapped-task-definition':
      add('Unwrap the task definition (keep tags, strip read-only fields)', replaceAll(doc, unwrapTaskDefinition(text)));
      break;
    case 'unknown-property': {
      if (data.suggestion) add(`Rename to "${data.suggestion}"`, replaceValue(diagnostic, data.suggestion));
      const p = node();
      if (p?.type === 'property') add(`Remove "${keyOf(p)}"`, removalEdits([p]), false);
      break;
    }
    case 'invalid-enum':
    case 'depends-on-missing-container':
    case 'volumes-from-missing-container':
    case 'placement-strategy-field':
      if (data.suggestion) add(`Change to "${data.suggestion}"`, replaceValue(diagnostic, data.suggestion));
      break;
    case 'fargate-requires-awsvpc': {
      const def = findNode(doc, defPath);
      if (def?.type === 'object') add('Set "networkMode": "awsvpc"', [setPropertyEdit(doc, def, 'networkMode', 'awsvpc')]);
      break;
    }
    case 'fargate-invalid-memory':
      add(`Use the nearest valid Fargate memory: ${JSON.stringify(data.replacement)}`, replaceValue(diagnostic, data.replacement));
      break;
    case 'fargate-invalid-cpu':
      add(`Use a valid Fargate cpu: ${JSON.stringify(data.replacement)}`, replaceValue(diagnostic, data.replacement));
      break;
    case 'mount-point-unknown-volume':
      if (data.suggestion) add(`Change to "${data.suggestion}"`, replaceValue(diagnostic, data.suggestion));
      if (data.volumeName) add(`Add volume "${data.volumeName}" to "volumes"`, addVolumeEdits(doc, defPath, data.volumeName), !data.suggestion);
      break;
    case 'host-port-mismatch': {
      const p = node()?.parent;
      if (p?.type === 'property') add('Remove "hostPort"', removalEdits([p]));
      break;
    }
    case 'type-mismatch':
    case 'invalid-name':
    case 'memory-reservation-exceeds-memory':
    case 'deployment-percent-bounds':
    case 'awsvpc-subnets':
    case 'awsvpc-security-groups':
      if (data.replacement !== undefined) add(`Change to ${JSON.stringify(data.replacement)}`, replaceValue(diagnostic, data.replacement));
      break;
  }
  return fixes;
}

/** Fixes for every diagnostic at once: one list, in diagnostic order. */
export function getAllQuickFixes(text: string, diagnostics: TaskdefDiagnostic[], kind?: DocumentKind): QuickFix[] {
  return diagnostics.flatMap((d) => getQuickFixes(text, d, kind));
}

function findNode(doc: ParsedDocument, path: (string | number)[]): Node | undefined {
  let n = doc.root;
  for (const seg of path) {
    if (!n) return undefined;
    if (typeof seg === 'number') n = n.type === 'array' ? n.children?.[seg] : undefined;
    else n = propNode(n, seg)?.children?.[1];
  }
  return n;
}

function replaceValue(d: TaskdefDiagnostic, value: unknown): TextEdit[] {
  return [{ range: d.range, newText: JSON.stringify(value) }];
}

function addVolumeEdits(doc: ParsedDocument, defPath: (string | number)[], name: string): Edit[] {
  const def = findNode(doc, defPath);
  if (def?.type !== 'object') return [];
  const volumes = prop(def, 'volumes');
  if (volumes?.type === 'array') return [appendEdit(doc, volumes, { name })];
  return [setPropertyEdit(doc, def, 'volumes', [{ name }])];
}

let lastStrip: { text: string; kind: DocumentKind | undefined; fixes: QuickFix[] } | undefined;

/** A document-wide fix: remove every read-only (describe output) field. */
export function stripReadOnlyFix(text: string, kind?: DocumentKind): QuickFix[] {
  // Each read-only diagnostic offers this fix: compute it once per text.
  if (lastStrip?.text === text && lastStrip.kind === kind) return [...lastStrip.fixes];
  const r = validate(text, { kind });
  const doc = parseDocument(text);
  const readOnly = r.diagnostics.filter((d) => d.code === 'read-only-field');
  const nodes = readOnly.map((d) => nodeOf(doc, d)).filter((n): n is Node => n?.type === 'property');
  const fixes: QuickFix[] = nodes.length
    ? [{ title: `Strip ${readOnly.length} read-only field(s)`, code: 'read-only-field', edits: replaceAll(doc, applyEditsOnce(text, removalEdits(nodes))), isPreferred: true }]
    : [];
  lastStrip = { text, kind, fixes };
  return [...fixes];
}

let readOnlyTaskKeys: Set<string> | undefined;

/**
 * describe-task-definition output -> RegisterTaskDefinition input: the object inside
 * `taskDefinition`, with the wrapper's `tags` moved in and read-only fields removed.
 */
export function unwrapTaskDefinition(text: string): string {
  const doc = parseDocument(text);
  const inner = prop(doc.root, 'taskDefinition');
  if (inner?.type !== 'object') return text;
  const opts = detectFormatting(text);
  const properties = schemaFor('task').properties ?? {};
  readOnlyTaskKeys ??= new Set(Object.keys(properties).filter((k) => properties[k]['x-ecs-readOnly']));
  const readOnly = (inner.children ?? []).filter((p) => readOnlyTaskKeys!.has(String(p.children?.[0]?.value)));
  const removals = removalEdits(readOnly).map((e) => ({ ...e, offset: e.offset - inner.offset }));
  let out = applyEditsOnce(text.slice(inner.offset, inner.offset + inner.length), removals);
  const tags = prop(doc.root, 'tags');
  if (tags && !prop(inner, 'tags') && !(tags.type === 'array' && (tags.children?.length ?? 0) === 0)) {
    // The wrapper may be JSONC (comments, trailing commas) or cut short: read the value from the tree.
    const tagsValue: unknown = getNodeValue(tags);
    out = applyEditsOnce(out, modify(out, ['tags'], tagsValue, { formattingOptions: opts }));
  }
  out = applyEditsOnce(out, format(out, undefined, opts));
  return out + opts.eol!;
}
