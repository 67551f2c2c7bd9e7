import { Emitter } from '../util/events';
import { PayloadType, type ClientMessage } from './clientMessage';
import { systemClock } from './clock';
import { CLIENT_VERSION, DataChannel, type ChannelEnd, type DataChannelOptions } from './dataChannel';
import type { GenerateDataKey, SessionEncryption } from './encryption';
import { answerChallenge, answerHandshake, parseHandshakeComplete, parseJson, type HandshakeRequest, type SessionKind } from './handshake';

export interface SsmSessionOptions extends DataChannelOptions {
  sessionId: string;
  /** The session's target (an instance id, or `ecs:<cluster>_<task>_<runtime id>`): part of the encryption context. */
  targetId: string;
  generateDataKey?: GenerateDataKey;
  /** How long the agent has to finish the handshake. */
  handshakeTimeoutMs?: number;
}

export interface SessionPayload {
  payloadType: number;
  payload: Buffer;
}

/** The payload types that travel encrypted once the session is (the agent encrypts these three). */
const ENCRYPTED_INCOMING = new Set<number>([PayloadType.Output, PayloadType.StdErr, PayloadType.ExitCode]);

/**
 * A Session Manager session over one data channel: the handshake done, encryption applied, and the
 * agent's payloads handed on in order (held until the first listener, so nothing sent right after
 * HandshakeComplete is missed).
 */
export class SsmSession {
  readonly channel: DataChannel;
  kind?: SessionKind;
  properties?: unknown;
  agentVersion = '';
  customerMessage?: string;
  private encryption?: SessionEncryption;
  private handshakeSeen = false;
  private readyResolve!: () => void;
  private readyReject!: (error: Error) => void;
  private readonly ready: Promise<void>;
  private work: Promise<void> = Promise.resolve();
  private held: SessionPayload[] | undefined = [];
  private readonly payloads = new Emitter<SessionPayload>();

  readonly onEnd: DataChannel['onEnd'];
  readonly onStateChange: DataChannel['onStateChange'];

  private constructor(private readonly options: SsmSessionOptions) {
    this.channel = new DataChannel(options);
    this.onEnd = this.channel.onEnd;
    this.onStateChange = this.channel.onStateChange;
    this.ready = new Promise((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    this.ready.catch(() => undefined);
    this.channel.onMessage((message) => {
      this.work = this.work.then(() => this.handle(message)).catch((error: unknown) => this.fail(error));
    });
    this.channel.onEnd((end) => this.readyReject(new SessionStartError(end)));
  }

  /** Opens the channel and waits for the handshake (or, from agents without one, the first output). */
  static async start(options: SsmSessionOptions): Promise<SsmSession> {
    const session = new SsmSession(options);
    const clock = options.clock ?? systemClock;
    const timer = clock.after(options.handshakeTimeoutMs ?? 30_000, () =>
      session.channel.close(`The agent did not complete the session handshake within ${Math.round((options.handshakeTimeoutMs ?? 30_000) / 1000)} s.`, true),
    );
    try {
      await session.channel.open();
      await session.ready;
      return session;
    } catch (error) {
      session.channel.close();
      throw error;
    } finally {
      timer.cancel();
    }
  }

  get sessionId(): string {
    return this.options.sessionId;
  }

  get encrypted(): boolean {
    return this.encryption !== undefined;
  }

  /** The agent's payloads after the handshake, decrypted. */
  onPayload(listener: (payload: SessionPayload) => void): { dispose(): void } {
    const subscription = this.payloads.event(listener);
    const held = this.held;
    this.held = undefined;
    for (const payload of held ?? []) this.payloads.fire(payload);
    return subscription;
  }

  /** Sends stream data; Output payloads are encrypted when the session is. */
  send(payloadType: number, payload: Buffer): void {
    const data = this.encryption && payloadType === PayloadType.Output ? this.encryption.encrypt(payload) : payload;
    this.channel.send(payloadType, data);
  }

  /** A Flag payload: the flag as a 4-byte big-endian number. */
  sendFlag(flag: number): void {
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(flag);
    this.channel.send(PayloadType.Flag, payload);
  }

  close(reason?: string, failed = false): void {
    this.channel.close(reason, failed);
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (message.payloadType) {
      case PayloadType.HandshakeRequest: {
        this.handshakeSeen = true;
        const outcome = await answerHandshake(parseJson<HandshakeRequest>(message.payload, 'HandshakeRequest'), {
          sessionId: this.options.sessionId,
          targetId: this.options.targetId,
          clientVersion: CLIENT_VERSION,
          generateDataKey: this.options.generateDataKey,
        });
        this.agentVersion = outcome.agentVersion;
        this.kind = outcome.kind;
        this.properties = outcome.properties;
        this.encryption = outcome.encryption;
        this.channel.send(PayloadType.HandshakeResponse, outcome.response);
        return;
      }
      case PayloadType.EncChallengeRequest:
        if (!this.encryption) throw new Error('The agent sent an encryption challenge for a session that is not encrypted.');
        this.channel.send(PayloadType.EncChallengeResponse, answerChallenge(message.payload, this.encryption));
        return;
      case PayloadType.HandshakeComplete:
        this.customerMessage = parseHandshakeComplete(message.payload).customerMessage;
        if (!this.kind) throw new Error('The agent completed the handshake without saying what kind of session this is.');
        this.readyResolve();
        return;
    }
    let payload = message.payload;
    if (this.encryption && ENCRYPTED_INCOMING.has(message.payloadType)) payload = this.encryption.decrypt(payload);
    // Agents from before the handshake start with the shell's output straight away.
    if (!this.handshakeSeen && !this.kind && message.payloadType === PayloadType.Output) {
      this.kind = 'shell';
      this.readyResolve();
    }
    const item = { payloadType: message.payloadType, payload };
    if (this.held) this.held.push(item);
    else this.payloads.fire(item);
  }

  private fail(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.channel.close(reason, true);
  }
}

/** The channel ended before the session was ready. */
export class SessionStartError extends Error {
  override readonly name = 'SessionStartError';
  constructor(readonly end: ChannelEnd) {
    super(end.reason);
  }
}
