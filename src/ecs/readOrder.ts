/**
 * The order service reads were sent in, so a view keeps the newest: a DescribeServices sent before
 * another but answered after it (an auto-refresh overtaken by a watch's poll) must not put the older
 * counts back on screen. Each answer is stamped with a ticket taken when its call was sent.
 */
// The entry and the lazily loaded bundles each carry their own copy of this module, so neither the
// ticket nor its mark may be module state: the process's monotonic clock and a registered symbol are shared.
const TICKET = Symbol.for('ecsWorkbench.readTicket');
let last = 0;

/** Taken just before a read is sent: the process's monotonic clock, strictly increasing within a bundle. */
export function readTicket(): number {
  last = Math.max(performance.now(), last + 1e-6);
  return last;
}

/** Marks what one read returned with the ticket taken when it was sent (a property JSON never shows). */
export function stamped<T extends object>(items: T[], ticket: number): T[] {
  for (const item of items) Object.defineProperty(item, TICKET, { value: ticket, enumerable: false, configurable: true });
  return items;
}

export function ticketOf(item: object): number | undefined {
  const ticket = (item as { [TICKET]?: unknown })[TICKET];
  return typeof ticket === 'number' ? ticket : undefined;
}

/** Per key, the newest read shown: an older one arriving later is refused; unstamped data is taken as new. */
export class NewestReads {
  private readonly shown = new Map<string, number>();

  accept(key: string, item: object): boolean {
    const ticket = ticketOf(item);
    if (ticket === undefined) return true;
    if (ticket < (this.shown.get(key) ?? 0)) return false;
    this.shown.set(key, ticket);
    return true;
  }
}
