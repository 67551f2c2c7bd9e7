import * as assert from 'assert';
import type { TaskDefinition } from '../../../src/ecs/ecsReader';
import { logLocation, RanTaskDefinitions } from '../../../src/logs/logLocation';
import { FilterPatternError, validateFilterPattern } from '../../../src/logs/filterPattern';
import { customWindow, describeWindow, olderWindow, parseSince, TimeRangeError } from '../../../src/logs/timeRange';

const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef';
const td = (containers: TaskDefinition['containerDefinitions'], extra: Partial<TaskDefinition> = {}): TaskDefinition => ({ family: 'demo', containerDefinitions: containers, ...extra });

describe('logLocation (from the task definition the task ran)', () => {
  it('awslogs: group, the region of awslogs-region (not the browsed one), stream prefix/container/task id', () => {
    const where = logLocation(td([{ name: 'api', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' } } }]), 'api', TASK, 'us-east-1');
    assert.deepStrictEqual(where, { readable: true, driver: 'awslogs', container: 'api', logGroup: '/ecs/api', region: 'eu-west-1', logStream: 'ecs/api/0123456789abcdef0123456789abcdef' });
  });

  it('awslogs without a stream prefix: says ECS does not name streams after tasks and offers the group', () => {
    const where = logLocation(td([{ name: 'api', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api' } } }]), 'api', TASK, 'us-east-2');
    assert.ok(where.readable);
    assert.strictEqual(where.logStream, undefined);
    assert.strictEqual(where.region, 'us-east-2');
    assert.match(where.note!, /ECS does not name streams after tasks/);
    assert.match(where.note!, /whole group \/ecs\/api/);
  });

  it('FireLens with a cloudwatch_logs output: group, region and the stream prefix + FireLens tag', () => {
    const def = td([
      { name: 'log_router', firelensConfiguration: { type: 'fluentbit' } },
      { name: 'app', logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch_logs', region: 'eu-central-1', log_group_name: '/fl/app', log_stream_prefix: 'fb-' } } },
    ]);
    assert.deepStrictEqual(logLocation(def, 'app', TASK, 'us-east-1'), { readable: true, driver: 'awsfirelens', container: 'app', logGroup: '/fl/app', region: 'eu-central-1', logStream: 'fb-app-firelens-0123456789abcdef0123456789abcdef' });
    const named = td([{ name: 'app', logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch', log_group_name: '/fl/app', log_stream_name: 'all' } } }]);
    assert.strictEqual((logLocation(named, 'app', TASK, 'us-east-1') as { logStream?: string }).logStream, 'all');
  });

  it('FireLens to another output: names the plugin, its destination and the log router', () => {
    const def = td([
      { name: 'router', firelensConfiguration: { type: 'fluentbit' } },
      { name: 'app', logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'firehose', region: 'us-east-1', delivery_stream: 'app-logs' } } },
    ]);
    const where = logLocation(def, 'app', TASK, 'us-east-1');
    assert.ok(!where.readable);
    assert.match(where.where, /"firehose" output to the Firehose delivery stream app-logs/);
    assert.match(where.where, /log router router/);
    assert.match(where.change, /cloudwatch_logs/);
  });

  it('splunk, fluentd, gelf, syslog, json-file, journald, none: where the lines go and what to change', () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['splunk', { 'splunk-url': 'https://splunk.example.com:8088', 'splunk-index': 'main' }, /Splunk at https:\/\/splunk.example.com:8088, index main/],
      ['fluentd', { 'fluentd-address': 'fluentd:24224' }, /Fluentd collector at fluentd:24224/],
      ['gelf', { 'gelf-address': 'udp://graylog:12201' }, /GELF endpoint udp:\/\/graylog:12201/],
      ['syslog', {}, /syslog/],
      ['json-file', {}, /docker logs/],
      ['journald', {}, /journalctl/],
      ['none', {}, /discards them/],
    ];
    for (const [driver, options, where] of cases) {
      const found = logLocation(td([{ name: 'c', logConfiguration: { logDriver: driver as 'splunk', options } }]), 'c', TASK, 'us-east-1');
      assert.ok(!found.readable, driver);
      assert.match(found.where, where, driver);
      assert.match(found.change, /awslogs/, driver);
    }
  });

  it('no log configuration: on Fargate the output is kept nowhere; on EC2 it stays with Docker on the instance', () => {
    const fargate = logLocation(td([{ name: 'c' }], { requiresCompatibilities: ['FARGATE'] }), 'c', TASK, 'us-east-1');
    assert.ok(!fargate.readable);
    assert.match(fargate.where, /no log configuration: on Fargate its output is not kept anywhere/);
    assert.match(fargate.change, /quick fix/);
    const ec2 = logLocation(td([{ name: 'c' }], { requiresCompatibilities: ['EC2'] }), 'c', TASK, 'us-east-1');
    assert.ok(!ec2.readable);
    assert.match(ec2.where, /Docker daemon of the container instance/);
  });

  it('reads each task-definition ARN once, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const defs = new RanTaskDefinitions(async () => {
      calls++;
      if (fail) throw new Error('throttled');
      return td([]);
    });
    await assert.rejects(defs.get('a'), /throttled/);
    fail = false;
    await Promise.all([defs.get('a'), defs.get('a'), defs.get('a')]);
    assert.strictEqual(calls, 2);
  });
});

describe('time ranges', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  it('reads 5m, 15m, 1h, 2h, 24h and ISO times; refuses the rest with the forms it takes', () => {
    assert.strictEqual(parseSince('5m', now), now - 300_000);
    assert.strictEqual(parseSince('15m', now), now - 900_000);
    assert.strictEqual(parseSince('2h', now), now - 7_200_000);
    assert.strictEqual(parseSince('24h', now), now - 86_400_000);
    assert.strictEqual(parseSince('2025-01-15T09:00:00Z', now), Date.UTC(2025, 0, 15, 9));
    assert.throws(() => parseSince('yesterday', now), (e: Error) => e instanceof TimeRangeError && /5m, 15m, 1h, 2h, 24h/.test(e.message));
    assert.throws(() => parseSince('2026-01-01T00:00:00Z', now), /in the future/);
    assert.throws(() => customWindow('1h', '2h', now), /must be after the start/);
  });

  it('Load older is the window of the same length just before', () => {
    assert.deepStrictEqual(olderWindow({ start: now - 900_000 }, now), { start: now - 1_800_000, end: now - 900_000 });
    assert.deepStrictEqual(olderWindow({ start: now - 1_800_000, end: now - 900_000 }, now), { start: now - 2_700_000, end: now - 1_800_000 });
    assert.strictEqual(describeWindow({ start: now - 900_000 }, now), 'last 15 min');
    assert.strictEqual(describeWindow({ start: now - 86_400_000 }, now), 'last 24 h');
  });
});

describe('filter patterns (checked before AWS is called)', () => {
  it('accepts terms, quoted phrases, ?alternatives, -exclusions, JSON selectors and regexes', () => {
    for (const p of ['ERROR', '"GET /health"', '?ERROR ?WARN', 'ERROR -health', '{ $.level = "error" }', '{ $.status >= 500 && $.method = GET }', '{ ($.a = 1) || ($.b != "x") }', '{ $.user.id NOT EXISTS }', '{ $.ok IS TRUE }', '[ip, user, ..., status=5*]', '%timeout|refused%', '']) {
      assert.doesNotThrow(() => validateFilterPattern(p), p);
    }
  });

  it('refuses unbalanced quotes and braces and broken JSON conditions, saying what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['"GET /health', /double quote is not closed/],
      ['{ $.level = "error"', /"\{" is not closed/],
      ['$.level = "error" }', /has no matching/],
      ['{ level = "error" }', /must start with a selector such as \$\.level/],
      ['{ $.level == "error" }', /is not a condition/],
      ['{ $.a = 1 && }', /need a condition on each side|is not a condition/],
      ['{ }', /is empty/],
      ['ERROR { $.a = 1 }', /JSON pattern, which is the whole pattern/],
    ];
    for (const [p, problem] of cases) assert.throws(() => validateFilterPattern(p), (e: Error) => e instanceof FilterPatternError && problem.test(e.message) && e.message.includes(JSON.stringify(p.trim())), p);
  });
});
