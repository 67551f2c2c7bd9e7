/**
 * awsQuery (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html) and its EC2 variant
 * ec2Query (https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html): form-encoded
 * `Action`, `Version` and members in, XML out. awsQuery wraps results in `<OpResult>` with
 * `<ResponseMetadata>`, lists as `.member.N`, maps as `.entry.N.key/value`, errors as
 * `<ErrorResponse>`; ec2Query keys members by ec2QueryName or capitalized name, always flattens
 * lists (`.N`), writes members straight under `<OpResponse>` with `<requestId>`, and errors as
 * `<Response><Errors><Error>`.
 */
import { AwsError, errorShape, genericError } from '../errors';
import type { Member, ServiceModel } from '../model';
import { NUMBER_TYPES } from '../validate';
import { Call, Codec, reply, WireReply, WireRequest } from './codec';
import { toXml, xmlEscape } from './xml';

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The form parameters of a request: its query string and, for form bodies, its body. */
export function formParams(req: WireRequest): Map<string, string> {
  const params = new Map<string, string>();
  for (const [k, v] of req.url.searchParams) {
    params.set(k, v);
  }
  if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) {
      params.set(k, v);
    }
  }
  return params;
}

class FormReader {
  private readonly prefixes = new Set<string>();
  constructor(
    private readonly svc: ServiceModel,
    private readonly params: Map<string, string>,
    private readonly ec2: boolean,
  ) {
    for (const k of params.keys()) {
      const parts = k.split('.');
      for (let i = 1; i <= parts.length; i++) {
        this.prefixes.add(parts.slice(0, i).join('.'));
      }
    }
  }

  private keyOf(name: string, member: Member): string {
    return this.ec2 ? (member.q ?? capitalize(member.x ?? name)) : (member.x ?? name);
  }

  read(shapeName: string, prefix: string, flatMember = false): unknown {
    const shape = this.svc.shapes[shapeName];
    const at = (name: string): string => (prefix ? `${prefix}.${name}` : name);
    switch (shape.t) {
      case 'structure':
      case 'union': {
        const out: Record<string, unknown> = {};
        for (const [name, member] of Object.entries(shape.m ?? {})) {
          const k = at(this.keyOf(name, member));
          if (this.prefixes.has(k)) {
            out[name] = this.read(member.s, k, member.flat);
          }
        }
        return out;
      }
      case 'list': {
        if (this.params.get(prefix) === '') {
          return [];
        }
        const base = this.ec2 || flatMember || shape.flat ? prefix : `${prefix}.${shape.v!.x ?? 'member'}`;
        const items: unknown[] = [];
        for (let i = 1; this.prefixes.has(`${base}.${i}`); i++) {
          items.push(this.read(shape.v!.s, `${base}.${i}`));
        }
        return items;
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        const base = flatMember || shape.flat ? prefix : `${prefix}.entry`;
        for (let i = 1; this.prefixes.has(`${base}.${i}`); i++) {
          out[this.params.get(`${base}.${i}.key`) ?? ''] = this.read(shape.v!.s, `${base}.${i}.value`);
        }
        return out;
      }
      default:
        return this.scalar(shape.t, prefix);
    }
  }

  private scalar(type: string, key: string): unknown {
    const raw = this.params.get(key);
    if (raw === undefined) {
      return undefined;
    }
    if (NUMBER_TYPES.has(type)) {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) {
        throw new AwsError('ValidationError', `Value '${raw}' at '${key}' failed to satisfy constraint: Member must be a number`);
      }
      return n;
    }
    if (type === 'boolean') {
      return raw === 'true';
    }
    if (type === 'timestamp') {
      return new Date(raw);
    }
    return raw;
  }
}

function xmlReply(call: Call, status: number, xml: string): WireReply {
  return reply(status, 'text/xml', call.requestId, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
}

export const queryCodec: Codec = {
  read(call: Call, req: WireRequest): unknown {
    return new FormReader(call.svc, formParams(req), call.protocol === 'ec2Query').read(call.opModel.i, '') ?? {};
  },

  write(call: Call, output: unknown): WireReply {
    const { op, svc, requestId } = call;
    const body = toXml(svc, call.opModel.o, output);
    if (call.protocol === 'ec2Query') {
      return xmlReply(call, 200, `<${op}Response xmlns="${svc.xmlns}"><requestId>${requestId}</requestId>${body}</${op}Response>`);
    }
    return xmlReply(call, 200, `<${op}Response xmlns="${svc.xmlns}"><${op}Result>${body}</${op}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${op}Response>`);
  },

  error(call: Call, err: AwsError): WireReply {
    const shape = errorShape(call.svc, err.code);
    const generic = genericError(err.code);
    const message = xmlEscape(err.message);
    if (call.protocol === 'ec2Query') {
      const [code, status] = shape ? [err.code, shape.status ?? 400] : (generic?.ec2 ?? generic?.query ?? [err.code, 400]);
      const xml = `<Response><Errors><Error><Code>${xmlEscape(code)}</Code><Message>${message}</Message></Error></Errors><RequestId>${call.requestId}</RequestId></Response>`;
      return xmlReply(call, err.extras.status ?? status, xml);
    }
    const code = shape?.qe?.[0] ?? generic?.query[0] ?? err.code;
    const status = err.extras.status ?? shape?.qe?.[1] ?? shape?.status ?? generic?.query[1] ?? 400;
    const xml = `<ErrorResponse xmlns="${call.svc.xmlns}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${xmlEscape(code)}</Code><Message>${message}</Message></Error><RequestId>${call.requestId}</RequestId></ErrorResponse>`;
    return xmlReply(call, status, xml);
  },
};
