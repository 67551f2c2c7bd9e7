/**
 * Follow: new lines as they are written. CloudWatch Logs StartLiveTail (an HTTP/2 event stream,
 * one session per log group and up to 100 streams) when the account allows it; FilterLogEvents
 * polling with backoff (1 s doubling to 10 s while nothing comes, back to 1 s on new lines, events
 * already shown skipped by id) when live tail is refused: the concurrent-session quota
 * (LimitExceededException), a missing logs:StartLiveTail permission (AccessDeniedException), an
 * endpoint that does not know the operation (older LocalStack) or does not speak HTTP/2. A live-tail
 * session that ends (SessionTimeoutException after 3 hours, a stream error) is started again.
 */
import { formatArn, partitionOf } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { byTime, readWindow, type LogLine } from './logQuery';
import { labelOf, streamBatches, type StreamSet } from './logSources';

export type FollowMode = 'live-tail' | 'polling';

export interface FollowOptions {
  clients: ClientManager;
  scope: Scope;
  sets: StreamSet[];
  filterPattern: string;
  /** Lines at or after this time (epoch ms) are new. */
  from: number;
  /** Event ids already shown (the initial read): polling does not show them again. */
  seen?: Iterable<string>;
  onLines(lines: LogLine[]): void;
  /** Which mode is in use, and why (a fallback names the refusal). */
  onMode(mode: FollowMode, detail: string): void;
  /** A failed poll or reconnect (following goes on with backoff). */
  onError?(error: unknown): void;
  /** false: poll without trying live tail. */
  liveTail?: boolean;
  delays?: { firstMs: number; maxMs: number };
}

const DEFAULT_DELAYS = { firstMs: 1_000, maxMs: 10_000 };
/** Polling reads this far back from the newest line seen, for events ingested late. */
const LATE_MS = 5_000;

/** Why StartLiveTail could not start, in a few words: the error's name, HTTP status and message. */
export function liveTailRefusal(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name && e.name !== 'Error' ? e.name : (e?.code ?? 'Error');
  const status = e?.$metadata?.httpStatusCode;
  return `${name}${status ? ` (HTTP ${status})` : ''}: ${e?.message ?? String(error)}`;
}

export class Follow {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly aborts = new Set<AbortController>();
  private readonly seen = new Map<string, number>();
  private cursor: number;
  private delay: number;
  private readonly delays: { firstMs: number; maxMs: number };
  mode: FollowMode | undefined;

  constructor(private readonly o: FollowOptions) {
    this.cursor = o.from;
    this.delays = o.delays ?? DEFAULT_DELAYS;
    this.delay = this.delays.firstMs;
    for (const id of o.seen ?? []) this.seen.set(id, o.from);
  }

  /** Resolves with the mode once following has started. */
  async start(): Promise<FollowMode> {
    if (this.o.liveTail !== false) {
      try {
        await Promise.all(this.sessions().map((s) => this.startSession(s.set, s.streams, true)));
        return this.setMode('live-tail', 'StartLiveTail');
      } catch (error) {
        this.abortSessions();
        if (this.stopped) return 'polling';
        return this.startPolling(`live tail refused (${liveTailRefusal(error)})`);
      }
    }
    return this.startPolling('live tail not tried');
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abortSessions();
  }

  private setMode(mode: FollowMode, detail: string): FollowMode {
    this.mode = mode;
    this.o.onMode(mode, detail);
    return mode;
  }

  private sessions(): { set: StreamSet; streams: string[] | undefined }[] {
    return this.o.sets.flatMap((set) => streamBatches(set).map((streams) => ({ set, streams })));
  }

  private abortSessions(): void {
    for (const a of this.aborts) a.abort();
    this.aborts.clear();
  }

