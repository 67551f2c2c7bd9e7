/**
 * A CloudFormation / SAM template (YAML or JSON: JSON is YAML's flow style, and CloudFormation reads
 * YAML 1.1) parsed with the `yaml` library, and each ECS resource's Properties turned into the node
 * tree the definition rules read (jsonc-parser's `Node`), with offsets into the template's text and
 * CloudFormation's property names. Scalars take the type the property has, as CloudFormation converts
 * them (`Cpu: 256` is the string "256", `ContainerPort: "80"` the number 80); intrinsic functions
 * become placeholders.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node as YamlNode, parseDocument, type Scalar } from 'yaml';
import type { Node } from '../document';
import type { JsonSchema } from '../schema';
import type { DocumentKind } from '../types';
import { CFN_TAGS, functionOfTag, type Intrinsic, isLongFormKey, isNoValue, placeholderOf } from './intrinsics';
import { cfnDeref, cfnSchema, RESOURCE_TYPES } from './names';

export interface TemplateResource {
  logicalId: string;
  kind: DocumentKind;
  /** The logical id's key in the text (where a resource-wide finding is shown). */
  keyOffset: number;
  keyLength: number;
  /** The Properties, CloudFormation-named; undefined when absent or not a mapping (an intrinsic, say). */
  properties: Node | undefined;
  /** Where the `Properties` key starts, when written (completion under an empty one). */
  propertiesKeyOffset: number | undefined;
}

export interface TemplateSyntaxError {
  offset: number;
  length: number;
  message: string;
}

/** Where a scalar's null or a YAML null sits: CloudFormation refuses null values. */
export interface NullValue {
  node: Node;
}

export interface ParsedTemplate {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  resources: TemplateResource[];
  syntaxErrors: TemplateSyntaxError[];
  /** The call behind each placeholder node. */
  intrinsics: WeakMap<Node, Intrinsic>;
  nulls: Node[];
  /** `Transform: AWS::Serverless-2016-10-31` (or a list holding it). */
  sam: boolean;
}

let last: ParsedTemplate | undefined;

