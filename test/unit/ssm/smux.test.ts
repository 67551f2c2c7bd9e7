/** smux v1 frames byte for byte (xtaci/smux: version, cmd, length LE16, stream id LE32) and their reassembly from cut chunks. */
import * as assert from 'assert';
import { encodeSmuxData, encodeSmuxFrame, SMUX_MAX_FRAME_DATA, SmuxCmd, SmuxFrameReader, SmuxProtocolError } from '../../../src/ssm/smux';

describe('ssm smux v1 frames', () => {
  it('lays out a frame as smux does: version 1, cmd, little-endian length and stream id, data', () => {
    assert.strictEqual(encodeSmuxFrame(SmuxCmd.SYN, 3).toString('hex'), '0100000003000000');
    assert.strictEqual(encodeSmuxFrame(SmuxCmd.PSH, 0x01020304, Buffer.from('hey')).toString('hex'), '0102030004030201' + '686579');
    assert.strictEqual(encodeSmuxFrame(SmuxCmd.FIN, 5).toString('hex'), '0101000005000000');
    assert.strictEqual(encodeSmuxFrame(SmuxCmd.NOP, 0).toString('hex'), '0103000000000000');
    assert.deepStrictEqual(SmuxCmd, { SYN: 0, FIN: 1, PSH: 2, NOP: 3 });
  });

  it('splits long data into PSH frames of at most 32 KB', () => {
    const frames = encodeSmuxData(7, Buffer.alloc(SMUX_MAX_FRAME_DATA * 2 + 10, 1));
    assert.deepStrictEqual(frames.map((f) => f.readUInt16LE(2)), [32768, 32768, 10]);
  });

  it('reassembles frames cut at every possible place, and several frames in one chunk', () => {
    const stream = Buffer.concat([encodeSmuxFrame(SmuxCmd.SYN, 3), encodeSmuxFrame(SmuxCmd.PSH, 3, Buffer.from('hello world')), encodeSmuxFrame(SmuxCmd.FIN, 3)]);
    for (let cut = 1; cut < stream.length; cut++) {
      const reader = new SmuxFrameReader();
      const frames = [...reader.push(stream.subarray(0, cut)), ...reader.push(stream.subarray(cut))];
      assert.deepStrictEqual(frames.map((f) => [f.cmd, f.streamId, f.data.toString()]), [[0, 3, ''], [2, 3, 'hello world'], [1, 3, '']], `cut at ${cut}`);
      assert.strictEqual(reader.buffered, 0);
    }
    const reader = new SmuxFrameReader();
    const bytes = [...stream];
    const one = bytes.flatMap((b) => reader.push(Buffer.from([b])));
    assert.strictEqual(one.length, 3, 'one byte at a time');
  });

  it('a 32 KB frame over 1 KB chunks comes out whole', () => {
    const data = Buffer.from(Array.from({ length: SMUX_MAX_FRAME_DATA }, (_, i) => i & 0xff));
    const frame = encodeSmuxFrame(SmuxCmd.PSH, 9, data);
    const reader = new SmuxFrameReader();
    const frames = [];
    for (let i = 0; i < frame.length; i += 1024) frames.push(...reader.push(frame.subarray(i, i + 1024)));
    assert.strictEqual(frames.length, 1);
    assert.ok(frames[0].data.equals(data));
  });

  it('refuses another smux version', () => {
    assert.throws(() => new SmuxFrameReader().push(Buffer.from('0202000003000000', 'hex')), SmuxProtocolError);
  });
});
