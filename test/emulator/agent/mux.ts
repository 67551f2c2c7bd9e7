/**
 * The multiplexed port session: an smux v1 server (github.com/xtaci/smux, the library both the plugin
 * and the agent use) over the data channel's byte stream, each stream one TCP connection to the target,
 * as amazon-ssm-agent's port_mux.go does. An smux frame is an 8-byte header — version (1), command
 * (0 SYN, 1 FIN, 2 PSH, 3 NOP), payload length (uint16 little-endian), stream id (uint32 little-endian)
 * — and its payload. A stream whose connection cannot be made gets the ConnectToPortError flag and a FIN.
 */
import * as net from 'net';
import { FlagValue, flagPayload, PayloadType } from './frame';
import type { PluginOutput, SessionPlugin } from './session';
import type { Delivery } from './stream';

export const SMUX_VERSION = 1;
export const Cmd = { syn: 0, fin: 1, psh: 2, nop: 3 } as const;
const HEADER = 8;
/** smux's default MaxFrameSize. */
const MAX_FRAME = 32768;

export function smuxFrame(cmd: number, sid: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const h = Buffer.alloc(HEADER);
  h[0] = SMUX_VERSION;
  h[1] = cmd;
  h.writeUInt16LE(data.length, 2);
  h.writeUInt32LE(sid, 4);
  return Buffer.concat([h, data]);
}

interface Stream {
  socket: net.Socket;
  finSent: boolean;
}

export function muxPort(target: { host: string; port: number }, out: PluginOutput): SessionPlugin {
  const streams = new Map<number, Stream>();
  let pending: Buffer = Buffer.alloc(0);
  let paused = false;

  const sendFrame = (cmd: number, sid: number, data?: Buffer): void => out.send(PayloadType.output, smuxFrame(cmd, sid, data));
  const finish = (sid: number, s: Stream): void => {
    if (!s.finSent) {
      s.finSent = true;
      sendFrame(Cmd.fin, sid);
    }
    streams.delete(sid);
  };

  const open = (sid: number): void => {
    const socket = net.connect(target.port, target.host);
    const s: Stream = { socket, finSent: false };
    streams.set(sid, s);
    let connected = false;
    socket.on('connect', () => {
      connected = true;
      if (paused) {
        socket.pause();
      }
    });
    socket.on('data', (d) => {
      for (let i = 0; i < d.length; i += MAX_FRAME) {
        sendFrame(Cmd.psh, sid, d.subarray(i, i + MAX_FRAME));
      }
    });
    socket.on('error', () => {
      if (!connected && !s.finSent) {
        out.send(PayloadType.flag, flagPayload(FlagValue.connectToPortError));
      }
    });
    socket.on('end', () => socket.end());
    socket.on('close', () => finish(sid, s));
  };

  const frame = (cmd: number, sid: number, data: Buffer): void => {
    const s = streams.get(sid);
    if (cmd === Cmd.syn) {
      if (!s) {
        open(sid);
      }
    } else if (cmd === Cmd.psh) {
      s?.socket.write(data);
    } else if (cmd === Cmd.fin && s) {
      // The client's side closed: what was written goes out, then the connection ends (and its FIN goes back).
      s.socket.end();
    }
  };

  return {
    start() {},
    input(payloadType: number, payload: Buffer): Delivery {
      if (payloadType === PayloadType.flag) {
        if (payload.length >= 4 && payload.readUInt32BE(0) === FlagValue.terminateSession) {
          out.end('');
        }
        return 'done';
      }
      if (payloadType !== PayloadType.output) {
        return 'done';
      }
      pending = pending.length ? Buffer.concat([pending, payload]) : payload;
      while (pending.length >= HEADER) {
        const length = pending.readUInt16LE(2);
        if (pending.length < HEADER + length) {
          break;
        }
        if (pending[0] !== SMUX_VERSION) {
          out.end(`invalid smux protocol version ${pending[0]}`);
          return 'done';
        }
        frame(pending[1], pending.readUInt32LE(4), Buffer.from(pending.subarray(HEADER, HEADER + length)));
        pending = pending.subarray(HEADER + length);
      }
      return 'done';
    },
    window(openWindow: boolean) {
      paused = !openWindow;
      for (const s of streams.values()) {
        if (paused) {
          s.socket.pause();
        } else {
          s.socket.resume();
        }
      }
    },
    stop() {
      for (const s of streams.values()) {
        s.socket.destroy();
      }
      streams.clear();
    },
  };
}
