import type { Socket } from 'net';
import { PayloadFlag, PayloadType } from './clientMessage';
import { Notices, ReadGate, sendStreamData, type PortProtocol } from './portSession';
import type { SsmSession } from './session';
import { encodeSmuxData, encodeSmuxFrame, SMUX_FIRST_CLIENT_STREAM, SmuxCmd, SmuxFrameReader } from './smux';

/** smux's keep-alive for agents that still expect one: a NOP every 10 s (they give up after 30 s of silence). */
export const SMUX_KEEPALIVE_MS = 10_000;

interface MuxStream {
  socket: Socket;
  finSent: boolean;
  finReceived: boolean;
}

/**
 * Many TCP connections over one port session: each local connection is an smux stream (SYN, PSH…, FIN)
 * and the smux byte stream travels as the session's Output payloads, both ways.
 */
export class MuxPortProtocol implements PortProtocol {
  readonly mode = 'multiplexed';
  private readonly streams = new Map<number, MuxStream>();
  private readonly reader = new SmuxFrameReader();
  private readonly gate: ReadGate;
  private readonly notices = new Notices();
  readonly onNotice = this.notices.event;
  private nextStreamId = SMUX_FIRST_CLIENT_STREAM;
  private total = 0;
  private keepAlive?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly session: SsmSession,
    options: { keepAlive: boolean },
  ) {
    this.gate = new ReadGate(session);
    session.onPayload(({ payloadType, payload }) => {
      if (payloadType === PayloadType.Output) this.receive(payload);
      else if (payloadType === PayloadType.Flag && payload.length >= 4 && payload.readUInt32BE(0) === PayloadFlag.ConnectToPortError) {
        this.notices.fire('Connection to the destination port failed: check the SSM Agent logs of the task.');
      }
    });
    if (options.keepAlive) {
      this.keepAlive = setInterval(() => this.write(encodeSmuxFrame(SmuxCmd.NOP, 0)), SMUX_KEEPALIVE_MS);
      this.keepAlive.unref();
    }
  }

  accept(socket: Socket): void {
    if (this.closed) return void socket.destroy();
    const id = this.nextStreamId;
    this.nextStreamId += 2;
    const stream: MuxStream = { socket, finSent: false, finReceived: false };
    this.streams.set(id, stream);
    this.total++;
    this.gate.add(socket);
    this.write(encodeSmuxFrame(SmuxCmd.SYN, id));
    socket.on('data', (data: Buffer) => {
      for (const frame of encodeSmuxData(id, data)) this.write(frame);
      this.gate.check(socket);
    });
    socket.on('end', () => this.sendFin(id, stream));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sendFin(id, stream);
      this.streams.delete(id);
    });
  }

  connections(): { open: number; total: number } {
    return { open: this.streams.size, total: this.total };
  }

  close(): void {
    this.closed = true;
    clearInterval(this.keepAlive);
    this.gate.close();
    this.streams.clear();
  }

  private sendFin(id: number, stream: MuxStream): void {
    if (stream.finSent || this.closed) return;
    stream.finSent = true;
    this.write(encodeSmuxFrame(SmuxCmd.FIN, id));
    if (stream.finReceived) stream.socket.destroySoon();
  }

  private receive(payload: Buffer): void {
    let frames;
    try {
      frames = this.reader.push(payload);
    } catch (error) {
      this.notices.fire(error instanceof Error ? error.message : String(error));
      this.session.close('The agent sent data the multiplexed port protocol cannot read.', true);
      return;
    }
    for (const frame of frames) {
      const stream = this.streams.get(frame.streamId);
      if (!stream) continue;
      if (frame.cmd === SmuxCmd.PSH) stream.socket.write(frame.data);
      else if (frame.cmd === SmuxCmd.FIN) {
        stream.finReceived = true;
        // The far end is done: finish writing, and close once our side is done too.
        stream.socket.end();
        if (stream.finSent) stream.socket.destroySoon();
      }
    }
  }

  private write(bytes: Buffer): void {
    if (!this.closed) sendStreamData(this.session, bytes);
  }
}
