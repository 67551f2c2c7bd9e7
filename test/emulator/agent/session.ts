/**
 * One registered session on the agent's side: the handshake (HandshakeRequest → HandshakeResponse →
 * [EncryptionChallenge] → HandshakeComplete, as amazon-ssm-agent's datachannel.go PerformHandshake
 * runs it), then the session plugin (a shell in a pty, a port connection) fed with the client's input
 * in order, and the end: channel_closed to the client, the socket closed, the process or connection
 * ended. The session outlives a dropped socket: a client that reconnects (ResumeSession's token)
 * continues where it was, without a new handshake.
 */
import { randomBytes, randomUUID } from 'crypto';
import type { WebSocket } from 'ws';
import { encryptionContext, SessionCipher } from './cipher';
import { MessageType, ParsedMessage, PayloadType } from './frame';
import { handshakeRequest, readHandshakeResponse } from './handshake';
import { portPlugin } from './port';
import { shellPlugin } from './shell';
import { DataStream, Delivery } from './stream';
import type { AgentSessionSpec } from './types';

/** The agent's sending half of a session, as a plugin sees it. */
export interface PluginOutput {
  /** Sends bytes in ≤ 1 KiB messages (the agent's StreamDataPayloadSize), encrypted when the session is. */
  send(payloadType: number, data: Buffer): void;
  /** Ends the session; `reason` becomes channel_closed's Output. */
  end(reason?: string): void;
}

export interface SessionPlugin {
  start(): void;
  /** A decrypted input_stream_data payload in its turn. */
  input(payloadType: number, payload: Buffer): Delivery;
  /** Flow control from the data channel: stop or go on reading the source. */
  window(open: boolean): void;
  /** Ends the process or connections (idempotent). */
  stop(): void;
}

const PAYLOAD_SIZE = 1024;
const HANDSHAKE_TIMEOUT_MS = 15_000;
/** How long the end of a session waits for the client to acknowledge what was sent (PrepareToCloseChannel). */
const DRAIN_TIMEOUT_MS = 10_000;
const ENCRYPTED_TYPES = new Set<number>([PayloadType.output, PayloadType.stdErr, PayloadType.exitCode]);

type Phase = 'new' | 'response' | 'challenge' | 'open' | 'ended';

