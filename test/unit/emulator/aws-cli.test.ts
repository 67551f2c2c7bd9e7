/**
 * Conformance: the real AWS CLI (Debian's /usr/bin/aws) against the emulator, with dummy credentials
 * in a throwaway HOME. Skipped, with a message, only when /usr/bin/aws is absent.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { useEmulator } from './helpers';

const AWS = '/usr/bin/aws';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('emulator: AWS CLI conformance', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ seed: 'demo' });
  let home: string;
  let env: NodeJS.ProcessEnv;

  before(function () {
    if (!fs.existsSync(AWS)) {
      console.log(`      (skipped: ${AWS} is not installed: apt-get install -y awscli)`);
      this.skip();
    }
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-awscli-'));
    fs.mkdirSync(path.join(home, '.aws'));
    fs.writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = us-east-1\noutput = json\n');
    fs.writeFileSync(path.join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = dummy-secret\n');
    env = { PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: path.join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'), AWS_PAGER: '', LANG: 'C.UTF-8' };
  });

  after(() => {
    if (home) {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  function aws(...args: string[]): Promise<CliResult> {
    return awsWith(AWS, ...args);
  }

  function awsWith(cli: string, ...args: string[]): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(cli, [...args, '--endpoint-url', ctx.emu.url], { env, timeout: 30_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  async function json(...args: string[]): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return jsonWith(AWS, ...args);
  }

  async function jsonWith(cli: string, ...args: string[]): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await awsWith(cli, ...args);
    assert.strictEqual(r.code, 0, `aws ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return JSON.parse(r.stdout);
  }

  it('sts get-caller-identity (awsQuery)', async () => {
    const r = await json('sts', 'get-caller-identity');
    assert.strictEqual(r.Account, '123456789012');
  });

  it('lists and describes clusters, services and tasks', async () => {
    // Independent calls run side by side: each CLI start costs most of a second.
    const [clusters, d, services, svc, tasks] = await Promise.all([
      json('ecs', 'list-clusters'),
      json('ecs', 'describe-clusters', '--clusters', 'demo-fargate', 'demo-ec2', '--include', 'STATISTICS', 'TAGS'),
      json('ecs', 'list-services', '--cluster', 'demo-fargate'),
      json('ecs', 'describe-services', '--cluster', 'demo-fargate', '--services', 'api', 'web'),
      json('ecs', 'list-tasks', '--cluster', 'demo-fargate', '--service-name', 'api'),
    ]);
    assert.strictEqual(clusters.clusterArns.length, 2);
    assert.deepStrictEqual(d.clusters.map((c: { clusterName: string }) => c.clusterName), ['demo-fargate', 'demo-ec2']);
    assert.strictEqual(services.serviceArns.length, 8);
    assert.strictEqual(svc.services[0].serviceName, 'api');
    assert.match(svc.services[0].createdAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.strictEqual(tasks.taskArns.length, 3);
    const dt = await json('ecs', 'describe-tasks', '--cluster', 'demo-fargate', '--tasks', ...tasks.taskArns);
    assert.ok(dt.tasks.every((t: { lastStatus: string }) => t.lastStatus === 'RUNNING'));
  });

  /**
   * Debian's CLI (2.9) predates ECS service deployments (2024-2025): those commands run on the first
   * CLI that knows them, Debian's or a newer one installed beside it (pyenv's awscli 1.x here).
   */
  async function deploymentsCli(): Promise<string | undefined> {
    const pyenv = path.join(os.homedir(), '.pyenv', 'versions');
    const others = fs.existsSync(pyenv) ? fs.readdirSync(pyenv).map((v) => path.join(pyenv, v, 'bin', 'aws')).filter((f) => fs.existsSync(f)) : [];
    for (const cli of [AWS, ...(process.env.AWS_CLI_NEWER ? [process.env.AWS_CLI_NEWER] : []), ...others]) {
      const r = await awsWith(cli, 'ecs', 'list-service-deployments', '--cluster', 'demo-fargate', '--service', 'checkout');
      if (!/Invalid choice/.test(r.stderr)) {
        return cli;
      }
    }
    return undefined;
  }

  it('service deployments, revisions and listener rule weights of a blue/green service (checkout)', async function () {
    const cli = await deploymentsCli();
    if (!cli) {
      console.log('      (skipped: no AWS CLI here knows list-service-deployments; set AWS_CLI_NEWER to one that does)');
      this.skip();
    }
    const json = (...args: string[]) => jsonWith(cli!, ...args);
    const aws = (...args: string[]) => awsWith(cli!, ...args);
    const [list, svc] = await Promise.all([
      json('ecs', 'list-service-deployments', '--cluster', 'demo-fargate', '--service', 'checkout'),
      json('ecs', 'describe-services', '--cluster', 'demo-fargate', '--services', 'checkout'),
    ]);
    assert.strictEqual(list.serviceDeployments.length, 2);
    const lb = svc.services[0].loadBalancers[0];
    const [d, rules] = await Promise.all([
      json('ecs', 'describe-service-deployments', '--service-deployment-arns', list.serviceDeployments[0].serviceDeploymentArn),
      json('elbv2', 'describe-rules', '--rule-arns', lb.advancedConfiguration.productionListenerRule),
    ]);
    const sd = d.serviceDeployments[0];
    assert.deepStrictEqual([sd.status, sd.lifecycleStage, sd.deploymentConfiguration.strategy, sd.deploymentConfiguration.bakeTimeInMinutes], ['SUCCESSFUL', 'CLEAN_UP', 'BLUE_GREEN', 2]);
    const rev = await json('ecs', 'describe-service-revisions', '--service-revision-arns', sd.targetServiceRevision.arn, sd.sourceServiceRevisions[0].arn);
    assert.deepStrictEqual(rev.serviceRevisions.map((r: { taskDefinition: string }) => r.taskDefinition.split('/').pop()), ['demo-checkout:2', 'demo-checkout:1']);
    assert.match(rev.serviceRevisions[0].containerImages[0].imageDigest, /^sha256:[0-9a-f]{64}$/);
    // Production is on the alternate (green) group since the last deployment.
    const weights = Object.fromEntries(rules.Rules[0].Actions[0].ForwardConfig.TargetGroups.map((t: { TargetGroupArn: string; Weight: number }) => [t.TargetGroupArn.split('/')[1], t.Weight]));
    assert.deepStrictEqual(weights, { 'demo-checkout-blue-tg': 0, 'demo-checkout-green-tg': 100 });
    const stop = await aws('ecs', 'stop-service-deployment', '--service-deployment-arn', sd.serviceDeploymentArn, '--stop-type', 'ROLLBACK');
    assert.ok([254, 255].includes(stop.code), `exit ${stop.code}`); // CLI v2: 254, v1: 255
    assert.match(stop.stderr, /\(ConflictException\) when calling the StopServiceDeployment operation/);
  });

  it('elbv2 create-target-group, create-rule, then delete-rule and delete-target-group (in use refused first)', async () => {
    const lb = (await json('elbv2', 'describe-load-balancers', '--names', 'demo-alb')).LoadBalancers[0];
    const listener = (await json('elbv2', 'describe-listeners', '--load-balancer-arn', lb.LoadBalancerArn)).Listeners[0];
    const tg = (await json('elbv2', 'create-target-group', '--name', 'cli-tg', '--protocol', 'HTTP', '--port', '8080', '--vpc-id', lb.VpcId, '--target-type', 'ip')).TargetGroups[0];
    const rule = (await json('elbv2', 'create-rule', '--listener-arn', listener.ListenerArn, '--priority', '900', '--conditions', 'Field=path-pattern,Values=/cli/*', '--actions', `Type=forward,TargetGroupArn=${tg.TargetGroupArn}`)).Rules[0];
    const inUse = await aws('elbv2', 'delete-target-group', '--target-group-arn', tg.TargetGroupArn);
    assert.match(inUse.stderr, /\(ResourceInUse\) when calling the DeleteTargetGroup operation/);
    assert.strictEqual((await aws('elbv2', 'delete-rule', '--rule-arn', rule.RuleArn)).code, 0);
    assert.strictEqual((await aws('elbv2', 'delete-target-group', '--target-group-arn', tg.TargetGroupArn)).code, 0);
    const gone = await aws('elbv2', 'describe-target-groups', '--names', 'cli-tg');
    assert.match(gone.stderr, /TargetGroupNotFound/);
  });

  it('registers a task definition from a JSON file', async () => {
    const file = path.join(home, 'td.json');
    fs.writeFileSync(file, JSON.stringify({
      family: 'cli-app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }], essential: true }],
    }));
    const r = await json('ecs', 'register-task-definition', '--cli-input-json', `file://${file}`);
    assert.strictEqual(r.taskDefinition.taskDefinitionArn, 'arn:aws:ecs:us-east-1:123456789012:task-definition/cli-app:1');
    assert.strictEqual(r.taskDefinition.status, 'ACTIVE');
  });

  it('pages with --max-items / --starting-token', async () => {
    const [p1, all] = await Promise.all([json('ecs', 'list-task-definitions', '--max-items', '2'), json('ecs', 'list-task-definitions')]);
    assert.strictEqual(p1.taskDefinitionArns.length, 2);
    assert.ok(p1.NextToken, 'the CLI hands out a NextToken');
    const p2 = await json('ecs', 'list-task-definitions', '--max-items', '100', '--starting-token', p1.NextToken);
    assert.deepStrictEqual([...p1.taskDefinitionArns, ...p2.taskDefinitionArns], all.taskDefinitionArns);
  });

  it('a service error exits 254 with the AWS error code on stderr', async () => {
    const [r, q] = await Promise.all([aws('ecs', 'describe-services', '--cluster', 'nope', '--services', 'x'), aws('iam', 'get-role', '--role-name', 'ghost')]);
    assert.strictEqual(r.code, 254);
    assert.match(r.stderr, /\(ClusterNotFoundException\) when calling the DescribeServices operation: Cluster not found\./);
    assert.strictEqual(q.code, 254);
    assert.match(q.stderr, /\(NoSuchEntity\) when calling the GetRole operation/);
  });

  it('ECR and CloudWatch Logs', async () => {
    const [repos, images, events] = await Promise.all([
      json('ecr', 'describe-repositories'),
      json('ecr', 'describe-images', '--repository-name', 'demo/api'),
      json('logs', 'filter-log-events', '--log-group-name', '/ecs/demo-worker', '--filter-pattern', 'Error'),
    ]);
    assert.ok(repos.repositories.some((r: { repositoryName: string }) => r.repositoryName === 'demo/api'));
    assert.strictEqual(images.imageDetails.length, 4);
    assert.ok(events.events.length >= 4);
  });

  it('IAM Identity Center: sso list-accounts / get-role-credentials and sso-oidc create-token (unsigned, us-east-1 by default)', async () => {
    const session = ctx.emu.sso.seedSession({ region: 'us-east-1', user: 'carol' });
    const [accounts, roles, creds, refreshed] = await Promise.all([
      json('sso', 'list-accounts', '--access-token', session.accessToken, '--region', 'us-east-1'),
      json('sso', 'list-account-roles', '--access-token', session.accessToken, '--account-id', '210987654321', '--region', 'us-east-1'),
      json('sso', 'get-role-credentials', '--access-token', session.accessToken, '--account-id', '210987654321', '--role-name', 'ReadOnlyAccess', '--region', 'us-east-1'),
      json('sso-oidc', 'create-token', '--client-id', session.clientId, '--client-secret', session.clientSecret, '--grant-type', 'refresh_token', '--refresh-token', session.refreshToken, '--region', 'us-east-1'),
    ]);
    assert.deepStrictEqual(accounts.accountList.map((a: { accountId: string }) => a.accountId), ['123456789012', '210987654321']);
    assert.deepStrictEqual(roles.roleList.map((r: { roleName: string }) => r.roleName), ['ReadOnlyAccess', 'ECSDeveloper']);
    assert.match(creds.roleCredentials.accessKeyId, /^ASIA/);
    assert.ok(creds.roleCredentials.expiration > Date.now(), 'epoch milliseconds in the future');
    assert.strictEqual(refreshed.tokenType, 'Bearer');
    const bad = await aws('sso', 'list-accounts', '--access-token', 'not-a-token', '--region', 'us-east-1');
    assert.strictEqual(bad.code, 254);
    assert.match(bad.stderr, /\(UnauthorizedException\) when calling the ListAccounts operation: Session token not found or invalid/);
  });

  it('CloudWatch describe-alarms (the CLI sends awsQuery; the npm SDK awsJson1_0)', async () => {
    const r = await json('cloudwatch', 'describe-alarms', '--state-value', 'ALARM');
    assert.strictEqual(r.MetricAlarms.length, 1);
    assert.match(r.MetricAlarms[0].AlarmName, /^TargetTracking-service\/demo-fargate\/api-AlarmLow-/);
    assert.strictEqual(r.MetricAlarms[0].ComparisonOperator, 'LessThanThreshold');
  });

  it('CloudWatch get-metric-data, get-metric-statistics and list-metrics (awsQuery)', async () => {
    const end = new Date(Date.parse('2025-01-15T09:00:00Z'));
    const start = new Date(end.getTime() - 3600_000);
    const dims = [{ Name: 'ClusterName', Value: 'demo-fargate' }, { Name: 'ServiceName', Value: 'api' }];
    const query = [{ Id: 'cpu', MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: dims }, Period: 300, Stat: 'Average' } }];
    const d = await json('cloudwatch', 'get-metric-data', '--start-time', start.toISOString(), '--end-time', end.toISOString(), '--metric-data-queries', JSON.stringify(query), '--scan-by', 'TimestampAscending');
    assert.strictEqual(d.MetricDataResults[0].StatusCode, 'Complete');
    assert.strictEqual(d.MetricDataResults[0].Timestamps.length, 12);
    assert.strictEqual(Date.parse(d.MetricDataResults[0].Timestamps[0]), start.getTime());
    const s = await json('cloudwatch', 'get-metric-statistics', '--namespace', 'AWS/ECS', '--metric-name', 'CPUUtilization', '--dimensions', 'Name=ClusterName,Value=demo-fargate', 'Name=ServiceName,Value=api',
      '--start-time', start.toISOString(), '--end-time', end.toISOString(), '--period', '300', '--statistics', 'Average');
    assert.deepStrictEqual(s.Datapoints.map((p: { Average: number }) => p.Average), d.MetricDataResults[0].Values);
    const tooMany = await aws('cloudwatch', 'get-metric-statistics', '--namespace', 'AWS/ECS', '--metric-name', 'CPUUtilization', '--start-time', '2025-01-10T00:00:00Z', '--end-time', end.toISOString(), '--period', '60', '--statistics', 'Average');
    assert.match(tooMany.stderr, /\(InvalidParameterCombination\) when calling the GetMetricStatistics operation: You have requested up to/);
    const l = await json('cloudwatch', 'list-metrics', '--namespace', 'ECS/ContainerInsights', '--dimensions', 'Name=ServiceName,Value=api');
    assert.ok(l.Metrics.some((m: { MetricName: string }) => m.MetricName === 'RunningTaskCount'));
  });
});
