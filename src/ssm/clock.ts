/** Time as the data channel sees it: injected so tests drive resends and reconnect delays without waiting. */
export interface Clock {
  now(): number;
  /** Calls `fn` once after `ms`; cancel() stops it. */
  after(ms: number, fn: () => void): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    // A pending resend check must not keep the extension host (or a test run) alive by itself.
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};
