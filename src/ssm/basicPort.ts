import type { Socket } from 'net';
import { PayloadFlag, PayloadType } from './clientMessage';
import { Notices, ReadGate, sendStreamData, type PortProtocol } from './portSession';
import type { SsmSession } from './session';

/**
 * One TCP connection at a time over a port session (agents without multiplexing): its bytes are the
 * session's Output payloads; when it ends, DisconnectToPort tells the agent to drop its side, and the
 * next waiting connection takes over. Data the agent sends with no connection attached waits for one.
 */
export class BasicPortProtocol implements PortProtocol {
  readonly mode = 'single';
  private current?: Socket;
  private readonly waiting: Socket[] = [];
  private unclaimed: Buffer[] = [];
  private readonly gate: ReadGate;
  private readonly notices = new Notices();
  readonly onNotice = this.notices.event;
  private total = 0;
  private closed = false;

  constructor(private readonly session: SsmSession) {
    this.gate = new ReadGate(session);
    session.onPayload(({ payloadType, payload }) => {
      if (payloadType === PayloadType.Output) {
        if (this.current) this.current.write(payload);
        else this.unclaimed.push(payload);
      } else if (payloadType === PayloadType.Flag && payload.length >= 4 && payload.readUInt32BE(0) === PayloadFlag.ConnectToPortError) {
        this.notices.fire('Connection to the destination port failed: check the SSM Agent logs of the task.');
      }
    });
  }

  accept(socket: Socket): void {
    if (this.closed) return void socket.destroy();
    this.total++;
    socket.on('error', () => undefined);
    if (this.current) {
      socket.pause();
      this.waiting.push(socket);
      socket.once('close', () => {
        const index = this.waiting.indexOf(socket);
        if (index >= 0) this.waiting.splice(index, 1);
      });
      return;
    }
    this.attach(socket);
  }

  connections(): { open: number; total: number } {
    return { open: (this.current ? 1 : 0) + this.waiting.length, total: this.total };
  }

  close(): void {
    this.closed = true;
    this.current = undefined;
    for (const socket of this.waiting.splice(0)) socket.destroy();
    this.gate.close();
  }

  private attach(socket: Socket): void {
    this.current = socket;
    // Only the attached connection is flow-controlled: a waiting one stays paused until its turn.
    this.gate.add(socket);
    for (const data of this.unclaimed) socket.write(data);
    this.unclaimed = [];
    socket.on('data', (data: Buffer) => {
      sendStreamData(this.session, data);
      this.gate.check(socket);
    });
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      socket.end();
      if (this.closed || this.current !== socket) return;
      this.current = undefined;
      this.session.sendFlag(PayloadFlag.DisconnectToPort);
      const next = this.waiting.shift();
      if (next) {
        this.attach(next);
        next.resume();
      }
    };
    socket.on('end', finished);
    socket.on('close', finished);
    socket.resume();
  }
}
