/**
 * The one pager: List* and Describe* calls that page with a next token, and List-then-describe.
 */

/** One page as the caller's API gave it. */
export interface Page<T> {
  items?: T[];
  nextToken?: string;
}

export interface PageRequest {
  /** How many items to read (a page of the tree or a picker); Infinity or unset reads them all. */
  limit?: number;
  /** Where a previous read stopped ("Load more"). */
  startToken?: string;
}

export interface PagedResult<T> {
  items: T[];
  /** Where to continue; undefined when the list is complete. */
  nextToken?: string;
}

/**
 * Follows the next token until `limit` items are read or the list ends, asking for no more than
 * `pageSize` (AWS's maximum for the call) and no more than are still wanted.
 */
export async function readPages<T>(
  request: PageRequest,
  pageSize: number,
  fetch: (nextToken: string | undefined, maxResults: number) => Promise<Page<T>>,
): Promise<PagedResult<T>> {
  const limit = request.limit ?? Infinity;
  const items: T[] = [];
  let token = request.startToken;
  do {
    const page = await fetch(token, Math.min(pageSize, Math.max(1, limit - items.length)));
    items.push(...(page.items ?? []));
    token = page.nextToken;
  } while (token && items.length < limit);
  return { items, nextToken: token };
}

/**
 * A page of a list already read whole (sorted or filtered here, which AWS could not do), with the
 * offset as the next token.
 */
export function pageOfList<T>(all: readonly T[], page: PageRequest): PagedResult<T> {
  const start = Number(page.startToken ?? 0) || 0;
  const end = Math.min(all.length, start + (page.limit ?? all.length));
  return { items: all.slice(start, end), nextToken: end < all.length ? String(end) : undefined };
}

/**
 * List-then-describe, the shape of nearly every ECS read: a chain of List pages (sequential, each
 * needs the previous nextToken) whose ids are described in the largest batches AWS allows. Describe
 * calls start as soon as a page arrives, with bounded concurrency, while the next page is fetched;
 * so the whole read takes about as long as the List chain alone.
 */
export interface IdPage {
  ids: string[];
  nextToken?: string;
}

export interface ListAndDescribeOptions<T> extends PageRequest {
  list: (nextToken: string | undefined, maxResults: number) => Promise<IdPage>;
  describe: (ids: string[]) => Promise<T[]>;
  /** AWS's batch limit of the Describe call (services 10, tasks/clusters/instances 100). */
  batchSize: number;
  /** AWS's maximum page size of the List call (100 for ECS). */
  pageSize?: number;
  /** Describe calls in flight at once. */
  concurrency?: number;
}

/** A counting semaphore: at most `limit` tasks run at once, in the order they were queued. */
export class Limiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<R>(task: () => Promise<R>): Promise<R> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

export async function listAndDescribe<T>(options: ListAndDescribeOptions<T>): Promise<PagedResult<T>> {
  const limit = options.limit ?? Infinity;
  const pageSize = options.pageSize ?? 100;
  const limiter = new Limiter(options.concurrency ?? 10);
  const batches: Promise<T[]>[] = [];
  let read = 0;
  let token = options.startToken;
  let nextPage: Promise<IdPage> | undefined = options.list(token, Math.min(pageSize, limit));
  while (nextPage) {
    const page: IdPage = await nextPage;
    token = page.nextToken;
    read += page.ids.length;
    // The next List call goes out before this page's Describe calls: the List chain is the critical path.
    nextPage = token && read < limit ? options.list(token, Math.min(pageSize, limit - read)) : undefined;
    nextPage?.catch(() => undefined);
    for (let i = 0; i < page.ids.length; i += options.batchSize) {
      const ids = page.ids.slice(i, i + options.batchSize);
      const batch = limiter.run(() => options.describe(ids));
      // Rejections are collected by Promise.all below; this keeps an early failure from being unhandled.
      batch.catch(() => undefined);
      batches.push(batch);
    }
  }
  const items = (await Promise.all(batches)).flat();
  return { items, nextToken: token };
}

/** Splits `items` into chunks of `size` (for Describe calls given known ids). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
