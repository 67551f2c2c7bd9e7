import * as assert from 'assert';
import * as taskdef from '../../../src/taskdef';
import { DEFAULT_CLIENT_OPTIONS } from '../../../src/aws/clientManager';
import { taskDefinitionParts } from '../../../src/aws/arn';
import { applyDeploy, finishUpdate, planDeploy } from '../../../src/deploy/deployFlow';
import { EcsActions } from '../../../src/deploy/ecsActions';
import { planServiceUpdate } from '../../../src/deploy/updatePlan';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { emulatorClock, IMAGE } from './helpers';

const MINUTE = 60_000;
/** The fault mix: 30% throttling, 10% 5xx, 2% connections reset once the call has taken effect. */
const FAULTS = { throttleRate: 0.3, serverErrorRate: 0.1, connectionResetRate: 0.02 };

interface Outcome {
  summary: unknown;
  attempts: number;
}

/**
 * Runs `scenario` on a fresh demo account twice, without and with faults, through a ClientManager with
 * the extension's own retry settings (not the no-retry fixture of the other deploy tests).
 */
async function cleanAndFaulty(scenario: (actions: EcsActions, account: UnitEmulatorAccount) => Promise<unknown>, seed: number, faults: object = FAULTS): Promise<{ clean: Outcome; faulty: Outcome }> {
  const run = async (faulty: boolean): Promise<Outcome> => {
    const account = await startEmulatorAccount({ seed: 'demo' }, DEFAULT_CLIENT_OPTIONS);
    try {
      if (faulty) account.emulator.faults.set({ ...faults, seed });
      const before = sum(account.emulator.calls());
      const summary = await scenario(new EcsActions(account.manager, { region: 'us-east-1' }), account);
      account.emulator.faults.clear();
      return { summary, attempts: sum(account.emulator.calls()) - before };
    } finally {
      await account.close();
    }
  };
  return { clean: await run(false), faulty: await run(true) };
}

const sum = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);

