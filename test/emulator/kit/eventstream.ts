/**
 * Event streams (`application/vnd.amazon.eventstream`, https://smithy.io/2.0/aws/amazon-eventstream.html):
 * the binary framing of one message, and how a handler returns a stream its server then writes.
 *
 * A message is a 12-byte prelude (total length, headers length, both uint32 big-endian, and the
 * CRC32 of those 8 bytes), the headers (name length uint8, name, value type 7 = string, value length
 * uint16, value), the payload, and the CRC32 of everything before it.
 *
 * A handler returns `eventStream(open)` as the value of its output's `@streaming` union member;
 * `open(sink)` starts pushing events and returns what to do when the client goes away.
 */
import * as zlib from 'zlib';
import type { ServiceModel } from './model';
import { JSON_SCALARS, toDocument } from './protocols/document';

const STRING = 7;

/** One event-stream message with string headers. */
export function encodeMessage(headers: Record<string, string>, payload: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(1 + n.length + 3);
    head.writeUInt8(n.length, 0);
    n.copy(head, 1);
    head.writeUInt8(STRING, 1 + n.length);
    head.writeUInt16BE(v.length, 2 + n.length);
    parts.push(head, v);
  }
  const headerBytes = Buffer.concat(parts);
  const total = 12 + headerBytes.length + payload.length + 4;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headerBytes.length, 4);
  out.writeUInt32BE(zlib.crc32(out.subarray(0, 8)), 8);
  headerBytes.copy(out, 12);
  payload.copy(out, 12 + headerBytes.length);
  out.writeUInt32BE(zlib.crc32(out.subarray(0, total - 4)), total - 4);
  return out;
}

/** Where a stream's handler pushes what it has to say. */
export interface EventSink<U> {
  /** One event: a non-error member of the stream union. */
  event<K extends keyof U & string>(member: K, value: NonNullable<U[K]>): void;
  /** A modelled exception of the union (`:message-type exception`); the stream ends after it. */
  exception(member: keyof U & string, message: string): void;
  /** Ends the stream normally. */
  end(): void;
}

export type OpenStream = (sink: EventSink<Record<string, unknown>>) => () => void;

/** What a handler's output carries in place of its event-stream union. */
export class EventStreamReply {
  constructor(readonly open: OpenStream) {}
}

/** A stream for the output member of union type `U`: `open` starts it, its result stops it when the client leaves. */
export function eventStream<U>(open: (sink: EventSink<U>) => () => void): U {
  return new EventStreamReply(open as unknown as OpenStream) as unknown as U;
}

/** The event-stream member of an output value, if its handler returned one. */
export function streamMember(output: unknown): [string, EventStreamReply] | undefined {
  if (!output || typeof output !== 'object') {
    return undefined;
  }
  const found = Object.entries(output as Record<string, unknown>).find(([, v]) => v instanceof EventStreamReply);
  return found as [string, EventStreamReply] | undefined;
}

/** The part of a response a stream is written to (HTTP/1.1 or HTTP/2). */
export interface StreamTarget {
  write(chunk: Buffer): unknown;
  end(): unknown;
  on(event: 'close', fn: () => void): unknown;
}

/**
 * Writes a handler's stream: for RPC protocols first the `initial-response` event (the output's
 * other members; botocore requires it, the JS SDK reads it), then each event as JSON in the shape of
 * its union member, an exception as `:message-type exception` with `:exception-type`.
 */
export function writeEventStream(res: StreamTarget, svc: ServiceModel, unionShape: string, reply: EventStreamReply, initial: Record<string, unknown> | undefined): void {
  const union = svc.shapes[unionShape];
  let done = false;
  // Set once `open` returns; `finish` may run before that (an exception sent while opening).
  const opened: { stop?: () => void } = {};
  const finish = (): void => {
    if (!done) {
      done = true;
      opened.stop?.();
    }
  };
  const json = (shape: string, value: unknown): Buffer => Buffer.from(JSON.stringify(toDocument(svc, shape, value, JSON_SCALARS) ?? {}));
  if (initial) {
    res.write(encodeMessage({ ':event-type': 'initial-response', ':content-type': 'application/json', ':message-type': 'event' }, Buffer.from(JSON.stringify(initial))));
  }
  res.on('close', finish);
  opened.stop = reply.open({
    event: (member, value) => {
      const m = union?.m?.[member];
      if (!m) {
        throw new Error(`emulator bug: '${member}' is not a member of event stream ${unionShape}`);
      }
      if (!done) {
        res.write(encodeMessage({ ':event-type': member, ':content-type': 'application/json', ':message-type': 'event' }, json(m.s, value)));
      }
    },
    exception: (member, message) => {
      if (!union?.m?.[member]) {
        throw new Error(`emulator bug: '${member}' is not a member of event stream ${unionShape}`);
      }
      if (!done) {
        res.write(encodeMessage({ ':exception-type': member, ':content-type': 'application/json', ':message-type': 'exception' }, Buffer.from(JSON.stringify({ message }))));
        finish();
        res.end();
      }
    },
    end: () => {
      if (!done) {
        finish();
        res.end();
      }
    },
  });
  if (done) {
    opened.stop();
  }
}
