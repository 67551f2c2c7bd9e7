/**
 * The agent's reliable stream over the data channel, as AWS's amazon-ssm-agent datastream and the
 * session-manager-plugin's src/datachannel/streaming.go describe it (facts learnt there; our own code):
 * - every output_stream_data message gets the next sequence number (the first carries SYN) and stays in
 *   the outgoing buffer until the client acknowledges it;
 * - the oldest unacknowledged message is resent when it has waited longer than the retransmission
 *   timeout, which follows the round-trip time as TCP does (RTT 100 ms and variation 0 to start,
 *   RTT += (sample - RTT) / 8, RTTVAR += (|RTT - sample| - RTTVAR) / 4, timeout = RTT + max(10 ms,
 *   4 RTTVAR), at most 1 s), checked every 100 ms;
 * - input_stream_data is delivered in sequence order: the expected message is handed over and then
 *   acknowledged (not acknowledged when the handler is not ready, so the client sends it again), a later
 *   one is acknowledged and kept until its turn, an earlier one is dropped;
 * - pause_publication stops sending until start_publication or the next message from the client.
 * Flow control: when too many messages wait for acknowledgement the producer is told to stop reading
 * its source (the pty, the TCP connection) and to go on when half of them are acknowledged.
 */
import { decodeMessage, encodeMessage, invalidReason, message, MessageType, ParsedMessage } from './frame';

export const RESEND_INTERVAL_MS = 100;
export const DEFAULT_RTT_MS = 100;
const DEFAULT_RTO_MS = 200;
const CLOCK_GRANULARITY_MS = 10;
const MAX_RTO_MS = 1000;
/** The agent's IncomingMessageBuffer capacity (messages ahead of the expected one it keeps). */
export const INCOMING_CAPACITY = 10_000;
/** Unacknowledged messages (of at most 1 KiB each) before the producer is paused, and when it resumes. */
export const WINDOW_HIGH = 1000;
export const WINDOW_LOW = 500;

/** What the session does with an input message in its turn: `not-ready` leaves it unacknowledged. */
export type Delivery = 'done' | 'not-ready';

export interface StreamHandlers {
  deliver(m: ParsedMessage): Delivery;
  /** The client sent channel_closed. */
  closed(): void;
  /** false: stop producing output; true: go on. */
  window(open: boolean): void;
}

interface Outgoing {
  seq: number;
  content: Buffer;
  lastSent: number;
}

export class DataStream {
  private send: ((data: Buffer) => void) | undefined;
  private readonly outgoing = new Map<number, Outgoing>();
  private readonly incoming = new Map<number, ParsedMessage>();
  private nextSeq = 0;
  private expected = 0;
  private rtt = DEFAULT_RTT_MS;
  private rttVar = 0;
  private rto = DEFAULT_RTO_MS;
  private paused = false;
  private windowOpen = true;
  private readonly timer: NodeJS.Timeout;
  private drained: Array<() => void> = [];

  constructor(
    private readonly handlers: StreamHandlers,
    private readonly incomingCapacity = INCOMING_CAPACITY,
  ) {
    this.timer = setInterval(() => this.resendOldest(), RESEND_INTERVAL_MS);
    this.timer.unref();
  }

  /** Messages waiting for an acknowledgement. */
  get unacknowledged(): number {
    return this.outgoing.size;
  }

  get retransmissionTimeoutMs(): number {
    return this.rto;
  }

  /**
   * A (re)connected client socket: what it has not acknowledged is sent again at once (the gateway
   * delivers what it held while the client was away).
   */
  attach(send: (data: Buffer) => void): void {
    this.send = send;
    this.paused = false;
    const now = Date.now();
    for (const o of this.outgoing.values()) {
      o.lastSent = now;
      send(o.content);
    }
  }

  detach(): void {
    this.send = undefined;
  }

  /** Sends one output_stream_data message (payload already encrypted when the session is). */
  sendData(payloadType: number, payload: Buffer): void {
    const seq = this.nextSeq++;
    const content = encodeMessage(message({ messageType: MessageType.output, sequenceNumber: seq, flags: seq === 0 ? 1 : 0, payloadType, payload }));
    this.outgoing.set(seq, { seq, content, lastSent: Date.now() });
    if (this.send && !this.paused) {
      this.send(content);
    }
    if (this.windowOpen && this.outgoing.size >= WINDOW_HIGH) {
      this.windowOpen = false;
      this.handlers.window(false);
    }
  }

