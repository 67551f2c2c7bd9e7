import * as assert from 'assert';
import {
  CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, GetLogEventsCommand, FilterLogEventsCommand,
  CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, DeleteLogGroupCommand, PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient, RunTaskCommand, RegisterTaskDefinitionCommand, DescribeTasksCommand } from '@aws-sdk/client-ecs';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

describe('emulator: CloudWatch Logs', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let logs: CloudWatchLogsClient;
  let ecs: ECSClient;
  before(() => {
    logs = new CloudWatchLogsClient(sdkConfig(ctx.emu));
    ecs = new ECSClient(sdkConfig(ctx.emu));
  });

  it('has the demo log groups with streams named prefix/container/task-id', async () => {
    const g = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/demo-' }));
    assert.deepStrictEqual(g.logGroups?.map((x) => x.logGroupName), ['/ecs/demo-api', '/ecs/demo-batch', '/ecs/demo-cache', '/ecs/demo-catalog', '/ecs/demo-checkout', '/ecs/demo-pay', '/ecs/demo-payments', '/ecs/demo-preview', '/ecs/demo-report', '/ecs/demo-search', '/ecs/demo-web', '/ecs/demo-worker']);
    assert.strictEqual(g.logGroups![0].retentionInDays, 30);
    const s = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/demo-api' }));
    assert.ok(s.logStreams!.length >= 4);
    assert.ok(s.logStreams!.every((x) => /^ecs\/api\/[0-9a-f]{32}$/.test(x.logStreamName!)));
  });

  it('a running task with the awslogs driver writes its stream; GetLogEvents pages with forward/backward tokens', async () => {
    const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: 'demo-api', launchType: 'FARGATE', networkConfiguration: NET }));
    const taskId = run.tasks![0].taskArn!.split('/').pop();
    await ctx.emu.clock.advance(60_000 + 5 * 30_000);
    const stream = `ecs/api/${taskId}`;
    const all = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, startFromHead: true }));
    assert.match(all.events![0].message!, /^Starting api/);
    assert.ok(all.events!.length >= 6, `events: ${all.events!.length}`);
    const first = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, startFromHead: true, limit: 2 }));
    assert.strictEqual(first.events?.length, 2);
    const next = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, nextToken: first.nextForwardToken, limit: 2 }));
    assert.deepStrictEqual(next.events?.map((e) => e.message), all.events!.slice(2, 4).map((e) => e.message));
    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, limit: 1 }));
    assert.strictEqual(tail.events![0].message, all.events![all.events!.length - 1].message);
    const end = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/demo-api', logStreamName: stream, nextToken: all.nextForwardToken }));
    assert.strictEqual(end.events?.length, 0);
    assert.strictEqual(end.nextForwardToken, all.nextForwardToken);
  });

  it('FilterLogEvents filters by pattern and pages with nextToken', async () => {
    const f = await logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/demo-worker', filterPattern: 'Error' }));
    assert.ok(f.events!.length >= 4);
    assert.ok(f.events!.every((e) => e.message!.includes('Error') && e.logStreamName?.startsWith('ecs/worker/')));
    const p1 = await logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/demo-api', limit: 3 }));
    assert.strictEqual(p1.events?.length, 3);
    const p2 = await logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/demo-api', limit: 3, nextToken: p1.nextToken }));
    assert.notDeepStrictEqual(p2.events?.map((e) => e.eventId), p1.events?.map((e) => e.eventId));
    const none = await logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/demo-api', filterPattern: '"no such phrase"' }));
    assert.deepStrictEqual(none.events, []);
  });

  it('a task whose log group is missing fails with ResourceInitializationError', async () => {
    const td = await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'nolog', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [{ name: 'a', image: 'nginx', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/missing', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } } }],
    }));
    const run = await ecs.send(new RunTaskCommand({ cluster: 'demo-fargate', taskDefinition: td.taskDefinition!.taskDefinitionArn, launchType: 'FARGATE', networkConfiguration: NET }));
    await ctx.emu.clock.advance(60_000);
    const t = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: [run.tasks![0].taskArn!] }))).tasks![0];
    assert.strictEqual(t.lastStatus, 'STOPPED');
    assert.strictEqual(t.stopCode, 'TaskFailedToStart');
    assert.match(t.stoppedReason!, /^ResourceInitializationError: .*The specified log group does not exist/);
  });

  it('creates groups and streams, puts events, and reports AWS errors', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'mine' }));
    await rejectsWith(logs.send(new CreateLogGroupCommand({ logGroupName: 'mine' })), 'ResourceAlreadyExistsException');
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'mine', logStreamName: 's' }));
    const t = ctx.emu.clock.now().getTime();
    await logs.send(new PutLogEventsCommand({ logGroupName: 'mine', logStreamName: 's', logEvents: [{ timestamp: t + 1000, message: 'a' }, { timestamp: t + 2000, message: 'b' }] }));
    await rejectsWith(logs.send(new PutLogEventsCommand({ logGroupName: 'mine', logStreamName: 's', logEvents: [{ timestamp: t + 2000, message: 'a' }, { timestamp: t + 1000, message: 'b' }] })), 'InvalidParameterException');
    const e = await logs.send(new GetLogEventsCommand({ logGroupName: 'mine', logStreamName: 's', startFromHead: true }));
    assert.deepStrictEqual(e.events?.map((x) => [x.timestamp! - t, x.message]), [[1000, 'a'], [2000, 'b']]);
    await logs.send(new DeleteLogGroupCommand({ logGroupName: 'mine' }));
    await rejectsWith(logs.send(new GetLogEventsCommand({ logGroupName: 'mine', logStreamName: 's' })), 'ResourceNotFoundException');
  });

  it('PutLogEvents leaves out events over 2 h ahead, 14 days old or past retention, and says which (rejectedLogEventsInfo)', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'ages' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'ages', logStreamName: 's' }));
    const t = ctx.emu.clock.now().getTime();
    const H = 3600_000;
    const at = [-15 * 24 * H, -H, 0, 3 * H].map((d, i) => ({ timestamp: t + d, message: `m${i}` }));
    // 24 h span at most: the old and the new ones are sent in separate batches.
    const old = await logs.send(new PutLogEventsCommand({ logGroupName: 'ages', logStreamName: 's', logEvents: [at[0], { timestamp: at[0].timestamp + H, message: 'm0b' }] }));
    assert.deepStrictEqual(old.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 2 });
    const mixed = await logs.send(new PutLogEventsCommand({ logGroupName: 'ages', logStreamName: 's', logEvents: at.slice(1) }));
    assert.deepStrictEqual(mixed.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 2 });
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: 'ages', retentionInDays: 1 }));
    const expired = await logs.send(new PutLogEventsCommand({ logGroupName: 'ages', logStreamName: 's', logEvents: [{ timestamp: t - 25 * H, message: 'x' }, { timestamp: t - 2 * H, message: 'y' }] }));
    assert.deepStrictEqual(expired.rejectedLogEventsInfo, { expiredLogEventEndIndex: 1 });
    const stored = await logs.send(new GetLogEventsCommand({ logGroupName: 'ages', logStreamName: 's', startFromHead: true }));
    assert.deepStrictEqual(stored.events?.map((e) => e.message), ['y', 'm1', 'm2']);
    await rejectsWith(logs.send(new PutLogEventsCommand({ logGroupName: 'ages', logStreamName: 's', logEvents: [{ timestamp: t - 25 * H, message: 'a' }, { timestamp: t, message: 'b' }] })), 'InvalidParameterException');
  });

  it('FilterLogEvents pages at 1 MB of events, going on with nextToken', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'big' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'big', logStreamName: 's' }));
    const t = ctx.emu.clock.now().getTime();
    const big = 'x'.repeat(300_000);
    for (let b = 0; b < 2; b++) {
      await logs.send(new PutLogEventsCommand({ logGroupName: 'big', logStreamName: 's', logEvents: [0, 1, 2].map((i) => ({ timestamp: t + b * 10 + i, message: `${b}${i}${big}` })) }));
    }
    const first = await logs.send(new FilterLogEventsCommand({ logGroupName: 'big' }));
    assert.strictEqual(first.events?.length, 3);
    const rest = await logs.send(new FilterLogEventsCommand({ logGroupName: 'big', nextToken: first.nextToken }));
    assert.deepStrictEqual(rest.events?.map((e) => e.message!.slice(0, 2)), ['10', '11', '12']);
    assert.strictEqual(rest.nextToken, undefined);
  });
});

