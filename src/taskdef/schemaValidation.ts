/**
 * Checks a definition against the generated schema: types, enums, `required`, ranges and unknown
 * properties (with "did you mean"). `null` counts as absent everywhere; strings holding template
 * placeholders are never reported.
 */
import { didYouMean } from './didYouMean';
import { type DiagnosticSink, type Node, describePath, pathOf } from './document';
import { hasPlaceholder } from './placeholders';
import { deref, type JsonSchema } from './schema';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

export interface SchemaValidationOptions {
  /** Skip `required` at the top (service definitions leave the name to the command line). */
  skipRootRequired?: boolean;
  /** Called for each property marked read-only (describe output); not descended into. */
  onReadOnly?: (property: Node, name: string) => void;
  /**
   * Keys are matched to the schema's names ignoring case, as Go's encoding/json reads them
   * (Terraform's container definitions): such a key is checked as the property it names, and
   * reported here instead of as unknown.
   */
  onCaseVariant?: (property: Node, key: string, name: string) => void;
  /** What an unknown property does, ending its message (default: the AWS CLI and API reject it). */
  unknownPropertyNote?: string;
}

export function validateAgainstSchema(root: JsonSchema, node: Node, schema: JsonSchema, sink: DiagnosticSink, opts: SchemaValidationOptions = {}): void {
  walk(root, node, schema, sink, opts, true);
}

function walk(root: JsonSchema, node: Node, rawSchema: JsonSchema, sink: DiagnosticSink, opts: SchemaValidationOptions, isRoot: boolean): void {
  if (node.type === 'null') return;
  const schema = deref(root, rawSchema);
  const expected = schema.type;
  if (expected === undefined || Array.isArray(expected)) return; // documents, timestamps: anything goes

  if (!typeMatches(node, expected)) {
    if (node.type === 'string' && hasPlaceholder(node.value as string)) return;
    const got = node.type === 'number' && !Number.isInteger(node.value) ? 'a decimal number' : (TYPE_NAMES[node.type] ?? node.type);
    let hint = '';
    let data: { replacement?: unknown } | undefined;
    if (expected === 'string' && (node.type === 'number' || node.type === 'boolean')) {
      hint = ` Quote it: "${String(node.value)}".`;
      data = { replacement: String(node.value) };
    } else if ((expected === 'integer' || expected === 'number') && node.type === 'string' && /^-?\d+(\.\d+)?$/.test(String(node.value).trim()) && Number.isFinite(Number(String(node.value).trim()))) {
      hint = ` Remove the quotes: ${String(node.value).trim()}.`;
      data = { replacement: Number(String(node.value).trim()) };
    } else if (expected === 'boolean' && node.type === 'string' && /^(true|false)$/i.test(String(node.value))) {
      hint = ` Write ${String(node.value).toLowerCase()} without quotes.`;
      data = { replacement: String(node.value).toLowerCase() === 'true' };
    } else if (expected === 'array' && node.type === 'object') {
      hint = ' Wrap the object in [ ].';
    }
    sink.error(node, 'type-mismatch', `Expected ${TYPE_NAMES[expected] ?? expected}, got ${got}.${hint}`, data);
    return;
  }

  switch (expected) {
    case 'string':
      checkString(node, schema, sink);
      return;
    case 'integer':
    case 'number':
      checkNumber(node, schema, sink);
      return;
    case 'array': {
      const children = node.children ?? [];
      if (schema.minItems !== undefined && children.length < schema.minItems)
        sink.error(node, 'array-too-short', `At least ${schema.minItems} item(s) required.`);
      if (schema.maxItems !== undefined && children.length > schema.maxItems)
        sink.error(node, 'array-too-long', `At most ${schema.maxItems} items allowed, found ${children.length}.`);
      if (schema.items) for (const c of children) walk(root, c, schema.items, sink, opts, false);
      return;
    }
    case 'object':
      checkObject(root, node, schema, sink, opts, isRoot);
      return;
  }
}

function typeMatches(node: Node, expected: string): boolean {
  switch (expected) {
    case 'integer':
      return node.type === 'number' && Number.isInteger(node.value);
    default:
      return node.type === expected;
  }
}

function checkString(node: Node, schema: JsonSchema, sink: DiagnosticSink): void {
  const value = node.value as string;
  if (schema.enum) {
    if (schema.enum.includes(value)) return;
    if (hasPlaceholder(value)) return;
    if (value === '') {
      sink.warning(node, 'empty-value', `Empty value: remove the property or use one of ${list(schema.enum)}. (ecspresso treats "" as absent; the AWS CLI rejects it.)`);
      return;
    }
    const suggestion = didYouMean(value, schema.enum);
    sink.error(node, 'invalid-enum', `"${value}" is not allowed here. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}Allowed: ${list(schema.enum)}.`, suggestion ? { suggestion } : undefined);
    return;
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength && !hasPlaceholder(value))
    sink.error(node, 'string-too-long', `At most ${schema.maxLength} characters allowed, found ${value.length}.`);
  if (schema.minLength !== undefined && value.length < schema.minLength && !hasPlaceholder(value))
    sink.error(node, 'string-too-short', `At least ${schema.minLength} character(s) required.`);
}

