/**
 * Smithy RPC v2 CBOR (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html): POST
 * `/service/<ServiceName>/operation/<Operation>` with `Smithy-Protocol: rpc-v2-cbor`, CBOR bodies
 * (timestamps as tag 1 epoch seconds, blobs as byte strings); errors carry `__type` with the
 * error's absolute shape id. Operations without input or output have no body. The codec is the
 * AWS SDK's own (@smithy/core/cbor).
 */
import { cbor, dateToTag } from '@smithy/core/cbor';
import { AwsError } from '../errors';
import { UNIT } from '../model';
import { Call, Codec, reply, WireReply, WireRequest } from './codec';
import { fromDocument, Scalars, toDocument } from './document';
import { errorStatus, jsonErrorBody, queryErrorHeader } from './json';

const PROTOCOL_HEADER = { 'smithy-protocol': 'rpc-v2-cbor' };

const CBOR_SCALARS: Scalars = {
  jsonNames: false,
  timestampOut: (d) => dateToTag(d),
  timestampIn: (v) => {
    const t = v as { tag?: number; value?: unknown };
    return t && t.tag === 1 && typeof t.value === 'number' ? new Date(t.value * 1000) : v;
  },
  blobOut: (b) => (typeof b === 'string' ? Buffer.from(b, 'base64') : b),
};

function decode(body: Buffer): Record<string, unknown> {
  if (body.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = cbor.deserialize(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid CBOR.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AwsError('SerializationException', 'The request body is not a CBOR map.');
  }
  return value as Record<string, unknown>;
}

function encode(value: unknown): Buffer {
  return Buffer.from(cbor.serialize(value));
}

export const cborCodec: Codec = {
  read(call: Call, req: WireRequest): unknown {
    return fromDocument(call.svc, call.opModel.i, decode(req.body), CBOR_SCALARS);
  },

  write(call: Call, output: unknown): WireReply {
    if (call.opModel.o === UNIT) {
      return reply(200, undefined, call.requestId, '', PROTOCOL_HEADER);
    }
    const body = encode(toDocument(call.svc, call.opModel.o, output ?? {}, CBOR_SCALARS) ?? {});
    return reply(200, 'application/cbor', call.requestId, body, PROTOCOL_HEADER);
  },

  error(call: Call, err: AwsError): WireReply {
    const status = errorStatus(call.svc, err);
    const body = jsonErrorBody(call.svc, err, (code) => `${call.svc.ns}#${code}`);
    return reply(status, 'application/cbor', call.requestId, encode(body), { ...PROTOCOL_HEADER, ...queryErrorHeader(call.svc, err, status) });
  },
};
