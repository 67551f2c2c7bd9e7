/**
 * A tiny data-channel client for driving the emulator's agent in tests, with its own framing written
 * from the layout in the session-manager-plugin's src/message/clientmessage.go (not the emulator's
 * frame.ts: two codecs that agree are part of the proof). It plays the plugin's part: OpenDataChannelInput,
 * the handshake answers (optionally KMS with a given data key), acknowledgements, in-order reassembly.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'crypto';
import { WebSocket } from 'ws';

export interface Msg {
  type: string;
  seq: number;
  flags: number;
  id: string;
  payloadType: number;
  payload: Buffer;
  digestOk: boolean;
}

function swapHalves(b: Buffer): Buffer {
  return Buffer.concat([b.subarray(8), b.subarray(0, 8)]);
}

export function frame(type: string, seq: number, payloadType: number, payload: Buffer, opts: { flags?: number; id?: string; created?: number } = {}): Buffer {
  const head = Buffer.alloc(120);
  head.writeUInt32BE(116, 0);
  head.write(type.padEnd(32, ' '), 4, 'utf8');
  head.writeUInt32BE(1, 36);
  head.writeBigUInt64BE(BigInt(opts.created ?? Date.now()), 40);
  head.writeBigInt64BE(BigInt(seq), 48);
  head.writeBigUInt64BE(BigInt(opts.flags ?? 0), 56);
  swapHalves(Buffer.from((opts.id ?? randomUUID()).replace(/-/g, ''), 'hex')).copy(head, 64);
  createHash('sha256').update(payload).digest().copy(head, 80);
  head.writeUInt32BE(payloadType, 112);
  head.writeUInt32BE(payload.length, 116);
  return Buffer.concat([head, payload]);
}

export function unframe(raw: Buffer): Msg {
  const hex = swapHalves(raw.subarray(64, 80)).toString('hex');
  const payload = raw.subarray(raw.readUInt32BE(0) + 4);
  return {
    type: raw.subarray(4, 36).toString('utf8').trim(),
    seq: Number(raw.readBigInt64BE(48)),
    flags: Number(raw.readBigUInt64BE(56)),
    id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    payloadType: raw.readUInt32BE(112),
    payload,
    digestOk: createHash('sha256').update(payload).digest().equals(raw.subarray(80, 112)),
  };
}

export function ackFrame(m: Msg): Buffer {
  const content = { AcknowledgedMessageType: m.type, AcknowledgedMessageId: m.id, AcknowledgedMessageSequenceNumber: m.seq, IsSequentialMessage: true };
  return frame('acknowledge', 0, 0, Buffer.from(JSON.stringify(content)), { flags: 3 });
}

export function gcmSeal(key: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
}

export function gcmOpen(key: Buffer, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
}

export interface ClientOptions {
  clientVersion?: string;
  /** false: the test acknowledges (or not) itself. */
  autoAck?: boolean;
}

export class TestClient {
  readonly received: Msg[] = [];
  /** output_stream_data in sequence order, each once. */
  readonly delivered: Msg[] = [];
  autoAck: boolean;
  nextSeq = 0;
  closed: Promise<{ code: number; reason: string }>;
  /** The 64-byte data key when the session is encrypted: the client decrypts with its first half and encrypts with the second. */
  dataKey: Buffer | undefined;
  private expected = 0;
  private readonly early = new Map<number, Msg>();
  private waiters: Array<() => void> = [];

