import * as assert from 'assert';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { IAMClient, ListRolesCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { AUTH, jsonCall, raw, rejectsWith, sdkConfig, useEmulator } from './helpers';

const ECS = 'AmazonEC2ContainerServiceV20141113';

describe('emulator: protocols, validation and errors', () => {
  const ctx = useEmulator({ seed: 'demo' });

  it('answers awsJson with the model output shape, epoch-second timestamps and a request id', async () => {
    const r = await jsonCall(ctx.emu.url, `${ECS}.DescribeTaskDefinition`, JSON.stringify({ taskDefinition: 'demo-api:3' }));
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.headers['content-type'], 'application/x-amz-json-1.1');
    assert.ok(r.headers['x-amzn-requestid']);
    const body = JSON.parse(r.body);
    assert.strictEqual(typeof body.taskDefinition.registeredAt, 'number');
    assert.ok(body.taskDefinition.registeredAt > 1.7e9 && body.taskDefinition.registeredAt < 2e9);
    assert.ok(!Object.keys(body.taskDefinition).some((k) => k.startsWith('_')));
  });

  it('rejects a request without Authorization as AWS does', async () => {
    const r = await jsonCall(ctx.emu.url, `${ECS}.ListClusters`, '{}', null);
    assert.strictEqual(r.status, 400);
    assert.deepStrictEqual(JSON.parse(r.body), { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('malformed JSON -> SerializationException, state unchanged, server still up', async () => {
    const before = await jsonCall(ctx.emu.url, `${ECS}.ListClusters`, '{}');
    const r = await jsonCall(ctx.emu.url, `${ECS}.CreateCluster`, '{"clusterName": "x",');
    assert.strictEqual(r.status, 400);
    assert.strictEqual(JSON.parse(r.body).__type, 'com.amazon.coral.service#SerializationException');
    const arr = await jsonCall(ctx.emu.url, `${ECS}.CreateCluster`, '[1,2]');
    assert.strictEqual(JSON.parse(arr.body).__type, 'com.amazon.coral.service#SerializationException');
    const after = await jsonCall(ctx.emu.url, `${ECS}.ListClusters`, '{}');
    assert.deepStrictEqual(JSON.parse(after.body), JSON.parse(before.body));
  });

  it('a member of the wrong JSON type -> SerializationException', async () => {
    const r = await jsonCall(ctx.emu.url, `${ECS}.ListServices`, JSON.stringify({ cluster: 'demo-fargate', maxResults: 'ten' }));
    assert.strictEqual(r.status, 400);
    assert.strictEqual(JSON.parse(r.body).__type, 'com.amazon.coral.service#SerializationException');
  });

  it('unknown operation or service -> UnknownOperationException', async () => {
    for (const target of [`${ECS}.LaunchRockets`, 'NoSuchService_20200101.ListThings']) {
      const r = await jsonCall(ctx.emu.url, target, '{}');
      assert.strictEqual(r.status, 400);
      assert.strictEqual(JSON.parse(r.body).__type, 'com.amazon.coral.service#UnknownOperationException');
    }
  });

  it('missing required member and bad enum value -> InvalidParameterException with AWS validation text', async () => {
    const r = await jsonCall(ctx.emu.url, `${ECS}.DescribeServices`, JSON.stringify({ cluster: 'demo-fargate' }));
    assert.strictEqual(r.status, 400);
    const body = JSON.parse(r.body);
    assert.strictEqual(body.__type, 'InvalidParameterException');
    assert.strictEqual(body.message, "1 validation error detected: Value null at 'services' failed to satisfy constraint: Member must not be null");
    const e = await jsonCall(ctx.emu.url, `${ECS}.ListServices`, JSON.stringify({ cluster: 'demo-fargate', launchType: 'SPACESHIP' }));
    assert.match(JSON.parse(e.body).message, /Member must satisfy enum value set: \[EC2, FARGATE, EXTERNAL/);
    const nested = await jsonCall(ctx.emu.url, `${ECS}.RegisterTaskDefinition`, JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'b', portMappings: [{ containerPort: 80, protocol: 'sctp' }] }] }));
    assert.match(JSON.parse(nested.body).message, /at 'containerDefinitions.1.member.portMappings.1.member.protocol'/);
  });

  it('ignores unknown members, as AWS does', async () => {
    const r = await jsonCall(ctx.emu.url, `${ECS}.ListClusters`, JSON.stringify({ bogus: 1 }));
    assert.strictEqual(r.status, 200);
  });

  it('STS GetCallerIdentity over awsQuery (XML)', async () => {
    const sts = new STSClient(sdkConfig(ctx.emu));
    const id = await sts.send(new GetCallerIdentityCommand({}));
    assert.strictEqual(id.Account, '123456789012');
    assert.match(id.Arn ?? '', /^arn:aws:iam::123456789012:user\//);
    const r = await raw(ctx.emu.url, { headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: AUTH }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.match(r.body, /^<\?xml[^>]*>\s*<GetCallerIdentityResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><UserId>/);
    assert.match(r.body, /<ResponseMetadata><RequestId>[0-9a-f-]+<\/RequestId><\/ResponseMetadata>/);
  });

  it('STS AssumeRole hands out ASIA… keys whose caller identity is the assumed role', async () => {
    const sts = new STSClient(sdkConfig(ctx.emu));
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Admin', RoleSessionName: 'me' }));
    assert.match(r.Credentials?.AccessKeyId ?? '', /^ASIA[0-9A-F]{16}$/);
    assert.ok(r.Credentials?.Expiration instanceof Date);
    assert.strictEqual(r.AssumedRoleUser?.Arn, 'arn:aws:sts::123456789012:assumed-role/Admin/me');
    const as = new STSClient({ ...sdkConfig(ctx.emu), credentials: { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken } });
    assert.strictEqual((await as.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::123456789012:assumed-role/Admin/me');
    await rejectsWith(sts.send(new AssumeRoleCommand({ RoleArn: 'not-an-arn', RoleSessionName: 'me' })), 'ValidationError');
  });

  it('query protocol errors are XML ErrorResponse documents', async () => {
    const noAuth = await raw(ctx.emu.url, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.strictEqual(noAuth.status, 403);
    assert.match(noAuth.body, /<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
    const unknown = await raw(ctx.emu.url, { headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: AUTH }, body: 'Action=AssumeNothing&Version=2011-06-15' });
    assert.strictEqual(unknown.status, 400);
    assert.match(unknown.body, /<Code>InvalidAction<\/Code>/);
  });

  it('IAM ListRoles (paged, URL-encoded trust policies) and GetRole errors', async () => {
    const iam = new IAMClient(sdkConfig(ctx.emu));
    const p1 = await iam.send(new ListRolesCommand({ MaxItems: 2 }));
    assert.strictEqual(p1.Roles?.length, 2);
    assert.strictEqual(p1.IsTruncated, true);
    const p2 = await iam.send(new ListRolesCommand({ Marker: p1.Marker }));
    const all = [...p1.Roles!, ...p2.Roles!];
    const ecsTasks = all.filter((r) => decodeURIComponent(r.AssumeRolePolicyDocument ?? '').includes('ecs-tasks.amazonaws.com'));
    assert.ok(ecsTasks.some((r) => r.RoleName === 'ecsTaskExecutionRole'));
    assert.ok(all.some((r) => r.RoleName === 'ecsInstanceRole'));
    assert.ok(all[0].CreateDate instanceof Date);
    const e = await rejectsWith(iam.send(new GetRoleCommand({ RoleName: 'ghost' })), 'NoSuchEntityException');
    assert.strictEqual(e.$metadata?.httpStatusCode, 404);
  });

  it('control endpoint answers health', async () => {
    const r = await raw(ctx.emu.url, { path: '/_emulator/health', method: 'GET' });
    assert.strictEqual(JSON.parse(r.body).ok, true);
  });

  it('any access key and region are accepted', async () => {
    const ecs = new ECSClient({ endpoint: ctx.emu.url, region: 'sa-east-1', credentials: { accessKeyId: 'ANYTHING', secretAccessKey: 'whatever', sessionToken: 'tok' }, maxAttempts: 1 });
    assert.deepStrictEqual((await ecs.send(new ListClustersCommand({}))).clusterArns, []);
  });
});
