import type { Socket } from 'net';
import { Emitter } from '../util/events';
import { agentVersionAfter, AGENT_VERSIONS } from './agentVersion';
import { PayloadType } from './clientMessage';
import { HIGH_WATER } from './dataChannel';
import type { SsmSession } from './session';

/** The reference client's data-channel message size for port data: 1 KB of the byte stream per message. */
export const STREAM_DATA_PAYLOAD_BYTES = 1024;

/** The port session's Properties from the handshake: `type` "LocalPortForwarding" for a forward to a local listener. */
export interface PortSessionProperties {
  portNumber?: string;
  type?: string;
}

export type PortMode = 'multiplexed' | 'single';

/** Local TCP connections carried over one port session. */
export interface PortProtocol {
  readonly mode: PortMode;
  /** Takes a connection a local listener accepted (created with allowHalfOpen). */
  accept(socket: Socket): void;
  connections(): { open: number; total: number };
  /** What the agent reported about a connection (e.g. the destination port refused it), in words. */
  readonly onNotice: (listener: (text: string) => void) => { dispose(): void };
  /** Ends every connection (the session is closed by the caller). */
  close(): void;
}

/** Multiplexed when the session forwards to a local port and the agent is recent enough, as the reference client decides. */
export function portModeOf(session: SsmSession): PortMode {
  const properties = (session.properties ?? {}) as PortSessionProperties;
  return properties.type === 'LocalPortForwarding' && agentVersionAfter(session.agentVersion, AGENT_VERSIONS.tcpMultiplexing) ? 'multiplexed' : 'single';
}

/** Sends a byte stream as Output payloads of at most 1 KB each. */
export function sendStreamData(session: SsmSession, data: Buffer): void {
  for (let offset = 0; offset < data.length; offset += STREAM_DATA_PAYLOAD_BYTES) {
    session.send(PayloadType.Output, data.subarray(offset, offset + STREAM_DATA_PAYLOAD_BYTES));
  }
}

/**
 * Back-pressure from the data channel to the local sockets: above HIGH_WATER unacknowledged messages
 * every socket stops reading until the agent has caught up.
 */
export class ReadGate {
  private readonly sockets = new Set<Socket>();
  private closed = false;

  constructor(private readonly session: SsmSession) {
    session.channel.onDrain(() => {
      for (const socket of this.sockets) socket.resume();
    });
  }

  add(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** After sending a socket's data: pause it while the channel is full. */
  check(socket: Socket): void {
    if (!this.closed && this.session.channel.unacknowledged >= HIGH_WATER) socket.pause();
  }

  close(): void {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

export class Notices {
  private readonly emitter = new Emitter<string>();
  readonly event = this.emitter.event;
  fire(text: string): void {
    this.emitter.fire(text);
  }
}