  private constructor(
    readonly ws: WebSocket,
    opts: ClientOptions,
  ) {
    this.autoAck = opts.autoAck !== false;
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.onMessage(unframe(data as Buffer));
      }
    });
    this.closed.then(() => this.wake());
  }

  static async open(url: string, token: string, opts: ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const client = new TestClient(ws, opts);
    ws.send(JSON.stringify({ MessageSchemaVersion: '1.0', RequestId: randomUUID(), TokenValue: token, ClientId: randomUUID(), ClientVersion: opts.clientVersion ?? '1.2.707.0' }));
    return client;
  }

  /** Resolves with the first received message (from `from` on) that matches; rejects on close or after `ms`. */
  async next(match: (m: Msg) => boolean, what: string, ms = 15_000, from = 0): Promise<Msg> {
    return this.until(() => {
      const found = this.received.slice(from).find(match);
      if (!found && this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`socket closed while waiting for ${what}`);
      }
      return found;
    }, what, ms);
  }

  /** Resolves with `check()`'s first defined value, checked on every message; rejects after `ms`. */
  async until<T>(check: () => T | undefined, what: string, ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v !== undefined) {
        return v;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  send(payloadType: number, payload: Buffer, seq = this.nextSeq++): void {
    this.ws.send(frame('input_stream_data', seq, payloadType, payload));
  }

  sendText(text: string): void {
    const data = Buffer.from(text);
    this.send(1, this.dataKey ? gcmSeal(this.dataKey.subarray(32), data) : data);
  }

  /** Sequence numbers this client acknowledged. */
  readonly acked = new Set<number>();

  ack(m: Msg): void {
    this.acked.add(m.seq);
    this.ws.send(ackFrame(m));
  }

  /** Answers the HandshakeRequest (SessionType, and KMSEncryption with `kmsCipherText` when given), the challenge, and waits for HandshakeComplete. */
  async handshake(opts: { kmsCipherText?: Buffer; dataKey?: Buffer; clientVersion?: string } = {}): Promise<{ request: HandshakeRequestJson; complete: { HandshakeTimeToComplete: number; CustomerMessage: string } }> {
    const req = await this.next((m) => m.payloadType === 5, 'HandshakeRequest');
    const request = JSON.parse(req.payload.toString()) as HandshakeRequestJson;
    const actions = request.RequestedClientActions.map((a) =>
      a.ActionType === 'KMSEncryption'
        ? { ActionType: a.ActionType, ActionStatus: 1, ActionResult: { KMSCipherTextKey: (opts.kmsCipherText ?? Buffer.alloc(0)).toString('base64') }, Error: '' }
        : { ActionType: a.ActionType, ActionStatus: 1, ActionResult: null, Error: '' },
    );
    this.dataKey = opts.dataKey;
    this.send(6, Buffer.from(JSON.stringify({ ClientVersion: opts.clientVersion ?? '1.2.707.0', ProcessedClientActions: actions, Errors: [] })));
    if (opts.dataKey) {
      const ch = await this.next((m) => m.payloadType === 8, 'EncryptionChallengeRequest');
      const challenge = gcmOpen(opts.dataKey.subarray(0, 32), Buffer.from((JSON.parse(ch.payload.toString()) as { Challenge: string }).Challenge, 'base64'));
      this.send(9, Buffer.from(JSON.stringify({ Challenge: gcmSeal(opts.dataKey.subarray(32), challenge).toString('base64') })));
    }
    const done = await this.next((m) => m.payloadType === 7, 'HandshakeComplete');
    return { request, complete: JSON.parse(done.payload.toString()) as { HandshakeTimeToComplete: number; CustomerMessage: string } };
  }

  /** Bytes of Output payloads delivered so far. */
  outputLength = 0;

  /** Output payloads (type 1), decrypted when the session is, as one buffer. */
  output(): Buffer {
    return Buffer.concat(this.delivered.filter((m) => m.payloadType === 1).map((m) => this.plain(m)));
  }

  text(): string {
    return this.output().toString('utf8');
  }

  plain(m: Msg): Buffer {
    return this.dataKey && [1, 11, 12].includes(m.payloadType) ? gcmOpen(this.dataKey.subarray(0, 32), m.payload) : m.payload;
  }

  channelClosed(): Msg | undefined {
    return this.received.find((m) => m.type === 'channel_closed');
  }

  close(): void {
    this.ws.close();
  }

  private onMessage(m: Msg): void {
    this.received.push(m);
    if (m.type === 'output_stream_data') {
      if (this.autoAck && m.seq >= this.expected) {
        this.ack(m);
      }
      if (m.seq >= this.expected) {
        this.early.set(m.seq, m);
      }
      for (let n = this.early.get(this.expected); n; n = this.early.get(this.expected)) {
        this.early.delete(this.expected);
        this.delivered.push(n);
        this.outputLength += n.payloadType === 1 ? n.payload.length : 0;
        this.expected++;
      }
    }
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) {
      w();
    }
  }
}

export interface HandshakeRequestJson {
  AgentVersion: string;
  RequestedClientActions: Array<{ ActionType: string; ActionParameters: Record<string, unknown> }>;
}
