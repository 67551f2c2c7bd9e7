// What the mutations share: the tolerant tree of a text, splicing, and the mutation signature.
import { type Node, parseTree } from 'jsonc-parser';
import { schemaFor } from '../../src/taskdef/schema';
import type { SeedFile, Sizes } from './generator';
import type { Rng } from './rng';

export interface Tree {
  root: Node | undefined;
  properties: Node[];
  values: Node[];
  strings: Node[];
  numbers: Node[];
  arrays: Node[];
  objects: Node[];
}

export function tree(text: string): Tree {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const t: Tree = { root, properties: [], values: [], strings: [], numbers: [], arrays: [], objects: [] };
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'property') t.properties.push(n);
    else {
      const isKey = n.parent?.type === 'property' && n.parent.children?.[0] === n;
      if (!isKey) t.values.push(n);
      if (n.type === 'string') t.strings.push(n);
      if (n.type === 'number') t.numbers.push(n);
      if (n.type === 'array') t.arrays.push(n);
      if (n.type === 'object') t.objects.push(n);
    }
    for (const c of n.children ?? []) stack.push(c);
  }
  return t;
}

export function splice(text: string, offset: number, length: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + length);
}

export function nodeText(text: string, n: Node): string {
  return text.slice(n.offset, n.offset + n.length);
}

/** Every property name of both schemas: "other valid keys" for renames. */
let schemaKeys: string[] | undefined;
export function allSchemaKeys(): string[] {
  if (schemaKeys) return schemaKeys;
  const names = new Set<string>();
  const visit = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    const props = (o as { properties?: Record<string, unknown> }).properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) names.add(k);
    for (const v of Object.values(o)) visit(v);
  };
  visit(schemaFor('task'));
  visit(schemaFor('service'));
  return (schemaKeys = [...names].sort());
}

export interface Ctx {
  rng: Rng;
  sizes: Sizes;
  seed: SeedFile;
  /** The variant the generator wants (a position class for truncate, a style for encoding), if any. */
  want?: string;
}

export type Result = { text: string; variant: string; bytes?: Buffer };
export type Mutation = (ctx: Ctx, text: string) => Result;
