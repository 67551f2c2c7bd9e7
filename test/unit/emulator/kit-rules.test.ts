/** The kit's rules: modelled errors only, pattern traits, partitions, the region a request acts in. */
import * as assert from 'assert';
import { CreateClusterCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { regionOfHost } from '../../emulator/kit/arn';
import { AwsError } from '../../emulator/kit/errors';
import { loadModel } from '../../emulator/kit/model';
import { compilePattern, MAX_PATTERN_INPUT } from '../../emulator/kit/patterns';
import { defineService } from '../../emulator/kit/service';
import { jsonCall, raw, rejectsWith, sdkConfig, useEmulator } from './helpers';
import { fixtureModel, startKit } from './kit-helpers';

describe('emulator kit: an operation raises only errors its model lists', () => {
  it('an unlisted error is an emulator bug (500 InternalFailure naming it); generic ones pass', async () => {
    const svc = defineService<Record<string, { input: Record<string, unknown>; output: unknown }>>({
      model: 'things', iamPrefix: 'things',
      handlers: {
        GetFile: () => {
          throw new AwsError('ThrottlingException', 'Rate exceeded');
        },
        GetThingByQuery: () => ({}),
        PutThing: () => {
          throw new AwsError('NotFound', 'listed for GetFile only');
        },
      },
    });
    const kit = await startKit([fixtureModel('rest-mini.json', 'things')], [svc]);
    try {
      const auth = { Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/things/aws4_request, SignedHeaders=host, Signature=x' };
      const bug = await raw(kit.url, { method: 'PUT', path: '/things/t', headers: auth, body: '{}' });
      assert.strictEqual(bug.status, 500);
      assert.match(JSON.parse(bug.body).message, /^emulator bug: things PutThing raised NotFound .*which its model does not list for it/);
      const generic = await raw(kit.url, { method: 'GET', path: '/things/t/files/f', headers: auth });
      assert.strictEqual(generic.headers['x-amzn-errortype'], 'ThrottlingException');
    } finally {
      await kit.close();
    }
  });
});

describe('emulator kit: pattern traits', () => {
  const ctx = useEmulator({ seed: 'empty' });

  it("AWS's wording: Coral's for IAM, ECR's own for ECR", async () => {
    const e = await rejectsWith(new IAMClient(sdkConfig(ctx.emu)).send(new GetRoleCommand({ RoleName: 'no spaces allowed' })), 'ValidationError');
    assert.strictEqual(e.message, "1 validation error detected: Value 'no spaces allowed' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\w+=,.@-]+$");
    const r = await rejectsWith(new ECRClient(sdkConfig(ctx.emu)).send(new CreateRepositoryCommand({ repositoryName: 'tesTing' })), 'InvalidParameterException');
    assert.match(r.message, /^Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '\^\[a-z0-9\]\+/);
  });

  it('Java-isms are translated, and patterns match the whole value', () => {
    assert.ok(compilePattern('^\\p{Print}+$')!.test('Hello, world'));
    assert.ok(!compilePattern('^\\p{Print}+$')!.test('tab\there'));
    assert.ok(compilePattern('^\\!?[a-z\\-]*$')!.test('!abc-d'), 'an identity escape u mode refuses');
    assert.ok(!compilePattern('[a-z]+')!.test('abC'), 'unanchored in the model, whole value at AWS');
    const ssmKey = compilePattern('^tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType$')!;
    assert.deepStrictEqual(['Name', 'tag:env', 'FooName'].map((v) => ssmKey.test(v)), [true, true, false]);
  });

  it('every served pattern compiles and stays fast on long adversarial input (no catastrophic backtracking)', () => {
    const patterns = new Map<string, number>();
    for (const svc of Object.values(loadModel())) {
      for (const shape of Object.values(svc.shapes)) {
        if (shape.pat) {
          patterns.set(shape.pat, Math.min(shape.len?.[1] ?? MAX_PATTERN_INPUT, MAX_PATTERN_INPUT));
        }
      }
    }
    assert.ok(patterns.size > 30);
    const atoms = ['a', 'A', '0', '-', '_', '.', '/', ' ', ':', '@', '+', '=', 'é', 'a-', 'a.', 'a__', 'a/'];
    let slowest = 0;
    for (const [pattern, max] of patterns) {
      const re = compilePattern(pattern);
      assert.ok(re, `compiles: ${pattern}`);
      for (const atom of atoms) {
        for (const tail of ['', '!', '\u0000', ' ', '\t']) {
          const value = atom.repeat(Math.ceil(max / atom.length)).slice(0, Math.max(0, max - tail.length)) + tail;
          const t0 = process.hrtime.bigint();
          re!.test(value);
          slowest = Math.max(slowest, Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }
    }
    assert.ok(slowest < 100, `slowest pattern test took ${slowest.toFixed(1)} ms`);
  });
});

describe('emulator kit: partitions and the region a request acts in', () => {
  const ctx = useEmulator({ seed: 'empty' });

  it('ARNs and endpoints per partition: aws-cn for cn-*, aws-us-gov for us-gov-*', async () => {
    const cn = await new ECSClient(sdkConfig(ctx.emu, 'cn-north-1')).send(new CreateClusterCommand({ clusterName: 'c' }));
    assert.strictEqual(cn.cluster?.clusterArn, 'arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c');
    const gov = await new ECSClient(sdkConfig(ctx.emu, 'us-gov-west-1')).send(new CreateClusterCommand({ clusterName: 'g' }));
    assert.strictEqual(gov.cluster?.clusterArn, 'arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/g');
    const repo = await new ECRClient(sdkConfig(ctx.emu, 'cn-north-1')).send(new CreateRepositoryCommand({ repositoryName: 'app' }));
    assert.strictEqual(repo.repository?.repositoryUri, '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app');
    const id = await new STSClient(sdkConfig(ctx.emu, 'cn-north-1')).send(new GetCallerIdentityCommand({}));
    assert.strictEqual(id.Arn, 'arn:aws-cn:iam::123456789012:user/emulator');
  });

  it('AWS regional hostnames name their region; a signed request keeps its credential scope', async () => {
    assert.deepStrictEqual(
      ['portal.sso.eu-west-1.amazonaws.com', 'oidc.ap-southeast-2.amazonaws.com:443', 'ecs.cn-north-1.amazonaws.com.cn', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com', '127.0.0.1:4566', 'amazonaws.com', 'example.com'].map(regionOfHost),
      ['eu-west-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1', undefined, undefined, undefined],
    );
    await new ECSClient(sdkConfig(ctx.emu, 'eu-west-2')).send(new CreateClusterCommand({ clusterName: 'london' }));
    const signed = await jsonCall(ctx.emu.url, 'AmazonEC2ContainerServiceV20141113.ListClusters', '{}', 'AWS4-HMAC-SHA256 Credential=AKID/20250115/eu-west-2/ecs/aws4_request, SignedHeaders=host, Signature=x');
    assert.strictEqual(JSON.parse(signed.body).clusterArns.length, 1);
    const viaHost = await raw(ctx.emu.url, { headers: { Host: 'ecs.eu-west-1.amazonaws.com', 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.ListClusters', Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250115/eu-west-2/ecs/aws4_request, SignedHeaders=host, Signature=x' }, body: '{}' });
    assert.deepStrictEqual(JSON.parse(viaHost.body).clusterArns, ['arn:aws:ecs:eu-west-2:123456789012:cluster/london'], 'the scope wins over Host');
    assert.strictEqual(ctx.emu.calls('eu-west-1').get('ecs:ListClusters'), undefined);
    assert.deepStrictEqual((await new ECSClient(sdkConfig(ctx.emu, 'eu-west-1')).send(new ListClustersCommand({}))).clusterArns, []);
  });
});
