import * as assert from 'assert';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  CreateCapacityProviderCommand, CreateClusterCommand, CreateServiceCommand, DeleteClusterCommand, DeleteServiceCommand,
  DescribeServicesCommand, ECSClient, PutClusterCapacityProvidersCommand, RunTaskCommand, StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { advanceUntil, rejectsWith, sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };

describe('emulator: clusters and capacity providers', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  let asg: AutoScalingClient;
  before(() => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    asg = new AutoScalingClient(sdkConfig(ctx.emu));
  });

  async function spareGroupArn(): Promise<string> {
    const out = await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['demo-spare-asg'] }));
    return out.AutoScalingGroups![0].AutoScalingGroupARN!;
  }

  it('EC2 Auto Scaling lists the demo group over the query protocol, by name and paged', async () => {
    const all = await asg.send(new DescribeAutoScalingGroupsCommand({}));
    assert.deepStrictEqual(all.AutoScalingGroups?.map((g) => g.AutoScalingGroupName), ['demo-spare-asg']);
    const g = all.AutoScalingGroups![0];
    assert.match(g.AutoScalingGroupARN ?? '', /^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]+:autoScalingGroupName\/demo-spare-asg$/);
    assert.deepStrictEqual(g.AvailabilityZones, ['us-east-1a', 'us-east-1b', 'us-east-1c']);
    assert.strictEqual(g.NewInstancesProtectedFromScaleIn, true);
    const none = await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['ghost'] }));
    assert.deepStrictEqual(none.AutoScalingGroups, []);
    await rejectsWith(asg.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 101 })), 'ValidationError');
  });

  it('CreateCapacityProvider: the name rules, a real group, termination protection only with managed scaling', async () => {
    const groupArn = await spareGroupArn();
    await rejectsWith(ecs.send(new CreateCapacityProviderCommand({ name: 'ecs-mine', autoScalingGroupProvider: { autoScalingGroupArn: groupArn } })), 'ClientException');
    await rejectsWith(ecs.send(new CreateCapacityProviderCommand({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: groupArn.replace('demo-spare-asg', 'ghost') } })), 'ClientException');
    const e = await rejectsWith(ecs.send(new CreateCapacityProviderCommand({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: groupArn, managedTerminationProtection: 'ENABLED' } })), 'ClientException');
    assert.match(e.message, /managed termination protection/);
    const made = await ecs.send(new CreateCapacityProviderCommand({
      name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: groupArn, managedScaling: { status: 'ENABLED', targetCapacity: 80 }, managedTerminationProtection: 'ENABLED' },
    }));
    assert.strictEqual(made.capacityProvider?.status, 'ACTIVE');
    assert.deepStrictEqual(made.capacityProvider?.autoScalingGroupProvider?.managedScaling, { status: 'ENABLED', targetCapacity: 80, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 });
    await rejectsWith(ecs.send(new CreateCapacityProviderCommand({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: groupArn } })), 'ClientException');
    await rejectsWith(ecs.send(new CreateCapacityProviderCommand({ name: 'cp2', autoScalingGroupProvider: { autoScalingGroupArn: groupArn } })), 'ClientException');
    const cluster = await ecs.send(new CreateClusterCommand({ clusterName: 'with-asg', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] }));
    assert.deepStrictEqual(cluster.cluster?.capacityProviders, ['cp']);
  });

  it('DeleteCluster refuses while tasks run and while a Managed Instances provider of the cluster exists', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'busy' }));
    const run = await ecs.send(new RunTaskCommand({ cluster: 'busy', taskDefinition: 'demo-api', launchType: 'FARGATE', networkConfiguration: NET }));
    const tasks = await rejectsWith(ecs.send(new DeleteClusterCommand({ cluster: 'busy' })), 'ClusterContainsTasksException');
    assert.match(tasks.message, /Tasks are active/);
    await ecs.send(new StopTaskCommand({ cluster: 'busy', task: run.tasks![0].taskArn! }));
    await advanceUntil(ctx.emu, async () => (await ecs.send(new DeleteClusterCommand({ cluster: 'busy' })).then(() => true, () => false)));

    await ecs.send(new CreateClusterCommand({ clusterName: 'managed' }));
    await ecs.send(new CreateCapacityProviderCommand({
      name: 'mi', cluster: 'managed',
      managedInstancesProvider: { infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole', instanceLaunchTemplate: { ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole', networkConfiguration: { subnets: ['subnet-1'] } } },
    }));
    await rejectsWith(ecs.send(new DeleteClusterCommand({ cluster: 'managed' })), 'ClusterContainsCapacityProviderException');
    await rejectsWith(ecs.send(new DeleteClusterCommand({ cluster: 'demo-ec2' })), 'ClusterContainsServicesException');
  });

  it('DeleteService: the AWS refusal above 0, then DRAINING until its tasks stop, then INACTIVE', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'svc' }));
    await ecs.send(new PutClusterCapacityProvidersCommand({ cluster: 'svc', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }));
    await ecs.send(new CreateServiceCommand({ cluster: 'svc', serviceName: 'one', taskDefinition: 'demo-api', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: NET }));
    await ctx.emu.clock.advance(60_000);
    const e = await rejectsWith(ecs.send(new DeleteServiceCommand({ cluster: 'svc', service: 'one' })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'The service cannot be stopped while it is scaled above 0.');
    await rejectsWith(ecs.send(new DeleteClusterCommand({ cluster: 'svc' })), 'ClusterContainsServicesException');
    const del = await ecs.send(new DeleteServiceCommand({ cluster: 'svc', service: 'one', force: true }));
    assert.strictEqual(del.service?.status, 'DRAINING');
    await advanceUntil(ctx.emu, async () => (await ecs.send(new DescribeServicesCommand({ cluster: 'svc', services: ['one'] }))).services?.[0].status === 'INACTIVE');
    const gone = await ecs.send(new DeleteClusterCommand({ cluster: 'svc' }));
    assert.strictEqual(gone.cluster?.status, 'INACTIVE');
  });
});
