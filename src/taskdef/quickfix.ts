/**
 * Quick fixes as plain text edits. The editor adapter turns them into code actions.
 *
 * The edits are computed on the tree `validate` parsed (shared through `parseDocument`), never by
 * re-parsing the text per fix: the code-action provider asks for every diagnostic under the cursor,
 * and a file can have many thousands of them.
 */
import { getNodeValue, modify } from 'jsonc-parser';
import { type Node, type ParsedDocument, parseDocument, prop, propNode } from './document';
import { type Edit, appendEdit, applyEditsOnce, detectFormatting, formatEdits, nodeOf, removalEdits, replaceAll, setPropertyEdit, toTextEdits } from './edits';
import { schemaFor } from './schema';
import type { DocumentKind, QuickFix, TaskdefDiagnostic, TextEdit } from './types';
import { validate } from './validate';

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
    case 'unknown-property':
    case 'task-level-in-container':
    case 'property-name-case': {
      if (data.suggestion) add(`Rename to "${data.suggestion}"`, replaceValue(diagnostic, data.suggestion));
      const p = node();
      if (p?.type === 'property' && diagnostic.code !== 'property-name-case') add(`Remove "${keyOf(p)}"`, removalEdits([p]), diagnostic.code === 'task-level-in-container');
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

/** At most this many roles are offered as fixes (a long list of roles belongs in completion). */
export const MAX_ROLE_FIXES = 10;

/**
 * For `execution-role-required`: set `executionRoleArn` to one of the account's roles that ECS tasks
 * may assume (`roles`, from the live values), those named like an execution role first.
 */
export function executionRoleFixes(text: string, diagnostic: TaskdefDiagnostic, roles: { value: string; label?: string }[]): QuickFix[] {
  if (diagnostic.code !== 'execution-role-required') return [];
  const doc = parseDocument(text);
  const def = findNode(doc, diagnostic.data?.definitionPath ?? []);
  if (def?.type !== 'object') return [];
  const execution = (r: { value: string }) => (/execution/i.test(r.value) ? 0 : 1);
  const sorted = roles.filter((r) => r.value).sort((a, b) => execution(a) - execution(b) || a.value.localeCompare(b.value));
  return sorted.slice(0, MAX_ROLE_FIXES).map((r, i) => ({
    title: `Set "executionRoleArn" to role ${r.label ?? r.value}`,
    code: diagnostic.code,
    edits: toTextEdits(doc, [setPropertyEdit(doc, def, 'executionRoleArn', r.value)]),
    isPreferred: i === 0 && execution(r) === 0,
  }));
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

/**
 * describe-task-definition output (wrapped or not) -> a task definition to edit and register as a
 * new revision: the wrapper's `tags` kept, every read-only field removed, formatted as the text was.
 */
export function newRevisionText(text: string): string {
  if (prop(parseDocument(text).root, 'taskDefinition')?.type === 'object') return unwrapTaskDefinition(text);
  // The strip fix replaces the whole text: its one edit's text is the result.
  return stripReadOnlyFix(text, 'task')[0]?.edits[0].newText ?? text;
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
    // Unformatted: modify's own formatting is jsonc-parser's (see formatEdits); the whole is formatted next.
    out = applyEditsOnce(out, modify(out, ['tags'], tagsValue, {}));
  }
  out = applyEditsOnce(out, formatEdits(out, undefined, opts));
  return out + opts.eol!;
}
