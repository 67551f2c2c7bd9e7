import * as assert from 'assert';
import * as taskdef from '../../../src/taskdef';
import { buildAppSpec } from '../../../src/deploy/codeDeploy/appSpec';
import { NoDeploymentGroupError } from '../../../src/deploy/codeDeploy/codeDeployActions';
import { codeDeployHistory } from '../../../src/deploy/codeDeploy/history';
import { stopAndRollBack } from '../../../src/deploy/codeDeploy/rollback';
import { evaluateCodeDeploy } from '../../../src/deploy/codeDeploy/watch';
import { applyDeploy, planDeploy } from '../../../src/deploy/deployFlow';
import { countCalls, emulatorClock, IMAGE, useDemo } from './helpers';

const MINUTE = 60_000;
const TARGET = { cluster: 'demo-fargate', service: 'legacy-bg' };

describe('CodeDeploy deploys of a CODE_DEPLOY service against the emulator (demo seed, manual clock)', function () {
  this.timeout(60_000);
  const f = useDemo();
  const watch = () => ({ intervalMs: 10_000, timeoutMs: 60 * MINUTE, clock: emulatorClock(f.emulator) });

  it('finds the deployment group, registers, creates the deployment with an AppSpec and watches it to COMPLETED', async () => {
    const calls = countCalls(f.emulator);
    const plan = await planDeploy(f.actions, taskdef, { ...TARGET, image: { container: 'web', uri: IMAGE('demo/legacy', '1.2.0') } });
    const steps: string[] = [];
    const result = await applyDeploy(f.actions, TARGET, plan, { onStep: (s) => steps.push(s), watch: watch() });
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.match(result.codeDeployDeploymentId!, /^d-[A-Z0-9]{9}$/);
    assert.match(result.taskDefinitionArn, /legacy-bg:3$/);
    assert.ok(steps.some((s) => /Creating a CodeDeploy deployment of legacy-bg:3 \(legacy-bg \/ legacy-bg-dg, CodeDeployDefault\.ECSAllAtOnce\)/.test(s)), steps.join('\n'));
    assert.ok(steps.some((s) => /InProgress · Install/.test(s)), steps.join('\n'));
    assert.ok(steps.some((s) => /waiting before the original task set is deleted · replacement 100% of traffic · 2\/2 running/.test(s)), steps.join('\n'));
    const made = calls();
    assert.deepStrictEqual([made['ecs:UpdateService'], made['codedeploy:CreateDeployment'], made['ecs:RegisterTaskDefinition']], [undefined, 1, 1]);
    const service = await f.actions.describeService(TARGET.cluster, TARGET.service);
    assert.match(service.taskDefinition!, /legacy-bg:3$/);

    const history = await codeDeployHistory(f.actions.codeDeploy(), TARGET.cluster, TARGET.service);
    assert.deepStrictEqual(history.items.map((h) => h.status), ['Succeeded', 'Succeeded']);
    assert.strictEqual(history.items[0].deploymentId, result.codeDeployDeploymentId);
    assert.match(history.items[0].taskDefinition!, /legacy-bg:3$/);
    assert.match(history.items[0].previousTaskDefinition!, /legacy-bg:2$/);
  });

  it('a failing image fails the deployment; CodeDeploy rolls it back and the deploy reports ROLLED_BACK with the reason', async () => {
    const plan = await planDeploy(f.actions, taskdef, { ...TARGET, image: { container: 'web', uri: IMAGE('demo/legacy', '1.2.0-fail') } });
    const result = await applyDeploy(f.actions, TARGET, plan, { watch: watch() });
    assert.strictEqual(result.outcome, 'ROLLED_BACK');
    assert.match(result.reason!, /ECS_UPDATE_ERROR/);
    assert.match(result.reason!, /Rolled back by CodeDeploy deployment d-/);
    const history = await codeDeployHistory(f.actions.codeDeploy(), TARGET.cluster, TARGET.service, { limit: 2 });
    assert.deepStrictEqual(history.items.map((h) => [h.status, h.creator]), [['Succeeded', 'codeDeployRollback'], ['Failed', 'user']]);
    assert.strictEqual(history.items[0].rollbackOf, result.codeDeployDeploymentId);
    assert.ok(history.nextToken, 'the seeded deployment is on the next page');
  });

  it('stopAndRollBack stops the deployment in progress with autoRollbackEnabled and waits for the rollback', async () => {
    const plan = await planDeploy(f.actions, taskdef, { ...TARGET, image: { container: 'web', uri: IMAGE('demo/legacy', '1.2.0') } });
    const started = await applyDeploy(f.actions, TARGET, plan, {});
    assert.strictEqual(started.outcome, 'NOT_WAITED');
    await f.emulator.clock.advance(30_000);
    const out = await stopAndRollBack(f.actions.codeDeploy(), { ...TARGET, wait: watch() });
    assert.strictEqual(out.codeDeployDeploymentId, started.codeDeployDeploymentId);
    assert.strictEqual(out.outcome, 'ROLLED_BACK', out.reason);
    assert.match(out.reason!, /stopped by a user \(MANUAL_STOP\)\. Rolled back by CodeDeploy deployment d-/);
    assert.ok(out.rollbackDeploymentId);
    await assert.rejects(stopAndRollBack(f.actions.codeDeploy(), TARGET), /no CodeDeploy deployment in progress/);
  });

  it('a service that no deployment group names is refused before anything is registered', async () => {
    const cd = f.actions.codeDeploy();
    await assert.rejects(cd.findGroup('demo-fargate', 'api'), NoDeploymentGroupError);
  });

  it('builds the AppSpec from the service load balancer, with hooks', () => {
    const spec = JSON.parse(buildAppSpec({ serviceName: 's', loadBalancers: [{ targetGroupArn: 'tg', containerName: 'web', containerPort: 80 }] }, 'arn:td', { AfterAllowTestTraffic: 'smoke' }));
    assert.deepStrictEqual(spec.Resources[0].TargetService, { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'arn:td', LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } });
    assert.deepStrictEqual(spec.Hooks, [{ AfterAllowTestTraffic: 'smoke' }]);
    assert.throws(() => buildAppSpec({ serviceName: 's' }, 'arn:td'), /no load balancer with a container name and port/);
  });

  it('evaluates outcomes: Stopped without rollback is STOPPED; a rollback still running is awaited', () => {
    assert.strictEqual(evaluateCodeDeploy({ deployment: { deploymentId: 'd-1', status: 'Stopped', errorInformation: { code: 'MANUAL_STOP', message: 'stopped' } } }).outcome, 'STOPPED');
    const waiting = evaluateCodeDeploy({ deployment: { deploymentId: 'd-1', status: 'Failed', rollbackInfo: { rollbackDeploymentId: 'd-2' } }, rollback: { deploymentId: 'd-2', status: 'InProgress' } });
    assert.deepStrictEqual([waiting.outcome, waiting.awaitRollback], [undefined, 'd-2']);
    const failedRollback = evaluateCodeDeploy({ deployment: { deploymentId: 'd-1', status: 'Failed', rollbackInfo: { rollbackDeploymentId: 'd-2' } }, rollback: { deploymentId: 'd-2', status: 'Failed' } });
    assert.strictEqual(failedRollback.outcome, 'FAILED');
  });
});