function checkNumber(node: Node, schema: JsonSchema, sink: DiagnosticSink): void {
  const v = node.value as number;
  if (schema.minimum !== undefined && v < schema.minimum) sink.error(node, 'number-out-of-range', `Must be at least ${schema.minimum}.`);
  if (schema.maximum !== undefined && v > schema.maximum) sink.error(node, 'number-out-of-range', `Must be at most ${schema.maximum}.`);
}

function checkObject(root: JsonSchema, node: Node, schema: JsonSchema, sink: DiagnosticSink, opts: SchemaValidationOptions, isRoot: boolean): void {
  const props = schema.properties;
  const seen = new Set<string>();
  for (const p of node.children ?? []) {
    const keyNode = p.children?.[0];
    const valueNode = p.children?.[1];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    if (seen.has(key)) sink.error(p, 'duplicate-key', `Duplicate property "${key}": the last one wins. Remove one.`);
    seen.add(key);
    // Own properties only: a key named "constructor" or "toString" is unknown, not Object's.
    let ps = props && Object.hasOwn(props, key) ? props[key] : undefined;
    const variant = !ps && props && opts.onCaseVariant ? caseVariantOf(props, key) : undefined;
    if (variant) {
      opts.onCaseVariant!(p, key, variant);
      ps = props![variant];
    }
    if (ps) {
      if (ps['x-ecs-readOnly']) {
        opts.onReadOnly?.(p, key);
        continue;
      }
      if (valueNode) walk(root, valueNode, ps, sink, opts, false);
    } else if (typeof schema.additionalProperties === 'object') {
      if (valueNode) walk(root, valueNode, schema.additionalProperties, sink, opts, false);
    } else if (schema.additionalProperties === false && !hasPlaceholder(key)) {
      const suggestion = suggestKey(schema, key);
      const where = describeWhere(p);
      sink.error(
        p,
        'unknown-property',
        `Unknown property "${key}"${where}${suggestion ? `: did you mean "${suggestion}"?` : '.'} ${opts.unknownPropertyNote ?? 'The AWS CLI and API reject unknown properties.'}`,
        suggestion ? { suggestion } : undefined,
      );
    }
  }
  if (schema.required && !(isRoot && opts.skipRootRequired)) {
    for (const r of schema.required) {
      if (seen.has(r) && propIsPresent(node, r)) continue;
      // `"familyy"` is reported once, as the unknown property it is ("did you mean family?").
      if (misspelledKey(schema, node, r)) continue;
      const keyHolder = node.parent?.type === 'property' ? node.parent : node;
      const path = pathOf(node);
      sink.error(keyHolder, 'missing-required', `Missing required property "${r}"${path.length ? ` in ${describePath(path)}` : ''}.`);
    }
  }
}

/** Per object schema: its writable property names, and the suggestion already found for each unknown key. */
const keySuggestions = new WeakMap<JsonSchema, { candidates: string[]; found: Map<string, string | undefined> }>();

/** "Did you mean" for an unknown key: a file may repeat one unknown key thousands of times. */
function suggestKey(schema: JsonSchema, key: string): string | undefined {
  let s = keySuggestions.get(schema);
  if (!s) {
    const props = schema.properties ?? {};
    s = { candidates: Object.keys(props).filter((k) => !props[k]['x-ecs-readOnly']), found: new Map() };
    keySuggestions.set(schema, s);
  }
  if (s.found.has(key)) return s.found.get(key);
  const suggestion = didYouMean(key, s.candidates);
  if (s.found.size < 10_000) s.found.set(key, suggestion);
  return suggestion;
}

/**
 * The key of `obj` that is unknown to `schema` and read as a misspelling of `name` (the "did you
 * mean" of its unknown-property error), or undefined.
 */
export function misspelledKey(schema: JsonSchema, obj: Node, name: string): Node | undefined {
  if (schema.additionalProperties !== false) return undefined;
  const props = schema.properties ?? {};
  for (const p of obj.children ?? []) {
    const key = p.children?.[0]?.value;
    if (typeof key !== 'string' || Object.hasOwn(props, key) || hasPlaceholder(key)) continue;
    if (suggestKey(schema, key) === name) return p;
  }
  return undefined;
}

/** The property of `props` that `key` names in another case, or undefined. */
function caseVariantOf(props: Record<string, JsonSchema>, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const name of Object.keys(props)) if (name.toLowerCase() === lower && !props[name]['x-ecs-readOnly']) return name;
  return undefined;
}

function propIsPresent(obj: Node, key: string): boolean {
  const p = obj.children?.find((c) => c.children?.[0]?.value === key);
  return !!p?.children?.[1] && p.children[1].type !== 'null';
}

function describeWhere(n: Node): string {
  const path = pathOf(n.type === 'property' ? n.parent! : n);
  return path.length ? ` in ${describePath(path)}` : '';
}

function list(values: string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
