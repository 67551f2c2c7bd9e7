import * as assert from 'assert';
import {
  CreateExpressGatewayServiceCommand, DeleteExpressGatewayServiceCommand, DescribeClustersCommand, DescribeExpressGatewayServiceCommand,
  DescribeServiceRevisionsCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { advanceUntil, rejectsWith, sdkConfig, useEmulator } from './helpers';

const ROLES = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices' };

describe('emulator: ECS Express Mode (Create/Describe/Update/DeleteExpressGatewayService)', () => {
  const ctx = useEmulator();
  let ecs: ECSClient;

  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
  });

  it('refuses bad input with InvalidParameterException, and a missing cluster other than default with ClusterNotFoundException', async () => {
    const base = { ...ROLES, primaryContainer: { image: 'public.ecr.aws/nginx/nginx:latest' } };
    let e = await rejectsWith(ecs.send(new CreateExpressGatewayServiceCommand({ ...base, executionRoleArn: 'ecsTaskExecutionRole' })), 'InvalidParameterException');
    assert.match(e.message, /executionRoleArn must be the ARN of an IAM role/);
    e = await rejectsWith(ecs.send(new CreateExpressGatewayServiceCommand({ ...base, cpu: '1024', memory: '512' })), 'InvalidParameterException');
    assert.match(e.message, /Invalid memory '512' for CPU '1024'/);
    e = await rejectsWith(ecs.send(new CreateExpressGatewayServiceCommand({ ...base, healthCheckPath: 'health' })), 'InvalidParameterException');
    assert.match(e.message, /healthCheckPath must start with/);
    await rejectsWith(ecs.send(new CreateExpressGatewayServiceCommand({ ...base, cluster: 'nope' })), 'ClusterNotFoundException');
  });

  it('creates the default cluster and a real Fargate service marked ECS-managed; its managed resources go PROVISIONING -> ACTIVE', async () => {
    const created = (await ecs.send(new CreateExpressGatewayServiceCommand({
      ...ROLES, serviceName: 'hello', healthCheckPath: '/health', cpu: '512', memory: '1024',
      primaryContainer: { image: 'public.ecr.aws/nginx/nginx:latest', containerPort: 8080 },
      scalingTarget: { minTaskCount: 2, maxTaskCount: 5, autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 100 },
    }))).service!;
    assert.strictEqual(created.serviceArn, 'arn:aws:ecs:us-east-1:123456789012:service/default/hello');
    assert.strictEqual(created.status?.statusCode, 'ACTIVE');
    const endpoint = created.activeConfigurations![0].ingressPaths![0].endpoint!;
    assert.match(endpoint, /^hello-[0-9a-f]{12}\.ecs\.us-east-1\.on\.aws$/);
    const cluster = (await ecs.send(new DescribeClustersCommand({ clusters: ['default'] }))).clusters![0];
    assert.strictEqual(cluster.status, 'ACTIVE');

    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['hello'] }))).services![0];
    assert.deepStrictEqual([svc.resourceManagementType, svc.launchType, svc.desiredCount], ['ECS', 'FARGATE', 2]);
    const td = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: svc.taskDefinition! }))).taskDefinition!;
    assert.deepStrictEqual([td.networkMode, td.cpu, td.memory, td.containerDefinitions![0].portMappings![0].containerPort], ['awsvpc', '512', '1024', 8080]);

    const revisionArn = svc.currentServiceRevisions![0].arn!;
    const revision = async () => (await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn] }))).serviceRevisions![0];
    const managed = (await revision()).ecsManagedResources!;
    const path = managed.ingressPaths![0];
    assert.strictEqual(path.endpoint, endpoint);
    assert.match(path.loadBalancer!.arn!, /^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\//);
    assert.match(path.listener!.arn!, /:listener\/app\//);
    assert.match(path.rule!.arn!, /:listener-rule\/app\//);
    assert.deepStrictEqual([path.targetGroups![0].healthCheckPath, path.targetGroups![0].port], ['/health', 8080]);
    assert.deepStrictEqual([managed.autoScaling!.scalableTarget!.minCapacity, managed.autoScaling!.scalableTarget!.maxCapacity], [2, 5]);
    assert.strictEqual(managed.autoScaling!.applicationAutoScalingPolicies![0].metric, 'ALBRequestCountPerTarget');
    assert.match(managed.metricAlarms![0].arn!, /^arn:aws:cloudwatch:us-east-1:123456789012:alarm:TargetTracking-service\/default\/hello-AlarmHigh-/);
    assert.match(managed.logGroups![0].arn!, /^arn:aws:logs:us-east-1:123456789012:log-group:\/aws\/ecs\/default\/hello-/);
    assert.strictEqual(path.loadBalancer!.status, 'PROVISIONING');
    await advanceUntil(ctx.emu, async () => (await revision()).ecsManagedResources!.ingressPaths![0].loadBalancer!.status === 'ACTIVE', { stepMs: 5_000, maxMs: 120_000 });
    const after = (await revision()).ecsManagedResources!;
    assert.deepStrictEqual([after.ingressPaths![0].listener!.status, after.logGroups![0].status], ['ACTIVE', 'ACTIVE']);
    const described = (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: created.serviceArn, include: ['TAGS'] }))).service!;
    assert.strictEqual(described.serviceName, 'hello');
  });

  it('updates the scaling target and deletes: DRAINING, then INACTIVE with its resources DELETED', async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/default/hello';
    const updated = (await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: arn, scalingTarget: { minTaskCount: 3, maxTaskCount: 6 } }))).service!;
    assert.deepStrictEqual([updated.targetConfiguration!.scalingTarget!.minTaskCount, updated.targetConfiguration!.scalingTarget!.autoScalingMetric], [3, 'REQUEST_COUNT_PER_TARGET']);
    assert.strictEqual((await ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['hello'] }))).services![0].desiredCount, 3);
    const deleted = (await ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn: arn }))).service!;
    assert.strictEqual(deleted.status?.statusCode, 'DRAINING');
    await advanceUntil(ctx.emu, async () => (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: arn }))).service!.status?.statusCode === 'INACTIVE', { maxMs: 10 * 60_000 });
    await rejectsWith(ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn: arn })), 'ServiceNotActiveException');
  });
});
