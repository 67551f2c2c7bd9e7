import { createHash, randomUUID } from 'crypto';

/**
 * The Session Manager data channel's binary message (the reference plugin's `ClientMessage`), all
 * integers big-endian:
 *
 *   | header length 4 | message type 32 (space-padded) | schema version 4 | created date 8 (epoch ms) |
 *   | sequence number 8 | flags 8 | message id 16 | payload digest 32 (SHA-256) | payload type 4 |
 *   | payload length 4 | payload |
 *
 * The header length counts the bytes before the payload length (116); the payload starts after it.
 */
export const MessageType = {
  InputStreamData: 'input_stream_data',
  OutputStreamData: 'output_stream_data',
  Acknowledge: 'acknowledge',
  ChannelClosed: 'channel_closed',
  StartPublication: 'start_publication',
  PausePublication: 'pause_publication',
} as const;

export const PayloadType = {
  Output: 1,
  Error: 2,
  Size: 3,
  Parameter: 4,
  HandshakeRequest: 5,
  HandshakeResponse: 6,
  HandshakeComplete: 7,
  EncChallengeRequest: 8,
  EncChallengeResponse: 9,
  Flag: 10,
  StdErr: 11,
  ExitCode: 12,
} as const;

/** The 4-byte big-endian value of a `Flag` payload. */
export const PayloadFlag = {
  DisconnectToPort: 1,
  TerminateSession: 2,
  ConnectToPortError: 3,
} as const;

/** Bit 0 of `flags`: the first message of a stream; bit 1: its last. */
export const MessageFlags = { Syn: 1, Fin: 2 } as const;

export const FIELD = {
  headerLength: { offset: 0, length: 4 },
  messageType: { offset: 4, length: 32 },
  schemaVersion: { offset: 36, length: 4 },
  createdDate: { offset: 40, length: 8 },
  sequenceNumber: { offset: 48, length: 8 },
  flags: { offset: 56, length: 8 },
  messageId: { offset: 64, length: 16 },
  payloadDigest: { offset: 80, length: 32 },
  payloadType: { offset: 112, length: 4 },
  payloadLength: { offset: 116, length: 4 },
} as const;

/** What the header length field holds: everything before the payload length. */
export const HEADER_LENGTH = FIELD.payloadLength.offset;
export const PAYLOAD_OFFSET = FIELD.payloadLength.offset + FIELD.payloadLength.length;

export interface ClientMessage {
  messageType: string;
  schemaVersion: number;
  /** Epoch milliseconds. */
  createdDate: number;
  sequenceNumber: number;
  flags: number;
  /** Canonical UUID text (8-4-4-4-12, lower case). */
  messageId: string;
  payloadType: number;
  payload: Buffer;
}

export class ClientMessageError extends Error {
  override readonly name = 'ClientMessageError';
}

/** A message with the defaults every sender uses: schema version 1, now, a random id. */
export function newMessage(fields: Pick<ClientMessage, 'messageType' | 'payloadType' | 'payload'> & Partial<ClientMessage>, now = Date.now()): ClientMessage {
  return { schemaVersion: 1, createdDate: now, sequenceNumber: 0, flags: 0, messageId: randomUUID(), ...fields };
}

export function encodeClientMessage(message: ClientMessage): Buffer {
  const type = Buffer.from(message.messageType, 'utf8');
  if (type.length > FIELD.messageType.length) throw new ClientMessageError(`Message type "${message.messageType}" is longer than 32 bytes.`);
  const out = Buffer.alloc(PAYLOAD_OFFSET + message.payload.length);
  out.writeUInt32BE(HEADER_LENGTH, FIELD.headerLength.offset);
  out.fill(' ', FIELD.messageType.offset, FIELD.messageType.offset + FIELD.messageType.length);
  type.copy(out, FIELD.messageType.offset);
  out.writeUInt32BE(message.schemaVersion, FIELD.schemaVersion.offset);
  out.writeBigUInt64BE(BigInt(message.createdDate), FIELD.createdDate.offset);
  out.writeBigInt64BE(BigInt(message.sequenceNumber), FIELD.sequenceNumber.offset);
  out.writeBigUInt64BE(BigInt(message.flags), FIELD.flags.offset);
  uuidToWire(message.messageId).copy(out, FIELD.messageId.offset);
  sha256(message.payload).copy(out, FIELD.payloadDigest.offset);
  out.writeUInt32BE(message.payloadType, FIELD.payloadType.offset);
  out.writeUInt32BE(message.payload.length, FIELD.payloadLength.offset);
  message.payload.copy(out, PAYLOAD_OFFSET);
  return out;
}

