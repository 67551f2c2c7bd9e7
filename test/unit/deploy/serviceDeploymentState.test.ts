import * as assert from 'assert';
import { evaluatePoll, type RolloutMemory, type Service } from '../../../src/deploy/rollout';
import { parseContinueArgs, parseRollbackArgs, parseStopDeploymentArgs } from '../../../src/deploy/serviceDeploymentArgs';
import { evaluateServiceDeployment, progressText, type ServiceDeployment, type StageMemory } from '../../../src/deploy/serviceDeploymentState';

const T0 = Date.parse('2026-05-01T12:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/abc';

/** A recorded DescribeServiceDeployments answer, at `s` seconds after T0. */
function sd(s: number, strategy: string, fields: Partial<ServiceDeployment>, config: Record<string, unknown> = {}): ServiceDeployment {
  return { serviceDeploymentArn: ARN, status: 'IN_PROGRESS', updatedAt: at(s), deploymentConfiguration: { strategy, ...config } as ServiceDeployment['deploymentConfiguration'], ...fields };
}

/** Plays `sequence` through the evaluator (each read at its updatedAt + 5 s); the progress lines and the final verdict. */
function play(sequence: ServiceDeployment[]): { lines: string[]; outcome?: string; reason?: string } {
  let memory: StageMemory | undefined;
  const lines: string[] = [];
  for (const d of sequence) {
    const v = evaluateServiceDeployment(memory, d, d.updatedAt!.getTime() + 5_000);
    memory = v.memory;
    lines.push(progressText(v.progress));
    if (v.outcome) return { lines, outcome: v.outcome, reason: v.reason };
  }
  return { lines };
}

const weight = (p: number) => ({ targetServiceRevision: { arn: 'rev', requestedProductionTrafficWeight: p } });

describe('service deployment evaluator over recorded stage sequences', () => {
  it('ROLLING: stages, then SUCCESSFUL is COMPLETED', () => {
    const r = play([sd(0, 'ROLLING', { status: 'PENDING' }), sd(10, 'ROLLING', { lifecycleStage: 'SCALE_UP' }), sd(60, 'ROLLING', { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' })]);
    assert.deepStrictEqual(r.lines, ['rolling · PENDING', 'rolling · scale up', 'rolling · SUCCESSFUL · clean up']);
    assert.strictEqual(r.outcome, 'COMPLETED');
  });

  it('BLUE_GREEN: test shift, production shift, the bake timer counting down from the stage start, COMPLETED', () => {
    const bake = { bakeTimeInMinutes: 5 };
    const r = play([
      sd(0, 'BLUE_GREEN', { lifecycleStage: 'SCALE_UP' }, bake),
      sd(30, 'BLUE_GREEN', { lifecycleStage: 'TEST_TRAFFIC_SHIFT' }, bake),
      sd(60, 'BLUE_GREEN', { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', ...weight(100) }, bake),
      sd(90, 'BLUE_GREEN', { lifecycleStage: 'BAKE_TIME', ...weight(100) }, bake),
      sd(90 + 48, 'BLUE_GREEN', { lifecycleStage: 'BAKE_TIME', ...weight(100), updatedAt: at(90) }, bake),
      sd(400, 'BLUE_GREEN', { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' }, bake),
    ]);
    assert.deepStrictEqual(r.lines, ['blue/green · scale up', 'blue/green · test traffic shift', 'blue/green · production traffic shift', 'blue/green · bake 4:55 left', 'blue/green · bake 4:55 left', 'blue/green · SUCCESSFUL · clean up']);
    assert.strictEqual(r.outcome, 'COMPLETED');
  });

  it('the bake timer runs from the stage start while the deployment does not change', () => {
    const bake = { bakeTimeInMinutes: 5 };
    const d = sd(90, 'BLUE_GREEN', { lifecycleStage: 'BAKE_TIME', ...weight(100) }, bake);
    const first = evaluateServiceDeployment(undefined, d, T0 + 95_000);
    const later = evaluateServiceDeployment(first.memory, d, T0 + 90_000 + 48_000);
    assert.strictEqual(progressText(later.progress), 'blue/green · bake 4:12 left');
  });

  it('CANARY: "canary 10% · bake 4:12 left", then 100% and the final bake', () => {
    const config = { bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } };
    const canary = sd(0, 'CANARY', { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', ...weight(10) }, config);
    const first = evaluateServiceDeployment(undefined, canary, T0 + 5_000);
    const later = evaluateServiceDeployment(first.memory, canary, T0 + 48_000);
    assert.strictEqual(progressText(later.progress), 'canary 10% · bake 4:12 left');
    const full = evaluateServiceDeployment(later.memory, sd(300, 'CANARY', { lifecycleStage: 'BAKE_TIME', ...weight(100) }, config), T0 + 305_000);
    assert.strictEqual(progressText(full.progress), 'canary 100% · bake 0:55 left');
  });

  it('LINEAR: each step with its step bake; 100% has no step bake', () => {
    const config = { linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 }, bakeTimeInMinutes: 0 };
    const r = play([
      sd(0, 'LINEAR', { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', ...weight(50) }, config),
      sd(60, 'LINEAR', { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', ...weight(100) }, config),
      sd(70, 'LINEAR', { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP', ...weight(100) }, config),
    ]);
    assert.deepStrictEqual(r.lines, ['linear 50% · bake 0:55 left', 'linear 100% · production traffic shift', 'linear 100% · SUCCESSFUL · clean up']);
    assert.strictEqual(r.outcome, 'COMPLETED');
  });

  it('a PAUSE hook awaiting action is PAUSED, saying when its timeout acts and what it does', () => {
    const hook = { hookId: 'h-1', targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const, expiresAt: new Date('2026-05-01T13:00:00Z'), timeoutAction: 'ROLLBACK' as const };
    const v = evaluateServiceDeployment(undefined, sd(0, 'BLUE_GREEN', { lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', lifecycleHookDetails: [hook] }), T0 + 5_000);
    assert.strictEqual(v.outcome, 'PAUSED');
    assert.strictEqual(v.progress.pausedHook?.hookId, 'h-1');
    assert.match(v.reason!, /paused the deployment at post test traffic shift.*roll back at 13:00:00 UTC/);
    assert.strictEqual(progressText(v.progress), 'blue/green · paused at post test traffic shift (roll back at 13:00:00 UTC)');
  });

  it('a rollback: ROLLBACK_IN_PROGRESS is not final; ROLLBACK_SUCCESSFUL is ROLLED_BACK with the reason', () => {
    const rollback = { reason: 'Circuit breaker: 3 tasks failed', startedAt: at(50), serviceRevisionArn: 'rev-1' };
    const r = play([sd(0, 'CANARY', { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', ...weight(10) }), sd(50, 'CANARY', { status: 'ROLLBACK_IN_PROGRESS', rollback, ...weight(10) }), sd(80, 'CANARY', { status: 'ROLLBACK_SUCCESSFUL', rollback })]);
    assert.strictEqual(r.lines[1], 'canary 10% · ROLLBACK_IN_PROGRESS');
    assert.strictEqual(r.outcome, 'ROLLED_BACK');
    assert.match(r.reason!, /Circuit breaker: 3 tasks failed/);
    assert.strictEqual(play([sd(0, 'BLUE_GREEN', { status: 'ROLLBACK_FAILED', statusReason: 'green would not drain' })]).outcome, 'FAILED');
  });

  it('a stop: STOP_REQUESTED goes on, STOPPED is STOPPED with the reason', () => {
    const r = play([sd(0, 'BLUE_GREEN', { status: 'STOP_REQUESTED' }), sd(20, 'BLUE_GREEN', { status: 'STOPPED', statusReason: 'Stopped by user' })]);
    assert.deepStrictEqual([r.outcome, r.reason], ['STOPPED', 'Stopped by user']);
  });

  it('what can roll it back: the circuit breaker count and the CloudWatch alarms', () => {
    const v = evaluateServiceDeployment(undefined, sd(0, 'ROLLING', { deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 1, threshold: 3 }, alarms: { status: 'MONITORING', alarmNames: ['web-5xx'] } }), T0);
    assert.strictEqual(v.progress.guards, 'circuit breaker 1/3 failed · alarms web-5xx');
    const t = evaluateServiceDeployment(undefined, sd(0, 'ROLLING', { alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx'] } }), T0);
    assert.strictEqual(t.progress.guards, 'alarm web-5xx triggered');
  });

  describe('with DescribeServices (evaluatePoll)', () => {
    const service = (deployments: Service['deployments'], running = 2): Service => ({ desiredCount: 2, runningCount: running, pendingCount: 0, deployments, events: [] });
    const primary = (rolloutState: string, running = 2) => ({ id: 'ecs-svc/abc', status: 'PRIMARY', taskDefinition: 'web:2', desiredCount: 2, runningCount: running, pendingCount: 0, rolloutState: rolloutState as 'COMPLETED', createdAt: at(0) });
    const old = { id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: 'web:1', desiredCount: 2, runningCount: 2, pendingCount: 0, rolloutState: 'COMPLETED' as const, createdAt: at(-99) };
    const poll = (snapshot: Service, d: ServiceDeployment, memory?: RolloutMemory) => evaluatePoll(memory, snapshot, 'ecs-svc/abc', [], { deployment: d, nowMs: T0 + 10_000 });

    it('blue/green: two deployments side by side are not a failure; only the service deployment ends it', () => {
      const e = poll(service([primary('IN_PROGRESS'), old]), sd(0, 'BLUE_GREEN', { lifecycleStage: 'BAKE_TIME' }));
      assert.strictEqual(e.outcome, undefined);
      const gone = poll(service([old]), sd(0, 'BLUE_GREEN', { lifecycleStage: 'CLEAN_UP' }));
      assert.strictEqual(gone.outcome, undefined, 'DescribeServices alone would call this FAILED');
    });

    it('an earlier SUCCESSFUL deployment still current while the service scales is not COMPLETED until settled', () => {
      const scaling = poll(service([primary('COMPLETED', 1)], 1), sd(0, 'ROLLING', { status: 'SUCCESSFUL' }));
      assert.strictEqual(scaling.outcome, undefined);
      const settled = poll(service([primary('COMPLETED')]), sd(0, 'ROLLING', { status: 'SUCCESSFUL' }));
      assert.strictEqual(settled.outcome, 'COMPLETED');
    });

    it('rolling: a circuit-breaker rollback seen in DescribeServices ends the watch as before, with the service deployment attached', () => {
      const failed = { ...primary('FAILED', 0), status: 'ACTIVE', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' };
      const e = poll(service([{ ...old, status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }, failed]), sd(0, 'ROLLING', { status: 'ROLLBACK_IN_PROGRESS' }));
      assert.strictEqual(e.outcome, 'ROLLED_BACK');
      assert.strictEqual(e.serviceDeployment?.progress.status, 'ROLLBACK_IN_PROGRESS');
    });
  });
});

describe('service-deployment action arguments', () => {
  it('reads each command\'s object and refuses what it does not take, saying what is expected', () => {
    assert.deepStrictEqual(parseRollbackArgs({ cluster: 'c', service: 's', wait: true, region: 'eu-west-1' }), { cluster: 'c', service: 's', serviceDeploymentArn: undefined, wait: true, scope: { region: 'eu-west-1', profile: undefined } });
    assert.strictEqual(parseContinueArgs({ cluster: 'c', service: 's' }).action, 'CONTINUE');
    assert.throws(() => parseContinueArgs({ cluster: 'c', service: 's', action: 'ABORT' }), /"action" must be one of CONTINUE, ROLLBACK.*Expected \{ cluster, service, hookId\?/);
    assert.throws(() => parseStopDeploymentArgs({ cluster: 'c', service: 's', stopType: 'ROLLBACK' }), /unknown member "stopType".*Expected \{ cluster, service, serviceDeploymentArn\?, region\?, profile\? \}/);
    assert.throws(() => parseRollbackArgs({ service: 's' }), /cluster/);
  });
});
