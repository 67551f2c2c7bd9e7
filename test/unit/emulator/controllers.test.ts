import * as assert from 'assert';
import { CreateServiceCommand, DescribeServicesCommand, ECSClient, ListTasksCommand, Service, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { advanceUntil, rejectsWith, sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'] } };
const CLUSTER = 'demo-fargate';

describe('emulator: ECS deployment controllers (CODE_DEPLOY, EXTERNAL)', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;
  let targetGroupArn: string;

  before(async () => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    const tgs = await new ElasticLoadBalancingV2Client(sdkConfig(ctx.emu)).send(new DescribeTargetGroupsCommand({ Names: ['demo-api-tg'] }));
    targetGroupArn = tgs.TargetGroups![0].TargetGroupArn!;
  });

  async function describe1(name: string): Promise<Service> {
    return (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [name] }))).services![0];
  }

  it('CreateService: ECS and CODE_DEPLOY need a task definition, CODE_DEPLOY a load balancer; EXTERNAL wants none', async () => {
    const base = { cluster: CLUSTER, launchType: 'FARGATE' as const, networkConfiguration: NET, desiredCount: 1 };
    let e = await rejectsWith(ecs.send(new CreateServiceCommand({ ...base, serviceName: 'no-td' })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'TaskDefinition must be specified.');
    e = await rejectsWith(ecs.send(new CreateServiceCommand({ ...base, serviceName: 'cd-no-td', deploymentController: { type: 'CODE_DEPLOY' } })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'TaskDefinition must be specified.');
    e = await rejectsWith(ecs.send(new CreateServiceCommand({ ...base, serviceName: 'cd-no-lb', taskDefinition: 'demo-api:3', deploymentController: { type: 'CODE_DEPLOY' } })), 'InvalidParameterException');
    assert.match(e.message, /CODE_DEPLOY deployment controller requires an Application Load Balancer or Network Load Balancer/);
    e = await rejectsWith(ecs.send(new CreateServiceCommand({ cluster: CLUSTER, serviceName: 'ext-td', taskDefinition: 'demo-api:3', deploymentController: { type: 'EXTERNAL' } })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'TaskDefinition must be blank.');
    const ext = (await ecs.send(new CreateServiceCommand({ cluster: CLUSTER, serviceName: 'ext', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } }))).service!;
    assert.deepStrictEqual([ext.deploymentController?.type, ext.taskDefinition, ext.deployments, ext.taskSets], ['EXTERNAL', undefined, [], []]);
    await ctx.emu.clock.advance(60_000);
    assert.deepStrictEqual((await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: 'ext' }))).taskArns, [], 'task sets, not the scheduler, run its tasks');
  });

  it('a CODE_DEPLOY service runs its primary task set', async () => {
    await ecs.send(new CreateServiceCommand({
      cluster: CLUSTER, serviceName: 'bg', taskDefinition: 'demo-api:3', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: NET,
      deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [{ targetGroupArn, containerName: 'api', containerPort: 8080 }],
    }));
    // Steady once its tasks run and their targets pass the group's health checks (30 s × 5).
    await advanceUntil(ctx.emu, async () => (await describe1('bg')).taskSets?.[0]?.stabilityStatus === 'STEADY_STATE', { maxMs: 10 * 60_000 });
    const bg = await describe1('bg');
    assert.deepStrictEqual(bg.deployments, []);
    assert.strictEqual(bg.taskSets?.length, 1);
    assert.deepStrictEqual([bg.taskSets![0].status, bg.taskSets![0].runningCount, bg.taskSets![0].stabilityStatus], ['PRIMARY', 2, 'STEADY_STATE']);
    assert.match(bg.taskSets![0].taskSetArn ?? '', /:task-set\/demo-fargate\/bg\/ecs-svc\/\d+$/);
    assert.strictEqual(bg.runningCount, 2);
  });

  it('UpdateService refuses a new task definition (and what else AWS lists) for CODE_DEPLOY and EXTERNAL services, changing nothing', async () => {
    const before = await describe1('bg');
    let e = await rejectsWith(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'bg', taskDefinition: 'demo-api:2', desiredCount: 5 })), 'InvalidParameterException');
    assert.strictEqual(e.message, 'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.');
    e = await rejectsWith(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'bg', networkConfiguration: NET })), 'InvalidParameterException');
    assert.match(e.message, /^Unable to update network configuration on services with a CODE_DEPLOY deployment controller/);
    const after = await describe1('bg');
    assert.deepStrictEqual([after.desiredCount, after.taskDefinition, after.taskSets?.[0].id], [before.desiredCount, before.taskDefinition, before.taskSets?.[0].id], 'nothing half-applied');
    e = await rejectsWith(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'ext', taskDefinition: 'demo-api:3' })), 'InvalidParameterException');
    assert.match(e.message, /^Unable to update task definition on services with an EXTERNAL deployment controller/);
    assert.strictEqual((await describe1('ext')).taskDefinition, undefined);
  });

  it('UpdateService still changes what those controllers allow: desired count, health check grace period', async () => {
    const bg = (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'bg', desiredCount: 3, healthCheckGracePeriodSeconds: 45 }))).service!;
    assert.deepStrictEqual([bg.desiredCount, bg.healthCheckGracePeriodSeconds], [3, 45]);
    await ctx.emu.clock.advance(120_000);
    assert.strictEqual((await describe1('bg')).taskSets?.[0].runningCount, 3);
    const ext = (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'ext', desiredCount: 4 }))).service!;
    assert.strictEqual(ext.desiredCount, 4);
  });
});
