/** A comparator putting the newest first by `date` (items without one last): events, pushes, stopped tasks. */
export function newestFirst<T>(date: (item: T) => Date | undefined): (a: T, b: T) => number {
  return (a, b) => (date(b)?.getTime() ?? 0) - (date(a)?.getTime() ?? 0);
}
