import * as assert from 'assert';
import * as taskdef from '../../../src/taskdef';
import { ArgumentError } from '../../../src/util/args';
import { parseDeployArgs, parseDeregisterArgs, parseRegisterArgs, parseRunTaskArgs, parseScaleArgs, parseServiceRef, parseStopTaskArgs, parseUpdateArgs } from '../../../src/deploy/args';
import { DefinitionError, prepareRegistration } from '../../../src/deploy/render';
import { evaluateRollout, type Service } from '../../../src/deploy/rollout';
import { changeLines, planServiceUpdate } from '../../../src/deploy/updatePlan';
import { scaledText, scalingInProgress, scalingOf } from '../../../src/deploy/scaling';

const TD = (rev: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/demo-api:${rev}`;
const at = (s: number) => new Date(Date.UTC(2025, 0, 15, 9, 0, s));

function service(deployments: Partial<NonNullable<Service['deployments']>[number]>[], extra: Partial<Service> = {}): Service {
  return {
    desiredCount: 3,
    runningCount: 3,
    pendingCount: 0,
    taskDefinition: TD(3),
    deployments: deployments.map((d) => ({ desiredCount: 3, runningCount: 3, pendingCount: 0, failedTasks: 0, createdAt: at(0), ...d })),
    events: [],
    ...extra,
  };
}

describe('evaluateRollout', () => {
  it('is done only when the watched PRIMARY deployment is COMPLETED and running = desired', () => {
    const inProgress = service([{ id: 'new', status: 'PRIMARY', taskDefinition: TD(4), rolloutState: 'IN_PROGRESS', runningCount: 3 }]);
    assert.strictEqual(evaluateRollout(undefined, inProgress, 'new').outcome, undefined);
    const completedShort = service([{ id: 'new', status: 'PRIMARY', taskDefinition: TD(4), rolloutState: 'COMPLETED', runningCount: 2 }], { runningCount: 2 });
    assert.strictEqual(evaluateRollout(undefined, completedShort, 'new').outcome, undefined);
    const done = service([{ id: 'new', status: 'PRIMARY', taskDefinition: TD(4), rolloutState: 'COMPLETED' }]);
    assert.strictEqual(evaluateRollout(undefined, done, 'new').outcome, 'COMPLETED');
  });

  it('a steady service after a rollback is not a success', () => {
    // The failed deployment has drained away: one PRIMARY, COMPLETED, running = desired, on the old revision.
    const rolledBack = service([{ id: 'rollback', status: 'PRIMARY', taskDefinition: TD(3), rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId old.' }]);
    const e = evaluateRollout(undefined, rolledBack, 'new');
    assert.strictEqual(e.outcome, 'ROLLED_BACK');
    assert.match(e.reason!, /demo-api:3/);
    const failedInPlace = service([{ id: 'new', status: 'PRIMARY', taskDefinition: TD(4), rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }]);
    assert.deepStrictEqual([evaluateRollout(undefined, failedInPlace, 'new').outcome, evaluateRollout(undefined, failedInPlace, 'new').reason], ['FAILED', 'ECS deployment circuit breaker: tasks failed to start.']);
    const superseded = service([{ id: 'other', status: 'PRIMARY', taskDefinition: TD(5), rolloutState: 'IN_PROGRESS' }, { id: 'new', status: 'ACTIVE', taskDefinition: TD(4), rolloutState: 'IN_PROGRESS' }]);
    assert.match(evaluateRollout(undefined, superseded, 'new').reason!, /newer deployment \(demo-api:5\)/);
  });

  it('reports each event once, oldest first, and only those since the deployment started', () => {
    const events = [
      { id: 'e3', createdAt: at(30), message: 'has reached a steady state.' },
      { id: 'e2', createdAt: at(20), message: 'has started 1 tasks.' },
      { id: 'e1', createdAt: at(-60), message: 'an old event' },
    ];
    const s = service([{ id: 'new', status: 'PRIMARY', taskDefinition: TD(4), rolloutState: 'IN_PROGRESS', createdAt: at(10), failedTasks: 1 }], { events: events.slice(1) });
    const first = evaluateRollout(undefined, s, 'new');
    assert.deepStrictEqual(first.newEvents.map((e) => e.id), ['e2']);
    assert.strictEqual(first.newFailures, true);
    const second = evaluateRollout(first.memory, { ...s, events }, 'new');
    assert.deepStrictEqual(second.newEvents.map((e) => e.id), ['e3']);
    assert.strictEqual(second.newFailures, false);
  });

  it('a scale or a watch reports only events since the watch began, not those the service already had', () => {
    // A scale watches the PRIMARY deployment created long ago: its old events are in the UpdateService answer.
    const old = [{ id: 'o2', createdAt: at(-30), message: 'has reached a steady state.' }, { id: 'o1', createdAt: at(-50), message: 'has started 2 tasks.' }];
    const s = service([{ id: 'primary', status: 'PRIMARY', taskDefinition: TD(3), rolloutState: 'COMPLETED', createdAt: at(-3600) }], { events: old, desiredCount: 4 });
    const first = evaluateRollout(undefined, s, 'primary', ['o1', 'o2']);
    assert.deepStrictEqual(first.newEvents, []);
    const later = [{ id: 'n1', createdAt: at(5), message: 'has started 2 tasks.' }, ...old];
    assert.deepStrictEqual(evaluateRollout(first.memory, { ...s, events: later }, 'primary').newEvents.map((e) => e.id), ['n1']);
  });
});

describe('scaling', () => {
  it('is desiredCount alone, and is told as tasks, not as a deployment', () => {
    assert.deepStrictEqual(scalingOf({ desiredCount: 2 }, { desiredCount: 4 }), { from: 2, to: 4 });
    assert.strictEqual(scalingOf({ desiredCount: 2 }, { desiredCount: 4, taskDefinition: TD(4) }), undefined);
    assert.strictEqual(scalingOf({ desiredCount: 2 }, { forceNewDeployment: true }), undefined);
    assert.strictEqual(scaledText('web', { from: 2, to: 4 }, { outcome: 'COMPLETED', elapsedMs: 10_200 }), 'web: 2 → 4 tasks, 4/4 running after 10 s');
    assert.strictEqual(scaledText('web', { from: 2, to: 4 }, { outcome: 'TIMED_OUT' }), undefined);
    // Watched while it scales: one finished deployment, running ≠ desired.
    assert.deepStrictEqual(scalingInProgress({ runningCount: 3, desiredCount: 5, deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }] }), { from: 3, to: 5 });
    assert.strictEqual(scalingInProgress({ runningCount: 3, desiredCount: 5, deployments: [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }, { status: 'ACTIVE' }] }), undefined);
  });
});

describe('planServiceUpdate', () => {
  const current = service([{ id: 'd', status: 'PRIMARY', taskDefinition: TD(3) }], {
    platformVersion: 'LATEST',
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  });

  it('sends only the fields that change; scaling alone is desiredCount alone', () => {
    assert.deepStrictEqual(planServiceUpdate(current, { desiredCount: 5, taskDefinition: 'demo-api:3' }).input, { desiredCount: 5 });
    assert.deepStrictEqual(planServiceUpdate(current, { desiredCount: 3 }).changes, []);
  });

  it('shows current → new, and sends deploymentConfiguration whole only when a member changes', () => {
    const plan = planServiceUpdate(current, { taskDefinition: TD(4), deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 }, forceNewDeployment: true });
    assert.deepStrictEqual(changeLines(plan), [
      'taskDefinition: demo-api:3 → demo-api:4',
      'deploymentConfiguration.minimumHealthyPercent: 100% → 50%',
      'forceNewDeployment: – → new deployment, same configuration',
    ]);
    assert.deepStrictEqual(plan.input.deploymentConfiguration, { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } });
    assert.strictEqual(plan.startsDeployment, true);
    assert.strictEqual(planServiceUpdate(current, { deploymentConfiguration: { maximumPercent: 200 } }).input.deploymentConfiguration, undefined);
  });
});

describe('prepareRegistration', () => {
  const def = { family: 'demo-api', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', containerDefinitions: [{ name: 'api', image: '<IMAGE1_NAME>', essential: true }] };

  it('strips the describe wrapper and read-only fields, keeping the tags, and replaces an image', () => {
    const text = JSON.stringify({ taskDefinition: { ...def, taskDefinitionArn: TD(3), revision: 3, status: 'ACTIVE', registeredAt: '2025-01-01T00:00:00Z' }, tags: [{ key: 'team', value: 'platform' }] });
    const prepared = prepareRegistration(text, taskdef, { image: { container: 'api', uri: 'repo/api:1.3.0' } });
    assert.deepStrictEqual(prepared.input, { ...def, containerDefinitions: [{ name: 'api', image: 'repo/api:1.3.0', essential: true }], tags: [{ key: 'team', value: 'platform' }] });
    assert.deepStrictEqual(prepared.replaced, { container: 'api', from: '<IMAGE1_NAME>', to: 'repo/api:1.3.0' });
  });

  it('refuses an unresolved image placeholder and an unknown container, naming what there is', () => {
    assert.throws(() => prepareRegistration(JSON.stringify(def), taskdef), /unresolved placeholder image "<IMAGE1_NAME>"/);
    assert.throws(() => prepareRegistration(JSON.stringify(def), taskdef, { image: { container: 'web', uri: 'x' } }), /No container "web" in family demo-api: it has api/);
  });

  it('errors block with their positions; warnings come back', () => {
    const bad = JSON.stringify({ ...def, memory: '3' }, null, 2);
    assert.throws(() => prepareRegistration(bad, taskdef), (e: Error) => e instanceof DefinitionError && e.diagnostics.length > 0 && /line 8, col \d+: Fargate has no 256 CPU \/ 3 MiB size/.test(e.message));
  });
});

describe('argument objects', () => {
  it('refuses incomplete or invalid objects with the expected shape', () => {
    assert.throws(() => parseRegisterArgs({}), /registerTaskDefinition: give exactly one of "file" and "definition"\. Expected \{ file/);
    assert.throws(() => parseUpdateArgs({ cluster: 'c', service: 's' }), /nothing to change/);
    assert.throws(() => parseUpdateArgs({ cluster: 'c', service: 's', desiredCount: -1 }), /"desiredCount" must be an integer from 0/);
    assert.throws(() => parseUpdateArgs({ cluster: 'c', service: 's', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true } } }), /needs both "enable" and "rollback"/);
    assert.throws(() => parseDeployArgs({ cluster: 'c' }), /deploy: "service" is missing/);
    assert.throws(() => parseDeployArgs({ cluster: 'c', service: 's', file: 'f', taskDefinition: 't' }), /not both/);
    assert.throws(() => parseDeployArgs({ cluster: 'c', service: 's', image: { container: 'api' } }), /"uri" is missing/);
    assert.throws(() => parseScaleArgs({ cluster: 'c', service: 's', desiredCount: '2' }), ArgumentError);
    assert.throws(() => parseStopTaskArgs({ cluster: 'c', tsk: 'x' }), /unknown member "tsk"/);
    assert.throws(() => parseRunTaskArgs({ cluster: 'c', taskDefinition: 't', launchType: 'FARGATE', placementStrategy: [{ type: 'binpack', field: 'memory' }] }), /EC2 only/);
    assert.throws(() => parseRunTaskArgs({ cluster: 'c', taskDefinition: 't', placementStrategy: [{ type: 'spread' }] }), /needs "field"/);
    assert.throws(() => parseRunTaskArgs({ cluster: 'c', taskDefinition: 't', count: 11 }), /"count" must be an integer from 1 to 10/);
    assert.throws(() => parseDeregisterArgs({ taskDefinition: 'demo-api' }), /must name a revision/);
  });

  it('accepts complete objects', () => {
    assert.deepStrictEqual(parseDeployArgs({ cluster: 'c', service: 's', image: { container: 'api', uri: 'u' } }), { cluster: 'c', service: 's', file: undefined, taskDefinition: undefined, image: { container: 'api', uri: 'u' }, allowFindings: false, wait: true, timeoutSeconds: undefined, scope: { region: undefined, profile: undefined } });
    assert.strictEqual(parseDeployArgs({ cluster: 'c', service: 's', image: { container: 'api', uri: 'u' }, allowFindings: true }).allowFindings, true);
    assert.throws(() => parseDeployArgs({ cluster: 'c', service: 's', allowFindings: 'yes' }), /"allowFindings" must be/);
    const run = parseRunTaskArgs({ cluster: 'demo-ec2', taskDefinition: 'demo-batch', count: 2, launchType: 'EC2', placementStrategy: [{ type: 'binpack', field: 'memory' }], placementConstraints: [{ type: 'distinctInstance' }] });
    assert.deepStrictEqual([run.count, run.placementStrategy, run.placementConstraints], [2, [{ type: 'binpack', field: 'memory' }], [{ type: 'distinctInstance', expression: undefined }]]);
  });

  it('every command takes region and profile, checked, and says so in its usage', () => {
    assert.deepStrictEqual(parseScaleArgs({ cluster: 'c', service: 's', desiredCount: 2, region: 'eu-west-1', profile: 'ops' }).scope, { region: 'eu-west-1', profile: 'ops' });
    assert.deepStrictEqual(parseServiceRef('watchService', { cluster: 'c', service: 's', profile: '' }).scope, { region: undefined, profile: '' });
    assert.throws(() => parseServiceRef('watchService', { cluster: 'c', service: 's', region: 'mars-1' }), /watchService: "region" must be a region code like eu-west-1, not "mars-1"\. Expected \{ cluster, service, region\?, profile\? \}/);
    assert.throws(() => parseStopTaskArgs({ cluster: 'c', task: 't', profile: 3 }), /"profile" must be a profile name/);
  });
});
