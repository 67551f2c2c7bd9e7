/**
 * Time for the emulator: a manual clock that tests advance, or the real clock (optionally with ECS's
 * own delays divided by a time scale), plus a scheduler of timed events that runs on either.
 *
 * Two times, because clients judge credentials by their own clock: resources (tasks, deployments,
 * images, log events) live on the emulated clock (`now()`, 2025-01-15T09:00Z at start in manual
 * mode); credentials (STS and SSO role keys, SSO tokens, ECR authorization tokens) expire on the
 * credential clock (`credentialNowMs()`): the wall clock plus however far the manual clock has been
 * advanced. A client sharing the wall clock then reads a token's expiry right, and advancing the
 * manual clock by an hour still makes a one-hour token expire at the emulator.
 */

export interface Clock {
  now(): Date;
  /** Manual clock: moves time forward by `ms`, running every event that falls due on the way. */
  advance(ms: number): Promise<void>;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class Scheduler implements Clock {
  private timers: Timer[] = [];
  private seq = 0;
  private virtualNow: number;
  private readonly start: number;
  private realTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly mode: 'manual' | 'real',
    /** Divides the delays passed to `after()` (ECS's own timings). */
    readonly timeScale = 1,
    start = Date.UTC(2025, 0, 15, 9, 0, 0),
  ) {
    this.virtualNow = mode === 'manual' ? start : Date.now();
    this.start = this.virtualNow;
  }

  /** Wall-clock ms plus the manual advances so far: the time credentials expire on. */
  credentialNowMs(): number {
    return this.mode === 'manual' ? Date.now() + (this.virtualNow - this.start) : Date.now();
  }

  nowMs(): number {
    return this.mode === 'manual' ? this.virtualNow : Date.now();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Runs `fn` after `delayMs` of emulated AWS time (scaled by the time scale). */
  after(delayMs: number, fn: () => void): void {
    const at = this.nowMs() + Math.max(0, delayMs) / this.timeScale;
    const timer = { at, seq: this.seq++, fn };
    // Keep sorted by (at, seq); inserts are mostly at the end.
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1].at > at || (this.timers[i - 1].at === at && this.timers[i - 1].seq > timer.seq))) {
      i--;
    }
    this.timers.splice(i, 0, timer);
    if (this.mode === 'real') {
      this.armReal();
    }
  }

  async advance(ms: number): Promise<void> {
    if (this.mode !== 'manual') {
      throw new Error('advance() needs the manual clock');
    }
    const target = this.virtualNow + ms;
    while (this.timers.length > 0 && this.timers[0].at <= target) {
      const timer = this.timers.shift() as Timer;
      this.virtualNow = Math.max(this.virtualNow, timer.at);
      timer.fn();
    }
    this.virtualNow = target;
    // Let I/O callbacks (e.g. pending HTTP replies) run between steps.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Number of events waiting (for tests and diagnostics). */
  get pending(): number {
    return this.timers.length;
  }

  private armReal(): void {
    if (this.closed) {
      return;
    }
    if (this.realTimer) {
      clearTimeout(this.realTimer);
    }
    if (this.timers.length === 0) {
      return;
    }
    const delay = Math.max(0, this.timers[0].at - Date.now());
    this.realTimer = setTimeout(() => this.runDueReal(), Math.min(delay, 2 ** 31 - 1));
    this.realTimer.unref();
  }

  private runDueReal(): void {
    this.realTimer = undefined;
    while (this.timers.length > 0 && this.timers[0].at <= Date.now()) {
      (this.timers.shift() as Timer).fn();
    }
    this.armReal();
  }

  close(): void {
    this.closed = true;
    if (this.realTimer) {
      clearTimeout(this.realTimer);
    }
    this.timers = [];
  }
}
