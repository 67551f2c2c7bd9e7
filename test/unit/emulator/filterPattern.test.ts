import * as assert from 'assert';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { compileFilterPattern } from '../../emulator/services/logs/filterPattern';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

/** Examples of https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html */
const LINES = ['[ERROR 400] BAD REQUEST', '[ERROR 401] UNAUTHORIZED REQUEST', '[ERROR 419] MISSING ARGUMENTS', '[ERROR 420] INVALID ARGUMENTS'];
const JSON_EVENT = JSON.stringify({
  eventType: 'UpdateTrail', sourceIPAddress: '111.111.111.111', arrayKey: ['value', 'another value'],
  objectList: [{ name: 'a', id: 1 }, { name: 'b', id: 2 }], SomeObject: null, ThisFlag: true, bandwidth: 80, latency: 500,
  user: { id: 1, email: 'John.Doe@example.com' }, level: 'error', status: 503,
});
const APACHE = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534';

const matching = (pattern: string, lines: string[]): string[] => lines.filter(compileFilterPattern(pattern));
const matches = (pattern: string, line: string): boolean => compileFilterPattern(pattern)(line);
const refused = (pattern: string): void =>
  assert.throws(() => compileFilterPattern(pattern), (e: Error & { code?: string }) => e.code === 'InvalidParameterException' && /filter pattern/.test(e.message), pattern);

describe('emulator: CloudWatch Logs filter patterns', () => {
  it('terms: all of them, case-sensitive; exact phrases; ?alternatives; -exclusions', () => {
    assert.deepStrictEqual(matching('ERROR', LINES), LINES);
    assert.deepStrictEqual(matching('error', LINES), []);
    assert.deepStrictEqual(matching('ERROR ARGUMENTS', LINES), LINES.slice(2));
    assert.deepStrictEqual(matching('"INVALID ARGUMENTS"', LINES), [LINES[3]]);
    assert.deepStrictEqual(matching('?BAD ?UNAUTHORIZED', LINES), LINES.slice(0, 2));
    assert.deepStrictEqual(matching('ERROR -ARGUMENTS', LINES), LINES.slice(0, 2));
    assert.deepStrictEqual(matching('ERROR -"MISSING ARGUMENTS" -400', LINES), [LINES[1], LINES[3]]);
    assert.deepStrictEqual(matching('', LINES), LINES);
    assert.deepStrictEqual(matching('%4[01]9|420%', LINES), LINES.slice(2));
  });

  it('JSON: string equality with wildcards, arrays and nested selectors, inequality', () => {
    assert.ok(matches('{ $.eventType = "UpdateTrail" }', JSON_EVENT));
    assert.ok(!matches('{ $.eventType = "updatetrail" }', JSON_EVENT));
    assert.ok(matches('{ $.eventType = "Update*" }', JSON_EVENT));
    assert.ok(matches('{ $.sourceIPAddress != 123.123.* }', JSON_EVENT));
    assert.ok(!matches('{ $.sourceIPAddress != 111.111.* }', JSON_EVENT));
    assert.ok(matches('{ $.arrayKey[0] = "value" }', JSON_EVENT));
    assert.ok(matches('{ $.objectList[1].id = 2 }', JSON_EVENT));
    assert.ok(matches('{$.level="error"}', JSON_EVENT));
    assert.ok(!matches('{ $.level = "error" }', 'level=error, not JSON'));
  });

  it('JSON: numbers, IS NULL / TRUE, NOT EXISTS, exists, && || and parentheses', () => {
    assert.ok(matches('{ $.status >= 500 }', JSON_EVENT));
    assert.ok(!matches('{ $.status < 500 }', JSON_EVENT));
    assert.ok(matches('{ $.bandwidth > 75 }', JSON_EVENT));
    assert.ok(matches('{ $.latency = 5e2 }', JSON_EVENT));
    assert.ok(matches('{ $.SomeObject IS NULL }', JSON_EVENT));
    assert.ok(matches('{ $.ThisFlag IS TRUE }', JSON_EVENT));
    assert.ok(matches('{ $.SomeOtherObject NOT EXISTS }', JSON_EVENT));
    assert.ok(!matches('{ $.eventType NOT EXISTS }', JSON_EVENT));
    assert.ok(matches('{ $.user.id = * }', JSON_EVENT));
    assert.ok(!matches('{ $.user.name = * }', JSON_EVENT));
    assert.ok(matches('{ ($.user.id = 1) && ($.user.email = "John.Doe@example.com") }', JSON_EVENT));
    assert.ok(matches('{ ($.user.id = 2) || ($.level != "info") }', JSON_EVENT));
    assert.ok(!matches('{ $.user.id = 2 && $.level = "error" }', JSON_EVENT));
    assert.ok(matches('{ $.user.id = 2 && $.level = "x" || $.status = 503 }', JSON_EVENT));
  });

  it('space-delimited: named fields, "quoted" and [bracketed] fields, ..., conditions', () => {
    assert.ok(matches('[ip, user, username, timestamp, request, status_code, bytes]', APACHE));
    assert.ok(!matches('[ip, user, username, timestamp, request, status_code]', APACHE));
    assert.ok(matches('[ip, user, username, timestamp, request, status_code = 2*, bytes]', APACHE));
    assert.ok(!matches('[ip, user, username, timestamp, request, status_code = 4*, bytes]', APACHE));
    assert.ok(matches('[ip, user, ..., status_code = 200, bytes > 1000]', APACHE));
    assert.ok(matches('[..., status_code = 4* || status_code = 2*, size]', APACHE));
    assert.ok(matches('[ip, user, username, timestamp = *2000*, request = "GET /apache_pb.gif HTTP/1.0", ...]', APACHE));
    assert.ok(!matches('[ip = 10.*, ...]', APACHE));
  });

  it('refuses malformed patterns with InvalidParameterException "Invalid filter pattern"', () => {
    for (const p of ['{ $.level = "error"', '{ $.level = }', '{ $.level == "x" }', '{ level = "x" ( }', '{ $.a > "x" }', '[a, , b]', '[a', '""', 'ERROR "unclosed', '{ $.a IS MAYBE }', '%(%']) {
      refused(p);
    }
    assert.throws(() => compileFilterPattern('{ $.a = 1'), /If a filter pattern starts with '\{' it must end with '\}'/);
  });
});

describe('emulator: CloudWatch Logs FilterLogEvents with patterns (SDK)', () => {
  const ctx = useEmulator({ seed: 'empty' });
  it('filters JSON events and refuses a malformed pattern even when nothing would match', async () => {
    const logs = new CloudWatchLogsClient(sdkConfig(ctx.emu));
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'g' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'g', logStreamName: 's' }));
    const t = ctx.emu.clock.now().getTime();
    const lines = [{ level: 'info', status: 200 }, { level: 'error', status: 503 }, { level: 'error', status: 404 }].map((o) => JSON.stringify(o));
    await logs.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: lines.map((message, i) => ({ timestamp: t + i, message })) }));
    const out = await logs.send(new FilterLogEventsCommand({ logGroupName: 'g', filterPattern: '{ $.level = "error" && $.status >= 500 }' }));
    assert.deepStrictEqual(out.events?.map((e) => e.message), [lines[1]]);
    const err = await rejectsWith(logs.send(new FilterLogEventsCommand({ logGroupName: 'g', filterPattern: '{ $.level = ' })), 'InvalidParameterException');
    assert.match(err.message, /filter pattern/);
    logs.destroy();
  });
});
