import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, assertError, assertNoErrors, errorKeys, lint } from './helpers';
import { validate } from '../../../src/taskdef/validate';
import { TaskdefLanguageService } from '../../../src/taskdef/languageService';
import { strategyFindings } from '../../../src/util/deploymentStrategy';

const ACCOUNT = '123456789012';
const TG = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;
const RULE = (id: string) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/${id}`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForLoadBalancers`;
const LAMBDA = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:check-green`;

const advanced = (over: Record<string, unknown> = {}) => ({ alternateTargetGroupArn: TG('green'), productionListenerRule: RULE('9683b2d02a6cabee'), roleArn: ROLE, ...over });
const lb = (over: Record<string, unknown> = {}) => ({ targetGroupArn: TG('blue'), containerName: 'app', containerPort: 80, advancedConfiguration: advanced(), ...over });
const svc = (dc: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  serviceName: 'web',
  taskDefinition: 'web:3',
  desiredCount: 2,
  launchType: 'FARGATE',
  deploymentController: { type: 'ECS' },
  loadBalancers: [lb()],
  deploymentConfiguration: dc,
  ...over,
});
const keys = (def: unknown) => lint(def, 'service').map((d) => `${d.severity}:${d.code}@${d.pointer}`);

describe('taskdef rules: deployment strategies', () => {
  it('accepts each strategy with its settings', () => {
    assertNoErrors(svc({ strategy: 'ROLLING', minimumHealthyPercent: 100, maximumPercent: 200 }), 'service');
    assertNoErrors(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }), 'service');
    assertNoErrors(svc({ strategy: 'LINEAR', bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: 3.0, stepBakeTimeInMinutes: 1440 } }), 'service');
    assertNoErrors(svc({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 12.3 } }), 'service');
    assertNoErrors(svc({ strategy: 'CANARY', bakeTimeInMinutes: 1440, canaryConfiguration: { canaryPercent: 0.1, canaryBakeTimeInMinutes: 0 } }), 'service');
    assertNoErrors(svc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 100 } }), 'service');
    // testListenerRule is optional, and an NLB's production "rule" is its listener.
    assertNoErrors(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, { loadBalancers: [lb({ advancedConfiguration: advanced({ productionListenerRule: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/net/web/50dc6c495c0c9188/f2f7dc8efc522ab2`, testListenerRule: RULE('aa') }) })] }), 'service');
    assert.deepStrictEqual(keys(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 })), []);
  });

  it('BLUE_GREEN, LINEAR and CANARY need advancedConfiguration on every load balancer, or Service Connect', () => {
    for (const strategy of ['BLUE_GREEN', 'LINEAR', 'CANARY']) {
      const d = assertError(svc({ strategy, bakeTimeInMinutes: 1 }, { loadBalancers: [lb(), lb({ advancedConfiguration: undefined })] }), 'strategy-needs-traffic', '/loadBalancers/1', 'service');
      assert.match(d.message, /alternateTargetGroupArn.*productionListenerRule.*roleArn/);
      assertError(svc({ strategy, bakeTimeInMinutes: 1 }, { loadBalancers: undefined }), 'strategy-needs-traffic', '/deploymentConfiguration/strategy', 'service');
    }
    const serviceConnect = { serviceConnectConfiguration: { enabled: true, namespace: 'internal' } };
    assertNoErrors(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, { loadBalancers: undefined, ...serviceConnect }), 'service');
    assertNoErrors(svc({ strategy: 'CANARY' }, { loadBalancers: [lb({ advancedConfiguration: undefined })], ...serviceConnect }), 'service');
    assertError(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, { loadBalancers: [{ loadBalancerName: 'classic', containerName: 'app', containerPort: 80 }] }), 'strategy-needs-traffic', '/loadBalancers/0', 'service');
    // A rolling service needs none of it.
    assertNoErrors(svc({ strategy: 'ROLLING' }, { loadBalancers: [lb({ advancedConfiguration: undefined })] }), 'service');
    assertNoErrors(svc({}, { loadBalancers: undefined }), 'service');
  });

  it('advancedConfiguration names the alternate target group, production listener rule and role', () => {
    const with_ = (a: Record<string, unknown>) => svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, { loadBalancers: [lb({ advancedConfiguration: a })] });
    assertError(with_(advanced({ roleArn: undefined })), 'advanced-configuration-field', '/loadBalancers/0/advancedConfiguration', 'service');
    assertError(with_(advanced({ alternateTargetGroupArn: 'green' })), 'advanced-configuration-field', '/loadBalancers/0/advancedConfiguration/alternateTargetGroupArn', 'service');
    assertError(with_(advanced({ alternateTargetGroupArn: TG('blue') })), 'advanced-configuration-field', '/loadBalancers/0/advancedConfiguration/alternateTargetGroupArn', 'service');
    assertError(with_(advanced({ productionListenerRule: TG('x') })), 'advanced-configuration-field', '/loadBalancers/0/advancedConfiguration/productionListenerRule', 'service');
    assertError(with_(advanced({ testListenerRule: 'test' })), 'advanced-configuration-field', '/loadBalancers/0/advancedConfiguration/testListenerRule', 'service');
    assertError(with_(advanced({ roleArn: 'ecsRole' })), 'advanced-configuration-field', '/loadBalancers/0/advancedConfiguration/roleArn', 'service');
    // Template text is left to the tool that fills it in.
    assertNoErrors(with_({ alternateTargetGroupArn: '{{ tfstate `green.arn` }}', productionListenerRule: '${PROD_RULE}', roleArn: 'arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME' }), 'service');
  });

  it('the controller must be ECS', () => {
    assertError(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, { deploymentController: { type: 'CODE_DEPLOY' } }), 'strategy-controller', '/deploymentConfiguration/strategy', 'service');
    assertError(svc({ strategy: 'CANARY' }, { deploymentController: { type: 'EXTERNAL' } }), 'strategy-controller', '/deploymentConfiguration/strategy', 'service');
    assert.ok(!errorKeys(svc({ strategy: 'ROLLING' }, { deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: [lb({ advancedConfiguration: undefined })] }), 'service').some((k) => k.startsWith('strategy-controller')));
  });

  it('bake times are 0–1440 minutes; BLUE_GREEN asks for one', () => {
    assertError(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1441 }), 'bake-time-range', '/deploymentConfiguration/bakeTimeInMinutes', 'service');
    assertError(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: -1 }), 'bake-time-range', '/deploymentConfiguration/bakeTimeInMinutes', 'service');
    assertError(svc({ strategy: 'LINEAR', linearConfiguration: { stepBakeTimeInMinutes: 2000 } }), 'bake-time-range', '/deploymentConfiguration/linearConfiguration/stepBakeTimeInMinutes', 'service');
    assertError(svc({ strategy: 'CANARY', canaryConfiguration: { canaryBakeTimeInMinutes: -5 } }), 'bake-time-range', '/deploymentConfiguration/canaryConfiguration/canaryBakeTimeInMinutes', 'service');
    const missing = assertError(svc({ strategy: 'BLUE_GREEN' }), 'bake-time-missing', '/deploymentConfiguration/strategy', 'service');
    assert.strictEqual(missing.severity, 'warning');
  });

  it('linear stepPercent 3.0–100 and canary canaryPercent 0.1–100, in steps of 0.1', () => {
    for (const stepPercent of [2.9, 100.1, 10.05, 0])
      assertError(svc({ strategy: 'LINEAR', linearConfiguration: { stepPercent } }), 'linear-step-percent', '/deploymentConfiguration/linearConfiguration/stepPercent', 'service');
    for (const canaryPercent of [0, 0.05, 100.5, 5.55])
      assertError(svc({ strategy: 'CANARY', canaryConfiguration: { canaryPercent } }), 'canary-percent', '/deploymentConfiguration/canaryConfiguration/canaryPercent', 'service');
  });

  it('linearConfiguration only with LINEAR, canaryConfiguration only with CANARY', () => {
    assertError(svc({ strategy: 'CANARY', linearConfiguration: { stepPercent: 10 } }), 'strategy-configuration-mismatch', '/deploymentConfiguration/linearConfiguration', 'service');
    assertError(svc({ canaryConfiguration: { canaryPercent: 10 } }), 'strategy-configuration-mismatch', '/deploymentConfiguration/canaryConfiguration', 'service');
  });

  it('lifecycle hooks: Lambda hooks need hookTargetArn and roleArn; PAUSE hooks not at the traffic shifts', () => {
    const hooks = (...h: Record<string, unknown>[]) => svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1, lifecycleHooks: h });
    assertNoErrors(hooks({ hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'] }), 'service');
    assertNoErrors(hooks({ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' } }), 'service');
    assertError(hooks({ roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP'] }), 'lambda-hook-fields', '/deploymentConfiguration/lifecycleHooks/0', 'service');
    assertError(hooks({ targetType: 'AWS_LAMBDA', hookTargetArn: LAMBDA, lifecycleStages: ['PRE_SCALE_UP'] }), 'lambda-hook-fields', '/deploymentConfiguration/lifecycleHooks/0', 'service');
    assertError(hooks({ hookTargetArn: `arn:aws:sns:us-east-1:${ACCOUNT}:topic`, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP'] }), 'lambda-hook-fields', '/deploymentConfiguration/lifecycleHooks/0/hookTargetArn', 'service');
    assertError(hooks({ hookTargetArn: LAMBDA, roleArn: 'role', lifecycleStages: ['PRE_SCALE_UP'] }), 'lambda-hook-fields', '/deploymentConfiguration/lifecycleHooks/0/roleArn', 'service');
    assertError(hooks({ hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: [] }), 'lifecycle-hook-stages', '/deploymentConfiguration/lifecycleHooks/0/lifecycleStages', 'service');
    assertError(hooks({ hookTargetArn: LAMBDA, roleArn: ROLE }), 'lifecycle-hook-stages', '/deploymentConfiguration/lifecycleHooks/0', 'service');
    const pause = assertError(hooks({ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT'] }), 'pause-hook-stage', '/deploymentConfiguration/lifecycleHooks/0/lifecycleStages/1', 'service');
    assert.match(pause.message, /POST_TEST_TRAFFIC_SHIFT instead/);
    assertError(hooks({ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }), 'pause-hook-stage', '/deploymentConfiguration/lifecycleHooks/0/lifecycleStages/0', 'service');
    assert.strictEqual(assertError(hooks({ targetType: 'PAUSE', hookTargetArn: LAMBDA, lifecycleStages: ['POST_SCALE_UP'] }), 'pause-hook-fields', '/deploymentConfiguration/lifecycleHooks/0/hookTargetArn', 'service').severity, 'warning');
  });

  it('a rolling deployment never reaches the traffic-shift stages', () => {
    const d = assertError(svc({ lifecycleHooks: [{ hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP', 'POST_TEST_TRAFFIC_SHIFT'] }] }), 'lifecycle-hook-stage-strategy', '/deploymentConfiguration/lifecycleHooks/0/lifecycleStages/1', 'service');
    assert.strictEqual(d.severity, 'warning');
    assert.ok(!keys(svc({ lifecycleHooks: [{ hookTargetArn: LAMBDA, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP'] }] })).some((k) => k.includes('lifecycle-hook-stage-strategy')));
  });

  it('says how the circuit breaker and task percentages behave under blue/green, as information', () => {
    const got = lint(svc({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1, minimumHealthyPercent: 100, maximumPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } }), 'service');
    const info = got.filter((d) => d.severity === 'info');
    assert.deepStrictEqual(info.map((d) => `${d.code}@${d.pointer}`).sort(), ['strategy-circuit-breaker@/deploymentConfiguration/deploymentCircuitBreaker', 'strategy-task-counts@/deploymentConfiguration/minimumHealthyPercent']);
    assert.match(info.find((d) => d.code === 'strategy-task-counts')!.message, /full desired count/);
    assert.match(info.find((d) => d.code === 'strategy-circuit-breaker')!.message, /back to the old \(blue\) revision/);
    // "no room" is a rolling-update warning only.
    assert.ok(!got.some((d) => d.code === 'deployment-no-room'));
    assert.ok(lint(svc({ minimumHealthyPercent: 100, maximumPercent: 100 }), 'service').some((d) => d.code === 'deployment-no-room'));
  });

  it('the schema knows PAUSE hooks and PRE_PRODUCTION_TRAFFIC_SHIFT (from the SDK)', () => {
    assert.deepStrictEqual(errorKeys(svc({ strategy: 'LINEAR', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 30, action: 'CONTINUE' } }] }), 'service'), []);
    assertError(svc({ strategy: 'LINEAR', lifecycleHooks: [{ targetType: 'WAIT', lifecycleStages: ['POST_SCALE_UP'] }] }), 'invalid-enum', '/deploymentConfiguration/lifecycleHooks/0/targetType', 'service');
  });

  it('the shared rules read plain objects (Update Service uses them)', () => {
    const found = strategyFindings({ deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0.01 } }, loadBalancers: [{ targetGroupArn: TG('blue'), containerName: 'app', containerPort: 80 }] });
    assert.deepStrictEqual(found.map((f) => `${f.code}@${f.path.join('/')}`), ['strategy-needs-traffic@loadBalancers/0', 'canary-percent@deploymentConfiguration/canaryConfiguration/canaryPercent']);
  });
});

// Real service definitions published by others (/work/shared/corpus, beside the ../shared models):
// read only where present, never copied into the project. The strategy rules must give none of them an error.
describe('taskdef rules: deployment strategies over the shared corpus', () => {
  const dir = path.join(REPO, '..', 'shared', 'corpus', 'servicedefs');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  (files.length ? it : it.skip)('no strategy-rule error on any real service definition', () => {
    const strategyCodes = new Set(['strategy-controller', 'strategy-needs-traffic', 'advanced-configuration-field', 'bake-time-range', 'linear-step-percent', 'canary-percent', 'strategy-configuration-mismatch', 'lifecycle-hook-stages', 'pause-hook-stage', 'lambda-hook-fields']);
    const found = files.flatMap((f) =>
      validate(fs.readFileSync(path.join(dir, f), 'utf8'), { kind: 'service' })
        .diagnostics.filter((d) => d.severity === 'error' && (strategyCodes.has(d.code) || d.pointer.startsWith('/deploymentConfiguration/lifecycleHooks')))
        .map((d) => `${f}: ${d.code}@${d.pointer}`),
    );
    assert.deepStrictEqual(found, []);
  });
});

describe('taskdef completion: deployment strategies', () => {
  const ls = new TaskdefLanguageService();

  it('offers the four strategies, and a snippet for each one\'s settings', async () => {
    const values = await ls.complete('{"deploymentConfiguration": {"strategy": ""}}', 'service', { line: 0, character: 42 });
    assert.deepStrictEqual(values.items.map((i) => i.label), ['"ROLLING"', '"BLUE_GREEN"', '"LINEAR"', '"CANARY"']);
    const snippets = await ls.complete('{"deploymentConfiguration": }', 'service', { line: 0, character: 28 });
    const labels = snippets.items.map((i) => i.label);
    for (const l of ['blue/green with bake time', 'linear traffic shift', 'canary traffic shift']) assert.ok(labels.includes(l), labels.join());
    const canary = snippets.items.find((i) => i.label === 'canary traffic shift')!;
    assert.match(String(canary.insertText), /"canaryPercent": \$\{2:5.0\}/);
  });

  it('offers Lambda and pause hooks, and the blue/green advancedConfiguration', async () => {
    const hooks = await ls.complete('{"deploymentConfiguration": {"lifecycleHooks": [ ]}}', 'service', { line: 0, character: 48 });
    const labels = hooks.items.map((i) => i.label);
    assert.ok(labels.includes('Lambda hook') && labels.includes('pause for approval (ContinueServiceDeployment)'), labels.join());
    const pause = String(hooks.items.find((i) => i.label.startsWith('pause'))!.insertText);
    const stages = /\$\{1\|([^|]*)\|\}/.exec(pause)![1].split(',');
    assert.ok(stages.includes('POST_TEST_TRAFFIC_SHIFT') && !stages.includes('TEST_TRAFFIC_SHIFT') && !stages.includes('PRODUCTION_TRAFFIC_SHIFT'), pause);
    const adv = await ls.complete('{"loadBalancers": [{"advancedConfiguration": }]}', 'service', { line: 0, character: 45 });
    assert.ok(adv.items.some((i) => i.label === 'blue/green listener rules'), adv.items.map((i) => i.label).join());
  });
});
