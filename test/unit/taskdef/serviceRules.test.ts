import * as assert from 'assert';
import { assertError, assertNoErrors, errorKeys } from './helpers';

const svc = (over: Record<string, unknown> = {}) => ({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2, ...over });

describe('taskdef rules: service definitions', () => {
  it('accepts a typical Fargate service', () =>
    assertNoErrors(
      svc({
        launchType: 'FARGATE',
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
        loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'app', containerPort: 80 }],
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123abcd'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED' } },
      }),
      'service',
    ));

  it('placement strategies', () => {
    assertNoErrors(svc({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }] }), 'service');
    assertError(svc({ placementStrategy: [{ type: 'binpack', field: 'disk' }] }), 'placement-strategy-field', '/placementStrategy/0/field', 'service');
    assertError(svc({ placementStrategy: [{ type: 'spread', field: 'zone' }] }), 'placement-strategy-field', '/placementStrategy/0/field', 'service');
    assertError(svc({ placementStrategy: [{ type: 'spread' }] }), 'placement-strategy-field', '/placementStrategy/0', 'service');
    assertError(svc({ placementStrategy: [{ type: 'pack' }] }), 'invalid-enum', '/placementStrategy/0/type', 'service');
  });

  it('placement constraints', () => {
    assertError(svc({ placementConstraints: [{ type: 'memberOf' }] }), 'placement-constraint-expression', '/placementConstraints/0/type', 'service');
    assertError(svc({ placementConstraints: [{ type: 'distinctInstance', expression: 'x' }] }), 'placement-constraint-expression', '/placementConstraints/0/expression', 'service');
    assertNoErrors(svc({ placementConstraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }] }), 'service');
  });

  it('no placement on Fargate', () => {
    assertError(svc({ launchType: 'FARGATE', placementStrategy: [{ type: 'random' }] }), 'placement-with-fargate', '/placementStrategy', 'service');
    assertError(svc({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], placementConstraints: [{ type: 'distinctInstance' }] }), 'placement-with-fargate', '/placementConstraints', 'service');
    assertNoErrors(svc({ launchType: 'FARGATE', placementStrategy: [], placementConstraints: [] }), 'service');
  });

  it('deployment configuration bounds and circuit breaker', () => {
    assertError(svc({ deploymentConfiguration: { minimumHealthyPercent: 120 } }), 'deployment-percent-bounds', '/deploymentConfiguration/minimumHealthyPercent', 'service');
    assertError(svc({ deploymentConfiguration: { maximumPercent: 50 } }), 'deployment-percent-bounds', '/deploymentConfiguration/maximumPercent', 'service');
    assertNoErrors(svc({ schedulingStrategy: 'DAEMON', desiredCount: null, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } }), 'service');
    assertError(svc({ deploymentController: { type: 'CODE_DEPLOY' }, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }), 'circuit-breaker-controller', '/deploymentConfiguration/deploymentCircuitBreaker', 'service');
    assertError(svc({ deploymentConfiguration: { deploymentCircuitBreaker: { rollback: true } } }), 'missing-required', '/deploymentConfiguration/deploymentCircuitBreaker', 'service');
  });

  it('load balancer entries', () => {
    assertError(svc({ loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/a/b', containerName: 'app' }] }), 'load-balancer-container', '/loadBalancers/0', 'service');
    assertError(svc({ loadBalancers: [{ containerName: 'app', containerPort: 80 }] }), 'load-balancer-target', '/loadBalancers/0', 'service');
    assertNoErrors(svc({ loadBalancers: [{ loadBalancerName: 'classic', containerName: 'app', containerPort: 80 }] }), 'service');
    // Documentation's account and region words are placeholders; an 11-digit account is a typo.
    const tg = (arn: string) => svc({ loadBalancers: [{ targetGroupArn: arn, containerName: 'app', containerPort: 80 }] });
    assertNoErrors(tg('arn:aws:elasticloadbalancing:region:aws_account_id:targetgroup/blue/209a844cd01825a4'), 'service');
    assertNoErrors(tg('arn:aws:elasticloadbalancing:us-east-2:AWS_ACCOUNT_ID:targetgroup/web/8361d9b8a74dba46'), 'service');
    assertNoErrors(tg('TARGET_GROUP_ARN'), 'service');
    // Single-brace template fields (Python str.format, sed templates) are placeholders too.
    assertNoErrors(tg('{target_group_arn}'), 'service');
    assertNoErrors(svc({ networkConfiguration: { awsvpcConfiguration: { subnets: ['{subnet_a}', '{subnet.b}'], securityGroups: ['{sg}'] } } }), 'service');
    assertError(tg('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/{x'), 'load-balancer-target', '/loadBalancers/0/targetGroupArn', 'service');
    assertError(tg('arn:aws:elasticloadbalancing:eu-west-2:11111111111:targetgroup/web/4ff4d80c95688591'), 'load-balancer-target', '/loadBalancers/0/targetGroupArn', 'service');
  });

  it('launchType and capacityProviderStrategy are exclusive', () => {
    assertError(svc({ launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] }), 'launch-type-with-capacity-providers', '/launchType', 'service');
  });

  it('awsvpc subnets and security groups', () => {
    const keys = errorKeys(svc({ networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0abc '], securityGroups: ['default'] } } }), 'service');
    assert.deepStrictEqual(keys, ['awsvpc-subnets@/networkConfiguration/awsvpcConfiguration/subnets/0', 'awsvpc-security-groups@/networkConfiguration/awsvpcConfiguration/securityGroups/0']);
    assertNoErrors(svc({ networkConfiguration: { awsvpcConfiguration: { subnets: ['FIXME', 'SUBNET_ID'], securityGroups: ['SECURITY_GROUP_ID'] } } }), 'service');
    assertError(svc({ launchType: 'EC2', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } } }), 'assign-public-ip-ec2', '/networkConfiguration/awsvpcConfiguration/assignPublicIp', 'service');
  });

  it('describe-services output: warnings for the wrapper and read-only fields only', () => {
    const out = { services: [{ ...svc(), serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', status: 'ACTIVE', runningCount: 2, createdAt: '2024-01-01T00:00:00Z', events: [] }], failures: [] };
    assertNoErrors(out, 'service');
  });
});
