import * as assert from 'assert';
import {
  ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, CreateServiceCommand, UpdateServiceCommand,
  DescribeServicesCommand, ListTasksCommand, DescribeTasksCommand, ListServiceDeploymentsCommand, DescribeServiceDeploymentsCommand, Service,
} from '@aws-sdk/client-ecs';
import { sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

describe('emulator: ECS deployments over the clock', () => {
  const ctx = useEmulator({ seed: 'empty' });
  let ecs: ECSClient;
  const tds: Record<string, string> = {};

  before(async () => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    await ecs.send(new CreateClusterCommand({ clusterName: 'dep' }));
    for (const [key, image] of [['v1', 'app:1.0'], ['v2', 'app:2.0'], ['bad', 'app:2.1-fail']]) {
      const r = await ecs.send(new RegisterTaskDefinitionCommand({
        family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image }],
      }));
      tds[key] = r.taskDefinition!.taskDefinitionArn!;
    }
  });

  async function service(name: string): Promise<Service> {
    return (await ecs.send(new DescribeServicesCommand({ cluster: 'dep', services: [name] }))).services![0];
  }

  async function runningByTaskDef(name: string): Promise<Record<string, number>> {
    const arns = (await ecs.send(new ListTasksCommand({ cluster: 'dep', serviceName: name }))).taskArns ?? [];
    const out: Record<string, number> = {};
    if (arns.length) {
      for (const t of (await ecs.send(new DescribeTasksCommand({ cluster: 'dep', tasks: arns }))).tasks ?? []) {
        if (t.lastStatus === 'RUNNING') {
          out[t.taskDefinitionArn!] = (out[t.taskDefinitionArn!] ?? 0) + 1;
        }
      }
    }
    return out;
  }

  it('a new service starts its tasks and reaches a steady state', async () => {
    await ecs.send(new CreateServiceCommand({ cluster: 'dep', serviceName: 'web', taskDefinition: tds.v1, desiredCount: 4, launchType: 'FARGATE', networkConfiguration: NET,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 } }));
    const fresh = await service('web');
    assert.strictEqual(fresh.deployments?.[0].rolloutState, 'IN_PROGRESS');
    assert.strictEqual(fresh.runningCount, 0);
    // The service deployment is PENDING until the scheduler starts it, then IN_PROGRESS, then SUCCESSFUL.
    const sdArn = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'dep', service: 'web' }))).serviceDeployments![0].serviceDeploymentArn!;
    const sd = async () => (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [sdArn] }))).serviceDeployments![0];
    const pending = await sd();
    assert.deepStrictEqual([pending.status, pending.startedAt], ['PENDING', undefined]);
    await ctx.emu.clock.advance(1_000);
    const started = await sd();
    assert.deepStrictEqual([started.status, started.startedAt?.getTime()], ['IN_PROGRESS', ctx.emu.clock.now().getTime()]);
    await ctx.emu.clock.advance(2 * 60_000 - 1_000);
    assert.strictEqual((await sd()).status, 'SUCCESSFUL');
    const s = await service('web');
    assert.strictEqual(s.runningCount, 4);
    assert.strictEqual(s.deployments?.length, 1);
    assert.strictEqual(s.deployments?.[0].rolloutState, 'COMPLETED');
    const messages = s.events!.map((e) => e.message);
    assert.match(messages[0]!, /^\(service web\) has reached a steady state\.$/);
    assert.ok(messages.some((m) => /^\(service web\) has started 4 tasks: (\(task [0-9a-f]{32}\) ?){4}\.$/.test(m!)));
  });

  it('a rolling update stays within minimumHealthyPercent and maximumPercent', async () => {
    await ecs.send(new UpdateServiceCommand({ cluster: 'dep', service: 'web', taskDefinition: tds.v2 }));
    const s0 = await service('web');
    assert.deepStrictEqual(s0.deployments?.map((d) => [d.status, d.taskDefinition]), [['PRIMARY', tds.v2], ['ACTIVE', tds.v1]]);
    let minRunning = Infinity;
    for (let i = 0; i < 60; i++) {
      await ctx.emu.clock.advance(2_000);
      const running = await runningByTaskDef('web');
      const total = Object.values(running).reduce((a, b) => a + b, 0);
      const tasks = (await ecs.send(new ListTasksCommand({ cluster: 'dep', serviceName: 'web' }))).taskArns!.length;
      assert.ok(tasks <= 4, `at most maximumPercent (4) tasks wanted to run, saw ${tasks}`);
      minRunning = Math.min(minRunning, total);
    }
    assert.ok(minRunning >= 2, `at least minimumHealthyPercent (2) tasks kept running, saw ${minRunning}`);
    const s = await service('web');
    assert.deepStrictEqual(await runningByTaskDef('web'), { [tds.v2]: 4 });
    assert.strictEqual(s.deployments?.length, 1);
    assert.strictEqual(s.deployments?.[0].rolloutState, 'COMPLETED');
    assert.ok(s.events!.some((e) => /has stopped \d running tasks/.test(e.message!)));
  });

  it('with the circuit breaker, a failing image fails the deployment and rolls back', async () => {
    await ecs.send(new CreateServiceCommand({ cluster: 'dep', serviceName: 'cb', taskDefinition: tds.v1, desiredCount: 2, launchType: 'FARGATE', networkConfiguration: NET,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, minimumHealthyPercent: 100, maximumPercent: 200 } }));
    await ctx.emu.clock.advance(2 * 60_000);
    await ecs.send(new UpdateServiceCommand({ cluster: 'dep', service: 'cb', taskDefinition: tds.bad }));
    await ctx.emu.clock.advance(10 * 60_000);
    const s = await service('cb');
    const messages = s.events!.map((e) => e.message!);
    assert.ok(messages.some((m) => /deployment failed: tasks failed to start\./.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /rolling back to deployment ecs-svc\/\d+/.test(m)));
    assert.strictEqual(s.taskDefinition, tds.v1);
    assert.strictEqual(s.deployments?.length, 1);
    assert.strictEqual(s.deployments?.[0].taskDefinition, tds.v1);
    assert.strictEqual(s.deployments?.[0].rolloutState, 'COMPLETED');
    assert.match(s.deployments?.[0].rolloutStateReason ?? '', /ECS deployment/);
    assert.deepStrictEqual(await runningByTaskDef('cb'), { [tds.v1]: 2 });
    const history = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'dep', service: 'cb' }));
    assert.deepStrictEqual(history.serviceDeployments?.map((d) => d.status), ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    const stopped = (await ecs.send(new ListTasksCommand({ cluster: 'dep', serviceName: 'cb', desiredStatus: 'STOPPED' }))).taskArns!;
    const d = await ecs.send(new DescribeTasksCommand({ cluster: 'dep', tasks: stopped }));
    assert.ok(d.tasks!.some((t) => t.stopCode === 'EssentialContainerExited' && t.containers?.[0].exitCode === 1));
  });

  it('without the circuit breaker, a failing deployment keeps retrying and says so', async () => {
    await ecs.send(new CreateServiceCommand({ cluster: 'dep', serviceName: 'nocb', taskDefinition: tds.bad, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: NET }));
    await ctx.emu.clock.advance(10 * 60_000);
    const s = await service('nocb');
    assert.strictEqual(s.deployments?.[0].rolloutState, 'IN_PROGRESS');
    assert.ok((s.deployments?.[0].failedTasks ?? 0) >= 3);
    assert.ok(s.events!.some((e) => e.message!.includes('is unable to consistently start tasks successfully')));
  });
});
