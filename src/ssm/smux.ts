/**
 * smux version 1 (github.com/xtaci/smux, the multiplexer the reference client and the agent use for
 * port sessions): every frame is an 8-byte header, then `length` bytes of data:
 *   | version 1 | cmd 1 | length 2 (little-endian) | stream id 4 (little-endian) |
 * SYN opens a stream, FIN ends it (EOF), PSH carries data, NOP is a keep-alive.
 * The frames travel as one byte stream, so a frame may span data-channel messages.
 */
export const SMUX_VERSION = 1;
export const SmuxCmd = { SYN: 0, FIN: 1, PSH: 2, NOP: 3 } as const;
export const SMUX_HEADER_BYTES = 8;
/** smux's default largest frame: longer writes go as several PSH frames. */
export const SMUX_MAX_FRAME_DATA = 32768;
/** Client streams get odd ids: 3, 5, 7, … (smux adds 2 to its starting 1 before each open). */
export const SMUX_FIRST_CLIENT_STREAM = 3;

export interface SmuxFrame {
  version: number;
  cmd: number;
  streamId: number;
  data: Buffer;
}

export function encodeSmuxFrame(cmd: number, streamId: number, data: Buffer = Buffer.alloc(0)): Buffer {
  if (data.length > 0xffff) throw new Error(`An smux frame carries at most 65535 bytes; got ${data.length}.`);
  const frame = Buffer.alloc(SMUX_HEADER_BYTES + data.length);
  frame.writeUInt8(SMUX_VERSION, 0);
  frame.writeUInt8(cmd, 1);
  frame.writeUInt16LE(data.length, 2);
  frame.writeUInt32LE(streamId >>> 0, 4);
  data.copy(frame, SMUX_HEADER_BYTES);
  return frame;
}

/** PSH frames for `data`, each at most SMUX_MAX_FRAME_DATA long. */
export function encodeSmuxData(streamId: number, data: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += SMUX_MAX_FRAME_DATA) {
    frames.push(encodeSmuxFrame(SmuxCmd.PSH, streamId, data.subarray(offset, offset + SMUX_MAX_FRAME_DATA)));
  }
  return frames;
}

export class SmuxProtocolError extends Error {
  override readonly name = 'SmuxProtocolError';
}

/**
 * Reassembles frames from chunks cut anywhere. Chunks are only joined once a whole frame is there (a
 * 32 KB frame arrives as 32 one-KB messages: joining on each would copy it 32 times).
 */
export class SmuxFrameReader {
  private chunks: Buffer[] = [];
  private length = 0;
  /** Bytes the next frame needs in all, once its header is known. */
  private needed = SMUX_HEADER_BYTES;

  push(chunk: Buffer): SmuxFrame[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length < this.needed) return [];
    const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length);
    const frames: SmuxFrame[] = [];
    let offset = 0;
    for (;;) {
      if (data.length - offset < SMUX_HEADER_BYTES) {
        this.needed = SMUX_HEADER_BYTES;
        break;
      }
      const version = data.readUInt8(offset);
      if (version !== SMUX_VERSION) throw new SmuxProtocolError(`smux frame version ${version}; this client speaks version ${SMUX_VERSION}.`);
      const length = data.readUInt16LE(offset + 2);
      if (data.length - offset < SMUX_HEADER_BYTES + length) {
        this.needed = SMUX_HEADER_BYTES + length;
        break;
      }
      const start = offset + SMUX_HEADER_BYTES;
      frames.push({ version, cmd: data.readUInt8(offset + 1), streamId: data.readUInt32LE(offset + 4), data: data.subarray(start, start + length) });
      offset = start + length;
    }
    const rest = data.subarray(offset);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return frames;
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get buffered(): number {
    return this.length;
  }
}
