import { randomUUID } from 'crypto';
import { Emitter } from '../util/events';
import { ClientMessageError, decodeClientMessage, encodeClientMessage, jsonPayload, MessageType, newMessage, type ClientMessage } from './clientMessage';
import { systemClock, type Clock } from './clock';
import { RETRANSMISSION, RetransmissionTimer } from './retransmission';
import type { ChannelSocket, ConnectSocket } from './socket';

export type ChannelState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ChannelEnd {
  reason: string;
  /** True for a lost connection or a timeout, false when the agent or we closed the session. */
  failed: boolean;
}

export interface DataChannelOptions {
  streamUrl: string;
  tokenValue: string;
  connect: ConnectSocket;
  clientId?: string;
  clock?: Clock;
  /** After a lost connection: ResumeSession's new token, or undefined when the session is gone. */
  resume?: () => Promise<string | undefined>;
}

/** What the channel says it is in OpenDataChannelInput; agents choose features by the client's version. */
export const CLIENT_VERSION = '1.2.707.0';
const MESSAGE_SCHEMA_VERSION = '1.0';
/** The reference client's buffer capacities; beyond them an out-of-order message is left for the agent to resend. */
export const BUFFER_CAPACITY = { outgoing: 10_000, incoming: 10_000 } as const;
/** Reconnect: ResumeSession and a new WebSocket, up to 5 attempts, 100–200 ms at first, doubling, at most 5 s apart. */
export const RECONNECT = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5000 } as const;
/** Unacknowledged messages above which a writer should wait for `onDrain` (a port session pauses its TCP reads). */
export const HIGH_WATER = 1000;

interface Outgoing {
  content: Buffer;
  sentAt?: number;
  attempts: number;
}

/**
 * One data channel: the WebSocket to `streamUrl` opened with OpenDataChannelInput, stream messages
 * numbered and kept until acknowledged (resent on the retransmission timeout), every incoming stream
 * message acknowledged and delivered in sequence order, publication paused and resumed as the agent
 * asks, channel_closed ending it, and a lost connection resumed with a new token.
 */
export class DataChannel {
  private socket?: ChannelSocket;
  private tokenValue: string;
  private readonly clock: Clock;
  private readonly clientId: string;
  private readonly rto = new RetransmissionTimer();
  private readonly outgoing = new Map<number, Outgoing>();
  private readonly incoming = new Map<number, ClientMessage>();
  private nextSequence = 0;
  private expectedSequence = 0;
  private paused = false;
  private resendCheck?: { cancel(): void };
  private stateValue: ChannelState = 'connecting';

  private readonly messages = new Emitter<ClientMessage>();
  private readonly ended = new Emitter<ChannelEnd>();
  private readonly states = new Emitter<ChannelState>();
  private readonly drained = new Emitter<void>();
  /** Stream messages from the agent, in sequence order, each once. */
  readonly onMessage = this.messages.event;
  readonly onEnd = this.ended.event;
  readonly onStateChange = this.states.event;
  /** The unacknowledged count fell below HIGH_WATER. */
  readonly onDrain = this.drained.event;

  constructor(private readonly options: DataChannelOptions) {
    this.tokenValue = options.tokenValue;
    this.clock = options.clock ?? systemClock;
    this.clientId = options.clientId ?? randomUUID();
  }

  get state(): ChannelState {
    return this.stateValue;
  }

  /** Messages sent and not yet acknowledged. */
  get unacknowledged(): number {
    return this.outgoing.size;
  }

  get retransmissionTimeoutMs(): number {
    return this.rto.timeoutMs;
  }

  async open(): Promise<void> {
    await this.connect();
    if (this.stateValue === 'closed') return;
    this.setState('connected');
    for (const entry of this.outgoing.values()) if (entry.sentAt === undefined && this.canSend()) this.transmit(entry);
  }

