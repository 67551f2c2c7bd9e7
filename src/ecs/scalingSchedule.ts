/**
 * Application Auto Scaling schedules, checked before PutScheduledAction is sent, and their next run
 * times. The three forms and their rules are AWS's
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html,
 * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html):
 * `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` (minute(s), hour(s), day(s)) and
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, six fields, where one of day-of-month
 * and day-of-week must be `?`. Times are wall-clock times in `timezone` (an IANA name, UTC when unset).
 */

export type Schedule =
  | { kind: 'at'; wall: Wall }
  | { kind: 'rate'; minutes: number }
  | { kind: 'cron'; fields: CronFields };

/** A wall-clock time in the schedule's time zone. */
export interface Wall { year: number; month: number; day: number; hour: number; minute: number; second: number }

interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  months: Set<number>;
  years: Set<number>;
  /** Tests a day (year, month 1-12, day 1-31) against day-of-month and day-of-week. */
  day: (y: number, m: number, d: number) => boolean;
}

export class ScheduleError extends Error {}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 1 = Sunday … 7 = Saturday, as AWS's cron numbers them. */
const weekday = (y: number, m: number, d: number): number => new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;

/** `5`, `JAN`, `MON` → its number, or an error naming the field. */
function value(text: string, field: string, min: number, max: number, names?: string[]): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new ScheduleError(`${field} "${text}" is not ${names ? `${min}-${max} or ${names[0]}-${names[names.length - 1]}` : `a number from ${min} to ${max}`}`);
  return n;
}

/** A list of `*`, `a`, `a-b`, `*\/n`, `a/n`, `a-b/n` into the set of values it names. */
function numbers(text: string, field: string, min: number, max: number, names?: string[]): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new ScheduleError(`${field} "${part}" is not a value, range or increment`);
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) throw new ScheduleError(`${field} increment "${part}" must be at least 1`);
    let [from, to] = [min, max];
    if (m[1] !== '*') {
      const range = m[1].split('-');
      if (range.length > 2) throw new ScheduleError(`${field} "${part}" is not a value or range`);
      from = value(range[0], field, min, max, names);
      to = range.length === 2 ? value(range[1], field, min, max, names) : m[2] === undefined ? from : max;
      if (to < from) throw new ScheduleError(`${field} range "${m[1]}" runs backwards`);
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/** Day-of-month: `?`, `L`, `nW` (the weekday nearest day n, within the month) or a list. */
function dayOfMonth(text: string): ((y: number, m: number, d: number) => boolean) | undefined {
  if (text === '?') return undefined;
  if (text === 'L') return (y, m, d) => d === daysIn(y, m);
  const w = /^(\d+)W$/.exec(text);
  if (w) {
    const n = value(w[1], 'Day-of-month', 1, 31);
    return (y, m, d) => {
      const last = daysIn(y, m);
      const base = Math.min(n, last);
      const wd = weekday(y, m, base);
      const nearest = wd === 7 ? (base === 1 ? base + 2 : base - 1) : wd === 1 ? (base === last ? base - 2 : base + 1) : base;
      return d === nearest;
    };
  }
  const set = numbers(text, 'Day-of-month', 1, 31);
  return (_y, _m, d) => set.has(d);
}

/** Day-of-week: `?`, `L` (Saturday), `nL` (the month's last day n), `n#k` (its k-th day n) or a list. */
function dayOfWeek(text: string): ((y: number, m: number, d: number) => boolean) | undefined {
  if (text === '?') return undefined;
  if (text === 'L') return (y, m, d) => weekday(y, m, d) === 7;
  const last = /^(\w+)L$/.exec(text);
  if (last) {
    const n = value(last[1], 'Day-of-week', 1, 7, DAYS);
    return (y, m, d) => weekday(y, m, d) === n && d + 7 > daysIn(y, m);
  }
  const nth = /^(\w+)#(\d)$/.exec(text);
  if (nth) {
    const n = value(nth[1], 'Day-of-week', 1, 7, DAYS);
    const k = value(nth[2], 'Day-of-week occurrence', 1, 5);
    return (y, m, d) => weekday(y, m, d) === n && Math.ceil(d / 7) === k;
  }
  const set = numbers(text, 'Day-of-week', 1, 7, DAYS);
  return (y, m, d) => set.has(weekday(y, m, d));
}

function parseCron(body: string): CronFields {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) throw new ScheduleError(`cron() takes six fields (Minutes Hours Day-of-month Month Day-of-week Year), not ${parts.length}`);
  const [min, hour, dom, month, dow, year] = parts;
  for (const [text, field] of [[min, 'Minutes'], [hour, 'Hours'], [month, 'Month'], [year, 'Year']]) {
    if (text === '?') throw new ScheduleError(`${field} cannot be "?" (only Day-of-month or Day-of-week can)`);
  }
  const byDate = dayOfMonth(dom);
  const byWeek = dayOfWeek(dow);
  if ((byDate === undefined) === (byWeek === undefined)) throw new ScheduleError('one of Day-of-month and Day-of-week must be "?", and only one (use "?" in the one you do not set)');
  return {
    minutes: numbers(min, 'Minutes', 0, 59),
    hours: numbers(hour, 'Hours', 0, 23),
    months: numbers(month, 'Month', 1, 12, MONTHS),
    years: numbers(year, 'Year', 1970, 2199),
    day: byDate ?? byWeek!,
  };
}