export class AgentSession {
  readonly tokens = new Set<string>();
  readonly stream: DataStream;
  private socket: WebSocket | undefined;
  private phase: Phase = 'new';
  private cipher: SessionCipher | undefined;
  private challenge: Buffer | undefined;
  private plugin: SessionPlugin | undefined;
  private clientVersion = '';
  private handshakeStart = 0;
  private handshakeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly spec: AgentSessionSpec,
    private readonly ended: (sessionId: string) => void,
  ) {
    this.tokens.add(spec.tokenValue);
    this.stream = new DataStream({
      deliver: (m) => this.deliver(m),
      closed: () => this.end(''),
      window: (open) => this.plugin?.window(open),
    });
  }

  get isEnded(): boolean {
    return this.phase === 'ended';
  }

  /** A client socket that sent a valid OpenDataChannelInput. */
  attach(ws: WebSocket, clientVersion: string | undefined): void {
    if (this.socket && this.socket !== ws) {
      this.socket.close(1000);
    }
    this.socket = ws;
    this.clientVersion = clientVersion ?? this.clientVersion;
    ws.on('message', (data, isBinary) => {
      if (isBinary && this.socket === ws) {
        this.stream.receive(Buffer.isBuffer(data) ? data : Buffer.concat(data as Buffer[]));
      }
    });
    ws.on('close', () => {
      if (this.socket === ws) {
        this.socket = undefined;
        this.stream.detach();
      }
    });
    this.stream.attach((bytes) => ws.send(bytes));
    if (this.phase === 'new') {
      this.startHandshake();
    }
  }

  /** Ends the session now (TerminateSession, emulator shutdown): no wait for acknowledgements. */
  terminate(reason = ''): void {
    this.finish(reason, false);
  }

  end(reason = ''): void {
    this.finish(reason, true);
  }

  private startHandshake(): void {
    this.phase = 'response';
    this.handshakeStart = Date.now();
    this.stream.sendData(PayloadType.handshakeRequest, Buffer.from(JSON.stringify(handshakeRequest(this.spec))));
    this.handshakeTimer = setTimeout(() => this.end('Handshake timed out. Please ensure that you have the latest version of the session manager plugin.'), HANDSHAKE_TIMEOUT_MS);
    this.handshakeTimer.unref();
  }

  private deliver(m: ParsedMessage): Delivery {
    switch (this.phase) {
      case 'response':
        if (m.payloadType === PayloadType.handshakeResponse) {
          this.handshakeResponse(m.payload);
        }
        return 'done';
      case 'challenge':
        if (m.payloadType === PayloadType.encChallengeResponse) {
          this.challengeResponse(m.payload);
        }
        return 'done';
      case 'open': {
        if (m.payloadType === PayloadType.handshakeResponse || m.payloadType === PayloadType.encChallengeResponse) {
          return 'done';
        }
        let payload = m.payload;
        if (this.cipher && m.payloadType === PayloadType.output) {
          try {
            payload = this.cipher.decrypt(payload);
          } catch {
            this.end('Error decrypting stream data message');
            return 'done';
          }
        }
        return this.plugin ? this.plugin.input(m.payloadType, payload) : 'done';
      }
      default:
        // Before the handshake completes the agent acknowledges stream data and ignores it.
        return 'done';
    }
  }

  private handshakeResponse(payload: Buffer): void {
    const read = readHandshakeResponse(payload, this.spec);
    if ('error' in read) {
      return this.end(read.error);
    }
    this.clientVersion = read.clientVersion || this.clientVersion;
    if (!this.spec.kms) {
      return this.complete();
    }
    try {
      const dataKey = this.spec.kms.decrypt(read.cipherTextKey!, encryptionContext(this.spec.sessionId, this.spec.target));
      this.cipher = new SessionCipher(Buffer.from(dataKey));
    } catch (e) {
      return this.end(`Fetching data key failed: Unable to retrieve data key, ${(e as Error).message}`);
    }
    // The challenge proves both ends hold the key: the client decrypts it and encrypts it back with its half.
    this.challenge = randomBytes(64);
    this.phase = 'challenge';
    const request = { Challenge: this.cipher.encrypt(this.challenge).toString('base64') };
    this.stream.sendData(PayloadType.encChallengeRequest, Buffer.from(JSON.stringify(request)));
  }

  private challengeResponse(payload: Buffer): void {
    try {
      const answer = JSON.parse(payload.toString('utf8')) as { Challenge?: string };
      const plain = this.cipher!.decrypt(Buffer.from(answer.Challenge ?? '', 'base64'));
      if (!plain.equals(this.challenge!)) {
        return this.end('Encryption challenge does not match!');
      }
    } catch (e) {
      return this.end(`Error decrypting encrypted text, ${(e as Error).message}`);
    }
    this.complete();
  }

  private complete(): void {
    clearTimeout(this.handshakeTimer);
    this.phase = 'open';
    const complete = {
      // Go's time.Duration: nanoseconds.
      HandshakeTimeToComplete: (Date.now() - this.handshakeStart) * 1_000_000,
      CustomerMessage: this.cipher ? 'This session is encrypted using AWS KMS.' : '',
    };
    this.stream.sendData(PayloadType.handshakeComplete, Buffer.from(JSON.stringify(complete)));
    const out: PluginOutput = { send: (type, data) => this.send(type, data), end: (reason) => this.end(reason) };
    this.plugin = this.spec.sessionType === 'Port' ? portPlugin(this.spec, this.clientVersion, out) : shellPlugin(this.spec, out);
    this.plugin.start();
  }

  private send(payloadType: number, data: Buffer): void {
    if (this.phase !== 'open') {
      return;
    }
    for (let i = 0; i < data.length; i += PAYLOAD_SIZE) {
      const chunk = data.subarray(i, i + PAYLOAD_SIZE);
      this.stream.sendData(payloadType, this.cipher && ENCRYPTED_TYPES.has(payloadType) ? this.cipher.encrypt(chunk) : Buffer.from(chunk));
    }
  }

  private finish(reason: string, drain: boolean): void {
    if (this.phase === 'ended') {
      return;
    }
    this.phase = 'ended';
    clearTimeout(this.handshakeTimer);
    this.plugin?.stop();
    const close = (): void => {
      const closed = {
        MessageId: randomUUID(),
        // Epoch millis as text, as the plugin's messageparser_test.go channel_closed fixture has it.
        CreatedDate: String(Date.now()),
        DestinationId: this.spec.target,
        SessionId: this.spec.sessionId,
        MessageType: MessageType.channelClosed,
        SchemaVersion: 1,
        Output: reason,
      };
      this.stream.sendControl(MessageType.channelClosed, Buffer.from(JSON.stringify(closed)));
      this.stream.close();
      this.socket?.close(1000);
      this.socket = undefined;
      this.ended(this.spec.sessionId);
    };
    if (!drain) {
      return close();
    }
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref());
    void Promise.race([this.stream.whenDrained(), timeout]).then(close);
  }
}
