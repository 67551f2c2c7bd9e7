import * as assert from 'assert';
import {
  CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, PutLogEventsCommand, StartLiveTailCommand,
  type LiveTailSessionLogEvent, type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { liveTail } from '../../emulator/services/logs/liveTail';
import { raw, rejectsWith, sdkConfig, useEmulator } from './helpers';

const GROUP = 'tail-me';
const ARN = `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`;

describe('emulator: CloudWatch Logs StartLiveTail over HTTP/2', () => {
  const ctx = useEmulator({ seed: 'empty' });
  let h2: CloudWatchLogsClient;
  let h1: CloudWatchLogsClient;
  const aborts: AbortController[] = [];

  before(async () => {
    // The model's `stream-` host prefix would make `stream-127.0.0.1`: custom endpoints need it off (aws-sdk-js-v3#7146).
    h2 = new CloudWatchLogsClient({ ...sdkConfig(ctx.emu), requestHandler: new NodeHttp2Handler(), disableHostPrefix: true });
    h1 = new CloudWatchLogsClient(sdkConfig(ctx.emu));
    await h1.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    for (const s of ['app/web/1', 'app/web/2', 'other/1']) {
      await h1.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: s }));
    }
  });
  afterEach(async () => {
    aborts.splice(0).forEach((a) => a.abort());
    liveTail(ctx.emu.region().world).limits = { maxSessions: 15, maxSessionMs: 3 * 3600_000 };
    await waitFor(() => liveTail(ctx.emu.region().world).open.size === 0);
  });
  after(() => {
    h2.destroy();
    h1.destroy();
  });

  async function start(input: Partial<ConstructorParameters<typeof StartLiveTailCommand>[0]> = {}): Promise<AsyncIterator<StartLiveTailResponseStream>> {
    const abort = new AbortController();
    aborts.push(abort);
    const out = await h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN], ...input }), { abortSignal: abort.signal });
    return out.responseStream![Symbol.asyncIterator]();
  }
  const put = (stream: string, ...messages: string[]) =>
    h1.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, logEvents: messages.map((message, i) => ({ timestamp: ctx.emu.clock.now().getTime() + i, message })) }));
  async function nextUpdate(it: AsyncIterator<StartLiveTailResponseStream>): Promise<string[]> {
    await ctx.emu.clock.advance(1000);
    const r = await it.next();
    assert.ok(r.value?.sessionUpdate, `expected a sessionUpdate, got ${JSON.stringify(r.value)}`);
    return r.value.sessionUpdate.sessionResults!.map((e: LiveTailSessionLogEvent) => `${e.logStreamName}: ${e.message}`);
  }

  it('sends sessionStart, then once a second the matching events put since, filtered by the pattern', async () => {
    const it = await start({ logEventFilterPattern: 'ERROR' });
    const first = (await it.next()).value as StartLiveTailResponseStream;
    const { requestId, sessionId, ...rest } = first.sessionStart!;
    assert.deepStrictEqual(rest, { logGroupIdentifiers: [ARN], logEventFilterPattern: 'ERROR' });
    assert.match(requestId!, /^[0-9a-f-]{36}$/);
    assert.match(sessionId!, /^[0-9a-f-]{36}$/);
    assert.deepStrictEqual(await nextUpdate(it), []);
    await put('app/web/1', 'INFO started', 'ERROR boom');
    const update = await nextUpdate(it);
    assert.deepStrictEqual(update, ['app/web/1: ERROR boom']);
  });

  it('carries the event fields and the group identifier as named', async () => {
    const it = await start();
    await it.next();
    await put('other/1', 'hello');
    await ctx.emu.clock.advance(1000);
    const u = (await it.next()).value!.sessionUpdate!;
    assert.strictEqual(u.sessionMetadata?.sampled, false);
    const e = u.sessionResults![0];
    assert.strictEqual(e.logGroupIdentifier, ARN);
    assert.strictEqual(e.timestamp, ctx.emu.clock.now().getTime() - 1000);
    assert.ok(typeof e.ingestionTime === 'number');
  });

  it('filters by stream names or prefixes, which exclude each other and need one group', async () => {
    const it = await start({ logStreamNamePrefixes: ['app/'] });
    await it.next();
    await put('app/web/2', 'a');
    await put('other/1', 'b');
    assert.deepStrictEqual(await nextUpdate(it), ['app/web/2: a']);
    const named = await start({ logStreamNames: ['other/1'] });
    await named.next();
    await put('app/web/1', 'c');
    await put('other/1', 'd');
    assert.deepStrictEqual(await nextUpdate(named), ['other/1: d']);
    await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN], logStreamNames: ['a'], logStreamNamePrefixes: ['b'] })), 'InvalidParameterException');
    await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN, ARN], logStreamNames: ['a'] })), 'InvalidParameterException');
  });

  it('refuses names instead of ARNs, unknown groups and more than 10 groups', async () => {
    await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP] })), 'InvalidParameterException');
    await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [`${ARN}-missing`] })), 'ResourceNotFoundException');
    await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: Array(11).fill(ARN) })), 'InvalidParameterException');
  });

  it('ends a session that reaches its limit with SessionTimeoutException', async () => {
    liveTail(ctx.emu.region().world).limits.maxSessionMs = 3000;
    const it = await start();
    await it.next();
    await nextUpdate(it);
    await nextUpdate(it);
    await ctx.emu.clock.advance(1000);
    await assert.rejects(async () => {
      for (let r = await it.next(); !r.done; r = await it.next()) {
        // sessionUpdates sent before the timeout
      }
    }, (e: Error) => e.name === 'SessionTimeoutException');
    await waitFor(() => liveTail(ctx.emu.region().world).open.size === 0);
  });

  it('refuses a session beyond the concurrent quota, and frees the slot when a client closes its stream', async () => {
    liveTail(ctx.emu.region().world).limits.maxSessions = 2;
    await start();
    await start();
    await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] })), 'LimitExceededException');
    aborts[0].abort();
    await waitFor(() => liveTail(ctx.emu.region().world).open.size === 1);
    const again = await start();
    assert.ok((await again.next()).value?.sessionStart);
  });

  it('is refused with AccessDenied when the identity lacks logs:StartLiveTail', async () => {
    ctx.emu.faults.set({ accessDenied: [{ action: 'logs:StartLiveTail' }] });
    try {
      await rejectsWith(h2.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] })), 'AccessDeniedException');
    } finally {
      ctx.emu.faults.clear();
    }
  });

  it('serves ordinary calls over HTTP/2 and HTTP/1.1 on the same port, and StartLiveTail over HTTP/1.1 too (botocore has no HTTP/2)', async () => {
    const over2 = await h2.send(new DescribeLogGroupsCommand({}));
    const over1 = await h1.send(new DescribeLogGroupsCommand({}));
    assert.deepStrictEqual(over2.logGroups, over1.logGroups);
    assert.strictEqual(over1.logGroups?.[0].logGroupName, GROUP);
    assert.ok(ctx.emu.calls().get('logs:DescribeLogGroups')! >= 2);
    const over1Tail = new CloudWatchLogsClient({ ...sdkConfig(ctx.emu), disableHostPrefix: true });
    try {
      const abort = new AbortController();
      aborts.push(abort);
      const out = await over1Tail.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] }), { abortSignal: abort.signal });
      const it = out.responseStream![Symbol.asyncIterator]();
      assert.ok((await it.next()).value?.sessionStart);
      await put('other/1', 'over HTTP/1.1');
      assert.deepStrictEqual(await nextUpdate(it), ['other/1: over HTTP/1.1']);
    } finally {
      over1Tail.destroy();
    }
  });

  it('counts live tail sessions on the control endpoint and lets tests change the limits there', async () => {
    const r = await raw(ctx.emu.url, { path: '/_emulator/logs/live-tail', body: JSON.stringify({ maxSessions: 3 }) });
    assert.deepStrictEqual(JSON.parse(r.body), { maxSessions: 3, maxSessionMs: 3 * 3600_000, open: 0 });
    assert.strictEqual((await raw(ctx.emu.url, { path: '/_emulator/logs/live-tail', body: '{"maxSessionMs": -1}' })).status, 400);
  });
});

/** Polls `done` (real time, for the server to see a client's close) until it holds or 5 s have passed. */
async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met within 5 s');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
