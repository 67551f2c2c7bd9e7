/**
 * Paging tokens are bound to their query: a token from another cluster, filter, status, prefix,
 * repository, operation or region is refused with the error the service gives, and Logs' tokens
 * expire after 24 hours (emulated clock); the others are documented without a lifetime.
 */
import * as assert from 'assert';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeImageScanFindingsCommand, DescribeImagesCommand, DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  ECSClient, ListClustersCommand, ListContainerInstancesCommand, ListServicesCommand, ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand, ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { loadModel } from '../../emulator/kit/model';
import { mayRaise } from '../../emulator/kit/errors';
import { SERVICES } from '../../emulator/services/index';
import { rejectsWith, sdkConfig, useEmulator } from './helpers';

interface Case {
  op: string;
  /** The first page of query A (more pages follow). */
  first(): Promise<string | undefined>;
  /** The same query's next page. */
  same(token: string): Promise<unknown>;
  /** Another query (cluster, filter, …) with A's token. */
  other(token: string): Promise<unknown>;
  error: string;
}

describe('emulator: paging tokens are bound to their query', () => {
  const ctx = useEmulator({ seed: 'demo' });
  const DAY = 24 * 3600_000;
  let cases: Case[] = [];

  before(() => {
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    const ecsEu = new ECSClient(sdkConfig(ctx.emu, 'eu-west-1'));
    const ecr = new ECRClient(sdkConfig(ctx.emu));
    const logs = new CloudWatchLogsClient(sdkConfig(ctx.emu));
    const iam = new IAMClient(sdkConfig(ctx.emu));
    const sm = new SecretsManagerClient(sdkConfig(ctx.emu));
    const ssm = new SSMClient(sdkConfig(ctx.emu));
    const sso = new SSOClient({ endpoint: ctx.emu.url, region: 'us-east-1', maxAttempts: 1 });
    const accessToken = ctx.emu.sso.seedSession({ region: 'us-east-1', expiresAt: new Date(Date.now() + 30 * DAY) }).accessToken;
    const bad = 'InvalidParameterException';
    cases = [
      // ListClusters has no filter: its tokens are bound to the operation and the region.
      { op: 'ecs:ListClusters', error: bad, first: async () => (await ecs.send(new ListClustersCommand({ maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListClustersCommand({ nextToken: t })), other: (t) => ecsEu.send(new ListClustersCommand({ nextToken: t })) },
      { op: 'ecs:ListServices', error: bad, first: async () => (await ecs.send(new ListServicesCommand({ cluster: 'demo-fargate', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListServicesCommand({ cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-fargate', maxResults: 5, nextToken: t })),
        other: (t) => ecs.send(new ListServicesCommand({ cluster: 'demo-ec2', nextToken: t })) },
      { op: 'ecs:ListTasks', error: bad, first: async () => (await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', nextToken: t })),
        other: (t) => ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', desiredStatus: 'STOPPED', nextToken: t })) },
      { op: 'ecs:ListTasks (service)', error: bad, first: async () => (await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'api', nextToken: t })),
        other: (t) => ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'web', nextToken: t })) },
      { op: 'ecs:ListTaskDefinitions', error: bad, first: async () => (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'demo-api', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'demo-api', nextToken: t })),
        other: (t) => ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'demo-web', nextToken: t })) },
      { op: 'ecs:ListTaskDefinitions (status)', error: bad, first: async () => (await ecs.send(new ListTaskDefinitionsCommand({ maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListTaskDefinitionsCommand({ nextToken: t })), other: (t) => ecs.send(new ListTaskDefinitionsCommand({ status: 'INACTIVE', nextToken: t })) },
      { op: 'ecs:ListTaskDefinitionFamilies', error: bad, first: async () => (await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'demo', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'demo', nextToken: t })),
        other: (t) => ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'demo-w', nextToken: t })) },
      { op: 'ecs:ListContainerInstances', error: bad, first: async () => (await ecs.send(new ListContainerInstancesCommand({ cluster: 'demo-ec2', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListContainerInstancesCommand({ cluster: 'demo-ec2', nextToken: t })),
        other: (t) => ecs.send(new ListContainerInstancesCommand({ cluster: 'demo-ec2', status: 'DRAINING', nextToken: t })) },
      // A token of one List operation is no token of another.
      { op: 'ecs:ListServices → ListTasks', error: bad, first: async () => (await ecs.send(new ListServicesCommand({ cluster: 'demo-fargate', maxResults: 1 }))).nextToken,
        same: (t) => ecs.send(new ListServicesCommand({ cluster: 'demo-fargate', nextToken: t })), other: (t) => ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', nextToken: t })) },
      { op: 'ecr:DescribeRepositories', error: bad, first: async () => (await ecr.send(new DescribeRepositoriesCommand({ maxResults: 1 }))).nextToken,
        same: (t) => ecr.send(new DescribeRepositoriesCommand({ nextToken: t })), other: (t) => ecsEuEcr().send(new DescribeRepositoriesCommand({ nextToken: t })) },
      { op: 'ecr:DescribeImages', error: bad, first: async () => (await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', maxResults: 1 }))).nextToken,
        same: (t) => ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', nextToken: t })),
        other: (t) => ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/web', nextToken: t })) },
      { op: 'ecr:DescribeImages (filter)', error: bad, first: async () => (await ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', maxResults: 1 }))).nextToken,
        same: (t) => ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', filter: {}, nextToken: t })),
        other: (t) => ecr.send(new DescribeImagesCommand({ repositoryName: 'demo/api', filter: { tagStatus: 'TAGGED' }, nextToken: t })) },
      { op: 'ecr:DescribeImageScanFindings', error: bad,
        first: async () => (await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'demo/api', imageId: { imageTag: 'latest' }, maxResults: 1 }))).nextToken,
        same: (t) => ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'demo/api', imageId: { imageTag: 'latest' }, nextToken: t })),
        other: (t) => ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: 'demo/api', imageId: { imageTag: '1.0.0' }, nextToken: t })) },
      { op: 'logs:DescribeLogGroups', error: bad, first: async () => (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/demo-', limit: 1 }))).nextToken,
        same: (t) => logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/demo-', nextToken: t })),
        other: (t) => logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/demo-w', nextToken: t })) },
      { op: 'iam:ListRoles', error: 'ValidationError', first: async () => (await iam.send(new ListRolesCommand({ MaxItems: 1 }))).Marker,
        same: (t) => iam.send(new ListRolesCommand({ Marker: t })), other: (t) => iam.send(new ListRolesCommand({ PathPrefix: '/aws-service-role/', Marker: t })) },
      { op: 'secretsmanager:ListSecrets', error: 'InvalidNextTokenException', first: async () => (await sm.send(new ListSecretsCommand({ MaxResults: 1 }))).NextToken,
        same: (t) => sm.send(new ListSecretsCommand({ NextToken: t })), other: (t) => sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['demo/'] }], NextToken: t })) },
      { op: 'ssm:DescribeParameters', error: 'InvalidNextToken', first: async () => (await ssm.send(new DescribeParametersCommand({ MaxResults: 1 }))).NextToken,
        same: (t) => ssm.send(new DescribeParametersCommand({ NextToken: t })),
        other: (t) => ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Type', Values: ['String'] }], NextToken: t })) },
      // The bearer token is a credential, not part of the query (a refreshed one keeps paging).
      { op: 'sso:ListAccounts', error: 'InvalidRequestException', first: async () => (await sso.send(new ListAccountsCommand({ accessToken, maxResults: 1 }))).nextToken,
        same: (t) => sso.send(new ListAccountsCommand({ accessToken, nextToken: t })), other: (t) => sso.send(new ListAccountRolesCommand({ accessToken, accountId: '123456789012', nextToken: t })) },
      { op: 'sso:ListAccountRoles', error: 'InvalidRequestException', first: async () => (await sso.send(new ListAccountRolesCommand({ accessToken, accountId: '123456789012', maxResults: 1 }))).nextToken,
        same: (t) => sso.send(new ListAccountRolesCommand({ accessToken, accountId: '123456789012', nextToken: t })),
        other: (t) => sso.send(new ListAccountRolesCommand({ accessToken, accountId: '210987654321', nextToken: t })) },
    ];
    function ecsEuEcr(): ECRClient {
      return new ECRClient(sdkConfig(ctx.emu, 'eu-west-1'));
    }
    void ecsEu;
  });

  it('each List/Describe the extension pages refuses a token of another query, with its service\'s error, and takes its own', async () => {
    for (const c of cases) {
      const token = await c.first();
      assert.ok(token, `${c.op}: a second page`);
      await rejectsWith(c.other(token), c.error).catch((e: Error) => assert.fail(`${c.op}: ${e.message}`));
      await c.same(token).catch((e: Error) => assert.fail(`${c.op} (same query): ${e.name} ${e.message}`));
    }
  });

  it('forged or garbled tokens are refused', async () => {
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    const e = await rejectsWith(ecs.send(new ListClustersCommand({ nextToken: 'not-a-token' })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'The nextToken is not valid.');
    const real = (await ecs.send(new ListClustersCommand({ maxResults: 1 }))).nextToken!;
    const forged = Buffer.from(JSON.stringify([...JSON.parse(Buffer.from(real, 'base64url').toString()).slice(0, 3), '00000000'])).toString('base64url');
    await rejectsWith(ecs.send(new ListClustersCommand({ nextToken: forged })), 'InvalidParameterException');
  });

  it('Logs tokens expire after 24 hours on the emulated clock; ECS, ECR and the others document no lifetime', async () => {
    const logs = new CloudWatchLogsClient(sdkConfig(ctx.emu));
    const ecs = new ECSClient(sdkConfig(ctx.emu));
    const ecr = new ECRClient(sdkConfig(ctx.emu));
    const lt = (await logs.send(new DescribeLogGroupsCommand({ limit: 1 }))).nextToken!;
    const et = (await ecs.send(new ListTaskDefinitionsCommand({ maxResults: 1 }))).nextToken!;
    const rt = (await ecr.send(new DescribeRepositoriesCommand({ maxResults: 1 }))).nextToken!;
    await ctx.emu.clock.advance(DAY - 1000);
    await logs.send(new DescribeLogGroupsCommand({ nextToken: lt }));
    await ctx.emu.clock.advance(1000);
    const e = await rejectsWith(logs.send(new DescribeLogGroupsCommand({ nextToken: lt })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'The specified nextToken is invalid.');
    await ctx.emu.clock.advance(DAY);
    await ecs.send(new ListTaskDefinitionsCommand({ nextToken: et }));
    await ecr.send(new DescribeRepositoriesCommand({ nextToken: rt }));
  });

  it('every paginated operation refuses a foreign token with an error its model lists (or a generic one)', () => {
    const models = loadModel();
    for (const s of SERVICES) {
      for (const [op, m] of Object.entries(models[s.model].ops)) {
        if (m.page && !s.pageTokens.unbound?.includes(op)) {
          assert.ok(mayRaise(m, s.pageTokens.error, s.validationError), `${s.model} ${op}: ${s.pageTokens.error}`);
        }
      }
    }
  });

  it('DescribeRepositories takes no nextToken or maxResults with repositoryNames, as documented', async () => {
    const ecr = new ECRClient(sdkConfig(ctx.emu));
    await rejectsWith(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['demo/api'], maxResults: 1 })), 'InvalidParameterException');
  });
});
