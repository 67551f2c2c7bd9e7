import * as assert from 'assert';
import { createExpressRequest, expressUrl, managedResourceRows, parseCreateExpressArgs, resourcesSettled, taskSizeProblem, trusts } from '../../../src/ecs/express';

const ROLES = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices' };
const BASE = { serviceName: 'hello', image: 'public.ecr.aws/nginx/nginx:latest', containerPort: 80, ...ROLES };

describe('Express Mode: argument object, request and managed resources', () => {
  it('reads a full argument object into the CreateExpressGatewayService request', () => {
    const a = parseCreateExpressArgs({ ...BASE, cluster: 'web', cpu: 512, memory: '1024', healthCheckPath: '/health', minTasks: 2, maxTasks: 4, scalingMetric: 'AVERAGE_MEMORY', scalingTarget: 70, region: 'eu-west-1', profile: 'dev' });
    assert.deepStrictEqual(a.scope, { region: 'eu-west-1', profile: 'dev' });
    assert.deepStrictEqual(createExpressRequest(a), {
      serviceName: 'hello', cluster: 'web', ...ROLES, primaryContainer: { image: BASE.image, containerPort: 80 }, healthCheckPath: '/health', cpu: '512', memory: '1024',
      scalingTarget: { minTaskCount: 2, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_MEMORY', autoScalingTargetValue: 70 },
    });
    assert.strictEqual(createExpressRequest(parseCreateExpressArgs(BASE)).scalingTarget, undefined);
  });

  it('refuses what is wrong, saying what is expected', () => {
    const refused = (arg: Record<string, unknown>, pattern: RegExp) => assert.throws(() => parseCreateExpressArgs(arg), (e: Error) => pattern.test(e.message) && /Expected \{ serviceName, image, containerPort/.test(e.message));
    refused({ ...BASE, image: undefined }, /"image" is missing/);
    refused({ ...BASE, executionRoleArn: 'ecsTaskExecutionRole' }, /"executionRoleArn" must be an IAM role ARN like arn:aws:iam::123456789012:role/);
    refused({ ...BASE, infrastructureRoleArn: 'arn:aws:s3:::bucket' }, /"infrastructureRoleArn" must be an IAM role ARN/);
    refused({ ...BASE, serviceName: 'bad name' }, /"serviceName" must be up to 255 letters/);
    refused({ ...BASE, containerPort: 0 }, /"containerPort" must be an integer from 1 to 65535/);
    refused({ ...BASE, cpu: '1024', memory: '512' }, /"memory" for 1024 CPU units must be one of 2048, 3072/);
    refused({ ...BASE, cpu: '1024' }, /give both "cpu" and "memory"/);
    refused({ ...BASE, healthCheckPath: 'health' }, /"healthCheckPath" must be a path starting with/);
    refused({ ...BASE, minTasks: 3, maxTasks: 2 }, /"maxTasks" must be at least "minTasks"/);
    refused({ ...BASE, scalingMetric: 'CPU' }, /"scalingMetric" must be one of AVERAGE_CPU/);
    refused({ ...BASE, colour: 'blue' }, /unknown member "colour"/);
    refused({ ...BASE, region: 'mars' }, /"region" must be a region code/);
    assert.strictEqual(taskSizeProblem('256', '2048'), undefined);
  });

  it('lists the managed resources with their status and the URL of the ingress path', () => {
    const at = new Date(0);
    const resources = {
      ingressPaths: [{
        accessType: 'PUBLIC' as const, endpoint: 'hello-abc.ecs.us-east-1.on.aws',
        loadBalancer: { arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/ecs-express-gateway-alb-1/50dc6c495c0c9188', status: 'ACTIVE' as const, updatedAt: at, scheme: 'internet-facing' },
        targetGroups: [{ arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/ecs-gateway-tg-1/73e2d6bc24d8a067', status: 'PROVISIONING' as const, updatedAt: at, healthCheckPath: '/', healthCheckPort: 80, port: 80 }],
      }],
      logGroups: [{ arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/ecs/default/hello', status: 'ACTIVE' as const, updatedAt: at, logGroupName: '/aws/ecs/default/hello' }],
    };
    const rows = managedResourceRows(resources);
    assert.deepStrictEqual(rows.map((r) => [r.kind, r.name, r.status]), [['Load balancer', 'ecs-express-gateway-alb-1', 'ACTIVE'], ['Target group', 'ecs-gateway-tg-1', 'PROVISIONING'], ['Log group', '/aws/ecs/default/hello', 'ACTIVE']]);
    assert.strictEqual(resourcesSettled(rows), 'provisioning');
    assert.strictEqual(expressUrl(resources), 'https://hello-abc.ecs.us-east-1.on.aws');
    assert.strictEqual(expressUrl({ activeConfigurations: [{ ingressPaths: [{ accessType: 'PUBLIC', endpoint: 'https://x.ecs.eu-west-1.on.aws' }] }] }), 'https://x.ecs.eu-west-1.on.aws');
  });

  it('offers the roles whose trust policy names the service principal', () => {
    const doc = encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    assert.strictEqual(trusts(doc, 'ecs-tasks.amazonaws.com'), true);
    assert.strictEqual(trusts(doc, 'ecs.amazonaws.com'), false);
  });
});