  /** One live-tail session; `first`: rejects when it cannot start. Later ends reconnect it. */
  private async startSession(set: StreamSet, streams: string[] | undefined, first: boolean): Promise<void> {
    const { clients, scope } = this.o;
    const where = { ...scope, region: set.region };
    const [{ account }, { sdk, client }] = await Promise.all([clients.callerIdentity(where), clients.clientWithSdk('logsLiveTail', where)]);
    const arn = formatArn({ partition: partitionOf(set.region), service: 'logs', region: set.region, account, resource: `log-group:${set.logGroup}` });
    const abort = new AbortController();
    this.aborts.add(abort);
    const out = await client.send(
      new sdk.logs.StartLiveTailCommand({ logGroupIdentifiers: [arn], logStreamNames: streams, logEventFilterPattern: this.o.filterPattern || undefined }),
      { abortSignal: abort.signal },
    );
    const frames = out.responseStream?.[Symbol.asyncIterator]();
    if (!frames) throw new Error('StartLiveTail returned no event stream');
    // The session has started once its first frame (sessionStart) arrives.
    const firstFrame = await frames.next();
    if (firstFrame.done) throw new Error('the live-tail session ended at once');
    void this.readSession(set, streams, frames, abort, firstFrame.value);
    if (!first) this.o.onMode('live-tail', 'StartLiveTail (reconnected)');
  }

  private async readSession(set: StreamSet, streams: string[] | undefined, frames: AsyncIterator<unknown>, abort: AbortController, firstFrame: unknown): Promise<void> {
    let failure: unknown;
    try {
      for (let frame = firstFrame; ; ) {
        const f = frame as { sessionUpdate?: { sessionResults?: { logStreamName?: string; message?: string; timestamp?: number }[] }; SessionTimeoutException?: { message?: string }; SessionStreamingException?: { message?: string } };
        const ended = f.SessionTimeoutException ?? f.SessionStreamingException;
        if (ended) throw new Error(ended.message ?? 'the live-tail session ended');
        const results = f.sessionUpdate?.sessionResults ?? [];
        if (results.length && !this.stopped) {
          const lines = results.map((r) => ({ timestamp: r.timestamp ?? 0, label: labelOf(set, r.logStreamName), message: r.message ?? '' })).sort(byTime);
          this.cursor = Math.max(this.cursor, lines[lines.length - 1].timestamp);
          this.o.onLines(lines);
        }
        const next = await frames.next();
        if (next.done) break;
        frame = next.value;
      }
    } catch (error) {
      failure = error;
    }
    this.aborts.delete(abort);
    if (this.stopped || abort.signal.aborted) return;
    if (failure) this.o.onError?.(failure);
    this.reconnect(set, streams, this.delays.firstMs);
  }

  /** A session ended (3-hour limit, stream error): start it again; refused now → polling. */
  private reconnect(set: StreamSet, streams: string[] | undefined, wait: number): void {
    this.timer = setTimeout(() => {
      if (this.stopped || this.mode !== 'live-tail') return;
      this.startSession(set, streams, false).catch((error: unknown) => {
        if (this.stopped) return;
        const refused = liveTailRefusal(error);
        if (/LimitExceeded|AccessDenied|UnknownOperation|HTTP 404|HTTP2/i.test(refused)) {
          this.abortSessions();
          void this.startPolling(`live tail could not reconnect (${refused})`);
        } else {
          this.o.onError?.(error);
          this.reconnect(set, streams, Math.min(wait * 2, this.delays.maxMs));
        }
      });
    }, wait);
  }

  private startPolling(why: string): FollowMode {
    this.setMode('polling', `FilterLogEvents every ${this.delays.firstMs / 1000}–${this.delays.maxMs / 1000} s: ${why}`);
    this.schedulePoll(this.delays.firstMs);
    return 'polling';
  }

  private schedulePoll(wait: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), wait);
  }

  private async poll(): Promise<void> {
    const start = Math.max(this.o.from, this.cursor - LATE_MS);
    let found = 0;
    try {
      const { lines } = await readWindow(this.o.clients, this.o.scope, this.o.sets, { start }, this.o.filterPattern);
      const fresh = lines.filter((l) => !l.eventId || !this.seen.has(l.eventId));
      for (const l of fresh) if (l.eventId) this.seen.set(l.eventId, l.timestamp);
      if (lines.length) this.cursor = Math.max(this.cursor, lines[lines.length - 1].timestamp);
      for (const [id, at] of this.seen) if (at < this.cursor - 2 * LATE_MS) this.seen.delete(id);
      found = fresh.length;
      if (found && !this.stopped) this.o.onLines(fresh);
    } catch (error) {
      if (!this.stopped) this.o.onError?.(error);
    }
    this.delay = found ? this.delays.firstMs : Math.min(this.delay * 2, this.delays.maxMs);
    this.schedulePoll(this.delay);
  }
}
