/**
 * Completion and hover inside the Properties of a template's ECS resources, with CloudFormation's
 * property names and the AWS documentation of the generated schema. LSP-shaped plain data (0-based
 * positions), as the definition languages' service gives.
 */
import { findNodeAtLocation, getLocation, parseTree } from 'jsonc-parser';
import type { CompletionItem, CompletionList, Hover } from 'vscode-json-languageservice';
import { type Node, pathOf } from '../document';
import type { JsonSchema } from '../schema';
import type { DocumentKind, Position } from '../types';
import { cfnDeref, cfnSchema, RESOURCE_TYPES } from './names';
import { parseTemplate, type TemplateResource } from './parse';
import { keyColumnLines, yamlCompletionPlace } from './yamlPlace';
import { positionsOf } from './sink';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
/** LSP CompletionItemKind.Property. */
const PROPERTY_KIND = 10;

/** The CloudFormation-named schema of the value at `path` under a resource's Properties. */
export function schemaAt(kind: DocumentKind, path: (string | number)[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = cfnSchema(kind).root;
  for (const seg of path) {
    if (!s) return undefined;
    s = cfnDeref(kind, s);
    if (typeof seg === 'number') s = s.items;
    else s = s.properties && Object.hasOwn(s.properties, seg) ? s.properties[seg] : typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  }
  return s ? cfnDeref(kind, s) : undefined;
}

/** Where completion was asked, in a template: the object's schema path and the keys it has. */
export interface TemplatePlace {
  kind: DocumentKind;
  /** Path of the object under the resource's Properties (numbers for list items). */
  path: (string | number)[];
  present: Set<string>;
  /** The span the chosen name replaces (the word being typed). */
  start: number;
  end: number;
  /** YAML: the column keys of this object start at; undefined in JSON. */
  keyColumn?: number;
  /** JSON: the name is typed inside quotes that are already there. */
  quoted?: boolean;
  /** JSON: a colon follows already. */
  colonFollows?: boolean;
}

export function templateCompletions(text: string, position: Position): CompletionList {
  const doc = positionsOf(text);
  const offset = doc.offsetAt(position);
  const place = /^\s*\{/.test(text) ? jsonPlace(text, offset) : yamlCompletionPlace(parseTemplate(text), offset, keyColumnLines(text));
  if (!place) return EMPTY;
  const schema = schemaAt(place.kind, place.path);
  if (!schema?.properties) return EMPTY;
  const range = { start: doc.positionAt(place.start), end: doc.positionAt(place.end) };
  const items: CompletionItem[] = [];
  for (const [name, p] of Object.entries(schema.properties)) {
    if (place.present.has(name) || p['x-ecs-readOnly'] || p.doNotSuggest) continue;
    const s = cfnDeref(place.kind, p);
    items.push({
      label: name,
      kind: PROPERTY_KIND,
      detail: `${resourceType(place.kind)} · ${typeLabel(s)}`,
      documentation: p.markdownDescription || s.markdownDescription ? { kind: 'markdown', value: p.markdownDescription ?? s.markdownDescription ?? '' } : undefined,
      textEdit: { range, newText: insertText(name, s, place) },
      filterText: place.quoted ? `"${name}"` : name,
      sortText: name,
    });
  }
  return { isIncomplete: false, items };
}

function resourceType(kind: DocumentKind): string {
  return kind === 'task' ? 'AWS::ECS::TaskDefinition' : 'AWS::ECS::Service';
}

function typeLabel(s: JsonSchema): string {
  if (s.enum) return s.enum.join(' | ');
  if (s.type === 'array') return 'list';
  return typeof s.type === 'string' ? s.type : 'value';
}

function insertText(name: string, s: JsonSchema, place: TemplatePlace): string {
  if (place.keyColumn === undefined) {
    if (place.colonFollows) return `"${name}"`;
    return `"${name}": `;
  }
  const inner = ' '.repeat(place.keyColumn + 2);
  if (s.type === 'object') return `${name}:\n${inner}`;
  if (s.type === 'array') return `${name}:\n${inner}- `;
  return `${name}: `;
}

/** In a JSON template: jsonc-parser's location of the offset (it reads unfinished JSON). */
function jsonPlace(text: string, offset: number): TemplatePlace | undefined {
  const loc = getLocation(text, offset);
  const p = loc.path;
  if (!loc.isAtPropertyKey || p[0] !== 'Resources' || p[2] !== 'Properties' || p.length < 4) return undefined;
  const tree = parseTree(text);
  const type = tree && findNodeAtLocation(tree, ['Resources', p[1], 'Type'])?.value;
  const kind = typeof type === 'string' ? RESOURCE_TYPES[type] : undefined;
  if (!kind || !tree) return undefined;
  const objectPath = p.slice(0, -1);
  const object = findNodeAtLocation(tree, objectPath);
  const typed = loc.previousNode?.type === 'string' && loc.previousNode.offset <= offset && offset <= loc.previousNode.offset + loc.previousNode.length ? loc.previousNode : undefined;
  const present = new Set((object?.children ?? []).map((c) => c.children?.[0]).filter((k) => k && k !== typed).map((k) => String(k!.value)));
  const start = typed ? typed.offset : offset;
  const end = typed ? typed.offset + typed.length : offset;
  return { kind, path: objectPath.slice(3), present, start, end, quoted: !!typed, colonFollows: !!typed && /^\s*:/.test(text.slice(end)) };
}

export function templateHover(text: string, position: Position): Hover | null {
  const template = parseTemplate(text);
  const doc = positionsOf(text);
  const offset = doc.offsetAt(position);
  for (const r of template.resources) {
    const node = r.properties && deepestAt(r.properties, offset);
    if (!node) continue;
    const hover = hoverOf(r, node);
    if (hover) return { contents: { kind: 'markdown', value: hover }, range: doc.rangeOf(node.offset, node.length) };
  }
  return null;
}

function hoverOf(r: TemplateResource, node: Node): string | undefined {
  const prop = node.parent;
  if (prop?.type !== 'property') return undefined;
  const path = pathOf(prop);
  const s = schemaAt(r.kind, path);
  if (!s) return undefined;
  const name = String(path[path.length - 1]);
  if (prop.children?.[0] === node) return `**${name}** · ${resourceType(r.kind)}\n\n${s.markdownDescription ?? ''}`.trim();
  if (node.type === 'string' && s.enum && s.markdownEnumDescriptions) {
    const i = s.enum.indexOf(String(node.value));
    if (i >= 0 && s.markdownEnumDescriptions[i]) return `**${name}**: \`${s.enum[i]}\`\n\n${s.markdownEnumDescriptions[i]}`;
  }
  return undefined;
}

function deepestAt(n: Node, offset: number): Node | undefined {
  if (offset < n.offset || offset > n.offset + n.length) return undefined;
  for (const c of n.children ?? []) {
    const d = deepestAt(c, offset);
    if (d) return d;
  }
  return n;
}
