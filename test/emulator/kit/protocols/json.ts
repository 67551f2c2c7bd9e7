/**
 * awsJson1_0 / awsJson1_1 (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html): POST /
 * with X-Amz-Target `Service.Operation`, JSON bodies; errors carry `__type` (the full shape id in
 * 1.0, the shape name in 1.1) and, for awsQueryCompatible services, `x-amzn-query-error`.
 */
import { AwsError, errorShape, genericError } from '../errors';
import type { ServiceModel } from '../model';
import { Call, Codec, messageMember, reply, WireReply, WireRequest } from './codec';
import { fromDocument, JSON_SCALARS, toDocument } from './document';

const CONTENT_TYPE = { awsJson1_0: 'application/x-amz-json-1.0', awsJson1_1: 'application/x-amz-json-1.1' } as Record<string, string>;

/** A JSON object body (empty = `{}`), else SerializationException as AWS answers malformed JSON. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return value as Record<string, unknown>;
}

/** The JSON error body of `err` (shared with restJson1): `__type` and the message member. */
export function jsonErrorBody(svc: ServiceModel, err: AwsError, typeName: (code: string) => string): Record<string, unknown> {
  const shape = errorShape(svc, err.code);
  const generic = genericError(err.code);
  const body: Record<string, unknown> = { __type: shape ? typeName(err.code) : (generic?.jsonType ?? err.code) };
  // Shapes without a message member (SSO OIDC's OAuth errors) carry their own members instead.
  const key = (shape && messageMember(svc, err.code)) ?? (shape && err.extras.members ? undefined : generic?.jsonType ? 'Message' : 'message');
  if (err.message && key) {
    body[key] = err.message;
  }
  if (shape && err.extras.members) {
    Object.assign(body, toDocument(svc, err.code, err.extras.members, JSON_SCALARS));
  }
  return body;
}

export function errorStatus(svc: ServiceModel, err: AwsError): number {
  return err.extras.status ?? errorShape(svc, err.code)?.status ?? genericError(err.code)?.status ?? 400;
}

/** `x-amzn-query-error: Code;Sender` for awsQueryCompatible services (their awsQuery code). */
export function queryErrorHeader(svc: ServiceModel, err: AwsError, status: number): Record<string, string> {
  if (!svc.queryCompatible) {
    return {};
  }
  const code = errorShape(svc, err.code)?.qe?.[0] ?? genericError(err.code)?.query[0] ?? err.code;
  return { 'x-amzn-query-error': `${code};${status >= 500 ? 'Receiver' : 'Sender'}` };
}

export const jsonCodec: Codec = {
  read(call: Call, req: WireRequest): unknown {
    return fromDocument(call.svc, call.opModel.i, parseJsonObject(req.body), JSON_SCALARS);
  },

  write(call: Call, output: unknown): WireReply {
    const json = JSON.stringify(toDocument(call.svc, call.opModel.o, output, JSON_SCALARS) ?? {});
    return reply(200, CONTENT_TYPE[call.protocol], call.requestId, json);
  },

  error(call: Call, err: AwsError): WireReply {
    const status = errorStatus(call.svc, err);
    const full = call.protocol === 'awsJson1_0';
    const body = jsonErrorBody(call.svc, err, (code) => (full ? `${call.svc.ns}#${code}` : code));
    return reply(status, CONTENT_TYPE[call.protocol], call.requestId, JSON.stringify(body), queryErrorHeader(call.svc, err, status));
  },
};
