/**
 * The Session Manager data channel's binary message (the plugin's `ClientMessage`, the agent's
 * `AgentMessage`), as AWS's session-manager-plugin src/message/clientmessage.go and messageparser.go
 * lay it out (facts learnt there; this is our own code). Big-endian throughout:
 *
 *   0   HeaderLength   uint32 (116: the offset of PayloadLength)
 *   4   MessageType    32 bytes UTF-8, padded with spaces (trailing NULs and spaces are trimmed on read)
 *   36  SchemaVersion  uint32
 *   40  CreatedDate    uint64 epoch millis
 *   48  SequenceNumber int64
 *   56  Flags          uint64 (bit 0 SYN: first of a stream, bit 1 FIN)
 *   64  MessageId      16 bytes: a UUID with its two 8-byte halves swapped (least significant first)
 *   80  PayloadDigest  32 bytes SHA-256 of the payload
 *   112 PayloadType    uint32
 *   116 PayloadLength  uint32
 *   120 Payload
 */
import { createHash, randomUUID } from 'crypto';

export const MessageType = {
  input: 'input_stream_data',
  output: 'output_stream_data',
  acknowledge: 'acknowledge',
  channelClosed: 'channel_closed',
  startPublication: 'start_publication',
  pausePublication: 'pause_publication',
} as const;

export const PayloadType = {
  output: 1,
  error: 2,
  size: 3,
  parameter: 4,
  handshakeRequest: 5,
  handshakeResponse: 6,
  handshakeComplete: 7,
  encChallengeRequest: 8,
  encChallengeResponse: 9,
  flag: 10,
  stdErr: 11,
  exitCode: 12,
} as const;

/** The Flag payload's values (a big-endian uint32). */
export const FlagValue = { disconnectToPort: 1, terminateSession: 2, connectToPortError: 3 } as const;

export const HEADER_LENGTH = 116;
const PAYLOAD_OFFSET = HEADER_LENGTH + 4;
const TYPE_LENGTH = 32;

export interface DataMessage {
  messageType: string;
  schemaVersion: number;
  createdDate: number;
  sequenceNumber: number;
  flags: number;
  /** Canonical lower-case UUID text. */
  messageId: string;
  payloadType: number;
  payload: Buffer;
}

export interface ParsedMessage extends DataMessage {
  headerLength: number;
  payloadDigest: Buffer;
  payloadLength: number;
}

export function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** A message with the defaults the agent uses (schema 1, now, a fresh id). */
export function message(fields: Partial<DataMessage> & Pick<DataMessage, 'messageType'>): DataMessage {
  return {
    schemaVersion: 1,
    createdDate: Date.now(),
    sequenceNumber: 0,
    flags: 0,
    messageId: randomUUID(),
    payloadType: 0,
    payload: Buffer.alloc(0),
    ...fields,
  };
}

export function encodeMessage(m: DataMessage): Buffer {
  const out = Buffer.alloc(PAYLOAD_OFFSET + m.payload.length);
  out.writeUInt32BE(HEADER_LENGTH, 0);
  const type = Buffer.from(m.messageType, 'utf8');
  if (type.length > TYPE_LENGTH) {
    throw new Error(`message type ${m.messageType} is longer than ${TYPE_LENGTH} bytes`);
  }
  out.fill(0x20, 4, 4 + TYPE_LENGTH);
  type.copy(out, 4);
  out.writeUInt32BE(m.schemaVersion >>> 0, 36);
  out.writeBigUInt64BE(BigInt(m.createdDate), 40);
  out.writeBigInt64BE(BigInt(m.sequenceNumber), 48);
  out.writeBigUInt64BE(BigInt(m.flags), 56);
  uuidToWire(m.messageId).copy(out, 64);
  sha256(m.payload).copy(out, 80);
  out.writeUInt32BE(m.payloadType >>> 0, 112);
  out.writeUInt32BE(m.payload.length, 116);
  m.payload.copy(out, PAYLOAD_OFFSET);
  return out;
}

/** Reads a message; throws on a buffer too short for its header. The payload starts after HeaderLength + 4, as the plugin reads it. */
export function decodeMessage(raw: Buffer): ParsedMessage {
  if (raw.length < PAYLOAD_OFFSET) {
    throw new Error(`data channel message of ${raw.length} bytes is shorter than its ${PAYLOAD_OFFSET}-byte header`);
  }
  const headerLength = raw.readUInt32BE(0);
  return {
    headerLength,
    messageType: raw.subarray(4, 4 + TYPE_LENGTH).toString('utf8').replace(/^[\0\s]+|[\0\s]+$/g, ''),
    schemaVersion: raw.readUInt32BE(36),
    createdDate: Number(raw.readBigUInt64BE(40)),
    sequenceNumber: Number(raw.readBigInt64BE(48)),
    flags: Number(raw.readBigUInt64BE(56)),
    messageId: uuidFromWire(raw.subarray(64, 80)),
    payloadDigest: Buffer.from(raw.subarray(80, 112)),
    payloadType: raw.readUInt32BE(112),
    payloadLength: raw.readUInt32BE(116),
    payload: Buffer.from(raw.subarray(Math.min(raw.length, headerLength + 4))),
  };
}

/** The checks the agent applies before acting on a message (messageparser.go Validate); undefined when valid. */
export function invalidReason(m: ParsedMessage): string | undefined {
  if (m.messageType === MessageType.startPublication || m.messageType === MessageType.pausePublication) {
    return undefined;
  }
  if (m.headerLength === 0) {
    return 'HeaderLength cannot be zero';
  }
  if (!m.messageType) {
    return 'MessageType is missing';
  }
  if (m.createdDate === 0) {
    return 'CreatedDate is missing';
  }
  if (m.payloadLength !== 0 && !sha256(m.payload).equals(m.payloadDigest)) {
    return 'payload Hash is not valid';
  }
  return undefined;
}

function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) {
    throw new Error(`not a UUID: ${id}`);
  }
  return Buffer.from(hex, 'hex');
}

/** The UUID's least significant 8 bytes go first on the wire, then the most significant 8. */
function uuidToWire(id: string): Buffer {
  const b = uuidBytes(id);
  return Buffer.concat([b.subarray(8, 16), b.subarray(0, 8)]);
}

function uuidFromWire(wire: Buffer): string {
  const hex = Buffer.concat([wire.subarray(8, 16), wire.subarray(0, 8)]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A Flag payload: the flag value as a big-endian uint32. */
export function flagPayload(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value, 0);
  return b;
}