  /** Sends one input_stream_data message (buffered while the agent paused publication or the connection is down). */
  send(payloadType: number, payload: Buffer): void {
    if (this.stateValue === 'closed') return;
    const sequenceNumber = this.nextSequence++;
    const content = encodeClientMessage(newMessage({ messageType: MessageType.InputStreamData, payloadType, payload, sequenceNumber }, this.clock.now()));
    if (this.outgoing.size >= BUFFER_CAPACITY.outgoing) this.outgoing.delete(this.outgoing.keys().next().value as number);
    const entry: Outgoing = { content, attempts: 0 };
    this.outgoing.set(sequenceNumber, entry);
    if (this.canSend()) this.transmit(entry);
    this.scheduleResendCheck();
  }

  /** Closes the WebSocket (`failed` when giving up on an error); the session itself ends when the agent is told (TerminateSession) or times out. */
  close(reason = 'The session was closed.', failed = false): void {
    this.end({ reason, failed });
  }

  private canSend(): boolean {
    return this.stateValue === 'connected' && !this.paused && this.socket !== undefined;
  }

  private transmit(entry: Outgoing): void {
    entry.sentAt = this.clock.now();
    this.socket?.send(entry.content);
  }

  private async connect(): Promise<void> {
    const socket = await this.options.connect(this.options.streamUrl, {
      message: (data) => this.receive(data),
      closed: (error) => {
        if (this.socket !== socket) return;
        this.socket = undefined;
        if (this.stateValue !== 'closed') void this.connectionLost(error);
      },
    });
    if (this.stateValue === 'closed') return socket.close();
    this.socket = socket;
    socket.send(
      JSON.stringify({
        MessageSchemaVersion: MESSAGE_SCHEMA_VERSION,
        RequestId: randomUUID(),
        TokenValue: this.tokenValue,
        ClientId: this.clientId,
        ClientVersion: CLIENT_VERSION,
      }),
    );
  }

  private async connectionLost(error?: Error): Promise<void> {
    const why = error?.message ?? 'The data channel closed.';
    if (!this.options.resume) return this.end({ reason: why, failed: true });
    this.setState('reconnecting');
    let delay = RECONNECT.initialDelayMs + Math.random() * RECONNECT.initialDelayMs;
    let lastError = why;
    for (let attempt = 0; attempt < RECONNECT.attempts && this.stateValue === 'reconnecting'; attempt++) {
      await new Promise<void>((resolve) => this.clock.after(delay, resolve));
      delay = Math.min(delay * 2, RECONNECT.maxDelayMs);
      if (this.stateValue !== 'reconnecting') return;
      try {
        const token = await this.options.resume();
        if (token === undefined) return this.end({ reason: 'The session ended while the connection was down (it timed out or was terminated).', failed: true });
        this.tokenValue = token;
        await this.connect();
        if (this.stateValue !== 'reconnecting') return;
        this.setState('connected');
        // The agent may have lost anything sent around the drop: everything unacknowledged goes again.
        if (!this.paused) for (const entry of this.outgoing.values()) this.transmit(entry);
        this.scheduleResendCheck();
        return;
      } catch (e) {
        lastError = e instanceof Error ? e.message : String(e);
      }
    }
    if (this.stateValue === 'reconnecting') this.end({ reason: `The connection to the session was lost and could not be re-established: ${lastError}`, failed: true });
  }

  private receive(data: Buffer): void {
    let message: ClientMessage;
    try {
      message = decodeClientMessage(data);
    } catch (error) {
      // A message that fails its checks is dropped unacknowledged: the agent sends it again.
      if (error instanceof ClientMessageError) return;
      throw error;
    }
    switch (message.messageType) {
      case MessageType.OutputStreamData:
        return this.receiveStream(message);
      case MessageType.Acknowledge:
        return this.receiveAcknowledge(message);
      case MessageType.ChannelClosed:
        return this.receiveChannelClosed(message);
      case MessageType.PausePublication:
        this.paused = true;
        return;
      case MessageType.StartPublication:
        this.paused = false;
        for (const entry of this.outgoing.values()) if (entry.sentAt === undefined) this.transmit(entry);
        this.scheduleResendCheck();
        return;
    }
  }

