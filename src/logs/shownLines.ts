/**
 * The lines Follow has shown, so that a read overlapping them (the FilterLogEvents read that fills a
 * live-tail reconnect's gap, a poll) does not show them twice: by FilterLogEvents' eventId, and
 * against live-tail lines (which have no id) by time, stream (its label) and message. A read line
 * and a live line with the same content count as one event each way, so two identical events are
 * both shown.
 */
import type { LogLine } from './logQuery';

interface Contents {
  at: number;
  /** Shown from a read (with an id) / from live tail (without), not yet matched by the other. */
  read: number;
  live: number;
}

const contentKey = (l: LogLine): string => `${l.timestamp}\u0000${l.label}\u0000${l.message}`;

export class ShownLines {
  private readonly ids = new Map<string, number>();
  private readonly contents = new Map<string, Contents>();

  /** `ids`: event ids already shown (the initial read), at time `at`. */
  constructor(ids: Iterable<string> = [], at = 0) {
    for (const id of ids) this.ids.set(id, at);
  }

  /** The lines of `lines` not shown yet (their order kept), now counted as shown. */
  fresh(lines: readonly LogLine[]): LogLine[] {
    return lines.filter((l) => {
      const key = contentKey(l);
      let c = this.contents.get(key);
      if (l.eventId !== undefined) {
        if (this.ids.has(l.eventId)) return false;
        this.ids.set(l.eventId, l.timestamp);
        if (c && c.live > 0) {
          c.live--;
          return false;
        }
      } else if (c && c.read > 0) {
        c.read--;
        return false;
      }
      if (!c) this.contents.set(key, (c = { at: l.timestamp, read: 0, live: 0 }));
      if (l.eventId !== undefined) c.read++;
      else c.live++;
      return true;
    });
  }

  /** Forgets lines before `before` (later reads start after it). */
  forget(before: number): void {
    for (const [id, at] of this.ids) if (at < before) this.ids.delete(id);
    for (const [key, c] of this.contents) if (c.at < before) this.contents.delete(key);
  }

  /** Also counts what `other` has shown (polling taking over from live-tail sessions). */
  absorb(other: ShownLines): void {
    for (const [id, at] of other.ids) this.ids.set(id, at);
    for (const [key, c] of other.contents) {
      const mine = this.contents.get(key);
      if (mine) {
        mine.read += c.read;
        mine.live += c.live;
      } else this.contents.set(key, { ...c });
    }
  }
}
