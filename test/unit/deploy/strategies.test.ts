import * as assert from 'assert';
import * as taskdef from '../../../src/taskdef';
import { applyDeploy, followServiceDeployment, planDeploy } from '../../../src/deploy/deployFlow';
import { activeServiceDeployment } from '../../../src/deploy/serviceDeployments';
import { progressText } from '../../../src/deploy/serviceDeploymentState';
import { countCalls, emulatorClock, IMAGE, useDemo } from './helpers';

const MINUTE = 60_000;
const CLUSTER = 'demo-fargate';

describe('deploy watch over the service deployment, every strategy (demo seed, manual clock)', function () {
  this.timeout(60_000);
  const f = useDemo();
  const watch = (progress: string[] = []) => ({
    intervalMs: 10_000,
    timeoutMs: 60 * MINUTE,
    clock: emulatorClock(f.emulator),
    onSnapshot: (e: { serviceDeployment?: { progress: Parameters<typeof progressText>[0] } }) => void (e.serviceDeployment && progress.push(progressText(e.serviceDeployment.progress))),
  });
  const deployImage = async (service: string, tag: string, progress: string[] = []) => {
    const plan = await planDeploy(f.actions, taskdef, { cluster: CLUSTER, service, image: { container: service, uri: IMAGE(`demo/${service}`, tag) } });
    return applyDeploy(f.actions, { cluster: CLUSTER, service }, plan, { watch: watch(progress) });
  };

  it('a blue/green deploy (checkout) completes after its stages and the bake, with strategy, status and ARN', async () => {
    const progress: string[] = [];
    const result = await deployImage('checkout', '1.3.0', progress);
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.strictEqual(result.strategy, 'BLUE_GREEN');
    assert.strictEqual(result.status, 'SUCCESSFUL');
    assert.match(result.serviceDeploymentArn!, /:service-deployment\/demo-fargate\/checkout\//);
    assert.ok(progress.some((p) => /^blue\/green · bake \d:\d\d left$/.test(p)), progress.join('\n'));
    assert.ok(progress.some((p) => /test traffic shift/.test(p)), progress.join('\n'));
  });

  it('a blue/green deploy of a failing image is ROLLED_BACK with the reason', async () => {
    const result = await deployImage('checkout', '1.2-fail');
    assert.strictEqual(result.outcome, 'ROLLED_BACK', result.reason);
    assert.strictEqual(result.status, 'ROLLBACK_SUCCESSFUL');
    assert.ok(result.reason && result.reason.length > 20, result.reason);
  });

  it('a PAUSE hook (payments) ends the watch PAUSED with the hook; continued, it completes', async () => {
    const result = await deployImage('payments', '1.3.0');
    assert.strictEqual(result.outcome, 'PAUSED', result.reason);
    assert.strictEqual(result.lifecycleStage, 'POST_TEST_TRAFFIC_SHIFT');
    assert.ok(result.hookId, 'hookId');
    assert.match(result.reason!, /roll back at \d\d:\d\d:\d\d UTC/);
    const arn = result.serviceDeploymentArn!;
    await f.actions.continueServiceDeployment(CLUSTER, 'payments', arn, result.hookId!, 'CONTINUE');
    const snapshot = await f.actions.describeService(CLUSTER, 'payments');
    const after = await followServiceDeployment(f.actions, { cluster: CLUSTER, service: 'payments' }, snapshot, arn, { watch: watch() });
    assert.strictEqual(after.outcome, 'COMPLETED', after.reason);
  });

  it('a paused hook rolled back (ContinueServiceDeployment ROLLBACK) is ROLLED_BACK', async () => {
    const result = await deployImage('payments', '1.3.0');
    assert.strictEqual(result.outcome, 'PAUSED', result.reason);
    await f.actions.continueServiceDeployment(CLUSTER, 'payments', result.serviceDeploymentArn!, result.hookId!, 'ROLLBACK');
    const snapshot = await f.actions.describeService(CLUSTER, 'payments');
    const after = await followServiceDeployment(f.actions, { cluster: CLUSTER, service: 'payments' }, snapshot, result.serviceDeploymentArn!, { watch: watch() });
    assert.strictEqual(after.outcome, 'ROLLED_BACK', after.reason);
  });

  it('a canary (search) shows "canary 10% · bake m:ss left"; rolled back mid-canary it is ROLLED_BACK', async () => {
    const plan = await planDeploy(f.actions, taskdef, { cluster: CLUSTER, service: 'search', image: { container: 'search', uri: IMAGE('demo/search', '1.3.0') } });
    const progress: string[] = [];
    const controller = new AbortController();
    const settings = { ...watch(progress), signal: controller.signal };
    const seen = settings.onSnapshot;
    settings.onSnapshot = (e) => {
      seen(e);
      if (/^canary 10% · bake \d:\d\d left$/.test(progress[progress.length - 1] ?? '')) controller.abort();
    };
    const watched = await applyDeploy(f.actions, { cluster: CLUSTER, service: 'search' }, plan, { watch: settings });
    assert.strictEqual(watched.outcome, 'NOT_WAITED', progress.join('\n'));
    assert.match(progress[progress.length - 1], /^canary 10% · bake [23]:\d\d left$/);
    const active = await activeServiceDeployment(f.actions, CLUSTER, 'search');
    assert.strictEqual(active.serviceDeploymentArn, watched.serviceDeploymentArn);
    await f.actions.stopServiceDeployment(CLUSTER, 'search', active.serviceDeploymentArn!, 'ROLLBACK');
    const snapshot = await f.actions.describeService(CLUSTER, 'search');
    const after = await followServiceDeployment(f.actions, { cluster: CLUSTER, service: 'search' }, snapshot, active.serviceDeploymentArn!, { watch: watch() });
    assert.strictEqual(after.outcome, 'ROLLED_BACK', after.reason);
    assert.strictEqual(after.status, 'ROLLBACK_SUCCESSFUL');
  });

  it('a linear deploy (catalog) steps 25% at a time to COMPLETED', async () => {
    const progress: string[] = [];
    const result = await deployImage('catalog', '1.3.0', progress);
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    for (const step of [25, 50, 75]) assert.ok(progress.some((p) => p.startsWith(`linear ${step}% · bake`)), progress.join('\n'));
  });

  it('a rolling watch reads the service deployment only when DescribeServices changes, not every poll', async () => {
    const calls = countCalls(f.emulator);
    const result = await deployImage('api', '1.3.0');
    assert.strictEqual(result.outcome, 'COMPLETED', result.reason);
    assert.strictEqual(result.strategy, 'ROLLING');
    assert.ok(result.serviceDeploymentArn);
    const made = calls();
    console.log(`rolling-watch polls=${result.polls} DescribeServices=${made['ecs:DescribeServices']} DescribeServiceDeployments=${made['ecs:DescribeServiceDeployments'] ?? 0} ListServiceDeployments=${made['ecs:ListServiceDeployments'] ?? 0}`);
    assert.strictEqual(made['ecs:DescribeServices'], result.polls! + 1, JSON.stringify(made));
    assert.ok(made['ecs:DescribeServiceDeployments'] < result.polls!, JSON.stringify(made));
    assert.ok((made['ecs:ListServiceDeployments'] ?? 0) <= 1, JSON.stringify(made));
  });
});
