/**
 * The binary ClientMessage, byte for byte, against the reference plugin's own test values
 * (src/message/messageparser_test.go: message id dd01e56b-…, created date 1503434274948, payload
 * "payload"; its putLong/putInteger/putUuid cases) and its Validate rules.
 */
import * as assert from 'assert';
import {
  ClientMessageError, decodeClientMessage, encodeClientMessage, FIELD, HEADER_LENGTH, MessageType, PAYLOAD_OFFSET, PayloadFlag, PayloadType,
  uuidFromWire, uuidToWire, type ClientMessage,
} from '../../../src/ssm/clientMessage';

const MESSAGE_ID = 'dd01e56b-ff48-483e-a508-b5f073f31b16';
const CREATED = 1503434274948;

/** The plugin test's message: input_stream_data, schema 1, sequence 1, flags 2, payload "payload". */
const pluginMessage: ClientMessage = {
  messageType: MessageType.InputStreamData,
  schemaVersion: 1,
  createdDate: CREATED,
  sequenceNumber: 1,
  flags: 2,
  messageId: MESSAGE_ID,
  payloadType: PayloadType.Output,
  payload: Buffer.from('payload'),
};

/** The same message written out field by field (hex), independently of the encoder. */
const EXPECTED_HEX = [
  '00000074', // header length 116
  '696e7075745f73747265616d5f64617461' + '20'.repeat(15), // "input_stream_data", space-padded to 32
  '00000001', // schema version
  '0000015e0baa7884', // created date 1503434274948
  '0000000000000001', // sequence number
  '0000000000000002', // flags
  'a508b5f073f31b16' + 'dd01e56bff48483e', // message id: last 8 bytes of the UUID, then the first 8
  '239f59ed55e737c77147cf55ad0c1b030b6d7ee748a7426952f9b852d5a935e5', // SHA-256("payload")
  '00000001', // payload type Output
  '00000007', // payload length
  Buffer.from('payload').toString('hex'),
].join('');

describe('ssm ClientMessage framing (the plugin’s test vectors)', () => {
  it('has the plugin’s field offsets and lengths', () => {
    assert.deepStrictEqual(
      Object.values(FIELD).map((f) => [f.offset, f.length]),
      [[0, 4], [4, 32], [36, 4], [40, 8], [48, 8], [56, 8], [64, 16], [80, 32], [112, 4], [116, 4]],
    );
    assert.strictEqual(HEADER_LENGTH, 116);
    assert.strictEqual(PAYLOAD_OFFSET, 120);
  });

  it('encodes the plugin test’s message byte for byte', () => {
    assert.strictEqual(encodeClientMessage(pluginMessage).toString('hex'), EXPECTED_HEX);
  });

  it('decodes it back to the same fields', () => {
    const decoded = decodeClientMessage(Buffer.from(EXPECTED_HEX, 'hex'));
    assert.deepStrictEqual({ ...decoded, payload: decoded.payload.toString() }, { ...pluginMessage, payload: 'payload' });
  });

  it('writes integers big-endian as the plugin’s putLong / putInteger cases', () => {
    const m = encodeClientMessage({ ...pluginMessage, sequenceNumber: 5747283, schemaVersion: 324 });
    assert.strictEqual(m.subarray(48, 56).toString('hex'), '000000000057b253');
    assert.strictEqual(m.subarray(36, 40).toString('hex'), '00000144');
    // 2^32: the plugin's TestPutGetLong.
    assert.strictEqual(encodeClientMessage({ ...pluginMessage, sequenceNumber: 4294967296 }).subarray(48, 56).toString('hex'), '0000000100000000');
  });

  it('puts the message id as the plugin does, and refuses the nil UUID', () => {
    assert.strictEqual(uuidToWire(MESSAGE_ID).toString('hex'), 'a508b5f073f31b16dd01e56bff48483e');
    assert.strictEqual(uuidFromWire(Buffer.from('a508b5f073f31b16dd01e56bff48483e', 'hex')), MESSAGE_ID);
    assert.throws(() => uuidToWire('00000000-0000-0000-0000-000000000000'), /nil UUID/);
  });

  it('validates as the plugin: header length, message type, created date, digest', () => {
    const good = Buffer.from(EXPECTED_HEX, 'hex');
    const broken = (at: number, bytes: string) => {
      const b = Buffer.from(good);
      Buffer.from(bytes, 'hex').copy(b, at);
      return b;
    };
    assert.throws(() => decodeClientMessage(broken(0, '00000000')), /HeaderLength cannot be zero/);
    assert.throws(() => decodeClientMessage(broken(4, '00'.repeat(32))), /MessageType is missing/);
    assert.throws(() => decodeClientMessage(broken(40, '00'.repeat(8))), /CreatedDate is missing/);
    assert.throws(() => decodeClientMessage(broken(80, 'ff')), /digest does not match/);
    assert.throws(() => decodeClientMessage(broken(116, '00000008')), /PayloadLength says 8 bytes; the message carries 7/);
    assert.throws(() => decodeClientMessage(good.subarray(0, 100)), ClientMessageError);
  });

  it('takes start_publication and pause_publication without the checks (the plugin’s Validate skips them)', () => {
    const m = encodeClientMessage({ ...pluginMessage, messageType: MessageType.StartPublication, createdDate: 0 });
    m.fill(0, 80, 112); // no digest either
    assert.strictEqual(decodeClientMessage(m).messageType, 'start_publication');
  });

  it('an empty payload needs no digest', () => {
    const m = encodeClientMessage({ ...pluginMessage, payload: Buffer.alloc(0) });
    m.fill(0, 80, 112);
    assert.strictEqual(decodeClientMessage(m).payload.length, 0);
  });

  it('names the plugin’s payload types and flags', () => {
    assert.deepStrictEqual(Object.values(PayloadType), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.deepStrictEqual(PayloadFlag, { DisconnectToPort: 1, TerminateSession: 2, ConnectToPortError: 3 });
  });
});
