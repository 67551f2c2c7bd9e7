import * as assert from 'assert';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import * as zlib from 'zlib';
import { encodeMessage } from '../../emulator/kit/eventstream';

describe('emulator: event-stream framing', () => {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);

  it('encodes messages the SDK decoder reads back (lengths, CRCs, string headers, payload)', () => {
    const headers = { ':event-type': 'sessionUpdate', ':content-type': 'application/json', ':message-type': 'event' };
    const payload = Buffer.from(JSON.stringify({ sessionResults: [{ message: 'héllo' }] }));
    const frame = encodeMessage(headers, payload);
    assert.strictEqual(frame.readUInt32BE(0), frame.length);
    assert.strictEqual(frame.readUInt32BE(8), zlib.crc32(frame.subarray(0, 8)));
    assert.strictEqual(frame.readUInt32BE(frame.length - 4), zlib.crc32(frame.subarray(0, frame.length - 4)));
    const decoded = codec.decode(frame);
    assert.deepStrictEqual(Object.fromEntries(Object.entries(decoded.headers).map(([k, v]) => [k, v.value])), headers);
    assert.strictEqual(Buffer.from(decoded.body).toString('utf8'), payload.toString('utf8'));
    const again = codec.encode({ headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, { type: 'string' as const, value: v }])), body: payload });
    assert.deepStrictEqual(Buffer.from(again), frame);
  });

  it('an empty payload and no headers still frame (16 bytes), and a corrupted byte fails the CRC', () => {
    const empty = encodeMessage({}, Buffer.alloc(0));
    assert.strictEqual(empty.length, 16);
    assert.strictEqual(codec.decode(empty).body.length, 0);
    const bad = Buffer.from(encodeMessage({ a: 'b' }, Buffer.from('x')));
    bad[bad.length - 5] ^= 1;
    assert.throws(() => codec.decode(bad), /checksum/i);
  });
});
