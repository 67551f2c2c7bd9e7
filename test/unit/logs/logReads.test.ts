import * as assert from 'assert';
import { containerLogs, streamSets, targetTasks } from '../../../src/logs/logSources';
import { readWindow } from '../../../src/logs/logQuery';
import { Follow, type FollowMode } from '../../../src/logs/follow';
import { awsPatternError, FilterPatternError } from '../../../src/logs/filterPattern';
import type { LogLine } from '../../../src/logs/logQuery';
import { until } from '../support/until';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { liveTail } from '../../emulator/services/logs/liveTail';
import { containerLogTail } from '../../../src/logs/logTail';

const SCOPE = { profile: 't', region: 'us-east-1' };

describe('Show Logs reads (emulator, real SDK)', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  before(async () => (account = await startEmulatorAccount({ seed: 'demo', clock: 'real' })));
  after(async () => account.close());

  it("a service's logs: its tasks' streams interleaved by time, each line with its short task id and container", async () => {
    const now = Date.now();
    const tasks = await targetTasks(account.manager, SCOPE, { cluster: 'demo-fargate', service: 'web' }, now);
    assert.ok(tasks.length >= 2, 'web runs several tasks');
    const logs = await containerLogs(account.manager, SCOPE, tasks, undefined);
    const sets = streamSets(logs);
    assert.deepStrictEqual(sets.map((s) => [s.logGroup, s.region, s.wholeGroup]), [['/ecs/demo-web', 'us-east-1', false]]);
    const { lines } = await readWindow(account.manager, SCOPE, sets, { start: now - 3_600_000 });
    const labels = new Set(lines.map((l) => l.label));
    assert.ok(labels.size >= 2, `lines of several tasks: ${[...labels].join(', ')}`);
    for (const l of labels) assert.match(l, /^[0-9a-f]{8}\/web$/);
    for (let i = 1; i < lines.length; i++) assert.ok(lines[i - 1].timestamp <= lines[i].timestamp, 'ordered by time');
  });

  it('the last lines of one container of a task (for "why did it stop?"), newest last', async () => {
    const [task] = await targetTasks(account.manager, SCOPE, { cluster: 'demo-fargate', service: 'web' }, Date.now());
    const { lines, note } = await containerLogTail(account.manager, SCOPE, task, 'web', 2);
    assert.strictEqual(note, undefined);
    assert.strictEqual(lines.length, 2);
    assert.ok(lines.every((l) => l.includes('web')), lines.join(' | '));
  });

  it('splits more than 100 streams into calls of 100', async () => {
    const manyStreams = new Map(Array.from({ length: 230 }, (_, i) => [`ecs/web/${String(i).padStart(32, '0')}`, `${i}/web`]));
    const calls = account.emulator.calls().get('logs:FilterLogEvents') ?? 0;
    await readWindow(account.manager, SCOPE, [{ region: 'us-east-1', logGroup: '/ecs/demo-web', streams: manyStreams, wholeGroup: false }], { start: Date.now() - 60_000 });
    assert.strictEqual((account.emulator.calls().get('logs:FilterLogEvents') ?? 0) - calls, 3);
  });

  it('a filter pattern AWS refuses is said as clearly as our own check (InvalidParameterException)', () => {
    const refused = Object.assign(new Error('Invalid filter pattern'), { name: 'InvalidParameterException' });
    const said = awsPatternError('{ $.a = }', refused);
    assert.ok(said instanceof FilterPatternError);
    assert.strictEqual(said.message, 'Filter pattern "{ $.a = }": CloudWatch Logs refused it (Invalid filter pattern).');
    assert.strictEqual(awsPatternError('', refused), undefined);
  });

  async function apiFollow(extra: Partial<ConstructorParameters<typeof Follow>[0]> = {}) {
    const tasks = await targetTasks(account.manager, SCOPE, { cluster: 'demo-fargate', service: 'api' }, Date.now());
    const sets = streamSets(await containerLogs(account.manager, SCOPE, tasks.slice(0, 1), 'api'));
    const stream = [...sets[0].streams.keys()][0];
    const got: LogLine[] = [];
    const modes: [FollowMode, string][] = [];
    const follow = new Follow({ clients: account.manager, scope: SCOPE, sets, filterPattern: 'probe', from: Date.now(), onLines: (l) => got.push(...l), onMode: (m, d) => modes.push([m, d]), delays: { firstMs: 50, maxMs: 200 }, ...extra });
    const put = async (message: string) => {
      const { sdk, client } = await account.manager.clientWithSdk('logs', SCOPE);
      await client.send(new sdk.logs.PutLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, logEvents: [{ timestamp: Date.now(), message }] }));
    };
    return { follow, got, modes, put };
  }
  const limits = () => liveTail(account.emulator.region().world).limits;

  it('Follow uses StartLiveTail (HTTP/2) and shows an event written later, with its task and container', async () => {
    const { follow, got, modes, put } = await apiFollow();
    try {
      assert.strictEqual(await follow.start(), 'live-tail');
      assert.deepStrictEqual(modes[0], ['live-tail', 'StartLiveTail']);
      const written = Date.now();
      await put('probe live');
      const line = await until(() => got.find((l) => l.message === 'probe live'), 'the live-tail line');
      assert.match(line.label, /^[0-9a-f]{8}\/api$/);
      assert.ok(Date.now() - written < 2_000, `within 2 s (${Date.now() - written} ms)`);
    } finally {
      follow.stop();
    }
  });

  it('a live-tail session that ends (the 3-hour limit) is started again', async () => {
    limits().maxSessionMs = 1_500;
    const { follow, got, modes, put } = await apiFollow();
    try {
      assert.strictEqual(await follow.start(), 'live-tail');
      await until(() => modes.find(([, d]) => /reconnected/.test(d)), 'a reconnect', 20_000);
      await put('probe after reconnect');
      await until(() => got.find((l) => l.message === 'probe after reconnect'), 'a line after the reconnect');
    } finally {
      follow.stop();
      limits().maxSessionMs = 3 * 3_600_000;
    }
  });

  it('Follow falls back to polling when live tail is refused (session quota: LimitExceededException), says so, and shows each event once', async () => {
    limits().maxSessions = 0;
    const { follow, got, modes, put } = await apiFollow();
    try {
      assert.strictEqual(await follow.start(), 'polling');
      assert.match(modes[0][1], /live tail refused \(LimitExceededException/);
      await put('probe 1');
      const line = await until(() => got.find((l) => l.message === 'probe 1'), 'the polled line');
      assert.match(line.label, /^[0-9a-f]{8}\/api$/);
      // Several more polls go by: the line is not shown twice.
      const polls = account.emulator.calls().get('logs:FilterLogEvents') ?? 0;
      await until(() => ((account.emulator.calls().get('logs:FilterLogEvents') ?? 0) >= polls + 3 ? true : undefined), 'three more polls');
      assert.strictEqual(got.filter((l) => l.message === 'probe 1').length, 1);
    } finally {
      follow.stop();
      limits().maxSessions = 15;
    }
    assert.strictEqual(follow.mode, 'polling');
  });
});
