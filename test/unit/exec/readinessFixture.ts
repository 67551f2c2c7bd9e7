/** What the readiness tests share: the demo account, its tasks found through the API, a task started and run. */
import * as assert from 'assert';
import type { ClientManager, Scope } from '../../../src/aws/clientManager';
import type { ReadinessCheck, ReadinessReport } from '../../../src/exec/types';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

export const CLUSTER = 'demo-fargate';

export function useDemoAccount(): { account: UnitEmulatorAccount } {
  const ref = {} as { account: UnitEmulatorAccount };
  beforeEach(async () => {
    ref.account = await startEmulatorAccount({ seed: 'demo' });
  });
  afterEach(async () => {
    await ref.account?.close();
  });
  return ref;
}

/** The first running task of a service, as ListTasks names it. */
export async function taskOfService(clients: ClientManager, service: string, scope: Scope = {}): Promise<string> {
  const { sdk, client } = await clients.clientWithSdk('ecs', scope);
  const out = await client.send(new sdk.ecs.ListTasksCommand({ cluster: CLUSTER, serviceName: service, desiredStatus: 'RUNNING' }));
  assert.ok(out.taskArns?.length, `service ${service} has running tasks`);
  return out.taskArns[0];
}

/** RunTask, then the manual clock forward until the task (and its agent, if any) runs. */
export async function runTask(account: UnitEmulatorAccount, input: { taskDefinition: string; enableExecuteCommand?: boolean; platformVersion?: string }): Promise<string> {
  const { sdk, client } = await account.manager.clientWithSdk('ecs');
  const out = await client.send(new sdk.ecs.RunTaskCommand({
    cluster: CLUSTER, launchType: 'FARGATE', ...input,
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'], assignPublicIp: 'DISABLED' } },
  }));
  const taskArn = out.tasks?.[0]?.taskArn;
  assert.ok(taskArn, `RunTask started a task: ${JSON.stringify(out.failures)}`);
  for (let i = 0; i < 20; i++) {
    const t = (await client.send(new sdk.ecs.DescribeTasksCommand({ cluster: CLUSTER, tasks: [taskArn] }))).tasks?.[0];
    if (t?.lastStatus === 'RUNNING' && (t.containers ?? []).every((c) => (c.managedAgents ?? []).every((a) => a.lastStatus === 'RUNNING'))) return taskArn;
    await account.emulator.clock.advance(10_000);
  }
  throw new Error(`task ${taskArn} did not reach RUNNING in 200 s of emulated time`);
}

export function check(report: ReadinessReport, id: string): ReadinessCheck {
  const found = report.checks.find((c) => c.id === id);
  assert.ok(found, `the report has a check "${id}": ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
}

/** The failed checks' ids, in the report's order. */
export function failed(report: ReadinessReport): string[] {
  return report.checks.filter((c) => !c.ok).map((c) => c.id);
}
