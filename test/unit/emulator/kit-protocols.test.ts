/**
 * The kit's wire protocols: CloudWatch in the three protocols its model declares (awsJson1_0,
 * awsQuery, rpcv2Cbor), ec2Query and restJson1 HTTP bindings against fixture models.
 */
import * as assert from 'assert';
import { cbor } from '@smithy/core/cbor';
import { AwsError } from '../../emulator/kit/errors';
import { defineService } from '../../emulator/kit/service';
import { AUTH, raw, useEmulator } from './helpers';
import { fixtureModel, Kit, startKit } from './kit-helpers';

const CW = 'GraniteServiceVersion20100801';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: AUTH };

describe('emulator kit: CloudWatch in awsJson1_0, awsQuery and rpcv2Cbor', () => {
  const ctx = useEmulator({ seed: 'demo' });
  const cborCall = (body: unknown, extra: Record<string, string> = {}, service = CW) => raw(ctx.emu.url, {
    path: `/service/${service}/operation/DescribeAlarms`,
    headers: { 'smithy-protocol': 'rpc-v2-cbor', 'Content-Type': 'application/cbor', Accept: 'application/cbor', Authorization: AUTH, ...extra },
    body: cbor.serialize(body),
  });

  it('answers the same alarms in each protocol', async () => {
    const json = await raw(ctx.emu.url, { headers: { 'X-Amz-Target': `${CW}.DescribeAlarms`, 'Content-Type': 'application/x-amz-json-1.0', Authorization: AUTH }, body: '{}' });
    assert.strictEqual(json.headers['content-type'], 'application/x-amz-json-1.0');
    const alarms = JSON.parse(json.body).MetricAlarms;
    assert.deepStrictEqual(alarms.map((a: { StateValue: string }) => a.StateValue), ['OK', 'ALARM']);
    assert.strictEqual(typeof alarms[0].StateUpdatedTimestamp, 'number');
    const xml = await raw(ctx.emu.url, { headers: FORM, body: 'Action=DescribeAlarms&Version=2010-08-01&AlarmNamePrefix=TargetTracking-service%2Fdemo-fargate%2Fapi-AlarmHigh' });
    assert.match(xml.body, /^<\?xml[^>]*>\s*<DescribeAlarmsResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/"><DescribeAlarmsResult><MetricAlarms><member><AlarmName>TargetTracking-service\/demo-fargate\/api-AlarmHigh-/);
    assert.strictEqual((xml.body.match(/<member><AlarmName>/g) ?? []).length, 1);
    const c = await cborCall({ MaxRecords: 1 });
    assert.strictEqual(c.status, 200);
    assert.strictEqual(c.headers['smithy-protocol'], 'rpc-v2-cbor');
    assert.strictEqual(c.headers['content-type'], 'application/cbor');
  });

  it('rpcv2Cbor: CBOR bodies with tag-1 timestamps; the namespaced service name is accepted; X-Amz-Target is refused', async () => {
    const out = cbor.deserialize((await cborCall({ MaxRecords: 1 })).bytes) as { MetricAlarms: { StateUpdatedTimestamp: { tag: number; value: number }; Threshold: number }[]; NextToken?: string };
    assert.strictEqual(out.MetricAlarms.length, 1);
    assert.strictEqual(out.MetricAlarms[0].StateUpdatedTimestamp.tag, 1);
    assert.strictEqual(out.MetricAlarms[0].StateUpdatedTimestamp.value, Date.UTC(2025, 0, 15, 9) / 1000);
    assert.ok(out.NextToken);
    const named = await cborCall({}, {}, `com.amazonaws.cloudwatch.${CW}`);
    assert.strictEqual(named.status, 200);
    const withTarget = await cborCall({}, { 'X-Amz-Target': `${CW}.DescribeAlarms` });
    assert.strictEqual(withTarget.status, 400);
  });

  it('errors: the full shape id in awsJson1_0 and rpcv2Cbor, x-amzn-query-error for this awsQueryCompatible service, <Code> in awsQuery', async () => {
    const json = await raw(ctx.emu.url, { headers: { 'X-Amz-Target': `${CW}.DescribeAlarms`, 'Content-Type': 'application/x-amz-json-1.0', Authorization: AUTH }, body: '{"NextToken":"forged"}' });
    assert.strictEqual(json.status, 400);
    assert.strictEqual(JSON.parse(json.body).__type, 'com.amazonaws.cloudwatch#InvalidNextToken');
    assert.strictEqual(json.headers['x-amzn-query-error'], 'InvalidNextToken;Sender');
    const c = cbor.deserialize((await cborCall({ NextToken: 'forged' })).bytes) as { __type: string; message: string };
    assert.deepStrictEqual(c, { __type: 'com.amazonaws.cloudwatch#InvalidNextToken', message: 'The next token specified is invalid.' });
    const xml = await raw(ctx.emu.url, { headers: FORM, body: 'Action=DescribeAlarms&Version=2010-08-01&NextToken=forged' });
    assert.match(xml.body, /<Error><Type>Sender<\/Type><Code>InvalidNextToken<\/Code>/);
  });
});

describe('emulator kit: ec2Query (synthetic EC2 model)', () => {
  let kit: Kit;
  let seen: unknown;
  before(async () => {
    const svc = defineService<Record<string, { input: Record<string, unknown>; output: unknown }>>({
      model: 'ec2', iamPrefix: 'ec2', validationError: 'InvalidParameterValue', documentedErrors: { 'InvalidVpcID.NotFound': 400 },
      handlers: {
        DescribeVpcs: (input) => {
          seen = input;
          if ((input.VpcIds as string[] | undefined)?.includes('vpc-dead')) {
            throw new AwsError('InvalidVpcID.NotFound', "The vpc ID 'vpc-dead' does not exist");
          }
          return { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: true }], NextToken: 'n1' };
        },
      },
    });
    kit = await startKit([fixtureModel('ec2-mini.json', 'ec2')], [svc]);
  });
  after(() => kit.close());
  const call = (form: string) => raw(kit.url, { headers: FORM, body: `Action=DescribeVpcs&Version=2016-11-15&${form}` });

  it('reads flattened lists by ec2QueryName / capitalized xmlName and writes <OpResponse> with requestId', async () => {
    const r = await call('VpcId.1=vpc-1&VpcId.2=vpc-2&Filter.1.Name=state&Filter.1.Value.1=available&Filter.1.Value.2=pending&MaxResults=5&DryRun=false');
    assert.deepStrictEqual(seen, { Filters: [{ Name: 'state', Values: ['available', 'pending'] }], VpcIds: ['vpc-1', 'vpc-2'], DryRun: false, MaxResults: 5 });
    assert.match(r.body, /^<\?xml[^>]*>\s*<DescribeVpcsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]+<\/requestId><vpcSet><item><vpcId>vpc-1<\/vpcId><cidrBlock>10.0.0.0\/16<\/cidrBlock><isDefault>true<\/isDefault><\/item><\/vpcSet><nextToken>n1<\/nextToken><\/DescribeVpcsResponse>$/);
  });

  it('errors as <Response><Errors><Error>: documented codes, validation, throttling', async () => {
    const nf = await call('VpcId.1=vpc-dead');
    assert.strictEqual(nf.status, 400);
    assert.match(nf.body, /<Response><Errors><Error><Code>InvalidVpcID.NotFound<\/Code><Message>The vpc ID &apos;vpc-dead&apos; does not exist<\/Message><\/Error><\/Errors><RequestId>[0-9a-f-]+<\/RequestId><\/Response>/);
    const bad = await call('VpcId.1=nope&MaxResults=3');
    assert.match(bad.body, /<Code>InvalidParameterValue<\/Code><Message>2 validation errors detected: Value &apos;nope&apos; at &apos;vpcIds.1.member&apos; failed to satisfy constraint: Member must satisfy regular expression pattern: \^vpc-\[0-9a-f\]\+\$; Value &apos;3&apos; at &apos;maxResults&apos; failed to satisfy constraint: Member must have value greater than or equal to 5</);
    kit.server.faults.set({ throttleRate: 1 });
    const t = await call('');
    kit.server.faults.clear();
    assert.strictEqual(t.status, 503);
    assert.match(t.body, /<Code>RequestLimitExceeded<\/Code>/);
  });
});

