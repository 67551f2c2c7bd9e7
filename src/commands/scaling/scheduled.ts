/** *Add Scheduled Action…* (the schedule checked, with its next three runs, before sending) and *Delete Scheduled Action*. */
import { parseDeleteScheduledArgs, parseScheduledArgs } from '../../ecs/scalingArgs';
import { checkTimezone, describeRuns, nextRuns, parseSchedule, ScheduleError } from '../../ecs/scalingSchedule';
import { deleteScheduledAction, putScheduledAction, type DeletedResult, type ScheduledResult } from '../../ecs/scalingWrites';
import type { Services } from '../../services';
import { input } from '../../ui/input';
import { runSteps } from '../../ui/steps';
import { deleteNamed, scalingCommand } from './target';

interface Answers { name?: string; schedule?: string; timezone?: string; min?: string; max?: string }

/** The reason a schedule is refused, or undefined. */
function scheduleProblem(text: string): string | undefined {
  try {
    parseSchedule(text);
    return undefined;
  } catch (e) {
    return e instanceof ScheduleError ? e.message : String(e);
  }
}

/** "Next: …, …, …" for the quick input's prompt. */
export function nextRunsText(schedule: string, zone: string, now = Date.now()): string {
  const runs = describeRuns(nextRuns(parseSchedule(schedule), zone, now), zone);
  return runs.length ? `Next: ${runs.join(' · ')}` : 'It will not run again after now.';
}

const capacity = (x: string): string | undefined => (x.trim() === '' || /^\d+$/.test(x.trim()) ? undefined : 'A whole number, or empty to leave it as it is');

export function putScheduledActionCommand(services: Services, arg: unknown): Promise<ScheduledResult> {
  return scalingCommand(services, arg, parseScheduledArgs, (a) => putScheduledAction(services.clientManager, a), async (t) => {
    const s = await runSteps<Answers>('Add Scheduled Action', [
      { title: 'Name', ask: async (v, st) => void (st.name = (await input(v, { value: 'scale-up-morning', validate: (x) => (/^[^:/|]{1,256}$/.test(x.trim()) ? undefined : '1 to 256 characters without ":", "/" or "|"') })).trim()) },
      { title: 'Time zone', ask: async (v, st) => void (st.timezone = (await input(v, { value: 'UTC', prompt: 'An IANA time zone name (UTC, Europe/Paris, America/New_York)', validate: (x) => checkTimezone(x.trim()) })).trim()) },
      {
        title: 'Schedule',
        ask: async (v, st) => void (st.schedule = (await input(v, {
          value: 'cron(0 9 ? * MON-FRI *)',
          prompt: 'at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)',
          // Refused as typed with the reason; the next three runs are shown in the next step's title.
          validate: (x) => scheduleProblem(x.trim()) ?? undefined,
        })).trim()),
      },
      { title: (st) => `Minimum tasks (${nextRunsText(st.schedule ?? '', st.timezone ?? 'UTC')})`, ask: async (v, st) => void (st.min = await input(v, { prompt: 'Empty: leave the minimum as it is', validate: capacity })) },
      { title: 'Maximum tasks', ask: async (v, st) => void (st.max = await input(v, { prompt: 'Empty: leave the maximum as it is', validate: capacity })) },
    ], {});
    const num = (x?: string): number | undefined => (x?.trim() ? Number(x) : undefined);
    const a = parseScheduledArgs({ cluster: t.cluster, service: t.service, name: s.name, schedule: s.schedule, timezone: s.timezone, minCapacity: num(s.min), maxCapacity: num(s.max) });
    return { args: a, message: (r) => `${t.service}: scheduled action ${a.name} set. ${r.nextRunsText.length ? `Next: ${r.nextRunsText.join(' · ')}` : 'It will not run again.'}` };
  });
}

export function deleteScheduledActionCommand(services: Services, arg: unknown): Promise<DeletedResult> {
  return deleteNamed(services, arg, 'Scheduled action', parseDeleteScheduledArgs, (a) => deleteScheduledAction(services.clientManager, a), 'It will not run again; the desired count stays where it is.');
}
