/** XML replies of the query protocols, written through the output shapes (xmlName, xmlFlattened). */
import type { Member, ServiceModel, Shape } from '../model';
import { formatTimestamp, outputMembers } from './document';

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function scalarText(shape: Shape, member: Member, value: unknown): string {
  if (value instanceof Date) {
    const ts = member.ts ?? shape.ts;
    return ts ? String(formatTimestamp(value, ts)) : value.toISOString();
  }
  if (shape.t === 'blob' && value instanceof Uint8Array) {
    return Buffer.from(value).toString('base64');
  }
  return String(value);
}

/** Writes the members of `value` (a structure of `shapeName`) as XML elements. */
export function toXml(svc: ServiceModel, shapeName: string, value: unknown): string {
  const shape = svc.shapes[shapeName];
  if (!shape || value === null || value === undefined) {
    return '';
  }
  return outputMembers(shape, shapeName, value).map(([k, member, v]) => xmlMember(svc, member, member.x ?? k, v)).join('');
}

function xmlMember(svc: ServiceModel, member: Member, name: string, value: unknown): string {
  const shape = svc.shapes[member.s];
  switch (shape.t) {
    case 'structure':
    case 'union':
      return `<${name}>${toXml(svc, member.s, value)}</${name}>`;
    case 'list': {
      const item = shape.v!;
      const flat = member.flat || shape.flat;
      const itemName = flat ? name : (item.x ?? 'member');
      const body = (value as unknown[]).map((v) => xmlMember(svc, item, itemName, v)).join('');
      return flat ? body : `<${name}>${body}</${name}>`;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `<entry><key>${xmlEscape(k)}</key>${xmlMember(svc, shape.v!, 'value', v)}</entry>`)
        .join('');
      return `<${name}>${entries}</${name}>`;
    }
    default:
      return `<${name}>${xmlEscape(scalarText(shape, member, value))}</${name}>`;
  }
}