  /** Sends a message outside the sequence (channel_closed): sequence 0, flags SYN|FIN, not resent. */
  sendControl(messageType: string, payload: Buffer): void {
    this.send?.(encodeMessage(message({ messageType, flags: 3, payload })));
  }

  /** Resolves when every sent message is acknowledged (or at once when none waits). */
  whenDrained(): Promise<void> {
    return this.outgoing.size === 0 ? Promise.resolve() : new Promise((resolve) => this.drained.push(resolve));
  }

  /** A binary frame from the client. Malformed or invalid messages are dropped, as the agent does. */
  receive(raw: Buffer): void {
    let m: ParsedMessage;
    try {
      m = decodeMessage(raw);
    } catch {
      return;
    }
    if (invalidReason(m) !== undefined) {
      return;
    }
    switch (m.messageType) {
      case MessageType.input:
        this.paused = false;
        return this.receiveData(m);
      case MessageType.acknowledge:
        this.paused = false;
        return this.acknowledged(m);
      case MessageType.channelClosed:
        return this.handlers.closed();
      case MessageType.pausePublication:
        this.paused = true;
        return;
      case MessageType.startPublication:
        this.paused = false;
        return;
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.send = undefined;
    for (const d of this.drained.splice(0)) {
      d();
    }
  }

  private receiveData(m: ParsedMessage): void {
    if (m.sequenceNumber === this.expected) {
      if (this.handlers.deliver(m) === 'not-ready') {
        return;
      }
      this.acknowledge(m);
      this.expected++;
      this.deliverBuffered();
    } else if (m.sequenceNumber > this.expected) {
      if (this.incoming.size < this.incomingCapacity) {
        this.acknowledge(m);
        this.incoming.set(m.sequenceNumber, m);
      }
    }
    // An earlier sequence number was already delivered: dropped without an acknowledgement.
  }

  private deliverBuffered(): void {
    for (let next = this.incoming.get(this.expected); next; next = this.incoming.get(this.expected)) {
      if (this.handlers.deliver(next) === 'not-ready') {
        return;
      }
      this.incoming.delete(this.expected);
      this.expected++;
    }
  }

  private acknowledge(m: ParsedMessage): void {
    const content = {
      AcknowledgedMessageType: m.messageType,
      AcknowledgedMessageId: m.messageId,
      AcknowledgedMessageSequenceNumber: m.sequenceNumber,
      IsSequentialMessage: true,
    };
    this.sendControl(MessageType.acknowledge, Buffer.from(JSON.stringify(content)));
  }

  private acknowledged(m: ParsedMessage): void {
    let seq: number;
    try {
      seq = (JSON.parse(m.payload.toString('utf8')) as { AcknowledgedMessageSequenceNumber: number }).AcknowledgedMessageSequenceNumber;
    } catch {
      return;
    }
    const o = this.outgoing.get(seq);
    if (!o) {
      return;
    }
    ({ rtt: this.rtt, rttVar: this.rttVar, rto: this.rto } = nextRetransmission(this.rtt, this.rttVar, Date.now() - o.lastSent));
    this.outgoing.delete(seq);
    if (!this.windowOpen && this.outgoing.size <= WINDOW_LOW) {
      this.windowOpen = true;
      this.handlers.window(true);
    }
    if (this.outgoing.size === 0) {
      for (const d of this.drained.splice(0)) {
        d();
      }
    }
  }

  private resendOldest(): void {
    if (!this.send || this.paused) {
      return;
    }
    const oldest = this.outgoing.values().next();
    if (oldest.done) {
      return;
    }
    const now = Date.now();
    if (now - oldest.value.lastSent > this.rto) {
      oldest.value.lastSent = now;
      this.send(oldest.value.content);
    }
  }
}

/** The round-trip estimate after one acknowledgement that took `sampleMs` (Jacobson/Karels, as the agent computes it). */
export function nextRetransmission(rtt: number, rttVar: number, sampleMs: number): { rtt: number; rttVar: number; rto: number } {
  const nextVar = 0.75 * rttVar + 0.25 * Math.abs(rtt - sampleMs);
  const nextRtt = 0.875 * rtt + 0.125 * sampleMs;
  return { rtt: nextRtt, rttVar: nextVar, rto: Math.min(MAX_RTO_MS, nextRtt + Math.max(CLOCK_GRANULARITY_MS, 4 * nextVar)) };
}
