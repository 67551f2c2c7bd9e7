/**
 * Follow: new lines as they are written. CloudWatch Logs StartLiveTail (an HTTP/2 event stream,
 * one session per log group and up to 100 streams) when the account allows it; FilterLogEvents
 * polling with backoff (1 s doubling to 10 s while nothing comes, back to 1 s on new lines, events
 * already shown skipped) when live tail is refused: the concurrent-session quota
 * (LimitExceededException), a missing logs:StartLiveTail permission (AccessDeniedException), an
 * endpoint that does not know the operation (older LocalStack) or does not speak HTTP/2. A live-tail
 * session that ends (SessionTimeoutException after 3 hours, a stream error) is started again.
 *
 * Live tail shows only what is ingested while a session is open, so the lines written between the
 * end of a session and the start of the next (or of polling) are read with FilterLogEvents from the
 * newest line those streams showed (by its timestamp, not this computer's clock, which may differ
 * from CloudWatch's) and shown first, without the lines already shown (shownLines.ts).
 */
import { formatArn, partitionOf } from '../aws/arn';
import type { ClientManager, Scope } from '../aws/clientManager';
import { byTime, readWindow, type LogLine } from './logQuery';
import { labelOf, streamBatches, type StreamSet } from './logSources';
import { ShownLines } from './shownLines';

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

/** The streams of one live-tail session, and what they have shown. */
interface Tail {
  set: StreamSet;
  streams: string[] | undefined;
  /** The newest line shown from these streams, else the time following started from: a gap is read from there. */
  since: number;
  shown: ShownLines;
}

export class Follow {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly aborts = new Set<AbortController>();
  private readonly tails: Tail[];
  /** What polling has shown (it takes over the tails' when it follows live tail). */
  private shown: ShownLines;
  private cursor: number;
  private delay: number;
  private readonly delays: { firstMs: number; maxMs: number };
  mode: FollowMode | undefined;

  constructor(private readonly o: FollowOptions) {
    this.cursor = o.from;
    this.delays = o.delays ?? DEFAULT_DELAYS;
    this.delay = this.delays.firstMs;
    const seen = [...(o.seen ?? [])];
    this.shown = new ShownLines(seen, o.from);
    this.tails = o.sets.flatMap((set) => streamBatches(set).map((streams) => ({ set, streams, since: o.from, shown: new ShownLines(seen, o.from) })));
  }

  /** Resolves with the mode once following has started. */
  async start(): Promise<FollowMode> {
    if (this.o.liveTail !== false) {
      try {
        await Promise.all(this.tails.map((t) => this.startSession(t, true)));
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

  private abortSessions(): void {
    for (const a of this.aborts) a.abort();
    this.aborts.clear();
  }

  /** Shows the lines of `tail` not shown yet; the count shown. */
  private show(tail: Tail, lines: LogLine[]): number {
    const fresh = tail.shown.fresh(lines);
    if (!fresh.length || this.stopped) return 0;
    const newest = fresh.reduce((n, l) => Math.max(n, l.timestamp), 0);
    tail.since = Math.max(tail.since, newest);
    this.cursor = Math.max(this.cursor, newest);
    tail.shown.forget(tail.since - 2 * LATE_MS);
    this.o.onLines(fresh);
    return fresh.length;
  }

  /** What FilterLogEvents has of `tail`'s streams from its newest shown line on (lines ingested late included). */
  private async readGap(tail: Tail): Promise<LogLine[]> {
    const { set, streams } = tail;
    const only = streams ? { ...set, wholeGroup: false, streams: new Map(streams.map((s) => [s, set.streams.get(s) ?? labelOf(set, s)])) } : set;
    try {
      return (await readWindow(this.o.clients, this.o.scope, [only], { start: Math.max(this.o.from, tail.since - LATE_MS) }, this.o.filterPattern)).lines;
    } catch (error) {
      if (!this.stopped) this.o.onError?.(error);
      return [];
    }
  }

  /** One live-tail session, after the lines written before it; `first`: rejects when it cannot start. Later ends reconnect it. */
  private async startSession(tail: Tail, first: boolean): Promise<void> {
    const { clients, scope } = this.o;
    const { set, streams } = tail;
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
    // The session's lines wait until those written before it started (since the initial read, since the last session) are shown.
    let held: LogLine[] | undefined = [];
    void this.readSession(tail, frames, abort, firstFrame.value, (lines) => (held ? held.push(...lines) : this.show(tail, lines)));
    const filled = this.show(tail, await this.readGap(tail));
    this.show(tail, held);
    held = undefined;
    if (!first && !this.stopped) this.o.onMode('live-tail', `StartLiveTail (reconnected; ${filled} line${filled === 1 ? '' : 's'} written meanwhile read with FilterLogEvents)`);
  }

  private async readSession(tail: Tail, frames: AsyncIterator<unknown>, abort: AbortController, firstFrame: unknown, onLines: (lines: LogLine[]) => void): Promise<void> {
    let failure: unknown;
    try {
      for (let frame = firstFrame; ; ) {
        const f = frame as { sessionUpdate?: { sessionResults?: { logStreamName?: string; message?: string; timestamp?: number }[] }; SessionTimeoutException?: { message?: string }; SessionStreamingException?: { message?: string } };
        const ended = f.SessionTimeoutException ?? f.SessionStreamingException;
        if (ended) throw new Error(ended.message ?? 'the live-tail session ended');
        const results = f.sessionUpdate?.sessionResults ?? [];
        if (results.length && !this.stopped) onLines(results.map((r) => ({ timestamp: r.timestamp ?? 0, label: labelOf(tail.set, r.logStreamName), message: r.message ?? '' })).sort(byTime));
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
    this.reconnect(tail, this.delays.firstMs);
  }

  /** A session ended (3-hour limit, stream error): start it again; refused now → polling. */
  private reconnect(tail: Tail, wait: number): void {
    this.timer = setTimeout(() => {
      if (this.stopped || this.mode !== 'live-tail') return;
      this.startSession(tail, false).catch((error: unknown) => {
        if (this.stopped) return;
        const refused = liveTailRefusal(error);
        if (/LimitExceeded|AccessDenied|UnknownOperation|HTTP 404|HTTP2/i.test(refused)) {
          this.abortSessions();
          void this.startPolling(`live tail could not reconnect (${refused})`);
        } else {
          this.o.onError?.(error);
          this.reconnect(tail, Math.min(wait * 2, this.delays.maxMs));
        }
      });
    }, wait);
  }

  /** Polls from the oldest of the tails' newest lines, so that nothing written since live tail ended is missed. */
  private startPolling(why: string): FollowMode {
    for (const t of this.tails) this.shown.absorb(t.shown);
    this.cursor = Math.min(this.cursor, ...this.tails.map((t) => t.since));
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
      const fresh = this.shown.fresh(lines);
      if (lines.length) this.cursor = Math.max(this.cursor, lines[lines.length - 1].timestamp);
      this.shown.forget(this.cursor - 2 * LATE_MS);
      found = fresh.length;
      if (found && !this.stopped) this.o.onLines(fresh);
    } catch (error) {
      if (!this.stopped) this.o.onError?.(error);
    }
    this.delay = found ? this.delays.firstMs : Math.min(this.delay * 2, this.delays.maxMs);
    this.schedulePoll(this.delay);
  }
}
