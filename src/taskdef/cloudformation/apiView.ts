/**
 * A resource's Properties as the definition rules read them: the same nodes (same offsets into the
 * template) with the API's member names (`ContainerDefinitions` → `containerDefinitions`), and the
 * way back from each node to the CloudFormation-named one it copies (for pointers).
 */
import type { Node } from '../document';
import type { JsonSchema } from '../schema';
import type { DocumentKind } from '../types';
import { cfnDeref, cfnSchema } from './names';

export interface ApiView {
  root: Node;
  /** The CloudFormation-named node each API-named node copies. */
  cfnNodeOf: WeakMap<Node, Node>;
}

type Mutable = { -readonly [K in keyof Node]: Node[K] };

export function apiView(kind: DocumentKind, properties: Node): ApiView {
  const { root, toApi } = cfnSchema(kind);
  const cfnNodeOf = new WeakMap<Node, Node>();
  const copy = (n: Node, schema: JsonSchema | undefined, parent: Node | undefined): Node => {
    const s = schema ? cfnDeref(kind, schema) : undefined;
    const out: Mutable = { type: n.type, offset: n.offset, length: n.length, parent };
    if (n.value !== undefined) out.value = n.value;
    if (n.colonOffset !== undefined) out.colonOffset = n.colonOffset;
    cfnNodeOf.set(out, n);
    if (n.type === 'object') {
      const names = s ? toApi.get(s) : undefined;
      out.children = (n.children ?? []).map((p) => {
        const [k, v] = p.children ?? [];
        const cfn = String(k?.value ?? '');
        const prop: Mutable = { type: 'property', offset: p.offset, length: p.length, parent: out, colonOffset: p.colonOffset };
        cfnNodeOf.set(prop, p);
        // A key the schema does not know keeps its spelling with a small first letter, so "did you
        // mean" compares it with the API's names.
        // The keys of a map (log options, Docker labels) are the user's own.
        const mapOfValues = typeof s?.additionalProperties === 'object' && !s.properties;
        const api = mapOfValues ? cfn : (names?.get(cfn) ?? lowerFirst(cfn));
        const keyNode: Mutable = { type: 'string', value: api, offset: k?.offset ?? p.offset, length: k?.length ?? 0, parent: prop };
        if (k) cfnNodeOf.set(keyNode, k);
        const childSchema = s?.properties && Object.hasOwn(s.properties, cfn) ? s.properties[cfn] : typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined;
        prop.children = v ? [keyNode, copy(v, childSchema, prop)] : [keyNode];
        return prop;
      });
    } else if (n.type === 'array') out.children = (n.children ?? []).map((c) => copy(c, s?.items, out));
    return out;
  };
  return { root: copy(properties, root, undefined), cfnNodeOf };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
