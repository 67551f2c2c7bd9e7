/**
 * One Smithy 2.0 JSON service model -> the emulator's compact ServiceModel: the listed operations
 * and every shape they reach, with the traits the emulator acts on (protocols, HTTP bindings,
 * constraints, error codes); documentation is dropped.
 */
import type { HttpLocation, Member, Operation, Protocol, ServiceModel, Shape } from '../../test/emulator/kit/model';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type CompactService = Omit<ServiceModel, 'key'>;

const PRELUDE: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Integer: 'integer', PrimitiveInteger: 'integer',
  Long: 'long', PrimitiveLong: 'long', Float: 'float', PrimitiveFloat: 'float', Double: 'double', PrimitiveDouble: 'double',
  Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure', Short: 'short', PrimitiveShort: 'short',
  Byte: 'byte', PrimitiveByte: 'byte', BigInteger: 'bigInteger', BigDecimal: 'bigDecimal',
};

/** Protocol trait -> protocol name, in the order the emulator reports them. */
const PROTOCOL_TRAITS: Record<string, Protocol> = {
  'aws.protocols#awsJson1_0': 'awsJson1_0',
  'aws.protocols#awsJson1_1': 'awsJson1_1',
  'aws.protocols#awsQuery': 'awsQuery',
  'aws.protocols#ec2Query': 'ec2Query',
  'aws.protocols#restJson1': 'restJson1',
  'smithy.protocols#rpcv2Cbor': 'rpcv2Cbor',
};

/** HTTP binding traits on members -> where the member travels. */
const BINDINGS: [string, HttpLocation][] = [
  ['smithy.api#httpLabel', 'label'],
  ['smithy.api#httpQuery', 'query'],
  ['smithy.api#httpQueryParams', 'queryParams'],
  ['smithy.api#httpHeader', 'header'],
  ['smithy.api#httpPrefixHeaders', 'prefixHeaders'],
  ['smithy.api#httpPayload', 'payload'],
  ['smithy.api#httpResponseCode', 'status'],
];

const bounds = (v: Json): [number | null, number | null] => [v.min ?? null, v.max ?? null];

/** Smithy trait -> compact key, and how its value is kept. */
const MEMBER_TRAITS: [string, string, (v: Json) => unknown][] = [
  ['smithy.api#xmlName', 'x', (v) => v],
  ['smithy.api#xmlFlattened', 'flat', () => true],
  ['smithy.api#timestampFormat', 'ts', (v) => v],
  ['smithy.api#jsonName', 'j', (v) => v],
  ['aws.protocols#ec2QueryName', 'q', (v) => v],
];
const SHAPE_TRAITS: [string, string, (v: Json) => unknown][] = [
  ['smithy.api#length', 'len', bounds],
  ['smithy.api#range', 'rng', bounds],
  ['smithy.api#pattern', 'pat', (v) => v],
  ['smithy.api#timestampFormat', 'ts', (v) => v],
  ['smithy.api#xmlFlattened', 'flat', () => true],
];

function copyTraits(traits: Json | undefined, target: object, table: [string, string, (v: Json) => unknown][]): void {
  for (const [trait, key, keep] of table) {
    if (traits?.[trait] !== undefined) {
      (target as Json)[key] = keep(traits[trait]);
    }
  }
}