const RATE_UNITS: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };

/** Parses a schedule, or throws ScheduleError saying what is wrong and what is expected. */
export function parseSchedule(text: string): Schedule {
  const t = text.trim();
  const m = /^(at|rate|cron)\((.*)\)$/.exec(t);
  if (!m) throw new ScheduleError('a schedule is at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)');
  if (m[1] === 'at') {
    const a = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(m[2]);
    if (!a) throw new ScheduleError('at() takes a time as yyyy-mm-ddThh:mm:ss, e.g. at(2026-12-31T23:00:00)');
    const [year, month, day, hour, minute, second] = a.slice(1).map(Number);
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) throw new ScheduleError(`at(${m[2]}) is not a real date and time`);
    return { kind: 'at', wall: { year, month, day, hour, minute, second } };
  }
  if (m[1] === 'rate') {
    const r = /^(\d+)\s+([a-z]+)$/.exec(m[2].trim());
    if (!r || !(r[2] in RATE_UNITS)) throw new ScheduleError('rate() takes a positive whole number and a unit: minute(s), hour(s) or day(s), e.g. rate(5 minutes)');
    const n = Number(r[1]);
    if (n < 1) throw new ScheduleError('rate() needs a value of at least 1');
    if ((n === 1) !== !r[2].endsWith('s')) throw new ScheduleError(`rate(${n} ${r[2]}): use "${n === 1 ? r[2].replace(/s$/, '') : `${r[2]}s`}" (singular for 1, plural otherwise)`);
    return { kind: 'rate', minutes: n * RATE_UNITS[r[2]] };
  }
  return { kind: 'cron', fields: parseCron(m[2]) };
}

/** Whether `zone` is a time zone name the runtime knows (IANA, e.g. Europe/Paris), else the reason. */
export function checkTimezone(zone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return undefined;
  } catch {
    return `"${zone}" is not an IANA time zone name (e.g. UTC, Europe/Paris, America/New_York)`;
  }
}

/** The offset of `zone` at instant `ms`, in ms (local = UTC + offset). */
function offsetAt(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/** A wall time in `zone` as an instant (the first of the two in a repeated hour). */
export function wallToInstant(w: Wall, zone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = naive - offsetAt(zone, naive);
  return naive - offsetAt(zone, first);
}

function wallOf(ms: number, zone: string): Wall {
  const d = new Date(ms + offsetAt(zone, ms));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);

/**
 * The next `count` run times after `from` (ms), as instants. A rate runs every interval from
 * `start` (its StartTime or creation time); a cron is searched day by day up to its last year.
 */
export function nextRuns(schedule: Schedule, zone: string, from: number, count = 3, start = from): Date[] {
  if (schedule.kind === 'at') {
    const at = wallToInstant(schedule.wall, zone);
    return at > from ? [new Date(at)] : [];
  }
  if (schedule.kind === 'rate') {
    const every = schedule.minutes * 60_000;
    const first = start > from ? start : start + Math.floor((from - start) / every + 1) * every;
    return Array.from({ length: count }, (_, i) => new Date(first + i * every));
  }
  const f = schedule.fields;
  const out: Date[] = [];
  const hours = sorted(f.hours);
  const minutes = sorted(f.minutes);
  const begin = wallOf(from, zone);
  const lastYear = Math.max(...f.years);
  for (let y = begin.year; y <= lastYear && out.length < count; y++) {
    if (!f.years.has(y)) continue;
    for (let m = y === begin.year ? begin.month : 1; m <= 12 && out.length < count; m++) {
      if (!f.months.has(m)) continue;
      const firstDay = y === begin.year && m === begin.month ? begin.day : 1;
      for (let d = firstDay; d <= daysIn(y, m) && out.length < count; d++) {
        if (!f.day(y, m, d)) continue;
        for (const h of hours) {
          for (const min of minutes) {
            const at = wallToInstant({ year: y, month: m, day: d, hour: h, minute: min, second: 0 }, zone);
            if (at > from && out.length < count && !out.some((o) => o.getTime() === at)) out.push(new Date(at));
          }
        }
      }
    }
  }
  return out;
}

/** `cron(0 9 ? * MON-FRI *)` in Europe/Paris → its next three runs as `2026-12-03 09:00 Europe/Paris (08:00 UTC)`. */
export function describeRuns(runs: Date[], zone: string): string[] {
  return runs.map((r) => {
    const w = wallOf(r.getTime(), zone);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const local = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
    return zone === 'UTC' ? `${local} UTC` : `${local} ${zone} (${r.toISOString().slice(11, 16)} UTC)`;
  });
}
