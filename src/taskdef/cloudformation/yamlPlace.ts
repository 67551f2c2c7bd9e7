/**
 * Which object of a YAML template a new key is being typed into. Block YAML says it by indentation:
 * the word's column is the column of its siblings' keys; a line above with a smaller key column is
 * the key that holds the object (a `- ` on the word's line starts a new list item under it). The
 * nodes themselves come from the parsed template (the yaml library keeps an unfinished `Ima` as a
 * key without a value).
 */
import type { Node } from '../document';
import { pathOf } from '../document';
import type { ParsedTemplate } from './parse';
import type { TemplatePlace } from './languageService';

interface LineInfo {
  start: number;
  /** Column of the first character after the indentation and any `- `. */
  keyColumn: number;
  /** Column of the first `- `, or -1. */
  dashColumn: number;
  isKey: boolean;
  blank: boolean;
}

const LINE = /^( *)((?:- +)*)(.*)$/;
const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?:\s|$)/;

export function keyColumnLines(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const m = LINE.exec(line.replace(/\r$/, ''))!;
    const rest = m[3];
    out.push({ start, keyColumn: m[1].length + m[2].length, dashColumn: m[2] ? m[1].length : -1, isKey: KEY.test(rest), blank: rest.trim() === '' || rest.startsWith('#') });
    start += line.length + 1;
  }
  return out;
}

export function yamlCompletionPlace(template: ParsedTemplate, offset: number, lines: LineInfo[]): TemplatePlace | undefined {
  const text = template.text;
  let lineNo = lines.findIndex((l, i) => l.start <= offset && (i + 1 === lines.length || lines[i + 1].start > offset));
  if (lineNo < 0) return undefined;
  const line = lines[lineNo];
  const before = text.slice(line.start, offset);
  const m = /^( *)((?:- +)*)([A-Za-z0-9]*)$/.exec(before);
  if (!m) return undefined;
  const column = m[1].length + m[2].length;
  const wordStart = line.start + column;
  const wordEnd = offset + (/^[A-Za-z0-9]*/.exec(text.slice(offset))?.[0].length ?? 0);
  const newItem = m[2].length > 0;
  const dash = m[1].length;
  for (lineNo--; lineNo >= 0; lineNo--) {
    const l = lines[lineNo];
    if (l.blank) continue;
    if (!newItem && l.keyColumn === column && l.isKey) return sibling(template, l.start + l.keyColumn, wordStart, wordEnd, column);
    if (newItem && l.dashColumn === dash) continue; // an earlier item of the same list
    if (newItem ? l.keyColumn <= dash : l.keyColumn < column) {
      if (!l.isKey) return undefined;
      return child(template, l.start + l.keyColumn, newItem, wordStart, wordEnd, column);
    }
  }
  return undefined;
}

/** The word is a key of the object that holds the key at `keyOffset`. */
function sibling(template: ParsedTemplate, keyOffset: number, wordStart: number, wordEnd: number, column: number): TemplatePlace | undefined {
  const found = findKey(template, keyOffset);
  if (!found || found.prop === 'properties') return undefined;
  const object = found.prop.parent!;
  return { kind: found.kind, path: pathOf(object), present: keysOf(object, wordStart), start: wordStart, end: wordEnd, keyColumn: column };
}

/** The word is a key of the value of the key at `keyOffset` (of a new item of it, after `- `). */
function child(template: ParsedTemplate, keyOffset: number, newItem: boolean, wordStart: number, wordEnd: number, column: number): TemplatePlace | undefined {
  const found = findKey(template, keyOffset);
  if (!found) return undefined;
  if (found.prop === 'properties') {
    const root = template.resources.find((r) => r.propertiesKeyOffset === keyOffset)?.properties;
    return newItem ? undefined : { kind: found.kind, path: [], present: root ? keysOf(root, wordStart) : new Set(), start: wordStart, end: wordEnd, keyColumn: column };
  }
  const path = pathOf(found.prop);
  const value = found.prop.children?.[1];
  if (newItem) {
    // The item being written, if the parser already made one of it: its own keys are present.
    const item = value?.type === 'array' ? value.children?.find((c) => c.offset <= wordStart && wordStart <= c.offset + c.length) : undefined;
    const index = value?.type === 'array' ? (item ? value.children!.indexOf(item) : (value.children?.length ?? 0)) : 0;
    return { kind: found.kind, path: [...path, index], present: item?.type === 'object' ? keysOf(item, wordStart) : new Set(), start: wordStart, end: wordEnd, keyColumn: column };
  }
  return { kind: found.kind, path, present: value?.type === 'object' ? keysOf(value, wordStart) : new Set(), start: wordStart, end: wordEnd, keyColumn: column };
}

function keysOf(object: Node, typedAt: number): Set<string> {
  return new Set((object.children ?? []).map((p) => p.children?.[0]).filter((k) => k && k.offset !== typedAt).map((k) => String(k!.value)));
}

/** The property whose key starts at `offset` (quotes included) in an ECS resource, or its `Properties` key. */
function findKey(template: ParsedTemplate, offset: number): { kind: ParsedTemplate['resources'][number]['kind']; prop: Node | 'properties' } | undefined {
  for (const r of template.resources) {
    if (r.propertiesKeyOffset === offset) return { kind: r.kind, prop: 'properties' };
    const prop = r.properties && findProperty(r.properties, offset);
    if (prop) return { kind: r.kind, prop };
  }
  return undefined;
}

function findProperty(n: Node, offset: number): Node | undefined {
  if (n.type === 'property' && n.offset === offset) return n;
  for (const c of n.children ?? []) {
    if (c.offset > offset) break;
    const found = findProperty(c, offset);
    if (found) return found;
  }
  return undefined;
}
