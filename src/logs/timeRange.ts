/**
 * The time ranges of Show Logs: `5m`, `1h`, `24h` (any number of s/m/h/d), an ISO time, or a custom
 * start and end; and "Load older", the window of the same length just before.
 */

export interface TimeWindow {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms; unset = now (and on, while following). */
  end?: number;
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The ranges the picker offers. */
export const PRESET_RANGES = ['5m', '15m', '1h', '2h', '24h'] as const;

export class TimeRangeError extends Error {}

/** `'15m'` → 15 minutes before `now`; `'2025-01-15T09:00:00Z'` → that time. */
export function parseSince(since: string, now: number): number {
  const text = since.trim();
  const relative = /^(\d+)\s*([smhd])$/i.exec(text);
  if (relative) {
    const ms = Number(relative[1]) * UNIT_MS[relative[2].toLowerCase()];
    if (ms <= 0) throw new TimeRangeError(`"${since}" is not a time range: use a positive length such as 5m, 1h or 24h.`);
    return now - ms;
  }
  // An ISO date or time (a bare date is midnight UTC, as Date reads it).
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const at = Date.parse(text.replace(' ', 'T'));
    if (!Number.isNaN(at)) {
      if (at > now) throw new TimeRangeError(`"${since}" is in the future.`);
      return at;
    }
  }
  throw new TimeRangeError(`"${since}" is not a time range: use 5m, 15m, 1h, 2h, 24h (any number of s, m, h or d) or an ISO time such as 2025-01-15T09:00:00Z.`);
}

/** The window of `since` (end: now, left open). */
export function windowSince(since: string, now: number): TimeWindow {
  return { start: parseSince(since, now) };
}

/** A custom range: start and end each `since`-style, the end after the start. */
export function customWindow(start: string, end: string, now: number): TimeWindow {
  const from = parseSince(start, now);
  const to = end.trim() === '' || end.trim().toLowerCase() === 'now' ? undefined : parseSince(end, now);
  if (to !== undefined && to <= from) throw new TimeRangeError(`The end (${end}) must be after the start (${start}).`);
  return { start: from, end: to };
}

/** "Load older": the window of the same length that ends where `shown` starts. */
export function olderWindow(shown: TimeWindow, now: number): TimeWindow {
  const length = Math.max(60_000, (shown.end ?? now) - shown.start);
  return { start: shown.start - length, end: shown.start };
}

/** `15 min`, `2 h`, `since 2025-01-15 09:00 UTC`: for the document's header. */
export function describeWindow(window: TimeWindow, now: number): string {
  const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
  if (window.end !== undefined) return `${iso(window.start)} → ${iso(window.end)}`;
  const minutes = Math.round((now - window.start) / 60_000);
  if (minutes % 60 === 0 && minutes > 0) return `last ${minutes / 60} h`;
  if (minutes < 120 && minutes > 0) return `last ${minutes} min`;
  return `since ${iso(window.start)}`;
}
