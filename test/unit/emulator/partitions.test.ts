/**
 * Partitions: the demo account seeded in cn-north-1 (aws-cn, hosts under amazonaws.com.cn) and
 * in us-gov-west-1 (aws-us-gov), read back through the real SDK clients over HTTP. Every ARN in
 * every reply names the region's partition, every regional host its DNS suffix, and nothing names
 * the region the demo usually lives in.
 */
import * as assert from 'assert';
import * as aas from '@aws-sdk/client-application-auto-scaling';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ecr from '@aws-sdk/client-ecr';
import * as ecs from '@aws-sdk/client-ecs';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import * as iam from '@aws-sdk/client-iam';
import * as sm from '@aws-sdk/client-secrets-manager';
import * as ssm from '@aws-sdk/client-ssm';
import * as sts from '@aws-sdk/client-sts';
import { seedDemo } from '../../emulator/seeds/demo';
import { raw, sdkConfig, useEmulator } from './helpers';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every string in a reply, with the path it was found at. */
function strings(v: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') {
    out.push([path, v]);
  } else if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
    Object.entries(v).filter(([k]) => k !== '$metadata').forEach(([k, x]) => strings(x, `${path}.${k}`, out));
  }
  return out;
}

/** What the demo's replies in `region` say, read through every service the extension reads. */
async function crawl(url: string, region: string): Promise<Json[]> {
  const c = sdkConfig({ url } as never, region);
  const e = new ecs.ECSClient(c);
  const replies: Json[] = [];
  const keep = <T>(r: T): T => (replies.push(r), r);
  const clusters = keep(await e.send(new ecs.ListClustersCommand({}))).clusterArns!;
  keep(await e.send(new ecs.DescribeClustersCommand({ clusters, include: ['TAGS'] })));
  keep(await e.send(new ecs.DescribeCapacityProvidersCommand({})));
  for (const cluster of clusters) {
    const services = keep(await e.send(new ecs.ListServicesCommand({ cluster }))).serviceArns!;
    keep(await e.send(new ecs.DescribeServicesCommand({ cluster, services })));
    for (const service of services) {
      const sds = keep(await e.send(new ecs.ListServiceDeploymentsCommand({ cluster, service }))).serviceDeployments!;
      keep(await e.send(new ecs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: sds.map((s) => s.serviceDeploymentArn!) })));
    }
    const tasks = keep(await e.send(new ecs.ListTasksCommand({ cluster }))).taskArns!;
    keep(await e.send(new ecs.DescribeTasksCommand({ cluster, tasks })));
    const instances = keep(await e.send(new ecs.ListContainerInstancesCommand({ cluster }))).containerInstanceArns!;
    if (instances.length) {
      keep(await e.send(new ecs.DescribeContainerInstancesCommand({ cluster, containerInstances: instances })));
    }
  }
  for (const arn of keep(await e.send(new ecs.ListTaskDefinitionsCommand({}))).taskDefinitionArns!) {
    keep(await e.send(new ecs.DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] })));
  }
  const r = new ecr.ECRClient(c);
  for (const repo of keep(await r.send(new ecr.DescribeRepositoriesCommand({}))).repositories!) {
    keep(await r.send(new ecr.DescribeImagesCommand({ repositoryName: repo.repositoryName })));
  }
  keep(await r.send(new ecr.GetAuthorizationTokenCommand({})));
  const l = new logs.CloudWatchLogsClient(c);
  for (const g of keep(await l.send(new logs.DescribeLogGroupsCommand({}))).logGroups!) {
    keep(await l.send(new logs.DescribeLogStreamsCommand({ logGroupName: g.logGroupName })));
  }
  keep(await new sm.SecretsManagerClient(c).send(new sm.ListSecretsCommand({})));
  keep(await new ssm.SSMClient(c).send(new ssm.GetParametersByPathCommand({ Path: '/demo', Recursive: true, WithDecryption: true })));
  keep(await new ssm.SSMClient(c).send(new ssm.DescribeParametersCommand({})));
  const roles = keep(await new iam.IAMClient(c).send(new iam.ListRolesCommand({}))).Roles!;
  const stsClient = new sts.STSClient(c);
  keep(await stsClient.send(new sts.GetCallerIdentityCommand({})));
  keep(await stsClient.send(new sts.AssumeRoleCommand({ RoleArn: roles.find((x) => x.RoleName === 'demo-api-task-role')!.Arn, RoleSessionName: 'partition-test' })));
  const b = new elb.ElasticLoadBalancingV2Client(c);
  const lbs = keep(await b.send(new elb.DescribeLoadBalancersCommand({}))).LoadBalancers!;
  keep(await b.send(new elb.DescribeListenersCommand({ LoadBalancerArn: lbs[0].LoadBalancerArn })));
  for (const tg of keep(await b.send(new elb.DescribeTargetGroupsCommand({}))).TargetGroups!) {
    keep(await b.send(new elb.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn })));
  }
  const a = new aas.ApplicationAutoScalingClient(c);
  keep(await a.send(new aas.DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs' })));
  keep(await a.send(new aas.DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs' })));
  keep(await a.send(new aas.DescribeScheduledActionsCommand({ ServiceNamespace: 'ecs' })));
  // No CloudWatch SDK client here: its awsJson1_0 wire, signed for the region.
  const alarms = await raw(url, { headers: { 'X-Amz-Target': 'GraniteServiceVersion20100801.DescribeAlarms', 'Content-Type': 'application/x-amz-json-1.0',
    Authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250115/${region}/monitoring/aws4_request, SignedHeaders=host, Signature=x` }, body: '{}' });
  keep(JSON.parse(alarms.body));
  return replies;
}

/** Strings that name another partition, another region's host or the region the demo usually lives in. */
function misplaced(replies: Json[], region: string, partition: string, suffix: string): string[] {
  return strings(replies).filter(([, s]) => {
    const partitions = [...s.matchAll(/\barn:([\w-]+):/g)].map((m) => m[1]);
    // A regional host under the other suffix (service principals such as ecs-tasks.amazonaws.com name no region).
    const host = suffix === 'amazonaws.com.cn' ? new RegExp(`${region}\\.amazonaws\\.com(?!\\.cn)`).test(s) : s.includes('.amazonaws.com.cn');
    return partitions.some((p) => p !== partition) || host || s.includes('us-east-1');
  }).map(([p, s]) => `${p}: ${s}`);
}

for (const [region, partition, suffix] of [['cn-north-1', 'aws-cn', 'amazonaws.com.cn'], ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com']]) {
  describe(`emulator: the demo seeded in ${region} (${partition})`, () => {
    const ctx = useEmulator({ seed: 'empty' });
    before(() => seedDemo(ctx.emu.region(region).world));

    it('every ARN and host in every reply is of its partition; nothing names us-east-1', async () => {
      const replies = await crawl(ctx.emu.url, region);
      const arns = strings(replies).filter(([, s]) => s.includes(`arn:${partition}:`));
      assert.ok(arns.length > 200, `${arns.length} ARNs read`);
      assert.deepStrictEqual(misplaced(replies, region, partition, suffix), []);
    });

    it(`ECS cluster, service, task and task-definition ARNs, the ECR repository URI and token endpoint, IAM role ARNs`, async () => {
      const c = sdkConfig(ctx.emu, region);
      const e = new ecs.ECSClient(c);
      const svc = (await e.send(new ecs.DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'] }))).services![0];
      assert.strictEqual(svc.clusterArn, `arn:${partition}:ecs:${region}:123456789012:cluster/demo-fargate`);
      assert.strictEqual(svc.serviceArn, `arn:${partition}:ecs:${region}:123456789012:service/demo-fargate/api`);
      assert.strictEqual(svc.taskDefinition, `arn:${partition}:ecs:${region}:123456789012:task-definition/demo-api:3`);
      const task = (await e.send(new ecs.ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api' }))).taskArns![0];
      assert.match(task, new RegExp(`^arn:${partition}:ecs:${region}:123456789012:task/demo-fargate/[0-9a-f]{32}$`));
      const td = (await e.send(new ecs.DescribeTaskDefinitionCommand({ taskDefinition: 'demo-api:3' }))).taskDefinition!;
      assert.strictEqual(td.executionRoleArn, `arn:${partition}:iam::123456789012:role/ecsTaskExecutionRole`);
      assert.strictEqual(td.containerDefinitions![0].image, `123456789012.dkr.ecr.${region}.${suffix}/demo/api:1.2.0`);
      const r = new ecr.ECRClient(c);
      const repo = (await r.send(new ecr.DescribeRepositoriesCommand({ repositoryNames: ['demo/api'] }))).repositories![0];
      assert.strictEqual(repo.repositoryUri, `123456789012.dkr.ecr.${region}.${suffix}/demo/api`);
      assert.strictEqual(repo.repositoryArn, `arn:${partition}:ecr:${region}:123456789012:repository/demo/api`);
      const auth = (await r.send(new ecr.GetAuthorizationTokenCommand({}))).authorizationData![0];
      assert.strictEqual(auth.proxyEndpoint, `https://123456789012.dkr.ecr.${region}.${suffix}`);
      const role = (await new iam.IAMClient(c).send(new iam.GetRoleCommand({ RoleName: 'demo-api-task-role' }))).Role!;
      assert.strictEqual(role.Arn, `arn:${partition}:iam::123456789012:role/demo-api-task-role`);
    });

    it('the OIDC device verification URI is on the partition\'s domain', async () => {
      const host = `oidc.${region}.${suffix}`;
      const reg = JSON.parse((await raw(ctx.emu.url, { method: 'POST', path: '/client/register', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{"clientName":"t","clientType":"public"}' })).body);
      const dev = await raw(ctx.emu.url, { method: 'POST', path: '/device_authorization', headers: { Host: host, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: 'https://emulator.awsapps.com/start' }) });
      assert.strictEqual(JSON.parse(dev.body).verificationUri, `https://device.sso.${region}.${suffix}/`);
    });
  });
}
