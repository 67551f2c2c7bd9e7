import * as assert from 'assert';
import { containerPortProblem, containerPorts, parseCreateServiceArgs, serviceNameProblem, targetGroupNameProblem, targetGroupProblem } from '../../../src/deploy/createServiceArgs';

const BASE = { cluster: 'demo-fargate', serviceName: 'orders', taskDefinition: 'orders:1', desiredCount: 2 };
const fails = (arg: Record<string, unknown>, words: RegExp) => assert.throws(() => parseCreateServiceArgs(arg), (e: Error) => words.test(e.message) && /Expected \{ cluster, serviceName/.test(e.message));

describe('Create Service: argument object and load balancer choices', () => {
  it('reads the members, with region and profile, and leaves out what was not given', () => {
    const args = parseCreateServiceArgs({
      ...BASE, launchType: 'FARGATE', region: 'eu-west-1', profile: 'dev', wait: true, enableExecuteCommand: true,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
      loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'orders', containerPort: 8080 }],
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      tags: [{ key: 'team', value: 'shop' }],
    });
    assert.deepStrictEqual(args.scope, { region: 'eu-west-1', profile: 'dev' });
    assert.strictEqual(args.wait, true);
    assert.deepStrictEqual(args.request, {
      ...BASE, launchType: 'FARGATE', enableExecuteCommand: true,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
      loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'orders', containerPort: 8080 }],
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      tags: [{ key: 'team', value: 'shop' }],
    });
    assert.deepStrictEqual(parseCreateServiceArgs({ file: '/w/service.json' }), { file: '/w/service.json', wait: false, scope: { region: undefined, profile: undefined } });
  });

  it('refuses a malformed object with what is expected, before anything is sent', () => {
    fails({ ...BASE, serviceName: 'bad name' }, /serviceName/);
    fails({ ...BASE, desiredCount: -1 }, /desiredCount/);
    fails({ ...BASE, launchType: 'FARGATE', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }, /not both/);
    fails({ ...BASE, loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'orders', containerPort: 0 }] }, /containerPort/);
    fails({ ...BASE, launchType: 'FARGATE', placementStrategy: [{ type: 'binpack', field: 'memory' }] }, /EC2 only/);
    fails({ ...BASE, file: '/w/s.json' }, /"file" or the service's members/);
    fails({ ...BASE, colour: 'red' }, /colour/);
    fails({ ...BASE, tags: [{ value: 'x' }] }, /tags\[0\]/);
  });

  it('checks the target group against the network mode and the container port against the task definition', () => {
    const awsvpc = { family: 'orders', revision: 1, networkMode: 'awsvpc' as const, containerDefinitions: [{ name: 'orders', portMappings: [{ containerPort: 8080 }] }, { name: 'sidecar' }] };
    assert.deepStrictEqual(containerPorts(awsvpc), [{ containerName: 'orders', containerPort: 8080 }]);
    assert.match(targetGroupProblem(awsvpc, { TargetGroupName: 'web', TargetType: 'instance', LoadBalancerArns: ['arn:lb'] })!, /needs target type ip/);
    assert.match(targetGroupProblem({ ...awsvpc, networkMode: 'bridge' }, { TargetGroupName: 'web', TargetType: 'ip', LoadBalancerArns: ['arn:lb'] })!, /needs target type instance/);
    assert.match(targetGroupProblem(awsvpc, { TargetGroupName: 'web', TargetType: 'ip', LoadBalancerArns: [] })!, /not used by any load balancer/);
    assert.strictEqual(targetGroupProblem(awsvpc, { TargetGroupName: 'web', TargetType: 'ip', LoadBalancerArns: ['arn:lb'] }), undefined);
    assert.strictEqual(containerPortProblem(awsvpc, 'orders', 8080), undefined);
    assert.match(containerPortProblem(awsvpc, 'orders', 80)!, /no containerPort 80 \(its ports: 8080\)/);
    assert.match(containerPortProblem(awsvpc, 'web', 8080)!, /no container "web"/);
  });

  it('names: a service 1-255 letters, digits, _ and -; a target group up to 32, no hyphen at either end', () => {
    assert.strictEqual(serviceNameProblem('orders_v2-blue'), undefined);
    assert.ok(serviceNameProblem('a'.repeat(256)));
    assert.strictEqual(targetGroupNameProblem('orders-tg'), undefined);
    for (const bad of ['-orders', 'orders-', 'a'.repeat(33), 'orders_tg']) assert.ok(targetGroupNameProblem(bad), bad);
  });
});
