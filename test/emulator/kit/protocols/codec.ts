/** What every wire protocol implements: read a request's input, write its output or error. */
import type * as http from 'http';
import type { AwsError } from '../errors';
import type { Operation, Protocol, ServiceModel } from '../model';

export interface WireRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** One routed request: which operation of which service, in which protocol. */
export interface Call {
  svc: ServiceModel;
  op: string;
  opModel: Operation;
  protocol: Protocol;
  requestId: string;
  /** restJson1: the URI labels the route matched. */
  labels?: Record<string, string>;
}

export interface Codec {
  /** The input as emulator values (timestamps as Date), before validation; throws SerializationException-like errors. */
  read(call: Call, req: WireRequest): unknown;
  write(call: Call, output: unknown): WireReply;
  error(call: Call, err: AwsError): WireReply;
}

/** The member of an error shape that carries its message (`message` or `Message`), if any. */
export function messageMember(svc: ServiceModel, code: string): string | undefined {
  return Object.keys(svc.shapes[code]?.m ?? {}).find((k) => k.toLowerCase() === 'message');
}

export function reply(status: number, contentType: string | undefined, requestId: string, body: Buffer | string, extra: Record<string, string> = {}): WireReply {
  const headers: Record<string, string> = { 'x-amzn-RequestId': requestId, ...extra };
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  return { status, headers, body };
}