/** Reads and validates one message: lengths, required fields, and the payload's SHA-256 digest. */
export function decodeClientMessage(input: Uint8Array): ClientMessage {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length < PAYLOAD_OFFSET) throw new ClientMessageError(`A message has at least ${PAYLOAD_OFFSET} bytes; this one has ${buf.length}.`);
  const headerLength = buf.readUInt32BE(FIELD.headerLength.offset);
  const messageType = readText(buf, FIELD.messageType.offset, FIELD.messageType.length);
  // The publication messages carry no stream data: the reference client takes them without further checks.
  const publication = messageType === MessageType.StartPublication || messageType === MessageType.PausePublication;
  if (!publication) {
    if (headerLength === 0) throw new ClientMessageError('HeaderLength cannot be zero.');
    if (headerLength + FIELD.payloadLength.length > buf.length) throw new ClientMessageError(`HeaderLength ${headerLength} is past the end of a ${buf.length}-byte message.`);
    if (!messageType) throw new ClientMessageError('MessageType is missing.');
  }
  const payloadStart = Math.min(buf.length, Math.max(PAYLOAD_OFFSET, headerLength + FIELD.payloadLength.length));
  const payloadLength = buf.readUInt32BE(FIELD.payloadLength.offset);
  const payload = buf.subarray(payloadStart);
  const message: ClientMessage = {
    messageType,
    schemaVersion: buf.readUInt32BE(FIELD.schemaVersion.offset),
    createdDate: Number(buf.readBigUInt64BE(FIELD.createdDate.offset)),
    sequenceNumber: Number(buf.readBigInt64BE(FIELD.sequenceNumber.offset)),
    flags: Number(buf.readBigUInt64BE(FIELD.flags.offset)),
    messageId: uuidFromWire(buf.subarray(FIELD.messageId.offset, FIELD.messageId.offset + FIELD.messageId.length)),
    payloadType: buf.readUInt32BE(FIELD.payloadType.offset),
    payload,
  };
  if (publication) return message;
  if (message.createdDate === 0) throw new ClientMessageError('CreatedDate is missing.');
  if (payloadLength !== payload.length) throw new ClientMessageError(`PayloadLength says ${payloadLength} bytes; the message carries ${payload.length}.`);
  if (payloadLength !== 0) {
    const digest = buf.subarray(FIELD.payloadDigest.offset, FIELD.payloadDigest.offset + FIELD.payloadDigest.length);
    if (!sha256(payload).equals(digest)) throw new ClientMessageError('The payload digest does not match the payload (SHA-256).');
  }
  return message;
}

/** JSON payloads (acknowledgements, handshake, channel_closed) as the reference client marshals them. */
export function jsonPayload(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/**
 * The message id on the wire is the UUID's last 8 bytes, then its first 8 (the reference client writes
 * the "least significant" long first).
 */
export function uuidToWire(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new ClientMessageError(`"${uuid}" is not a UUID.`);
  if (/^0+$/.test(hex)) throw new ClientMessageError('The message id cannot be the nil UUID.');
  const bytes = Buffer.from(hex, 'hex');
  return Buffer.concat([bytes.subarray(8, 16), bytes.subarray(0, 8)]);
}

export function uuidFromWire(wire: Buffer): string {
  const hex = Buffer.concat([wire.subarray(8, 16), wire.subarray(0, 8)]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function readText(buf: Buffer, offset: number, length: number): string {
  return buf
    .subarray(offset, offset + length)
    .toString('utf8')
    .replace(/^\0+|\0+$/g, '')
    .trim();
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
