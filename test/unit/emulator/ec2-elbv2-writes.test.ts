import * as assert from 'assert';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateServiceCommand, DescribeServicesCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  CreateRuleCommand, CreateTargetGroupCommand, DeregisterTargetsCommand, DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeRulesCommand,
  DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client, ModifyRuleCommand, RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { startEmulator, type EmulatorHandle } from '../../emulator/index';
import { advanceUntil, rejectsWith, sdkConfig } from './helpers';

const VPC = 'vpc-0a1b2c3d4e5f67890';

describe('emulator: EC2 networking and ELBv2 writes (Create Service)', () => {
  let emu: EmulatorHandle;
  let ec2: EC2Client;
  let elb: ElasticLoadBalancingV2Client;
  let ecs: ECSClient;

  beforeEach(async () => {
    emu = await startEmulator({ seed: 'demo' });
    ec2 = new EC2Client(sdkConfig(emu));
    elb = new ElasticLoadBalancingV2Client(sdkConfig(emu));
    ecs = new ECSClient(sdkConfig(emu));
  });
  afterEach(async () => {
    [ec2, elb, ecs].forEach((c) => c.destroy());
    await emu.close();
  });

  it('describes the default VPC, its subnets in three zones and its default security group, with filters and ids', async () => {
    const vpcs = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs!;
    assert.deepStrictEqual(vpcs.map((v) => [v.VpcId, v.CidrBlock, v.IsDefault, v.State]), [[VPC, '172.31.0.0/16', true, 'available']]);
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [VPC] }, { Name: 'default-for-az', Values: ['true'] }] }))).Subnets!;
    assert.deepStrictEqual(subnets.map((s) => [s.SubnetId, s.AvailabilityZone, s.CidrBlock, s.MapPublicIpOnLaunch]), [
      ['subnet-0a1b2c3d4e5f60001', 'us-east-1a', '172.31.0.0/20', true],
      ['subnet-0a1b2c3d4e5f60002', 'us-east-1b', '172.31.16.0/20', true],
      ['subnet-0a1b2c3d4e5f60003', 'us-east-1c', '172.31.32.0/20', true],
    ]);
    const zoneB = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['*-1b'] }] }))).Subnets!;
    assert.deepStrictEqual(zoneB.map((s) => s.SubnetId), ['subnet-0a1b2c3d4e5f60002']);
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [VPC] }] }))).SecurityGroups!;
    assert.deepStrictEqual(groups.map((g) => [g.GroupId, g.GroupName, g.IpPermissionsEgress?.[0]?.IpRanges?.[0]?.CidrIp]), [['sg-0123456789abcdef0', 'default', '0.0.0.0/0']]);
    // Another region has its own default VPC.
    assert.strictEqual((await new EC2Client(sdkConfig(emu, 'eu-west-1')).send(new DescribeSubnetsCommand({}))).Subnets![0].AvailabilityZone, 'eu-west-1a');
  });

  it('refuses unknown ids and filters, and MaxResults with ids, as EC2 does', async () => {
    const vpc = await rejectsWith(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-nope'] })), 'InvalidVpcID.NotFound');
    assert.strictEqual(vpc.message, "The vpc ID 'vpc-nope' does not exist");
    await rejectsWith(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-nope'] })), 'InvalidSubnetID.NotFound');
    await rejectsWith(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-nope'] })), 'InvalidGroup.NotFound');
    await rejectsWith(ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })), 'InvalidParameterValue');
    await rejectsWith(ec2.send(new DescribeVpcsCommand({ VpcIds: [VPC], MaxResults: 5 })), 'InvalidParameterCombination');
    const paged = await ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 }));
    assert.strictEqual(paged.Subnets!.length, 3);
  });

  it('creates an ip target group on the demo ALB through a new listener rule; a Fargate service registers its tasks, healthy after the checks', async () => {
    const lb = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['demo-alb'] }))).LoadBalancers![0];
    const listener = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners![0];
    const tg = (await elb.send(new CreateTargetGroupCommand({ Name: 'orders-tg', Protocol: 'HTTP', Port: 8080, VpcId: VPC, TargetType: 'ip', HealthCheckPath: '/health' }))).TargetGroups![0];
    assert.deepStrictEqual([tg.HealthCheckIntervalSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount, tg.Matcher?.HttpCode, tg.LoadBalancerArns], [30, 5, 2, '200', []]);
    // The same settings again: the same group; other settings: refused.
    assert.strictEqual((await elb.send(new CreateTargetGroupCommand({ Name: 'orders-tg', Protocol: 'HTTP', Port: 8080, VpcId: VPC, TargetType: 'ip', HealthCheckPath: '/health' }))).TargetGroups![0].TargetGroupArn, tg.TargetGroupArn);
    await rejectsWith(elb.send(new CreateTargetGroupCommand({ Name: 'orders-tg', Protocol: 'HTTP', Port: 80, VpcId: VPC })), 'DuplicateTargetGroupNameException');
    await rejectsWith(elb.send(new CreateTargetGroupCommand({ Name: '-bad-', Protocol: 'HTTP', Port: 80, VpcId: VPC })), 'ValidationError');

    const td = (await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'orders', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
      containerDefinitions: [{ name: 'orders', image: 'nginx', portMappings: [{ containerPort: 8080 }] }],
    }))).taskDefinition!;
    const create = (loadBalancers: { targetGroupArn: string; containerName: string; containerPort: number }[]) => ecs.send(new CreateServiceCommand({
      cluster: 'demo-fargate', serviceName: 'orders', taskDefinition: td.taskDefinitionArn, desiredCount: 2, launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'ENABLED' } }, loadBalancers,
    }));
    // No load balancer forwards to the group yet; then a wrong container and port.
    const unattached = await rejectsWith(create([{ targetGroupArn: tg.TargetGroupArn!, containerName: 'orders', containerPort: 8080 }]), 'InvalidParameterException');
    assert.match(unattached.message, /does not have an associated load balancer/);

    const rule = (await elb.send(new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 400, Conditions: [{ Field: 'path-pattern', Values: ['/orders/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }))).Rules![0];
    await rejectsWith(elb.send(new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 400, Conditions: [{ Field: 'path-pattern', Values: ['/x/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] })), 'PriorityInUseException');
    const modified = (await elb.send(new ModifyRuleCommand({ RuleArn: rule.RuleArn, Conditions: [{ Field: 'path-pattern', Values: ['/orders*'] }] }))).Rules![0];
    assert.deepStrictEqual(modified.Conditions![0].Values, ['/orders*']);
    assert.ok((await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!.some((r) => r.RuleArn === rule.RuleArn && r.Priority === '400'));
    assert.deepStrictEqual((await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.TargetGroupArn!] }))).TargetGroups![0].LoadBalancerArns, [lb.LoadBalancerArn]);

    assert.match((await rejectsWith(create([{ targetGroupArn: tg.TargetGroupArn!, containerName: 'web', containerPort: 8080 }]), 'InvalidParameterException')).message, /container web does not exist/);
    assert.match((await rejectsWith(create([{ targetGroupArn: tg.TargetGroupArn!, containerName: 'orders', containerPort: 80 }]), 'InvalidParameterException')).message, /did not have a container port 80/);
    const instanceTg = (await elb.send(new CreateTargetGroupCommand({ Name: 'orders-instance-tg', Protocol: 'HTTP', Port: 8080, VpcId: VPC }))).TargetGroups![0];
    await elb.send(new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 401, Conditions: [{ Field: 'path-pattern', Values: ['/i/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: instanceTg.TargetGroupArn }] }));
    assert.match((await rejectsWith(create([{ targetGroupArn: instanceTg.TargetGroupArn!, containerName: 'orders', containerPort: 8080 }]), 'InvalidParameterException')).message, /target type instance, which is incompatible with the awsvpc network mode/);

    await create([{ targetGroupArn: tg.TargetGroupArn!, containerName: 'orders', containerPort: 8080 }]);
    const health = async () => (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }))).TargetHealthDescriptions!.map((d) => d.TargetHealth?.State);
    await advanceUntil(emu, async () => (await health()).join() === 'healthy,healthy');
    await advanceUntil(emu, async () => {
      const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['orders'] }))).services![0];
      return svc.deployments?.[0]?.rolloutState === 'COMPLETED' && svc.runningCount === 2;
    });
  });

  it('registers targets by hand: they time out (nothing answers them), and drain once deregistered', async () => {
    const tgArn = (await elb.send(new DescribeTargetGroupsCommand({ Names: ['demo-api-tg'] }))).TargetGroups![0].TargetGroupArn!;
    await rejectsWith(elb.send(new RegisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: 'i-0abc' }] })), 'InvalidTargetException');
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '172.31.5.9' }] }));
    const mine = async () => (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '172.31.5.9', Port: 8080 }] }))).TargetHealthDescriptions![0].TargetHealth;
    assert.strictEqual((await mine())?.State, 'initial');
    await advanceUntil(emu, async () => (await mine())?.State === 'unhealthy');
    assert.strictEqual((await mine())?.Reason, 'Target.Timeout');
    await elb.send(new DeregisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '172.31.5.9' }] }));
    assert.strictEqual((await mine())?.State, 'draining');
    await rejectsWith(elb.send(new DeregisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '172.31.5.9' }] })), 'InvalidTargetException');
    await advanceUntil(emu, async () => (await mine())?.Reason === 'Target.NotRegistered');
  });
});
