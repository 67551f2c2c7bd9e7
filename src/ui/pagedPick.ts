import * as vscode from 'vscode';
import { describeAwsError } from '../aws/errors';
import { settleInput } from './stepInput';
import { previousAnswer, recordAnswer, type Asked } from './steps';

export type PickItem<T> = vscode.QuickPickItem & { value: T };

/** Where a picker's items come from, one page at a time (a List call of AWS's page size). */
export interface PickSource<T> {
  /**
   * One page from `startToken`. With `serverFilter`, `filter` is the typed text and the API narrows
   * the list itself (e.g. ListTaskDefinitionFamilies' familyPrefix).
   */
  page(startToken: string | undefined, filter: string | undefined): Promise<{ items: PickItem<T>[]; nextToken?: string }>;
  serverFilter?: boolean;
}

export interface PagedPickOptions<T> {
  /** The title, or the picker's place in a flow (title, Back, the answer given before). */
  title: Asked;
  placeHolder?: string;
  /** Shown first, whatever the pages hold (e.g. "Create a new repository…"). */
  extra?: PickItem<T>[];
  /** Thrown when the list is empty and there is no extra item. */
  emptyMessage?: string;
  /** Items for which this holds are listed before the others, whichever page they came in (order kept otherwise). */
  first?: (item: PickItem<T>) => boolean;
}

const LOAD_MORE = Symbol('load more');
const FILTER_DELAY_MS = 250;

/**
 * A quick pick over a paged list that reaches every item: *Load more…* reads the next page, and
 * typing narrows the list on the server where the API can, else reads the remaining pages so the
 * picker's own filter sees them all. Resolves to the picked value; dismissing throws CancellationError.
 * In a flow, the earlier answer is active when its page is read, else offered first.
 */
export async function pagedPick<T>(source: PickSource<T>, options: PagedPickOptions<T>): Promise<T> {
  const picker = vscode.window.createQuickPick<PickItem<T | typeof LOAD_MORE>>();
  picker.placeholder = options.placeHolder;
  picker.matchOnDescription = true;
  const previous = previousAnswer(options.title);
  let items: PickItem<T>[] = [];
  let nextToken: string | undefined;
  let generation = 0;
  let filterTimer: NodeJS.Timeout | undefined;

  const show = (): void => {
    const more: PickItem<typeof LOAD_MORE>[] = nextToken ? [{ label: '$(ellipsis) Load more…', description: `${items.length} shown`, alwaysShow: true, value: LOAD_MORE }] : [];
    const extra = options.extra ?? [];
    const ordered = options.first ? [...items.filter(options.first), ...items.filter((i) => !options.first!(i))] : items;
    // Back to this step: the earlier answer is picked again, first when its page is not read yet.
    const again = previous && [...extra, ...ordered].find((i) => i.label === previous.label);
    const earlier: PickItem<T>[] = previous && !again && previous.value !== undefined ? [{ label: previous.label, description: 'picked before', alwaysShow: true, value: previous.value as T }] : [];
    picker.items = [...earlier, ...extra, ...ordered, ...more];
    const active = again ?? earlier[0];
    if (active && !restored) {
      restored = Boolean(again);
      picker.activeItems = [picker.items.find((i) => i.label === active.label)!];
    }
  };
  /** Set once the earlier answer was found in a page and made active: later pages leave the cursor alone. */
  let restored = false;
  /** The read in flight: one at a time per list, so Load more clicked twice (or typing) adds each page once. */
  let running: { generation: number; all: boolean } | undefined;
  /** Reads one page (or, with `all`, every remaining page) of the current generation. */
  const load = async (reset: boolean, all = false): Promise<void> => {
    if (!reset && running?.generation === generation) {
      running.all ||= all;
      return;
    }
    const mine = reset ? ++generation : generation;
    const read = (running = { generation: mine, all });
    const filter = source.serverFilter ? picker.value.trim() || undefined : undefined;
    picker.busy = true;
    try {
      let token = reset ? undefined : nextToken;
      do {
        const page = await source.page(token, filter);
        // A newer filter or reset started meanwhile: its answer, not this one, goes in the list.
        if (mine !== generation) return;
        items = reset && token === undefined ? page.items : [...items, ...page.items];
        token = nextToken = page.nextToken;
        show();
      } while (read.all && token);
    } catch (error) {
      if (mine === generation) picker.placeholder = describeAwsError(error).message;
    } finally {
      if (running === read) running = undefined;
      if (mine === generation) picker.busy = false;
    }
  };

  let rejectEmpty: ((error: Error) => void) | undefined;
  const picked = settleInput<T>(picker, options.title, (finish) => [
    picker.onDidChangeValue(() => {
      clearTimeout(filterTimer);
      // Without a server-side filter, the rest of the list is read once so the filter sees it all.
      if (source.serverFilter) filterTimer = setTimeout(() => void load(true), FILTER_DELAY_MS);
      else if (nextToken && picker.value) void load(false, true);
    }),
    picker.onDidAccept(() => {
      const chosen = picker.selectedItems[0];
      if (!chosen) return;
      if (chosen.value === LOAD_MORE) return void load(false);
      recordAnswer(options.title, { label: chosen.label, value: chosen.value });
      finish(chosen.value as T);
    }),
    picker.onDidHide(() => clearTimeout(filterTimer)),
  ]);
  const empty = new Promise<never>((_, reject) => (rejectEmpty = reject));
  void load(true).then(() => {
    if (!items.length && !options.extra?.length && !nextToken && options.emptyMessage && !picker.value) {
      rejectEmpty?.(new Error(options.emptyMessage));
      picker.hide();
    }
  });
  return Promise.race([picked, empty]);
}
