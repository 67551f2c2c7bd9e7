import * as assert from 'assert';
import * as taskdef from '../../../src/taskdef';
import { applyDeploy, finishUpdate, HalfAppliedError, planDeploy, watchDeployment } from '../../../src/deploy/deployFlow';
import { DefinitionError } from '../../../src/deploy/render';
import type { DeploymentCounts } from '../../../src/deploy/rollout';
import { planServiceUpdate } from '../../../src/deploy/updatePlan';
import { countCalls, emulatorClock, IMAGE, useDemo } from './helpers';

const MINUTE = 60_000;

describe('deploy flow against the emulator (demo seed, manual clock)', function () {
  this.timeout(60_000);
  const f = useDemo();
  const watch = () => ({ intervalMs: 10_000, timeoutMs: 30 * MINUTE, clock: emulatorClock(f.emulator) });

  it('deploys a new image of api and watches it to COMPLETED within min 100% / max 200%', async () => {
    const calls = countCalls(f.emulator);
    const plan = await planDeploy(f.actions, taskdef, { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('demo/api', '1.3.0') } });
    assert.deepStrictEqual(plan.changes.map((c) => `${c.field}: ${c.current} → ${c.next}`), [
      'taskDefinition: demo-api:3 → new revision of demo-api',
      `image (api): ${IMAGE('demo/api', '1.2.0')} → ${IMAGE('demo/api', '1.3.0')}`,
    ]);
    // Read-only describe fields are gone from what is registered.
    for (const k of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) assert.ok(!(k in plan.registration!.input), k);

    const seen: DeploymentCounts[][] = [];
    const events: string[] = [];
    const result = await applyDeploy(f.actions, { cluster: 'demo-fargate', service: 'api' }, plan, {
      watch: { ...watch(), onSnapshot: (e) => (seen.push(e.deployments), events.push(...e.newEvents.map((n) => n.message))) },
    });
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.match(result.taskDefinitionArn, /:task-definition\/demo-api:4$/);
    assert.match(result.previousTaskDefinition, /demo-api:3$/);
    assert.ok(result.deploymentId.startsWith('ecs-svc/'));
    // desired 3, maximumPercent 200 → at most 6 tasks; minimumHealthyPercent 100 → never fewer than 3 running.
    for (const snapshot of seen) {
      const total = snapshot.reduce((n, d) => n + d.running + d.pending, 0);
      const running = snapshot.reduce((n, d) => n + d.running, 0);
      assert.ok(total <= 6, `at most 6 tasks, saw ${total}`);
      assert.ok(running >= 3, `at least 3 running, saw ${running}`);
    }
    assert.ok(seen.some((s) => s.length === 2), 'old and new deployments side by side at some point');
    assert.ok(events.some((m) => /deployment completed/.test(m)), events.join('\n'));
    const service = await f.actions.describeService('demo-fargate', 'api');
    assert.deepStrictEqual([service.runningCount, service.desiredCount, service.deployments?.length], [3, 3, 1]);
    // One DescribeServices per poll (plus the plan's and the check above); one register, one update.
    const made = calls();
    assert.strictEqual(made['ecs:DescribeServices'], result.polls! + 2, JSON.stringify(made));
    assert.strictEqual(made['ecs:RegisterTaskDefinition'], 1);
    assert.strictEqual(made['ecs:UpdateService'], 1);
  });

  it('a failing image with the circuit breaker is ROLLED_BACK (a failure), with the reason and the stopped tasks', async () => {
    const plan = await planDeploy(f.actions, taskdef, { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('demo/api', '2.0.0-fail') } });
    const stopped: string[] = [];
    const result = await applyDeploy(f.actions, { cluster: 'demo-fargate', service: 'api' }, plan, {
      watch: { ...watch(), onStoppedTasks: (tasks) => stopped.push(...tasks.map((t) => t.taskId)) },
    });
    assert.strictEqual(result.outcome, 'ROLLED_BACK');
    assert.match(result.reason!, /circuit breaker/);
    assert.match(result.reason!, /demo-api:3/);
    assert.ok(result.stoppedTasks!.length >= 3);
    assert.ok(result.stoppedTasks!.every((t) => t.taskDefinition === 'demo-api:4' && t.containers[0].exitCode === 1), JSON.stringify(result.stoppedTasks));
    assert.ok(stopped.length >= 1, 'stopped tasks reported while watching');
    // The service is stable again, on the previous revision: the waiter would have said "success".
    await f.emulator.clock.advance(10 * MINUTE);
    const service = await f.actions.describeService('demo-fargate', 'api');
    assert.match(service.taskDefinition!, /demo-api:3$/);
    assert.strictEqual(service.deployments?.length, 1);
  });

  it('a failing deployment without a circuit breaker times out with the stopped tasks and their exit codes', async () => {
    const service = await f.actions.describeService('demo-fargate', 'worker');
    const report = await watchDeployment(f.actions, 'demo-fargate', 'worker', service.deployments![0].id!, { ...watch(), timeoutMs: 5 * MINUTE });
    assert.strictEqual(report.outcome, 'TIMED_OUT');
    assert.ok(report.polls <= 31, `${report.polls} polls`);
    assert.match(report.stoppedTasks[0].stoppedReason, /Essential container in task exited/);
    assert.strictEqual(report.stoppedTasks[0].containers[0].exitCode, 1);
  });

  it('scales to 0 and back with desiredCount alone (no new deployment, nothing else sent)', async () => {
    for (const desiredCount of [0, 2]) {
      const service = await f.actions.describeService('demo-fargate', 'api');
      const plan = planServiceUpdate(service, { desiredCount });
      assert.deepStrictEqual(plan.input, { desiredCount });
      assert.strictEqual(plan.startsDeployment, false);
      const updated = await f.actions.updateService('demo-fargate', 'api', plan.input);
      const result = await finishUpdate(f.actions, { cluster: 'demo-fargate', service: 'api' }, updated, { watch: watch() }, { previousTaskDefinition: '', registered: false });
      assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
      const after = await f.actions.describeService('demo-fargate', 'api');
      assert.deepStrictEqual([after.runningCount, after.desiredCount], [desiredCount, desiredCount]);
    }
  });

  it('force new deployment replaces every task with the same revision', async () => {
    const before = await f.actions.describeService('demo-ec2', 'cache');
    const updated = await f.actions.updateService('demo-ec2', 'cache', planServiceUpdate(before, { forceNewDeployment: true }).input);
    assert.notStrictEqual(updated.deployments![0].id, before.deployments![0].id);
    const result = await finishUpdate(f.actions, { cluster: 'demo-ec2', service: 'cache' }, updated, { watch: watch() }, { previousTaskDefinition: before.taskDefinition!, registered: false });
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.strictEqual(result.taskDefinitionArn, before.taskDefinition);
  });

  it('a file with errors is refused before anything is sent', async () => {
    const calls = countCalls(f.emulator);
    const text = JSON.stringify({ family: 'demo-api', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '3', containerDefinitions: [{ name: 'api', image: 'x' }] }, null, 2);
    await assert.rejects(planDeploy(f.actions, taskdef, { cluster: 'demo-fargate', service: 'api', file: { text } }), (e: Error) => e instanceof DefinitionError && /error.*nothing was registered/s.test(e.message) && /line \d+, col \d+/.test(e.message));
    assert.strictEqual(calls()['ecs:RegisterTaskDefinition'], undefined);
  });

  it('a file with a comment or a syntax error is refused with positions before anything reads it', async () => {
    const calls = countCalls(f.emulator);
    for (const text of ['{\n  // the web app\n  "family": "demo-api",\n  "containerDefinitions": []\n}', '{\n  "family": "demo-api",\n  "containerDefinitions": [\n']) {
      await assert.rejects(planDeploy(f.actions, taskdef, { cluster: 'demo-fargate', service: 'api', file: { text } }), (e: Error) => e instanceof DefinitionError && /line \d+, col \d+/.test(e.message), text);
    }
    assert.strictEqual(calls()['ecs:RegisterTaskDefinition'], undefined);
  });

  it('nothing half-applied: a failed UpdateService after registering says so and keeps the new revision', async () => {
    const plan = await planDeploy(f.actions, taskdef, { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE('demo/api', '1.3.0') } });
    f.emulator.faults.set({ accessDenied: [{ action: 'ecs:UpdateService' }] });
    const error = await applyDeploy(f.actions, { cluster: 'demo-fargate', service: 'api' }, plan).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HalfAppliedError, String(error));
    assert.match(error.taskDefinitionArn, /demo-api:4$/);
    assert.match(error.message, /Registered demo-api:4, but updating service "api" failed/);
    f.emulator.faults.clear();
    assert.match((await f.actions.describeService('demo-fargate', 'api')).taskDefinition!, /demo-api:3$/);
  });

  it('backs off while DescribeServices is throttled instead of polling at the interval', async () => {
    const service = await f.actions.describeService('demo-fargate', 'web');
    f.emulator.faults.set({ throttleRate: 1, faultActions: ['ecs:DescribeServices'] });
    const calls = countCalls(f.emulator);
    const report = await watchDeployment(f.actions, 'demo-fargate', 'web', service.deployments![0].id!, { ...watch(), timeoutMs: 2 * MINUTE });
    assert.strictEqual(report.outcome, 'TIMED_OUT');
    // At a 10 s interval 2 minutes is 13 polls; doubling the wait (20, 40, 60 s) makes it 4.
    assert.strictEqual(calls()['ecs:DescribeServices'], 4);
  });

  it('a cancelled watch stops watching, not the deployment', async () => {
    const service = await f.actions.describeService('demo-fargate', 'web');
    const controller = new AbortController();
    const report = await watchDeployment(f.actions, 'demo-fargate', 'web', service.deployments![0].id!, { ...watch(), signal: controller.signal, onSnapshot: () => controller.abort() });
    assert.deepStrictEqual([report.outcome, report.cancelled], ['NOT_WAITED', true]);
    assert.match(report.reason!, /deployment goes on/);
  });
});
