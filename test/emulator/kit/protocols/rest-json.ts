/**
 * restJson1 (https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html) with the HTTP binding
 * traits (https://smithy.io/2.0/spec/http-bindings.html): members travel in URI labels, query
 * parameters, headers, the payload, or the JSON body; errors carry `X-Amzn-ErrorType` and `__type`.
 * Timestamps default to date-time in labels and queries, http-date in headers, epoch seconds in
 * the body.
 */
import { AwsError, emulatorBug } from '../errors';
import type { Member, ServiceModel } from '../model';
import { NUMBER_TYPES } from '../validate';
import { Call, Codec, reply, WireReply, WireRequest } from './codec';
import { formatTimestamp, fromDocument, JSON_SCALARS, outputMembers, parseTimestamp, Scalars, toDocument } from './document';
import { errorStatus, jsonErrorBody, parseJsonObject } from './json';

const REST_SCALARS: Scalars = { ...JSON_SCALARS, jsonNames: true };

/** A string from a label, query parameter or header as the member's type says. */
function scalarFrom(svc: ServiceModel, member: Member, raw: string, defaultTs: string): unknown {
  const t = svc.shapes[member.s]?.t;
  if (NUMBER_TYPES.has(t)) {
    const n = Number(raw);
    if (raw.trim() === '' || Number.isNaN(n)) {
      throw new AwsError('SerializationException', `Cannot read '${raw}' as a number`);
    }
    return n;
  }
  if (t === 'boolean') {
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  if (t === 'timestamp') {
    return parseTimestamp(member.ts === 'epoch-seconds' ? Number(raw) : raw, member.ts ?? defaultTs);
  }
  return raw;
}

function scalarText(member: Member, value: unknown, defaultTs: string): string {
  if (value instanceof Date) {
    return String(formatTimestamp(value, member.ts ?? defaultTs));
  }
  return String(value);
}

function readBound(svc: ServiceModel, call: Call, req: WireRequest, name: string, member: Member, bound: Set<string>): unknown {
  const shape = svc.shapes[member.s];
  const key = member.n ?? name;
  switch (member.at) {
    case 'label': {
      const raw = call.labels?.[key];
      return raw === undefined ? undefined : scalarFrom(svc, member, raw, 'date-time');
    }
    case 'query': {
      const values = req.url.searchParams.getAll(key);
      if (values.length === 0) {
        return undefined;
      }
      return shape.t === 'list' ? values.map((v) => scalarFrom(svc, shape.v!, v, 'date-time')) : scalarFrom(svc, member, values[0], 'date-time');
    }
    case 'queryParams': {
      const out: Record<string, unknown> = {};
      for (const k of new Set(req.url.searchParams.keys())) {
        if (!bound.has(k)) {
          const all = req.url.searchParams.getAll(k);
          out[k] = svc.shapes[shape.v!.s]?.t === 'list' ? all : all[0];
        }
      }
      return out;
    }
    case 'header': {
      const raw = req.headers[key.toLowerCase()];
      if (raw === undefined) {
        return undefined;
      }
      const text = Array.isArray(raw) ? raw.join(', ') : raw;
      return shape.t === 'list' ? text.split(',').map((v) => scalarFrom(svc, shape.v!, v.trim(), 'http-date')) : scalarFrom(svc, member, text, 'http-date');
    }
    case 'prefixHeaders': {
      const prefix = key.toLowerCase();
      const out: Record<string, string> = {};
      for (const [h, v] of Object.entries(req.headers)) {
        if (h.startsWith(prefix) && typeof v === 'string') {
          out[h.slice(prefix.length)] = v;
        }
      }
      return out;
    }
    case 'payload':
      if (shape.t === 'structure' || shape.t === 'union') {
        return req.body.length ? fromDocument(svc, member.s, parseJsonObject(req.body), REST_SCALARS) : undefined;
      }
      return req.body.length ? (shape.t === 'blob' ? req.body : req.body.toString('utf8')) : undefined;
    default:
      return undefined;
  }
}

export const restJsonCodec: Codec = {
  read(call: Call, req: WireRequest): unknown {
    const { svc } = call;
    const members = Object.entries(svc.shapes[call.opModel.i]?.m ?? {});
    const bound = new Set(members.filter(([, m]) => m.at === 'query').map(([name, m]) => m.n ?? name));
    const input: Record<string, unknown> = {};
    const inBody = members.filter(([, m]) => !m.at);
    if (inBody.length && req.body.length) {
      const fromBody = fromDocument(svc, call.opModel.i, parseJsonObject(req.body), REST_SCALARS) as Record<string, unknown>;
      for (const [name] of inBody) {
        if (fromBody[name] !== undefined) {
          input[name] = fromBody[name];
        }
      }
    }
    for (const [name, member] of members.filter(([, m]) => m.at)) {
      const v = readBound(svc, call, req, name, member, bound);
      if (v !== undefined) {
        input[name] = v;
      }
    }
    return input;
  },

  write(call: Call, output: unknown): WireReply {
    const { svc, opModel } = call;
    const shape = svc.shapes[opModel.o];
    let status = opModel.http?.code ?? 200;
    const headers: Record<string, string> = {};
    const body: Record<string, unknown> = {};
    let payload: Buffer | string | undefined;
    for (const [name, member, value] of shape?.m ? outputMembers(shape, opModel.o, output ?? {}) : []) {
      const target = svc.shapes[member.s];
      if (member.at === 'status') {
        status = Number(value);
      } else if (member.at === 'header') {
        headers[member.n ?? name] = Array.isArray(value) ? value.map((v) => scalarText(target.v!, v, 'http-date')).join(', ') : scalarText(member, value, 'http-date');
      } else if (member.at === 'prefixHeaders') {
        for (const [k, v] of Object.entries(value as Record<string, string>)) {
          headers[`${member.n ?? ''}${k}`] = v;
        }
      } else if (member.at === 'payload') {
        payload = target.t === 'structure' || target.t === 'union'
          ? JSON.stringify(toDocument(svc, member.s, value, REST_SCALARS))
          : target.t === 'blob' ? Buffer.from(value as Uint8Array) : String(value);
      } else if (member.at) {
        throw emulatorBug(`output member ${opModel.o}.${name} is bound to ${member.at}`);
      } else {
        body[name] = value;
      }
    }
    const hasBody = Object.values(shape?.m ?? {}).some((m) => !m.at);
    if (payload !== undefined) {
      return reply(status, typeof payload === 'string' && payload.startsWith('{') ? 'application/json' : 'application/octet-stream', call.requestId, payload, headers);
    }
    if (!hasBody) {
      return reply(status, undefined, call.requestId, '', headers);
    }
    return reply(status, 'application/json', call.requestId, JSON.stringify(toDocument(svc, opModel.o, body, REST_SCALARS)), headers);
  },

  error(call: Call, err: AwsError): WireReply {
    const body = jsonErrorBody(call.svc, err, (code) => code);
    return reply(errorStatus(call.svc, err), 'application/json', call.requestId, JSON.stringify(body), { 'X-Amzn-ErrorType': String(body.__type) });
  },
};
