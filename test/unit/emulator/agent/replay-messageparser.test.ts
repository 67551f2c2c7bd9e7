/**
 * The emulator agent's framing against the fixtures of AWS's session-manager-plugin unit tests,
 * src/message/messageparser_test.go (values and expected bytes taken from there; the plugin is the
 * second implementation this proves us against).
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import { decodeMessage, encodeMessage, HEADER_LENGTH, invalidReason, message, MessageType, type ParsedMessage } from '../../../emulator/agent/frame';
import { frame, unframe } from './client';

// messageparser_test.go's package-level fixtures.
const messageId = 'dd01e56b-ff48-483e-a508-b5f073f31b16';
const createdDate = 1503434274948;
const payload = Buffer.from('payload');
const sessionId = 'sessionId_01234567890abcedf';

function fixtureMessage(fields: Partial<ParsedMessage> = {}): Buffer {
  return encodeMessage(message({ messageType: MessageType.input, schemaVersion: 1, createdDate, sequenceNumber: 1, flags: 2, messageId, payload, ...fields }));
}

describe('emulator agent: replay of the plugin messageparser_test.go fixtures', () => {
  it('TestSerializeAndDeserializeClientMessage: every header field at its offset, and back', () => {
    const bytes = fixtureMessage();
    assert.strictEqual(bytes.readUInt32BE(0), HEADER_LENGTH);
    assert.strictEqual(bytes.subarray(4, 35).toString('utf8').replace(/ +$/, ''), 'input_stream_data');
    assert.strictEqual(bytes.readUInt32BE(36), 1);
    assert.strictEqual(Number(bytes.readBigUInt64BE(40)), createdDate);
    assert.strictEqual(Number(bytes.readBigInt64BE(48)), 1);
    assert.strictEqual(Number(bytes.readBigUInt64BE(56)), 2);
    assert.deepStrictEqual(bytes.subarray(80, 112), createHash('sha256').update(payload).digest());
    const back = decodeMessage(bytes);
    assert.strictEqual(back.messageType, 'input_stream_data');
    assert.strictEqual(back.schemaVersion, 1);
    assert.strictEqual(back.messageId, messageId);
    assert.strictEqual(back.createdDate, createdDate);
    assert.strictEqual(back.flags, 2);
    assert.strictEqual(back.sequenceNumber, 1);
    assert.deepStrictEqual(back.payload, payload);
    // The test client's separate codec reads the same bytes the same way.
    const other = unframe(bytes);
    assert.deepStrictEqual([other.type, other.seq, other.flags, other.id, other.digestOk], ['input_stream_data', 1, 2, messageId, true]);
  });

  it('TestPutUuid / getUuid: the least significant half of the UUID comes first', () => {
    const bytes = fixtureMessage();
    assert.strictEqual(bytes.subarray(64, 80).toString('hex'), 'a508b5f073f31b16' + 'dd01e56bff48483e');
    assert.deepStrictEqual(fixtureMessage(), frame('input_stream_data', 1, 0, payload, { flags: 2, id: messageId, created: createdDate }));
  });

  it('TestPutLong / TestGetLong / TestPutInteger: big-endian longs and integers', () => {
    // putLong 5747283 → 00 00 00 00 00 57 b2 53; 92837273 → … 05 88 95 99; 50 → … 32
    for (const [value, hex] of [[5747283, '000000000057b253'], [92837273, '0000000005889599'], [50, '0000000000000032']] as const) {
      assert.strictEqual(fixtureMessage({ sequenceNumber: value }).subarray(48, 56).toString('hex'), hex);
    }
    // getLong 00 00 00 00 00 5a 05 66 → 5899622
    const seqBytes = fixtureMessage();
    Buffer.from('00000000005a0566', 'hex').copy(seqBytes, 48);
    assert.strictEqual(decodeMessage(seqBytes).sequenceNumber, 5899622);
    // putInteger 324 → 00 00 01 44; 520392 → 00 07 f0 c8 (payload type is a 4-byte integer)
    assert.strictEqual(fixtureMessage({ payloadType: 324 }).subarray(112, 116).toString('hex'), '00000144');
    assert.strictEqual(fixtureMessage({ payloadType: 520392 }).subarray(112, 116).toString('hex'), '0007f0c8');
    // TestPutGetLong: 2^32 → 00 00 00 01 00 00 00 00
    assert.strictEqual(fixtureMessage({ sequenceNumber: 4294967296 }).subarray(48, 56).toString('hex'), '0000000100000000');
  });

  it('TestGetString: trailing NULs and spaces are not part of the message type', () => {
    const bytes = fixtureMessage();
    bytes.fill(0, 4 + 'input_stream_data'.length, 36);
    assert.strictEqual(decodeMessage(bytes).messageType, 'input_stream_data');
  });

  it('TestClientMessage_Validate: header length, type, created date, then the payload digest, in that order', () => {
    const m = decodeMessage(fixtureMessage({ messageType: 'x' }));
    const cases: Array<[Partial<ParsedMessage>, string | undefined]> = [
      [{ headerLength: 0, messageType: '', createdDate: 0, payloadDigest: Buffer.alloc(32) }, 'HeaderLength cannot be zero'],
      [{ headerLength: 1, messageType: '', createdDate: 0, payloadDigest: Buffer.alloc(32) }, 'MessageType is missing'],
      [{ headerLength: 1, messageType: MessageType.input, createdDate: 0, payloadDigest: Buffer.alloc(32) }, 'CreatedDate is missing'],
      [{ headerLength: 1, messageType: MessageType.input, createdDate, payloadDigest: Buffer.alloc(32) }, 'payload Hash is not valid'],
      [{ headerLength: 1, messageType: MessageType.input, createdDate }, undefined],
    ];
    for (const [fields, reason] of cases) {
      assert.strictEqual(invalidReason({ ...m, payloadLength: 3, ...fields }), reason);
    }
  });

  it('TestClientMessage_ValidateStartPublicationMessage: start_publication passes without a header', () => {
    const m = decodeMessage(fixtureMessage({ messageType: MessageType.startPublication }));
    assert.strictEqual(invalidReason({ ...m, headerLength: 0, createdDate: 0, payloadDigest: Buffer.alloc(32) }), undefined);
  });

  it('TestSerializeAndDeserializeClientMessageWithAcknowledgeContent: acknowledge is schema 1, sequence 0, flags 3', () => {
    const ack = message({ messageType: MessageType.acknowledge, flags: 3, payload: Buffer.from(JSON.stringify({ AcknowledgedMessageType: MessageType.input, AcknowledgedMessageId: messageId, AcknowledgedMessageSequenceNumber: 2, IsSequentialMessage: true })) });
    const back = decodeMessage(encodeMessage(ack));
    assert.deepStrictEqual([back.messageType, back.schemaVersion, back.sequenceNumber, back.flags], ['acknowledge', 1, 0, 3]);
    assert.deepStrictEqual(JSON.parse(back.payload.toString()), { AcknowledgedMessageType: 'input_stream_data', AcknowledgedMessageId: messageId, AcknowledgedMessageSequenceNumber: 2, IsSequentialMessage: true });
  });

  it('TestClientMessage_DeserializeChannelClosedMessage: the fixture payload reads as the agent writes it', () => {
    const fixture = `{\n\t\t\t"MessageType": "channel_closed",\n\t\t\t"MessageId": "${messageId}",\n\t\t\t"CreatedDate": "${createdDate}",\n\t\t\t"SessionId": "${sessionId}",\n\t\t\t"SchemaVersion": 1,\n\t\t\t"Output": "payload"\n\t\t}`;
    const closed = decodeMessage(encodeMessage(message({ messageType: MessageType.channelClosed, flags: 3, payload: Buffer.from(fixture) })));
    const body = JSON.parse(closed.payload.toString()) as Record<string, unknown>;
    assert.deepStrictEqual(body, { MessageType: 'channel_closed', MessageId: messageId, CreatedDate: String(createdDate), SessionId: sessionId, SchemaVersion: 1, Output: 'payload' });
  });
});
