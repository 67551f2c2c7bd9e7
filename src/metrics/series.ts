/** A time series as the command returns it and the chart draws it: ISO timestamps, ascending. */
export interface Series {
  timestamps: string[];
  values: number[];
}

/** Every bucket start of a window, ascending (ms). */
export function axis(start: Date, end: Date, periodSeconds: number): number[] {
  const out: number[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += periodSeconds * 1000) out.push(t);
  return out;
}