describe('deploy, update and run-task under throttling, 5xx and dropped connections end as they do without them', function () {
  this.timeout(180_000);

  it('deploy: the same outcome, image and running count; a retried registration leaves at most an unused twin revision', async () => {
    const { clean, faulty } = await cleanAndFaulty(async (actions, account) => {
      const target = { cluster: 'demo-fargate', service: 'api' };
      const plan = await planDeploy(actions, taskdef, { ...target, image: { container: 'api', uri: IMAGE('demo/api', '1.3.0') } });
      const result = await applyDeploy(actions, target, plan, { watch: { intervalMs: 10_000, timeoutMs: 30 * MINUTE, clock: emulatorClock(account.emulator) } });
      account.emulator.faults.clear();
      const service = await actions.describeService(target.cluster, target.service);
      const running = await actions.describeTaskDefinition(service.taskDefinition!);
      const revisions = await actions.revisions('demo-api');
      return {
        outcome: result.outcome,
        deploymentIdForm: /^ecs-svc\/\d+$/.test(result.deploymentId),
        serviceRunsTheResultsRevision: service.taskDefinition === result.taskDefinitionArn,
        image: running.taskDefinition?.containerDefinitions?.map((c) => c.image),
        counts: [service.runningCount, service.desiredCount, service.deployments?.length],
        newestRevision: Math.max(...revisions.map((arn) => Number(taskDefinitionParts(arn).revision))),
      };
    }, 11);
    const { newestRevision: cleanNewest, ...cleanRest } = clean.summary as { newestRevision: number };
    const { newestRevision: faultyNewest, ...faultyRest } = faulty.summary as { newestRevision: number };
    assert.deepStrictEqual(faultyRest, cleanRest);
    assert.deepStrictEqual((cleanRest as { outcome: string }).outcome, 'COMPLETED');
    assert.ok(faultyNewest - cleanNewest <= 1, `at most one twin revision (${cleanNewest} vs ${faultyNewest})`);
    assert.ok(faulty.attempts > clean.attempts, `faults were injected and retried (${clean.attempts} → ${faulty.attempts} calls)`);
  });

  it('update: desiredCount and force-new-deployment reach the same service state', async () => {
    const { clean, faulty } = await cleanAndFaulty(async (actions, account) => {
      const watch = { intervalMs: 10_000, timeoutMs: 30 * MINUTE, clock: emulatorClock(account.emulator) };
      const outcomes: string[] = [];
      for (const [service, fields] of [['api', { desiredCount: 5 }], ['web', { forceNewDeployment: true }]] as const) {
        const before = await actions.describeService('demo-fargate', service);
        const updated = await actions.updateService('demo-fargate', service, planServiceUpdate(before, fields).input);
        const result = await finishUpdate(actions, { cluster: 'demo-fargate', service }, updated, { watch }, { previousTaskDefinition: before.taskDefinition!, registered: false });
        outcomes.push(`${service}: ${result.outcome} on ${result.taskDefinitionArn === before.taskDefinition ? 'the same revision' : 'another revision'}`);
      }
      account.emulator.faults.clear();
      const after = await Promise.all(['api', 'web'].map((s) => actions.describeService('demo-fargate', s)));
      return { outcomes, counts: after.map((s) => [s.serviceName, s.runningCount, s.desiredCount, s.deployments?.length]) };
    }, 12);
    assert.deepStrictEqual(faulty.summary, clean.summary);
    assert.deepStrictEqual((clean.summary as { outcomes: string[] }).outcomes, ['api: COMPLETED on the same revision', 'web: COMPLETED on the same revision']);
    assert.ok(faulty.attempts > clean.attempts, `faults were injected and retried (${clean.attempts} → ${faulty.attempts} calls)`);
  });

  it('run-task: exactly the count asked for, even when a reset answer makes the SDK send RunTask again', async () => {
    const scenario = async (actions: EcsActions, account: UnitEmulatorAccount) => {
      const started: string[] = [];
      for (let i = 0; i < 6; i++) {
        const { tasks, failures } = await actions.runTask({ cluster: 'demo-ec2', taskDefinition: 'demo-batch', launchType: 'EC2', count: 2, startedBy: 'fault-test' });
        assert.deepStrictEqual(failures, []);
        started.push(...tasks.map((t) => t.taskArn!));
      }
      account.emulator.faults.clear();
      const { sdk, client } = await account.manager.clientWithSdk('ecs', { region: 'us-east-1' });
      const listed = await client.send(new sdk.ecs.ListTasksCommand({ cluster: 'demo-ec2', startedBy: 'fault-test' }));
      return { returned: started.length, distinct: new Set(started).size, listed: listed.taskArns?.length, runTaskSent: account.emulator.calls().get('ecs:RunTask') };
    };
    const mix = await cleanAndFaulty(scenario, 13);
    const { runTaskSent: cleanSent, ...clean } = mix.clean.summary as { runTaskSent: number };
    const { runTaskSent: faultySent, ...faulty } = mix.faulty.summary as { runTaskSent: number };
    assert.deepStrictEqual(clean, { returned: 12, distinct: 12, listed: 12 });
    assert.deepStrictEqual(faulty, clean);
    // A third of the RunTask answers reset after the tasks started (seeded, so the same ones every run):
    // the SDK resends with the same client token.
    const resets = await cleanAndFaulty(scenario, 14, { connectionResetRate: 0.3, faultActions: ['ecs:RunTask'] });
    const { runTaskSent, ...afterResets } = resets.faulty.summary as { runTaskSent: number };
    assert.deepStrictEqual(afterResets, clean);
    assert.ok(runTaskSent > 6 && cleanSent === 6, `RunTask was resent (${cleanSent} clean, ${faultySent} under the mix, ${runTaskSent} under resets)`);
  });
});