export function convertService(model: Json, file: string, ops: string[]): CompactService {
  const shapes: Json = model.shapes;
  const serviceId = Object.keys(shapes).find((id) => shapes[id].type === 'service');
  if (!serviceId) {
    throw new Error(`${file}: no service shape`);
  }
  const [ns, name] = serviceId.split('#');
  const traits: Json = shapes[serviceId].traits ?? {};
  const local = (id: string): string => (id.startsWith(ns + '#') ? id.slice(ns.length + 1) : id);
  const out: CompactService = {
    model: file,
    name,
    ns,
    protocols: Object.keys(traits).filter((t) => t in PROTOCOL_TRAITS).map((t) => PROTOCOL_TRAITS[t]),
    version: shapes[serviceId].version,
    endpointPrefix: traits['aws.api#service']?.endpointPrefix ?? name,
    signingName: traits['aws.auth#sigv4']?.name ?? traits['aws.api#service']?.endpointPrefix ?? name,
    ops: {},
    shapes: {},
  };
  if (traits['aws.protocols#awsQueryCompatible']) {
    out.queryCompatible = true;
  }
  if (traits['smithy.api#xmlNamespace']) {
    out.xmlns = traits['smithy.api#xmlNamespace'].uri;
  }
  if (out.protocols.length === 0) {
    throw new Error(`${file}: no protocol trait the emulator knows`);
  }

  const pending: string[] = [];
  const want = (id: string): string => {
    const n = local(id);
    if (!(n in out.shapes) && !pending.includes(id)) {
      pending.push(id);
    }
    return n;
  };
  const member = (m: Json): Member => {
    const c: Member = { s: want(m.target) };
    copyTraits(m.traits, c, MEMBER_TRAITS);
    for (const [trait, at] of BINDINGS) {
      const v = m.traits?.[trait];
      if (v !== undefined) {
        c.at = at;
        if (typeof v === 'string') {
          c.n = v;
        }
      }
    }
    return c;
  };

  for (const op of ops) {
    const shape = shapes[`${ns}#${op}`];
    if (!shape || shape.type !== 'operation') {
      throw new Error(`${file}: no operation ${op}`);
    }
    const c: Operation = {
      i: shape.input ? want(shape.input.target) : 'smithy.api#Unit',
      o: shape.output ? want(shape.output.target) : 'smithy.api#Unit',
      e: (shape.errors ?? []).map((e: Json) => want(e.target)),
    };
    const t: Json = shape.traits ?? {};
    if (t['smithy.api#paginated']) {
      const p = t['smithy.api#paginated'];
      c.page = { in: p.inputToken, out: p.outputToken, items: p.items, size: p.pageSize };
    }
    if (t['smithy.api#http']) {
      c.http = { method: t['smithy.api#http'].method, uri: t['smithy.api#http'].uri, code: t['smithy.api#http'].code ?? 200 };
    }
    if (Array.isArray(t['smithy.api#auth']) && t['smithy.api#auth'].length === 0) {
      c.unsigned = true;
    }
    out.ops[op] = c;
  }

  while (pending.length > 0) {
    const id = pending.shift() as string;
    const n = local(id);
    if (id.startsWith('smithy.api#')) {
      out.shapes[n] = { t: PRELUDE[id.slice('smithy.api#'.length)] ?? 'string' };
      continue;
    }
    const s: Json = shapes[id];
    if (!s) {
      throw new Error(`${file}: missing shape ${id}`);
    }
    out.shapes[n] = convertShape(s, member);
  }
  // Stable output: shapes sorted by name.
  out.shapes = Object.fromEntries(Object.entries(out.shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return out;
}

function convertShape(s: Json, member: (m: Json) => Member): Shape {
  const t: Json = s.traits ?? {};
  const c: Shape = { t: s.type === 'enum' ? 'string' : s.type === 'intEnum' ? 'integer' : s.type };
  if (s.type === 'structure' || s.type === 'union') {
    c.m = {};
    const req: string[] = [];
    for (const [mn, m] of Object.entries<Json>(s.members ?? {})) {
      c.m[mn] = member(m);
      if (m.traits?.['smithy.api#required'] !== undefined) {
        req.push(mn);
      }
    }
    if (req.length) {
      c.r = req;
    }
  } else if (s.type === 'enum' || s.type === 'intEnum') {
    c.e = Object.values<Json>(s.members ?? {}).map((m) => m.traits['smithy.api#enumValue']);
  } else if (s.type === 'list' || s.type === 'set') {
    c.t = 'list';
    c.v = member(s.member);
  } else if (s.type === 'map') {
    c.k = member(s.key).s;
    c.v = member(s.value);
  }
  if (t['smithy.api#enum']) {
    c.e = t['smithy.api#enum'].map((e: Json) => e.value);
  }
  copyTraits(t, c, SHAPE_TRAITS);
  if (t['smithy.api#error']) {
    c.err = t['smithy.api#error'];
    c.status = t['smithy.api#httpError'] ?? (c.err === 'server' ? 500 : 400);
  }
  if (s.type === 'union' && t['smithy.api#streaming'] !== undefined) {
    c.stream = true;
  }
  if (t['aws.protocols#awsQueryError']) {
    c.qe = [t['aws.protocols#awsQueryError'].code, t['aws.protocols#awsQueryError'].httpResponseCode];
  }
  return c;
}
