/**
 * Scheduled actions as Application Auto Scaling reads them
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html):
 * `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` and six-field `cron(...)`, in the action's Timezone.
 * The emulator asks one question each minute: is this minute a run? (`due`), and refuses malformed
 * expressions with a ValidationException (`checkSchedule`).
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface Local { y: number; mo: number; d: number; h: number; mi: number; dow: number; last: number }

/** The wall-clock minute of `ms` in `zone` (IANA), with its weekday (1 = Sunday) and month length. */
function local(ms: number, zone: string): Local {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const y = Number(p.year), mo = Number(p.month);
  return { y, mo, d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), dow: DAYS.indexOf(p.weekday.toUpperCase()) + 1, last: new Date(Date.UTC(y, mo, 0)).getUTCDate() };
}

/** Whether `v` is in one cron field (`*`, `?`, lists, ranges, `/` steps, names). */
function inField(field: string, v: number, min: number, max: number, names?: string[]): boolean {
  const num = (s: string): number => {
    const i = names ? names.indexOf(s.toUpperCase()) : -1;
    return i >= 0 ? i + min : Number(s);
  };
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const [lo, hi] = range === '*' || range === '?' ? [min, max] : range.includes('-') ? range.split('-').map(num) : [num(range), stepText === undefined ? num(range) : max];
    return v >= lo && v <= hi && (v - lo) % step === 0;
  });
}

function cronDue(expr: string, t: Local): boolean {
  const [mi, h, dom, mo, dow, y] = expr.trim().split(/\s+/);
  const dayOk = dom !== '?'
    ? (dom === 'L' ? t.d === t.last : /W$/.test(dom) ? nearestWeekday(Number(dom.slice(0, -1)), t) : inField(dom, t.d, 1, 31))
    : (/#/.test(dow) ? inField(dow.split('#')[0], t.dow, 1, 7, DAYS) && Math.ceil(t.d / 7) === Number(dow.split('#')[1])
      : /.L$/.test(dow) ? inField(dow.slice(0, -1), t.dow, 1, 7, DAYS) && t.d + 7 > t.last
        : dow === 'L' ? t.dow === 7 : inField(dow, t.dow, 1, 7, DAYS));
  return dayOk && inField(mi, t.mi, 0, 59) && inField(h, t.h, 0, 23) && inField(mo, t.mo, 1, 12, MONTHS) && inField(y, t.y, 1970, 2199);
}

function nearestWeekday(n: number, t: Local): boolean {
  if (t.dow === 1 || t.dow === 7) return false;
  const day = Math.min(n, t.last);
  // Weekday of `day`: shift from today's.
  const dowOf = (d: number): number => ((t.dow - 1 + ((d - t.d) % 7) + 7) % 7) + 1;
  const w = dowOf(day);
  const target = w === 7 ? (day === 1 ? day + 2 : day - 1) : w === 1 ? (day === t.last ? day - 2 : day + 1) : day;
  return t.d === target;
}

const FIELD = /^[\dA-Za-z*?,/#LW-]+$/;

/** The ValidationException message for a schedule AWS would refuse, or undefined. */
export function checkSchedule(schedule: string, timezone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    return `Invalid timezone: ${timezone}`;
  }
  const m = /^(at|rate|cron)\((.*)\)$/.exec(schedule);
  if (!m) return 'Schedule must be specified as at(yyyy-mm-ddThh:mm:ss), cron(...) or rate(...)';
  if (m[1] === 'at') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(m[2]) && !Number.isNaN(Date.parse(m[2] + 'Z')) ? undefined : `Invalid at expression: ${schedule}`;
  if (m[1] === 'rate') return /^(1 (minute|hour|day)|([2-9]|\d{2,}) (minutes|hours|days))$/.test(m[2].trim()) ? undefined : `Invalid rate expression: ${schedule}`;
  const f = m[2].trim().split(/\s+/);
  if (f.length !== 6 || !f.every((x) => FIELD.test(x)) || (f[2] === '?') === (f[4] === '?')) return `Invalid cron expression: ${schedule}`;
  return undefined;
}

/** Whether the minute starting at `minuteMs` is a run of the action (a rate counts from `startMs`). */
export function due(schedule: string, timezone: string, minuteMs: number, startMs: number): boolean {
  const m = /^(at|rate|cron)\((.*)\)$/.exec(schedule);
  if (!m) return false;
  if (m[1] === 'cron') return cronDue(m[2], local(minuteMs, timezone));
  if (m[1] === 'rate') {
    const [n, unit] = m[2].trim().split(/\s+/);
    const every = Number(n) * (unit.startsWith('minute') ? 1 : unit.startsWith('hour') ? 60 : 1440) * 60_000;
    const since = minuteMs - Math.floor(startMs / 60_000) * 60_000;
    return since > 0 && since % every === 0;
  }
  return false;
}

/** The instant of an `at(...)` schedule's wall time in `zone`, or undefined for other schedules. */
export function atInstant(schedule: string, zone: string): number | undefined {
  const m = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(schedule);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = (ms: number): number => {
    const t = local(ms, zone);
    return Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi) - Math.floor(ms / 60_000) * 60_000;
  };
  return naive - offset(naive - offset(naive));
}