describe('emulator kit: restJson1 HTTP bindings (synthetic model)', () => {
  let kit: Kit;
  let seen: Record<string, unknown> = {};
  before(async () => {
    const svc = defineService<Record<string, { input: Record<string, unknown>; output: unknown }>>({
      model: 'things', iamPrefix: 'things',
      handlers: {
        GetFile: (input) => {
          seen = { op: 'GetFile', ...input };
          if (input.thingId === 'ghost') {
            throw new AwsError('NotFound', 'No such thing');
          }
          return { etag: '"e1"', status: 206, fileName: 'b c.txt', modified: new Date(Date.UTC(2025, 0, 1)), tags: input.tags };
        },
        GetThingByQuery: (input) => {
          seen = { op: 'GetThingByQuery', ...input };
          return {};
        },
        PutThing: (input) => ({ thing: input.thing }),
      },
    });
    kit = await startKit([fixtureModel('rest-mini.json', 'things')], [svc]);
  });
  after(() => kit.close());
  const get = (p: string, headers: Record<string, string> = {}) => raw(kit.url, { method: 'GET', path: p, headers: { Authorization: AUTH, ...headers } });

  it('labels (greedy ones too), query lists and numbers, header timestamps in; status, header and jsonName body out', async () => {
    const r = await get('/things/t-1/files/a/b%20c.txt?tag=x&tag=y&limit=3', { 'X-Since': 'Wed, 01 Jan 2025 00:00:00 GMT' });
    assert.deepStrictEqual(seen, { op: 'GetFile', thingId: 't-1', path: 'a/b c.txt', tags: ['x', 'y'], limit: 3, since: new Date(Date.UTC(2025, 0, 1)) });
    assert.strictEqual(r.status, 206);
    assert.strictEqual(r.headers.etag, '"e1"');
    assert.deepStrictEqual(JSON.parse(r.body), { file_name: 'b c.txt', modified: 1735689600, tags: ['x', 'y'] });
    await get('/things/t-1/files/a?mode=query');
    assert.strictEqual(seen.op, 'GetThingByQuery', 'a literal query in the URI picks the more specific route');
  });

  it('a structure payload is the whole body; the @http code is the status', async () => {
    const r = await raw(kit.url, { method: 'PUT', path: '/things/t-1', headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, body: '{"name":"n","size":3}' });
    assert.strictEqual(r.status, 201);
    assert.deepStrictEqual(JSON.parse(r.body), { name: 'n', size: 3 });
    const bad = await raw(kit.url, { method: 'PUT', path: '/things/t-1', headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, body: '{"name":"far-too-long"}' });
    assert.strictEqual(bad.status, 400);
    assert.strictEqual(bad.headers['x-amzn-errortype'], 'ValidationException');
    assert.match(JSON.parse(bad.body).message, /at 'thing.name' failed to satisfy constraint: Member must have length less than or equal to 8/);
  });

  it('modelled errors carry their status, X-Amzn-ErrorType and __type; unknown routes are 404', async () => {
    const r = await get('/things/ghost/files/x');
    assert.strictEqual(r.status, 404);
    assert.strictEqual(r.headers['x-amzn-errortype'], 'NotFound');
    assert.deepStrictEqual(JSON.parse(r.body), { __type: 'NotFound', message: 'No such thing' });
    const none = await get('/nothing/here');
    assert.strictEqual(none.status, 404);
    assert.strictEqual(JSON.parse(none.body).__type, 'com.amazon.coral.service#UnknownOperationException');
  });
});
