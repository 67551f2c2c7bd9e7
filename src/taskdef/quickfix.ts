/** Quick fixes as plain text edits. The editor adapter turns them into code actions. */
import { applyEdits, format, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { ParsedDocument, prop, propNode } from './document';
import { schemaFor } from './schema';
import type { DocumentKind, QuickFix, TaskdefDiagnostic, TextEdit } from './types';
import { validate } from './validate';

/** Detects the indentation of `text` (2 spaces when unknown). */
export function detectFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)["{[\]}]/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 4, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

function toTextEdits(doc: ParsedDocument, edits: { offset: number; length: number; content: string }[]): TextEdit[] {
  return edits.map((e) => ({ range: doc.rangeOf(e.offset, e.length), newText: e.content }));
}

function modifyEdits(doc: ParsedDocument, path: JSONPath, value: unknown, arrayInsert = false): TextEdit[] {
  const formattingOptions = detectFormatting(doc.text);
  return toTextEdits(doc, modify(doc.text, path, value, { formattingOptions, isArrayInsertion: arrayInsert }));
}

function pointerToPath(pointer: string): JSONPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Replaces the whole text. */
function replaceAll(doc: ParsedDocument, newText: string): TextEdit[] {
  return [{ range: doc.rangeOf(0, doc.text.length), newText }];
}

/** The fixes for one diagnostic of `text` (as returned by `validate`). */
export function getQuickFixes(text: string, diagnostic: TaskdefDiagnostic, kind?: DocumentKind): QuickFix[] {
  const doc = new ParsedDocument(text);
  const fixes: QuickFix[] = [];
  const path = pointerToPath(diagnostic.pointer);
  const defPath = diagnostic.data?.definitionPath ?? [];
  const data = diagnostic.data ?? {};
  const add = (title: string, edits: TextEdit[], isPreferred = true) => edits.length && fixes.push({ title, code: diagnostic.code, edits, isPreferred });

  switch (diagnostic.code) {
    case 'read-only-field':
      add(`Remove read-only "${String(path[path.length - 1])}"`, modifyEdits(doc, path, undefined), false);
      fixes.push(...stripReadOnlyFix(text, kind));
      break;
    case 'wrapped-task-definition':
      add('Unwrap the task definition (keep tags, strip read-only fields)', replaceAll(doc, unwrapTaskDefinition(text)));
      break;
    case 'unknown-property':
      if (data.suggestion) {
        add(`Rename to "${data.suggestion}"`, replaceValue(diagnostic, data.suggestion));
      }
      add(`Remove "${String(path[path.length - 1])}"`, modifyEdits(doc, path, undefined), false);
      break;
    case 'invalid-enum':
    case 'depends-on-missing-container':
    case 'volumes-from-missing-container':
    case 'placement-strategy-field':
      if (data.suggestion) add(`Change to "${data.suggestion}"`, replaceValue(diagnostic, data.suggestion));
      break;
    case 'fargate-requires-awsvpc':
      add('Set "networkMode": "awsvpc"', modifyEdits(doc, [...defPath, 'networkMode'], 'awsvpc'));
      break;
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
    case 'host-port-mismatch':
      add('Remove "hostPort"', modifyEdits(doc, path, undefined));
      break;
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

function findNode(doc: ParsedDocument, path: JSONPath) {
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

function addVolumeEdits(doc: ParsedDocument, defPath: JSONPath, name: string): TextEdit[] {
  const def = findNode(doc, defPath);
  const volumes = prop(def, 'volumes');
  if (volumes?.type === 'array') return modifyEdits(doc, [...defPath, 'volumes', volumes.children?.length ?? 0], { name }, true);
  return modifyEdits(doc, [...defPath, 'volumes'], [{ name }]);
}

/** A document-wide fix: remove every read-only (describe output) field. */
export function stripReadOnlyFix(text: string, kind?: DocumentKind): QuickFix[] {
  const r = validate(text, { kind });
  const readOnly = r.diagnostics.filter((d) => d.code === 'read-only-field');
  if (readOnly.length === 0) return [];
  const doc = new ParsedDocument(text);
  let out = text;
  // Remove from the last to the first so earlier offsets stay valid.
  for (const d of [...readOnly].sort((a, b) => b.offset - a.offset)) out = applyEdits(out, modify(out, pointerToPath(d.pointer), undefined, { formattingOptions: detectFormatting(text) }));
  return [{ title: `Strip ${readOnly.length} read-only field(s)`, code: 'read-only-field', edits: replaceAll(doc, out), isPreferred: true }];
}

/**
 * describe-task-definition output -> RegisterTaskDefinition input: the object inside
 * `taskDefinition`, with the wrapper's `tags` moved in and read-only fields removed.
 */
export function unwrapTaskDefinition(text: string): string {
  const doc = new ParsedDocument(text);
  const inner = prop(doc.root, 'taskDefinition');
  if (inner?.type !== 'object') return text;
  let out = text.slice(inner.offset, inner.offset + inner.length);
  const opts = detectFormatting(text);
  const tags = prop(doc.root, 'tags');
  if (tags && !prop(inner, 'tags') && !(tags.type === 'array' && (tags.children?.length ?? 0) === 0)) {
    const tagsValue = JSON.parse(text.slice(tags.offset, tags.offset + tags.length));
    out = applyEdits(out, modify(out, ['tags'], tagsValue, { formattingOptions: opts }));
  }
  const readOnly = new Set(Object.keys(schemaFor('task').properties ?? {}).filter((k) => schemaFor('task').properties![k]['x-ecs-readOnly']));
  const innerDoc = new ParsedDocument(out);
  for (const p of [...(innerDoc.root?.children ?? [])].reverse()) {
    const key = p.children?.[0]?.value as string;
    if (readOnly.has(key)) out = applyEdits(out, modify(out, [key], undefined, { formattingOptions: opts }));
  }
  out = applyEdits(out, format(out, undefined, opts));
  return out + opts.eol!;
}
