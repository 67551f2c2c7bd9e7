import * as assert from 'assert';
import { checkTimezone, describeRuns, nextRuns, parseSchedule, ScheduleError } from '../../../src/ecs/scalingSchedule';

const FROM = Date.parse('2026-12-02T14:37:00Z'); // a Wednesday
const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());
const runs = (text: string, zone = 'UTC', from = FROM, start?: number): string[] => iso(nextRuns(parseSchedule(text), zone, from, 3, start));
const refused = (text: string, reason: RegExp): void => assert.throws(() => parseSchedule(text), (e: unknown) => e instanceof ScheduleError && reason.test(e.message));

describe('scaling schedules', () => {
  it('cron in AWS six-field form: weekdays at 09:00, next three', () => {
    assert.deepStrictEqual(runs('cron(0 9 ? * MON-FRI *)'), ['2026-12-03T09:00:00.000Z', '2026-12-04T09:00:00.000Z', '2026-12-07T09:00:00.000Z']);
  });

  it('cron in a time zone, across a daylight-saving change', () => {
    // Paris is UTC+1 in winter, UTC+2 from 29 March 2026.
    assert.deepStrictEqual(runs('cron(30 8 27-29 MAR ? 2026)', 'Europe/Paris', Date.parse('2026-03-01T00:00:00Z')), ['2026-03-27T07:30:00.000Z', '2026-03-28T07:30:00.000Z', '2026-03-29T06:30:00.000Z']);
  });

  it('cron increments, lists, L, W and #', () => {
    assert.deepStrictEqual(runs('cron(*/20 15 2 DEC ? 2026)'), ['2026-12-02T15:00:00.000Z', '2026-12-02T15:20:00.000Z', '2026-12-02T15:40:00.000Z']);
    assert.deepStrictEqual(runs('cron(0 0 L * ? *)'), ['2026-12-31T00:00:00.000Z', '2027-01-31T00:00:00.000Z', '2027-02-28T00:00:00.000Z']);
    // 15 Jan 2027 is a Friday, 15 May 2027 a Saturday (→ Friday 14), 15 Aug 2027 a Sunday (→ Monday 16).
    assert.deepStrictEqual(runs('cron(0 12 15W JAN,MAY,AUG ? 2027)'), ['2027-01-15T12:00:00.000Z', '2027-05-14T12:00:00.000Z', '2027-08-16T12:00:00.000Z']);
    // The second Tuesday; the last Friday.
    assert.deepStrictEqual(runs('cron(0 6 ? * 3#2 *)').slice(0, 2), ['2026-12-08T06:00:00.000Z', '2027-01-12T06:00:00.000Z']);
    assert.deepStrictEqual(runs('cron(0 6 ? * FRIL *)').slice(0, 2), ['2026-12-25T06:00:00.000Z', '2027-01-29T06:00:00.000Z']);
  });

  it('cron that never runs again has no next runs', () => {
    assert.deepStrictEqual(runs('cron(0 0 1 1 ? 2020)'), []);
  });

  it('refuses bad cron with the reason', () => {
    refused('cron(0 9 * * *)', /six fields .* not 5/);
    refused('cron(0 9 * * MON *)', /one of Day-of-month and Day-of-week must be "\?"/);
    refused('cron(0 9 ? * ? *)', /one of Day-of-month and Day-of-week must be "\?"/);
    refused('cron(60 9 ? * MON *)', /Minutes "60" is not a number from 0 to 59/);
    refused('cron(0 24 ? * MON *)', /Hours "24"/);
    refused('cron(0 9 ? FOO MON *)', /Month "FOO" is not 1-12 or JAN-DEC/);
    refused('cron(0 9 ? * 8 *)', /Day-of-week "8"/);
    refused('cron(0 9 ? * 5-2 *)', /runs backwards/);
    refused('cron(? 9 ? * MON *)', /Minutes cannot be "\?"/);
    refused('cron(0 9 ? * MON 1969)', /Year "1969"/);
  });

  it('rate: every interval from its start, singular for 1', () => {
    const start = Date.parse('2026-12-02T14:00:00Z');
    assert.deepStrictEqual(runs('rate(15 minutes)', 'UTC', FROM, start), ['2026-12-02T14:45:00.000Z', '2026-12-02T15:00:00.000Z', '2026-12-02T15:15:00.000Z']);
    assert.deepStrictEqual(runs('rate(1 day)', 'UTC', FROM, start)[0], '2026-12-03T14:00:00.000Z');
    refused('rate(1 hours)', /use "hour"/);
    refused('rate(5 minute)', /use "minutes"/);
    refused('rate(0 minutes)', /at least 1/);
    refused('rate(5 weeks)', /minute\(s\), hour\(s\) or day\(s\)/);
  });

  it('at: once, in its time zone; a past time has no next run', () => {
    assert.deepStrictEqual(runs('at(2026-12-24T18:00:00)', 'America/New_York'), ['2026-12-24T23:00:00.000Z']);
    assert.deepStrictEqual(runs('at(2026-01-01T00:00:00)'), []);
    refused('at(2026-02-30T00:00:00)', /not a real date/);
    refused('at(2026-12-24 18:00)', /yyyy-mm-ddThh:mm:ss/);
    refused('every day', /at\(yyyy-mm-ddThh:mm:ss\), rate\(value unit\) or cron/);
  });

  it('time zones by IANA name; runs described in the zone and UTC', () => {
    assert.strictEqual(checkTimezone('Europe/Paris'), undefined);
    assert.match(checkTimezone('Mars/Olympus') ?? '', /not an IANA time zone name/);
    assert.deepStrictEqual(describeRuns([new Date('2026-12-03T08:00:00Z')], 'Europe/Paris'), ['2026-12-03 09:00 Europe/Paris (08:00 UTC)']);
    assert.deepStrictEqual(describeRuns([new Date('2026-12-03T08:00:00Z')], 'UTC'), ['2026-12-03 08:00 UTC']);
  });
});
