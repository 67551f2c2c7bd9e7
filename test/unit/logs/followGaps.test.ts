import * as assert from 'assert';
import { containerLogs, streamSets, targetTasks } from '../../../src/logs/logSources';
import { Follow, type FollowMode } from '../../../src/logs/follow';
import type { LogLine } from '../../../src/logs/logQuery';
import { ShownLines } from '../../../src/logs/shownLines';
import { until } from '../support/until';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { liveTail } from '../../emulator/services/logs/liveTail';

const SCOPE = { profile: 't', region: 'us-east-1' };

describe('Follow fills the gap between live-tail sessions', () => {
  const line = (timestamp: number, message: string, eventId?: string): LogLine => ({ timestamp, label: 'ec0a8cbd/api', message, eventId });

  it('ShownLines: a read line and a live-tail line with the same time, stream and message are one event; ids dedupe reads', () => {
    const shown = new ShownLines(['initial'], 0);
    assert.deepStrictEqual(shown.fresh([line(1, 'a', 'initial'), line(1, 'b', 'e1')]).map((l) => l.message), ['b']);
    assert.deepStrictEqual(shown.fresh([line(1, 'b'), line(1, 'b', 'e1')]).map((l) => l.message), [], 'the live line of a read event, the read again');
    // Two identical live events are two events; a read then matches each once.
    assert.strictEqual(shown.fresh([line(2, 'c'), line(2, 'c')]).length, 2);
    assert.strictEqual(shown.fresh([line(2, 'c', 'e2'), line(2, 'c', 'e3'), line(2, 'c', 'e4')]).length, 1);
    assert.strictEqual(shown.fresh([line(2, 'c', 'e2')]).length, 0);
    shown.forget(2);
    assert.strictEqual(shown.fresh([line(1, 'b', 'e1')]).length, 1, 'forgotten before 2');
    const polling = new ShownLines();
    polling.absorb(shown);
    assert.deepStrictEqual(polling.fresh([line(2, 'c', 'e2'), line(2, 'c', 'e4'), line(1, 'b', 'e1'), line(2, 'c', 'e9')]).map((l) => l.eventId), ['e9'], 'what live tail and reads showed, by id; another identical event is new');
  });

  describe('against the emulator (manual clock, real SDK)', function () {
    this.timeout(60_000);
    let account: UnitEmulatorAccount;
    before(async () => (account = await startEmulatorAccount({ seed: 'demo' })));
    after(async () => account.close());
    const limits = () => liveTail(account.emulator.region().world).limits;
    const now = () => account.emulator.clock.now().getTime();

    async function follow() {
      const tasks = await targetTasks(account.manager, SCOPE, { cluster: 'demo-fargate', service: 'api' }, now());
      const sets = streamSets(await containerLogs(account.manager, SCOPE, tasks.slice(0, 1), 'api'));
      const stream = [...sets[0].streams.keys()][0];
      const got: LogLine[] = [];
      const modes: [FollowMode, string][] = [];
      const errors: unknown[] = [];
      // Reconnects wait 1 s (real time), long enough to write while no session is open.
      const f = new Follow({
        clients: account.manager, scope: SCOPE, sets, filterPattern: 'probe', from: now(), onLines: (l) => got.push(...l), onMode: (m, d) => modes.push([m, d]), onError: (e) => errors.push(e), delays: { firstMs: 1_000, maxMs: 2_000 },
      });
      const put = async (...messages: string[]) => {
        const { sdk, client } = await account.manager.clientWithSdk('logs', SCOPE);
        const at = now();
        await client.send(new sdk.logs.PutLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, logEvents: messages.map((message, i) => ({ timestamp: at + i, message })) }));
        await account.emulator.clock.advance(messages.length);
      };
      /** Writes `messages` once the session has ended and before another starts. */
      const writeInTheGap = async (...messages: string[]) => {
        await until(() => (errors.some((e) => /timed out/i.test(String(e))) ? true : undefined), 'the session to end');
        await put(...messages);
        assert.strictEqual(liveTail(account.emulator.region().world).open.size, 0, 'written while no session was open');
      };
      const messages = () => got.map((l) => l.message);
      /** Live tail has shown `message`, written now. */
      const shownLive = async (message: string) => {
        await put(message);
        await account.emulator.clock.advance(1_000);
        await until(() => (messages().includes(message) ? true : undefined), `${message} through live tail`);
      };
      return { f, got, modes, put, writeInTheGap, messages, shownLive };
    }

    it('events written while no session is open appear once, in order, before the new session\'s', async () => {
      limits().maxSessionMs = 10_000;
      const { f, modes, writeInTheGap, messages, shownLive } = await follow();
      try {
        assert.strictEqual(await f.start(), 'live-tail');
        await shownLive('probe 1');
        await account.emulator.clock.advance(10_000);
        await writeInTheGap('probe 2', 'probe 3', 'probe 4');
        const reconnected = await until(() => modes.find(([, d]) => /reconnected/.test(d)), 'the reconnect');
        assert.match(reconnected[1], /reconnected; 3 lines written meanwhile read with FilterLogEvents/);
        await shownLive('probe 5');
        assert.deepStrictEqual(messages(), ['probe 1', 'probe 2', 'probe 3', 'probe 4', 'probe 5']);
      } finally {
        f.stop();
        limits().maxSessionMs = 3 * 3_600_000;
      }
    });

    it('when polling takes over from live tail, it shows what was written meanwhile, and not again what live tail showed', async () => {
      limits().maxSessionMs = 10_000;
      const { f, modes, put, writeInTheGap, messages, shownLive } = await follow();
      try {
        assert.strictEqual(await f.start(), 'live-tail');
        await shownLive('probe 1');
        limits().maxSessions = 0;
        await account.emulator.clock.advance(10_000);
        await writeInTheGap('probe 2', 'probe 3');
        await until(() => modes.find(([m]) => m === 'polling'), 'polling');
        assert.match(modes[modes.length - 1][1], /live tail could not reconnect \(LimitExceededException/);
        await until(() => (messages().includes('probe 3') ? true : undefined), 'probe 3 polled');
        await put('probe 4');
        await until(() => (messages().includes('probe 4') ? true : undefined), 'probe 4 polled');
        assert.deepStrictEqual(messages(), ['probe 1', 'probe 2', 'probe 3', 'probe 4']);
      } finally {
        f.stop();
        limits().maxSessionMs = 3 * 3_600_000;
        limits().maxSessions = 15;
      }
    });
  });
});