/** The parsed template of `text`, shared with the last caller that parsed the same text. */
export function parseTemplate(text: string): ParsedTemplate {
  if (last?.text === text) return last;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', customTags: CFN_TAGS, lineCounter, prettyErrors: false, keepSourceTokens: false });
  const out: ParsedTemplate = { text, doc, lineCounter, resources: [], syntaxErrors: [], intrinsics: new WeakMap(), nulls: [], sam: false };
  for (const e of doc.errors) out.syntaxErrors.push({ offset: e.pos[0], length: Math.max(1, e.pos[1] - e.pos[0]), message: firstLine(e.message) });
  const contents = doc.contents;
  if (isMap(contents)) {
    const transform = contents.get('Transform', true);
    out.sam = [transform, ...(isSeq(transform) ? transform.items : [])].some((t) => isScalar(t) && t.value === 'AWS::Serverless-2016-10-31');
    const resources = contents.get('Resources', true);
    if (isMap(resources)) {
      for (const pair of resources.items) {
        if (!isScalar(pair.key) || !isMap(pair.value)) continue;
        const type = pair.value.get('Type');
        const kind = typeof type === 'string' ? RESOURCE_TYPES[type] : undefined;
        if (!kind) continue;
        const key = pair.key as Scalar;
        const [start, end] = key.range ?? [0, 0];
        const props = pair.value.get('Properties', true) as YamlNode | undefined;
        const propsKey = pair.value.items.find((p) => isScalar(p.key) && p.key.value === 'Properties')?.key as Scalar | undefined;
        const properties = isMap(props) ? new Converter(out, doc, kind).convert(props, cfnSchema(kind).root, undefined) : undefined;
        out.resources.push({ logicalId: String(key.value), kind, keyOffset: start, keyLength: end - start, properties, propertiesKeyOffset: propsKey?.range?.[0] });
      }
    }
  }
  last = out;
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

type Mutable = { -readonly [K in keyof Node]: Node[K] };

/** Walks one resource's Properties into `Node`s, following the CloudFormation-named schema for the scalar types. */
class Converter {
  private depth = 0;
  constructor(
    private readonly template: ParsedTemplate,
    private readonly doc: Document.Parsed,
    private readonly kind: DocumentKind,
  ) {}

  convert(y: unknown, schema: JsonSchema | undefined, parent: Node | undefined): Node {
    // An alias reads as what it names (its offsets too); a cycle of aliases is cut by the depth.
    for (let i = 0; isAlias(y) && i < 100; i++) y = y.resolve(this.doc);
    const s = schema ? cfnDeref(this.kind, schema) : undefined;
    const range = (y as { range?: [number, number, number] }).range ?? [0, 0, 0];
    const node: Mutable = { type: 'null', offset: range[0], length: range[1] - range[0], parent };
    if (++this.depth > 200) return node;
    try {
      const call = this.intrinsic(y);
      if (call) {
        const tag = (y as YamlNode).tag;
        // A short tag starts before the node's own range.
        if (tag) {
          const at = this.template.text.lastIndexOf(tag, range[0]);
          if (at >= 0) node.offset = at;
          node.length = range[1] - node.offset;
        }
        if (isNoValue(call)) return node;
        node.type = 'string';
        node.value = placeholderOf(call);
        this.template.intrinsics.set(node, call);
        return node;
      }
      if (isMap(y)) {
        node.type = 'object';
        node.children = [];
        for (const pair of y.items) {
          if (!isPair(pair)) continue;
          const k = pair.key as YamlNode | null;
          const keyRange = (k as { range?: [number, number, number] } | null)?.range ?? [range[0], range[0], range[0]];
          const keyText = isScalar(k) ? String(k.value) : '';
          const prop: Mutable = { type: 'property', offset: keyRange[0], length: keyRange[1] - keyRange[0], parent: node, colonOffset: keyRange[1] };
          const keyNode: Node = { type: 'string', value: keyText, offset: keyRange[0], length: keyRange[1] - keyRange[0], parent: prop };
          const childSchema = s?.properties && Object.hasOwn(s.properties, keyText) ? s.properties[keyText] : typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined;
          const value = pair.value === null ? this.nullAfter(prop, keyRange[1]) : this.convert(pair.value, childSchema, prop);
          prop.children = [keyNode, value];
          prop.length = Math.max(prop.length, value.offset + value.length - prop.offset);
          node.children.push(prop);
        }
        return node;
      }
      if (isSeq(y)) {
        node.type = 'array';
        node.children = y.items.map((item) => (item === null ? this.nullAfter(node, range[0]) : this.convert(item, s?.items, node)));
        return node;
      }
      if (isScalar(y)) return this.scalar(node, y, s);
      return node;
    } finally {
      this.depth--;
    }
  }

  /** `Key:` with nothing after it: a null where the value would start. */
  private nullAfter(parent: Node, offset: number): Node {
    const node: Node = { type: 'null', offset, length: 0, parent };
    this.template.nulls.push(node);
    return node;
  }

  private scalar(node: Mutable, y: Scalar, s: JsonSchema | undefined): Node {
    const v = y.value;
    const expected = s?.type;
    const source = this.template.text.slice(node.offset, node.offset + node.length);
    if (v === null || v === undefined) {
      this.template.nulls.push(node);
      return node;
    }
    if (expected === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return set(node, 'string', y.source ?? source);
    if ((expected === 'integer' || expected === 'number') && typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) && Number.isFinite(Number(v))) return set(node, 'number', Number(v));
    if (expected === 'boolean' && typeof v === 'string' && /^(true|false)$/i.test(v)) return set(node, 'boolean', v.toLowerCase() === 'true');
    if (typeof v === 'number') return set(node, 'number', v);
    if (typeof v === 'boolean') return set(node, 'boolean', v);
    if (typeof v === 'bigint') return set(node, 'number', Number(v));
    return set(node, 'string', String(v));
  }

  /** The call `y` is, short tag or long form, with a plain copy of its argument. */
  private intrinsic(y: unknown): Intrinsic | undefined {
    const tagged = functionOfTag((y as YamlNode | null)?.tag);
    if (tagged) return { fn: tagged, argument: toPlain(y) };
    if (isMap(y) && y.items.length === 1) {
      const key = y.items[0].key;
      const name = isScalar(key) ? key.value : undefined;
      if (isLongFormKey(name)) return { fn: name, argument: toPlain(y.items[0].value) };
    }
    return undefined;
  }
}

function set(node: Mutable, type: 'string' | 'number' | 'boolean', value: unknown): Node {
  node.type = type;
  node.value = value;
  return node;
}

function toPlain(y: unknown): unknown {
  if (isScalar(y)) return y.value;
  try {
    return (y as { toJSON?: () => unknown } | null)?.toJSON?.();
  } catch {
    return undefined; // an alias inside a call: the argument is not needed to read it as unknown
  }
}
