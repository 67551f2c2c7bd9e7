/**
 * An in-memory stand-in for the network under the data channel: a manual clock and a socket pair whose
 * far end a test drives as the agent would (messages framed with the encoder that the framing tests pin
 * byte for byte).
 */
import { decodeClientMessage, encodeClientMessage, jsonPayload, MessageType, newMessage, type ClientMessage } from '../../../../src/ssm/clientMessage';
import type { Clock } from '../../../../src/ssm/clock';
import type { ConnectSocket, SocketEvents } from '../../../../src/ssm/socket';

export class ManualClock implements Clock {
  private t = 1_000_000;
  private timers: { at: number; fn: () => void; cancelled: boolean }[] = [];

  now(): number {
    return this.t;
  }

  after(ms: number, fn: () => void): { cancel(): void } {
    const timer = { at: this.t + ms, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Moves time on, running each timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => !x.cancelled && x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.t = Math.max(this.t, due.at);
      due.cancelled = true;
      due.fn();
    }
    this.t = end;
    this.timers = this.timers.filter((x) => !x.cancelled);
  }
}

/** The agent's end of one connection. */
export class Peer {
  readonly text: string[] = [];
  readonly received: ClientMessage[] = [];
  closedByClient = false;
  private seq = 0;

  constructor(private readonly events: SocketEvents) {}

  /** What the client sent as stream data (input_stream_data), in order of arrival. */
  get stream(): ClientMessage[] {
    return this.received.filter((m) => m.messageType === MessageType.InputStreamData);
  }

  get acks(): { AcknowledgedMessageType: string; AcknowledgedMessageId: string; AcknowledgedMessageSequenceNumber: number; IsSequentialMessage: boolean }[] {
    return this.received.filter((m) => m.messageType === MessageType.Acknowledge).map((m) => JSON.parse(m.payload.toString()));
  }

  /** An output_stream_data message from the agent (the next sequence number unless given). */
  output(payloadType: number, payload: Buffer | string, sequenceNumber = this.seq++): ClientMessage {
    const m = newMessage({ messageType: MessageType.OutputStreamData, payloadType, payload: Buffer.from(payload), sequenceNumber, flags: sequenceNumber === 0 ? 1 : 0 });
    this.deliver(m);
    return m;
  }

  deliver(message: ClientMessage): void {
    this.raw(encodeClientMessage(message));
  }

  raw(bytes: Buffer): void {
    this.events.message(bytes);
  }

  control(messageType: string, payload: unknown = {}): void {
    this.deliver(newMessage({ messageType, payloadType: 0, payload: jsonPayload(payload), flags: 3 }));
  }

  ack(message: ClientMessage): void {
    this.control(MessageType.Acknowledge, {
      AcknowledgedMessageType: message.messageType,
      AcknowledgedMessageId: message.messageId,
      AcknowledgedMessageSequenceNumber: message.sequenceNumber,
      IsSequentialMessage: true,
    });
  }

  /** The network drops the connection. */
  drop(): void {
    this.events.closed(new Error('connection reset'));
  }
}

/** A ConnectSocket whose connections the test sees as Peers; `refuse` makes the next connects fail. */
export function memoryNetwork(): { connect: ConnectSocket; peers: Peer[]; urls: string[]; refuse: number } {
  const net = {
    peers: [] as Peer[],
    urls: [] as string[],
    refuse: 0,
    connect: (async (url, events) => {
      net.urls.push(url);
      if (net.refuse > 0) {
        net.refuse--;
        throw new Error('connection refused');
      }
      const peer = new Peer(events);
      net.peers.push(peer);
      return {
        send: (data: Buffer | string) => {
          if (typeof data === 'string') peer.text.push(data);
          else peer.received.push(decodeClientMessage(data));
        },
        close: () => {
          peer.closedByClient = true;
        },
      };
    }) as ConnectSocket,
  };
  return net;
}

/** Lets pending promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