  private receiveStream(message: ClientMessage): void {
    const seq = message.sequenceNumber;
    if (seq > this.expectedSequence) {
      if (this.incoming.size >= BUFFER_CAPACITY.incoming) return;
      this.acknowledge(message);
      this.incoming.set(seq, message);
      return;
    }
    // A repeat (our acknowledgement was lost) is acknowledged again, not delivered again.
    this.acknowledge(message);
    if (seq < this.expectedSequence) return;
    this.deliver(message);
    for (let next = this.incoming.get(this.expectedSequence); next; next = this.incoming.get(this.expectedSequence)) {
      this.incoming.delete(next.sequenceNumber);
      this.deliver(next);
    }
  }

  private deliver(message: ClientMessage): void {
    this.expectedSequence = message.sequenceNumber + 1;
    if (this.stateValue !== 'closed') this.messages.fire(message);
  }

  private acknowledge(message: ClientMessage): void {
    const payload = jsonPayload({
      AcknowledgedMessageType: message.messageType,
      AcknowledgedMessageId: message.messageId,
      AcknowledgedMessageSequenceNumber: message.sequenceNumber,
      IsSequentialMessage: true,
    });
    // Acknowledgements are not stream data: sequence 0, SYN|FIN, never resent.
    this.socket?.send(encodeClientMessage(newMessage({ messageType: MessageType.Acknowledge, payloadType: 0, payload, flags: 3 }, this.clock.now())));
  }

  private receiveAcknowledge(message: ClientMessage): void {
    let seq: unknown;
    try {
      seq = (JSON.parse(message.payload.toString('utf8')) as { AcknowledgedMessageSequenceNumber?: unknown }).AcknowledgedMessageSequenceNumber;
    } catch {
      return;
    }
    const entry = typeof seq === 'number' ? this.outgoing.get(seq) : undefined;
    if (!entry) return;
    if (entry.sentAt !== undefined) this.rto.measured(entry.sentAt, this.clock.now());
    const wasHigh = this.outgoing.size >= HIGH_WATER;
    this.outgoing.delete(seq as number);
    if (wasHigh && this.outgoing.size < HIGH_WATER) this.drained.fire();
  }

  private receiveChannelClosed(message: ClientMessage): void {
    let closed: { Output?: string; SessionId?: string } = {};
    try {
      closed = JSON.parse(message.payload.toString('utf8')) as typeof closed;
    } catch {
      // The reason is then the generic one below.
    }
    this.end({ reason: closed.Output || `Exiting session${closed.SessionId ? ` with sessionId: ${closed.SessionId}` : ''}.`, failed: false });
  }

  /** Checks the outgoing buffer every 100 ms while something is unacknowledged; overdue messages go again. */
  private scheduleResendCheck(): void {
    if (this.resendCheck || this.outgoing.size === 0 || this.stateValue === 'closed') return;
    this.resendCheck = this.clock.after(RETRANSMISSION.checkIntervalMs, () => {
      this.resendCheck = undefined;
      this.resendOverdue();
      this.scheduleResendCheck();
    });
  }

  private resendOverdue(): void {
    if (!this.canSend()) return;
    const now = this.clock.now();
    for (const [seq, entry] of this.outgoing) {
      if (entry.sentAt === undefined || now - entry.sentAt <= this.rto.timeoutMs) continue;
      if (entry.attempts >= RETRANSMISSION.maxAttempts) {
        return this.end({ reason: `The agent did not acknowledge data (message ${seq}) after ${entry.attempts} resends: the session was given up.`, failed: true });
      }
      entry.attempts++;
      this.transmit(entry);
    }
  }

  private end(end: ChannelEnd): void {
    if (this.stateValue === 'closed') return;
    this.setState('closed');
    this.resendCheck?.cancel();
    this.resendCheck = undefined;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
    this.ended.fire(end);
  }

  private setState(state: ChannelState): void {
    if (this.stateValue === state) return;
    this.stateValue = state;
    this.states.fire(state);
  }
}
