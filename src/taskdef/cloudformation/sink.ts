/**
 * Diagnostics of one resource, reported the way the template spells it: pointers from the template's
 * root (/Resources/TaskDef/Properties/ContainerDefinitions/0/Memory) and messages with CloudFormation's
 * property names (the rules write the API's: "networkMode" becomes "NetworkMode").
 */
import { DiagnosticSink, type Node, ParsedDocument, pathOf, pointerOf } from '../document';
import type { DiagnosticData, Severity } from '../types';
import { cfnSchema } from './names';

/**
 * Positions only: a ParsedDocument's line arithmetic over the template's text, without parsing the
 * text as JSON (a YAML template is not JSON; the template was parsed with the yaml library).
 */
export function positionsOf(text: string): ParsedDocument {
  return Object.assign(Object.create(ParsedDocument.prototype) as ParsedDocument, { text });
}

/** Codes whose messages quote values, not property names ("binpack works on "cpu" or "memory""). */
const VALUE_MESSAGES = new Set(['invalid-enum', 'empty-value', 'type-mismatch', 'placement-strategy-field']);

let apiToCfn: Map<string, string> | undefined;

/** API member → CloudFormation name, over both resources (a name takes the same spelling in both but for the exceptions, which no message quotes). */
function names(): Map<string, string> {
  if (!apiToCfn) {
    apiToCfn = new Map(cfnSchema('service').names);
    for (const [api, cfn] of cfnSchema('task').names) apiToCfn.set(api, cfn);
  }
  return apiToCfn;
}

/**
 * A rule's message with CloudFormation's names: each quoted API member ("essential") becomes the
 * CloudFormation property ("Essential"), unless it stands as a value: right after `": `, in a message
 * about values, or equal to a string the resource holds (a container named "image"). Unquoted
 * camel-case members (minimumHealthyPercent) are names too: no English word is written that way.
 */
export function cfnMessage(message: string, code: string, values: ReadonlySet<string>): string {
  if (VALUE_MESSAGES.has(code)) return message;
  const map = names();
  return message.replace(/"([A-Za-z][A-Za-z0-9]*)"|\b([a-z]+[A-Z][A-Za-z0-9]*)\b/g, (whole, quoted: string | undefined, bare: string | undefined, at: number) => {
    const name = quoted ?? bare!;
    if (values.has(name) || (quoted && message.slice(Math.max(0, at - 3), at) === '": ')) return whole;
    const cfn = map.get(name);
    if (!cfn) return whole;
    return quoted ? `"${cfn}"` : cfn;
  });
}

export class TemplateSink extends DiagnosticSink {
  constructor(
    doc: ParsedDocument,
    /** The path of the Properties in the template: ['Resources', 'TaskDef', 'Properties']. */
    private readonly base: (string | number)[],
    /** For the API-named copy the rules read: the CloudFormation node behind each of its nodes. */
    private readonly cfnNodeOf?: WeakMap<Node, Node>,
    /** Strings the resource holds, which a message quotes as values. */
    private readonly values: ReadonlySet<string> = new Set(),
  ) {
    super(doc);
  }

  override add(node: Node, code: string, severity: Severity, message: string, data?: DiagnosticData): void {
    const cfnNode = this.cfnNodeOf?.get(node) ?? node;
    const target = cfnNode.type === 'property' && cfnNode.children?.[0] ? cfnNode.children[0] : cfnNode;
    const text = this.cfnNodeOf ? cfnMessage(message, code, this.values) : message;
    this.addSpan(target.offset, target.length, pointerOf([...this.base, ...pathOf(cfnNode)]), code, severity, text.replace('The AWS CLI and API reject unknown properties.', 'CloudFormation rejects unknown properties.'), data);
  }
}

/** Every string value under `node` (container names, network modes…). */
export function stringValues(node: Node | undefined, out = new Set<string>()): Set<string> {
  if (!node) return out;
  if (node.type === 'string' && node.parent?.type !== 'property') out.add(String(node.value));
  else if (node.type === 'string' && node.parent?.children?.[1] === node) out.add(String(node.value));
  for (const c of node.children ?? []) stringValues(c, out);
  return out;
}
