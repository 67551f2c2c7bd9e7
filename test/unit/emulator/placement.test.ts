import * as assert from 'assert';
import {
  CreateClusterCommand, CreateServiceCommand, DeleteAttributesCommand, DescribeContainerInstancesCommand, DescribeServicesCommand, DescribeTasksCommand,
  ECSClient, ListAttributesCommand, ListContainerInstancesCommand, ListTasksCommand, PutAttributesCommand, RegisterTaskDefinitionCommand, RunTaskCommand,
  StartTaskCommand, UpdateServiceCommand, type Task,
} from '@aws-sdk/client-ecs';
import { registerContainerInstance } from '../../emulator/services/ecs/container-instances';
import { ecsState } from '../../emulator/services/ecs/state';
import { advanceUntil, rejectsWith, sdkConfig, useEmulator } from './helpers';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const NET = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };

describe('emulator: ECS placement through the SDK', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  /** Container instance id -> its zone, in the `lab` cluster: two t3.large in a and b, one m5.large in c. */
  const zoneOf = new Map<string, string>();
  const arnOf = (id: string) => `arn:aws:ecs:us-east-1:123456789012:container-instance/lab/${id}`;

  before(async () => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    await ecs.send(new CreateClusterCommand({ clusterName: 'lab' }));
    const region = ctx.emu.region().world;
    const cluster = ecsState(region).cluster('lab');
    ZONES.forEach((zone, i) => {
      const id = `lab${i}`;
      registerContainerInstance(region, cluster, { id, availabilityZone: zone, instanceType: i === 2 ? 'm5.large' : 't3.large', networkInterfaces: 3 });
      zoneOf.set(id, zone);
    });
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'lab-job', containerDefinitions: [{ name: 'job', image: 'busybox', cpu: 128, memory: 256 }] }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'lab-web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 128, memory: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] }));
  });

  const instanceOf = (t: Task): string => t.containerInstanceArn!.split('/').pop()!;
  const run = (input: Partial<ConstructorParameters<typeof RunTaskCommand>[0]>) => ecs.send(new RunTaskCommand({ cluster: 'lab', taskDefinition: 'lab-job', ...input }));

  it('spread on ecs.availability-zone puts a group\'s tasks in every zone; the task shows its instance\'s zone', async () => {
    const r = await run({ count: 3, group: 'spread-az', placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] });
    assert.deepStrictEqual(r.tasks!.map((t) => zoneOf.get(instanceOf(t))).sort(), ZONES);
    assert.deepStrictEqual(r.tasks!.map((t) => t.availabilityZone).sort(), ZONES);
    assert.deepStrictEqual(r.failures, []);
  });

  it('binpack on memory fills the fullest instance first', async () => {
    // lab0 now holds the most: a 2 GiB task there makes it the fullest.
    const big = await ecs.send(new RegisterTaskDefinitionCommand({ family: 'lab-big', containerDefinitions: [{ name: 'big', image: 'busybox', cpu: 128, memory: 2048 }] }));
    await ecs.send(new StartTaskCommand({ cluster: 'lab', taskDefinition: big.taskDefinition!.taskDefinitionArn, containerInstances: ['lab0'] }));
    const r = await run({ count: 2, group: 'packed', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    assert.deepStrictEqual(r.tasks!.map(instanceOf), ['lab0', 'lab0']);
  });

  it('distinctInstance: one task of the group an instance, the rest come back as failures', async () => {
    const r = await run({ count: 5, group: 'one-each', placementConstraints: [{ type: 'distinctInstance' }] });
    assert.deepStrictEqual(r.tasks!.map(instanceOf).sort(), ['lab0', 'lab1', 'lab2']);
    assert.deepStrictEqual(r.failures, ['lab0', 'lab1', 'lab2'].map((id) => ({ arn: arnOf(id), reason: 'DistinctInstance placement constraint unsatisfied.' })));
  });

  it('memberOf on built-in and custom attributes (PutAttributes), and ListContainerInstances filters', async () => {
    const m5 = await run({ count: 2, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }] });
    assert.deepStrictEqual(m5.tasks!.map(instanceOf), ['lab2', 'lab2']);
    await ecs.send(new PutAttributesCommand({ cluster: 'lab', attributes: [{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: 'lab1' }] }));
    const listed = await ecs.send(new ListAttributesCommand({ cluster: 'lab', targetType: 'container-instance', attributeName: 'stack' }));
    assert.deepStrictEqual(listed.attributes, [{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: arnOf('lab1') }]);
    const prod = await run({ count: 2, placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod and attribute:ecs.availability-zone in [us-east-1a, us-east-1b]' }] });
    assert.deepStrictEqual(prod.tasks!.map(instanceOf), ['lab1', 'lab1']);
    const filtered = await ecs.send(new ListContainerInstancesCommand({ cluster: 'lab', filter: 'attribute:stack exists or attribute:ecs.availability-zone == us-east-1c' }));
    assert.deepStrictEqual(filtered.containerInstanceArns, [arnOf('lab1'), arnOf('lab2')]);
    const nobody = await run({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == dev' }] });
    assert.deepStrictEqual(nobody.failures?.map((f) => f.reason), Array(3).fill('MemberOf placement constraint unsatisfied.'));
    await ecs.send(new DeleteAttributesCommand({ cluster: 'lab', attributes: [{ name: 'stack', targetType: 'container-instance', targetId: 'lab1' }] }));
    assert.deepStrictEqual((await ecs.send(new ListAttributesCommand({ cluster: 'lab', targetType: 'container-instance', attributeName: 'stack' }))).attributes, []);
    await rejectsWith(ecs.send(new PutAttributesCommand({ cluster: 'lab', attributes: [{ name: 'stack', value: 'x', targetType: 'container-instance', targetId: 'ghost' }] })), 'TargetNotFoundException');
    const eleven = Array.from({ length: 10 }, (_, i) => ({ name: `k${i}`, value: 'v', targetType: 'container-instance' as const, targetId: 'lab0' }));
    await ecs.send(new PutAttributesCommand({ cluster: 'lab', attributes: eleven }));
    await rejectsWith(ecs.send(new PutAttributesCommand({ cluster: 'lab', attributes: [{ name: 'k10', value: 'v', targetType: 'container-instance', targetId: 'lab0' }] })), 'AttributeLimitExceededException');
  });

  it('a fixed host port holds its instance: RESOURCE:PORTS once every instance uses it; remainingResources lists it', async () => {
    const r = await run({ taskDefinition: 'lab-web', count: 4 });
    assert.strictEqual(r.tasks!.length, 3);
    assert.deepStrictEqual(r.failures, ['lab0', 'lab1', 'lab2'].map((id) => ({ arn: arnOf(id), reason: 'RESOURCE:PORTS' })));
    const d = await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'lab', containerInstances: ['lab0'] }));
    assert.ok(d.containerInstances![0].remainingResources!.find((x) => x.name === 'PORTS')!.stringSetValue!.includes('8080'));
  });

  it('RESOURCE:CPU, RESOURCE:MEMORY, ATTRIBUTE (an ARM64 task on x86_64 instances), RESOURCE:ENI, AGENT and StartTask\'s MISSING', async () => {
    const reasons = async (family: string, extra: object, input: Partial<ConstructorParameters<typeof RunTaskCommand>[0]> = {}) => {
      const td = await ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [{ name: 'a', image: 'busybox', cpu: 128, memory: 128 }], ...extra }));
      return [...new Set((await run({ taskDefinition: td.taskDefinition!.taskDefinitionArn, ...input })).failures!.map((f) => f.reason))];
    };
    assert.deepStrictEqual(await reasons('lab-cpu', { cpu: '4096', memory: '512' }), ['RESOURCE:CPU']);
    assert.deepStrictEqual(await reasons('lab-mem', { memory: '16384' }), ['RESOURCE:MEMORY']);
    assert.deepStrictEqual(await reasons('lab-arm', { runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } }), ['ATTRIBUTE']);
    // t3.large and m5.large: 3 network interfaces each, the primary one included: two awsvpc tasks an instance.
    const eni = await ecs.send(new RegisterTaskDefinitionCommand({ family: 'lab-eni', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'busybox', cpu: 16, memory: 64 }] }));
    const placed = await run({ taskDefinition: eni.taskDefinition!.taskDefinitionArn, count: 8, networkConfiguration: NET });
    assert.strictEqual(placed.tasks!.length, 6);
    assert.deepStrictEqual([...new Set(placed.failures!.map((f) => f.reason))], ['RESOURCE:ENI']);
    await ecs.send(new CreateClusterCommand({ clusterName: 'offline' }));
    registerContainerInstance(ctx.emu.region().world, ecsState(ctx.emu.region().world).cluster('offline'), { id: 'off0', agentConnected: false });
    const offline = await ecs.send(new RunTaskCommand({ cluster: 'offline', taskDefinition: 'lab-job' }));
    assert.deepStrictEqual(offline.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/offline/off0', reason: 'AGENT' }]);
    const start = await ecs.send(new StartTaskCommand({ cluster: 'lab', taskDefinition: 'lab-job', containerInstances: ['ghost', 'lab1'] }));
    assert.deepStrictEqual(start.failures, [{ arn: arnOf('ghost'), reason: 'MISSING' }]);
    assert.strictEqual(instanceOf(start.tasks![0]), 'lab1');
  });

  it('refuses what ECS refuses: placement on Fargate, distinctInstance with an expression, a malformed memberOf, a binpack field', async () => {
    const fargate = { cluster: 'demo-fargate', taskDefinition: 'demo-api', launchType: 'FARGATE' as const, networkConfiguration: NET };
    assert.strictEqual((await rejectsWith(ecs.send(new RunTaskCommand({ ...fargate, placementStrategy: [{ type: 'random' }] })), 'InvalidParameterException')).message, 'Placement strategies are not supported with FARGATE launch type');
    assert.strictEqual((await rejectsWith(ecs.send(new CreateServiceCommand({ ...fargate, serviceName: 'placed', desiredCount: 1, placementConstraints: [{ type: 'distinctInstance' }] })), 'InvalidParameterException')).message, 'Placement constraints are not supported with FARGATE launch type.');
    assert.strictEqual((await rejectsWith(run({ placementConstraints: [{ type: 'distinctInstance', expression: 'attribute:a exists' }] }), 'InvalidParameterException')).message, 'distinctInstance expression should not be specified.');
    assert.match((await rejectsWith(run({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type = t3.large' }] }), 'InvalidParameterException')).message, /^Invalid placement constraint expression "attribute:ecs.instance-type = t3.large": expected an operator after "attribute:ecs.instance-type" at position 29\.$/);
    assert.match((await rejectsWith(run({ placementStrategy: [{ type: 'binpack', field: 'disk' }] }), 'InvalidParameterException')).message, /binpack field must be cpu or memory, not disk/);
    assert.strictEqual((await rejectsWith(ecs.send(new RunTaskCommand({ ...fargate, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] })), 'InvalidParameterException')).message, 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
    const badRegistration = await rejectsWith(ecs.send(new RegisterTaskDefinitionCommand({ family: 'lab-bad', containerDefinitions: [{ name: 'a', image: 'busybox', memory: 64 }], placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack ==' }] })), 'ClientException');
    assert.match(badRegistration.message, /expected a value after "=="/);
  });

  it('Fargate tasks follow the capacity-provider strategy: the base first, then the weights', async () => {
    const r = await ecs.send(new RunTaskCommand({
      cluster: 'demo-fargate', taskDefinition: 'demo-api', count: 4, networkConfiguration: NET,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 }, { capacityProvider: 'FARGATE', weight: 2 }],
    }));
    // One on FARGATE_SPOT for its base, then two on FARGATE for every one on FARGATE_SPOT.
    assert.deepStrictEqual(r.tasks!.map((t) => t.capacityProviderName), ['FARGATE_SPOT', 'FARGATE', 'FARGATE_SPOT', 'FARGATE']);
    await ecs.send(new CreateServiceCommand({
      cluster: 'demo-fargate', serviceName: 'split', taskDefinition: 'demo-api', desiredCount: 4, networkConfiguration: NET,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 2, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    }));
    await ctx.emu.clock.advance(5_000);
    const arns = (await ecs.send(new ListTasksCommand({ cluster: 'demo-fargate', serviceName: 'split' }))).taskArns!;
    const providers = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo-fargate', tasks: arns }))).tasks!.map((t) => t.capacityProviderName).sort();
    assert.deepStrictEqual(providers, ['FARGATE', 'FARGATE', 'FARGATE', 'FARGATE_SPOT'], 'two for the base, then one each');
    // The lab cluster has no Fargate capacity providers.
    await rejectsWith(ecs.send(new RunTaskCommand({ cluster: 'lab', taskDefinition: 'lab-job', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] })), 'InvalidParameterException');
  });

  it('services: spread over zones then instances by default, distinctInstance, and the event when nothing fits', async () => {
    const events = async (name: string) => (await ecs.send(new DescribeServicesCommand({ cluster: 'lab', services: [name] }))).services![0].events!.map((e) => e.message!);
    const tasksOf = async (name: string) => {
      const arns = (await ecs.send(new ListTasksCommand({ cluster: 'lab', serviceName: name }))).taskArns!;
      return arns.length ? (await ecs.send(new DescribeTasksCommand({ cluster: 'lab', tasks: arns }))).tasks! : [];
    };
    await ecs.send(new CreateServiceCommand({ cluster: 'lab', serviceName: 'spread', taskDefinition: 'lab-job', desiredCount: 3 }));
    await advanceUntil(ctx.emu, async () => (await tasksOf('spread')).length === 3);
    assert.deepStrictEqual((await tasksOf('spread')).map((t) => zoneOf.get(instanceOf(t))).sort(), ZONES);

    await ecs.send(new CreateServiceCommand({ cluster: 'lab', serviceName: 'solo', taskDefinition: 'lab-job', desiredCount: 4, placementConstraints: [{ type: 'distinctInstance' }] }));
    await advanceUntil(ctx.emu, async () => (await events('solo')).some((m) => m.includes('unable to place')));
    assert.strictEqual((await tasksOf('solo')).length, 3);
    assert.match((await events('solo')).find((m) => m.includes('unable to place'))!, /^\(service solo\) was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance lab[012]\) encountered error "DistinctInstance placement constraint unsatisfied\."\. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide\.$/);

    await ecs.send(new UpdateServiceCommand({ cluster: 'lab', service: 'spread', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == c7g.large' }], forceNewDeployment: true }));
    await advanceUntil(ctx.emu, async () => (await events('spread')).some((m) => m.includes('unable to place')));
    assert.match((await events('spread')).find((m) => m.includes('unable to place'))!, /The closest matching \(container-instance lab[012]\) encountered error "MemberOf placement constraint unsatisfied\."\./);
  });
});
