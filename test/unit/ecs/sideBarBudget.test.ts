import * as assert from 'assert';
import { EcsReader } from '../../../src/ecs/ecsReader';
import { presentCluster, presentContainer, presentContainerInstance, presentDeployment, presentService, presentTask, type Presented } from '../../../src/ecs/present';
import { presentFamily, presentRevision } from '../../../src/ecs/presentTaskDefinition';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';

/**
 * The side-bar budget: a row's label and description together hold at most 40 characters.
 *
 * Why 40. Measured in code-server's default 300 px side bar (the explorer screenshots of the
 * integration suite): a row's text starts 64 px in at a cluster, 8 px further each level, and is cut
 * ~18 px before the edge, so ~216 px at a cluster and ~184 px at a service's task. VS Code draws
 * the label at 13 px and the description at 0.9 em: ~6 px a character with Segoe UI or SF, about
 * 36 characters at a cluster (DejaVu Sans, this machine's font, is wider: ~30). 40 is that plus
 * one detail: what the brief asks a row to say (an instance's type and zone, a stopped task's age,
 * exit and reason) does not fit in less, so every description puts counts and status first and
 * the rest in the tooltip, and when VS Code cuts a long row it cuts the last detail only. Label
 * and description are apart by a margin, not a character, so the two texts are what is counted.
 */
const BUDGET = 40;

function within(kind: string, rows: Presented[]): string[] {
  return rows.filter((r) => r.label.length + r.description.length > BUDGET).map((r) => `${kind} "${r.label} ${r.description}" (${r.label.length + r.description.length})`);
}

describe('every explorer row of the demo seed fits the 300 px side bar', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;

  before(async () => {
    account = await startEmulatorAccount({ seed: 'demo' });
  });
  after(() => account.close());

  it(`label and description of clusters, services, deployments, tasks, containers, instances, families and revisions hold ≤ ${BUDGET} characters`, async () => {
    const reader = new EcsReader(account.manager, { region: 'us-east-1' });
    const now = account.emulator.clock.now();
    const over: string[] = [];
    const seen: Record<string, number> = {};
    const check = (kind: string, rows: Presented[]) => {
      seen[kind] = (seen[kind] ?? 0) + rows.length;
      over.push(...within(kind, rows));
    };
    const clusters = (await reader.clusters()).items;
    check('cluster', clusters.map(presentCluster));
    for (const cluster of clusters) {
      const arn = cluster.clusterArn!;
      const services = (await reader.services(arn)).items;
      check('service', services.map(presentService));
      check('deployment', services.flatMap((s) => (s.deployments ?? []).map((d) => presentDeployment(d, now))));
      const running = (await reader.tasks(arn, { desiredStatus: 'RUNNING' })).items;
      const stopped = (await reader.stoppedTasks(arn, {})).tasks;
      check('task', [...running, ...stopped].map((t) => presentTask(t, now)));
      check('container', [...running, ...stopped].flatMap((t) => (t.containers ?? []).map(presentContainer)));
      check('container instance', (await reader.containerInstances(arn)).items.map(presentContainerInstance));
    }
    const scan = await reader.serviceScan();
    for (const family of (await reader.taskDefinitionFamilies()).items) {
      for (const status of ['ACTIVE', 'INACTIVE'] as const) {
        const arns = (await reader.taskDefinitionRevisions(family, status)).items;
        const details = await reader.revisions(arns);
        if (status === 'ACTIVE') check('family', [presentFamily(family, status, details.get(arns[0]), scan)]);
        check('revision', arns.map((arn) => presentRevision(arn, status, details.get(arn))));
      }
    }
    for (const kind of ['cluster', 'service', 'deployment', 'task', 'container', 'container instance', 'family', 'revision']) assert.ok(seen[kind] > 0, `the demo seed has a ${kind}`);
    assert.deepStrictEqual(over, []);
  });
});
