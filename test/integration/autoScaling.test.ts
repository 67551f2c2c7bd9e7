import * as assert from 'assert';
import * as vscode from 'vscode';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { EmulatorHandle } from '../emulator';
import { scalingEngine } from '../emulator/services/autoscaling/engine';
import { SIDEBAR, hasDriver, openSideBarRows, screenshot } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand, type Shown } from './support/tree';

const WEB = { cluster: 'demo-fargate', service: 'web' };
const AUTO_SCALING = ['us-east-1', 'demo-fargate', 'Services', 'web', 'Auto scaling'];

describe('Auto scaling: capacity, policies, scheduled actions and their activities in the tree', function () {
  this.timeout(120_000);
  let workbench: EcsWorkbenchApi;
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;
  let ecs: ECSClient;
  const run = <T>(command: string, arg: Record<string, unknown>): Promise<T> => Promise.resolve(vscode.commands.executeCommand<T>(`ecsWorkbench.${command}`, arg));
  const rows = (): Promise<Shown[]> => expand(workbench.explorer, ...AUTO_SCALING);
  const activities = (): Promise<Shown[]> => expand(workbench.explorer, ...AUTO_SCALING, 'Recent activity');
  const desired = async (): Promise<number> => (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['web'] }))).services![0].desiredCount!;
  /** Emulated minutes, one at a time, until `check` holds (the engine acts once a minute). */
  async function minutesUntil<T>(check: () => Promise<T | undefined>, what: string, max = 30): Promise<T> {
    for (let i = 0; i < max; i++) {
      const v = await check();
      if (v !== undefined) return v;
      await emulator.clock.advance(60_000);
    }
    return eventually(check, what, 5_000);
  }

  before(async () => {
    account = await useEmulatorAccount({ seed: 'demo' });
    ({ workbench, emulator } = account);
    ecs = new ECSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    scalingEngine(emulator.region().world).start();
  });

  after(async () => {
    scalingEngine(emulator.region().world).stop();
    await account.close();
  });

  it('sets the capacity: the Auto scaling node shows the target instead of "Not auto scaled"', async () => {
    assert.deepStrictEqual((await rows()).map((r) => r.label), ['Not auto scaled']);
    const result = await run<{ resourceId: string; minCapacity: number; maxCapacity: number; scalableTargetArn: string }>('setScalingCapacity', { ...WEB, minCapacity: 1, maxCapacity: 5 });
    assert.strictEqual(result.resourceId, 'service/demo-fargate/web');
    assert.match(result.scalableTargetArn, /^arn:aws:application-autoscaling:us-east-1:\d{12}:scalable-target\//);
    const shown = await rows();
    assert.deepStrictEqual(shown.map((r) => r.label), ['Scalable target: min 1 · max 5', 'Recent activity']);
    assert.strictEqual(shown[0].description, 'active');
    await assert.rejects(run('setScalingCapacity', { ...WEB, minCapacity: 6, maxCapacity: 5 }), /"minCapacity" \(6\) cannot be greater than "maxCapacity" \(5\)/);
  });

  it('a target tracking policy on CPU scales the service out under its simulated load, the activity names the alarm', async () => {
    const before = await desired();
    const result = await run<{ policyName: string; alarms: string[] }>('putScalingPolicy', { ...WEB, policyName: 'cpu-5', type: 'TargetTracking', metric: 'ECSServiceAverageCPUUtilization', targetValue: 5, scaleOutCooldown: 60 });
    assert.strictEqual(result.alarms.length, 2);
    assert.ok(result.alarms.every((a) => a.startsWith('TargetTracking-service/demo-fargate/web-Alarm')));
    const policy = (await rows()).find((r) => r.label === 'Policy cpu-5')!;
    assert.strictEqual(policy.description, 'TargetTrackingScaling · ECSServiceAverageCPUUtilization → 5');
    assert.strictEqual(policy.contextValue, 'autoScalingPolicy');
    const after = await minutesUntil(async () => { const d = await desired(); return d > before ? d : undefined; }, 'web to scale out');
    const [latest] = await activities();
    assert.strictEqual(latest.label, `Setting desired count to ${after}.`);
    assert.match(latest.description!, /^Successful · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    assert.match(latest.tooltip!, /Cause: monitor alarm TargetTracking-service\/demo-fargate\/web-AlarmHigh-[0-9a-f-]+ in state ALARM triggered policy cpu-5/);
    const deleted = await run<{ deleted: string }>('deleteScalingPolicy', { ...WEB, policyName: 'cpu-5' });
    assert.strictEqual(deleted.deleted, 'cpu-5');
    assert.ok(!(await rows()).some((r) => r.label === 'Policy cpu-5'));
  });

  it('a step policy on a new CPU alarm: the alarm is created with the policy as its action and scales out when it fires', async () => {
    await run('setScalingCapacity', { ...WEB, minCapacity: 1, maxCapacity: 10 });
    const before = await desired();
    const result = await run<{ policyName: string; createdAlarm: string; alarms: string[] }>('putScalingPolicy', {
      ...WEB, policyName: 'step-out', type: 'StepScaling', alarm: { metric: 'CPUUtilization', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 1 },
      steps: [{ lowerBound: 0, adjustment: 1 }], adjustmentType: 'ChangeInCapacity', cooldown: 60,
    });
    assert.strictEqual(result.createdAlarm, 'Step-demo-fargate-web-step-out');
    const row = (await rows()).find((r) => r.label === 'Policy step-out')!;
    assert.strictEqual(row.description, 'StepScaling · 1 step(s), ChangeInCapacity');
    await minutesUntil(async () => ((await desired()) > before ? true : undefined), 'the step policy to scale out');
    const [latest] = await activities();
    assert.match(latest.tooltip!, /Cause: monitor alarm Step-demo-fargate-web-step-out in state ALARM triggered policy step-out/);
    await run('deleteScalingPolicy', { ...WEB, policyName: 'step-out' });
    await assert.rejects(run('putScalingPolicy', { ...WEB, policyName: 'step-2', type: 'StepScaling', alarmName: 'no-such-alarm', steps: [{ lowerBound: 0, adjustment: 1 }], adjustmentType: 'ChangeInCapacity' }), /No CloudWatch metric alarm named no-such-alarm/);
    assert.ok(!(await rows()).some((r) => r.label === 'Policy step-2'), 'nothing half-applied');
  });

  it('a scheduled action is refused with the reason before sending, and a valid one fires on the clock', async () => {
    const sent = () => emulator.calls().get('autoscaling:PutScheduledAction') ?? 0;
    const calls = sent();
    await assert.rejects(run('putScheduledAction', { ...WEB, name: 'night', schedule: 'cron(0 22 * * MON-FRI *)', maxCapacity: 2 }), /one of Day-of-month and Day-of-week must be "\?"/);
    await assert.rejects(run('putScheduledAction', { ...WEB, name: 'night', schedule: 'rate(5 minutes)', timezone: 'Paris', maxCapacity: 2 }), /not an IANA time zone name/);
    assert.strictEqual(sent(), calls, 'nothing sent');
    const result = await run<{ name: string; nextRuns: string[]; nextRunsText: string[] }>('putScheduledAction', { ...WEB, name: 'every-10', schedule: 'rate(10 minutes)', timezone: 'Europe/Paris', minCapacity: 1, maxCapacity: 2 });
    assert.strictEqual(result.nextRuns.length, 3);
    assert.match(result.nextRunsText[0], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} Europe\/Paris \(\d{2}:\d{2} UTC\)$/);
    const row = (await rows()).find((r) => r.label === 'Scheduled every-10')!;
    assert.strictEqual(row.description, 'rate(10 minutes) Europe/Paris → min 1 · max 2');
    await minutesUntil(async () => ((await desired()) === 2 ? true : undefined), 'the scheduled action to set max 2');
    assert.strictEqual((await rows())[0].label, 'Scalable target: min 1 · max 2');
    const causes = (await activities()).map((a) => a.tooltip ?? '');
    assert.ok(causes.some((c) => /Cause: scheduled action name every-10 was triggered/.test(c)), causes.join('\n'));
    assert.strictEqual((await run<{ deleted: string }>('deleteScheduledAction', { ...WEB, name: 'every-10' })).deleted, 'every-10');
    assert.ok(!(await rows()).some((r) => r.label.startsWith('Scheduled ')));
  });

  it('suspends and resumes scaling, shown on the target row', async () => {
    const s = await run<{ suspendedState: Record<string, boolean> }>('suspendScaling', { ...WEB, scheduledScaling: true });
    assert.strictEqual(s.suspendedState.ScheduledScalingSuspended, true);
    assert.strictEqual((await rows())[0].description, 'suspended: ScheduledScalingSuspended');
    await run('resumeScaling', WEB);
    assert.strictEqual((await rows())[0].description, 'active');
  });

  it('a target tracking policy on ALB requests per target, its label taken from the service\'s target group, scales the service behind demo-alb out', async () => {
    const API = { cluster: 'demo-fargate', service: 'api' };
    const apiDesired = async (): Promise<number> => (await ecs.send(new DescribeServicesCommand({ cluster: 'demo-fargate', services: ['api'] }))).services![0].desiredCount!;
    const apiRows = (): Promise<Shown[]> => expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'api', 'Auto scaling');
    const before = await apiDesired();
    await run('putScalingPolicy', { ...API, policyName: 'requests', type: 'TargetTracking', metric: 'ALBRequestCountPerTarget', targetValue: 1, scaleOutCooldown: 60 });
    const policy = (await apiRows()).find((r) => r.label === 'Policy requests')!;
    assert.strictEqual(policy.description, 'TargetTrackingScaling · ALBRequestCountPerTarget → 1');
    const after = await minutesUntil(async () => { const d = await apiDesired(); return d > before ? d : undefined; }, 'api to scale out');
    const acts = await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'api', 'Auto scaling', 'Recent activity');
    const mine = acts.find((a) => /triggered policy requests/.test(String(a.tooltip)))!;
    assert.strictEqual(mine.label, `Setting desired count to ${after}.`);
    assert.match(String(mine.tooltip), /Cause: monitor alarm TargetTracking-service\/demo-fargate\/api-AlarmHigh-[0-9a-f-]+ in state ALARM triggered policy requests/);
    if (hasDriver()) {
      await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
      await openSideBarRows('us-east-1', 'demo-fargate', 'Services', 'api', 'Auto scaling', 'Recent activity');
      await screenshot('auto-scaling-requests', SIDEBAR);
    }
    await run('deleteScalingPolicy', { ...API, policyName: 'requests' });
  });
});
