/**
 * The `scale` seed: benchmark volumes within AWS's default quotas (5,000 services per cluster,
 * 10,000 clusters, 1,000,000 revisions per family, 20,000 images per repository):
 * - `scale-big`: 300 services, 5,000 running tasks (the bench's 5,000-task case);
 * - `scale-huge`: 5,000 services, 20,000 running tasks (4 each);
 * - 998 more clusters `scale-cluster-001`…`998` (1,000 in all);
 * - 1,000 task-definition families: `scale-app-000`…`099` with 20 revisions, `scale-app-100`…`998`
 *   with one, `scale-long` with 2,000 (4,899 revisions in all);
 * - ECR: 100 repositories × 20 images, and `scale/huge` with 10,000 (seeds/ecr.ts).
 * Its tasks write no log lines and set no timers: seeding takes about 2 s (test/unit/emulator/seeds.test.ts).
 */
import type { Region } from '../kit/world';
import { createCluster } from '../services/ecs/clusters';
import type { ClusterRecord, TaskDefinitionRecord } from '../services/ecs/state';
import { logsState } from '../services/logs/state';
import { seedEcr } from './ecr';
import { ecrImage, fargateTaskDef, steadyService, SUBNETS } from './helpers';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function family(region: Region, name: string, revisions: number): TaskDefinitionRecord {
  logsState(region).createGroup(`/ecs/${name}`);
  let latest: TaskDefinitionRecord | undefined;
  for (let r = 0; r < revisions; r++) {
    latest = fargateTaskDef(region, name, 'app', ecrImage(region, `scale/${name}`, `1.0.${r}`), { port: 8080 });
  }
  return latest!;
}

/** `services` steady Fargate services sharing `tasks` running tasks as evenly as they divide. */
function services(region: Region, cluster: ClusterRecord, count: number, tasks: number, width: number, families: TaskDefinitionRecord[]): void {
  let remaining = tasks;
  for (let s = 0; s < count; s++) {
    const n = Math.floor(remaining / (count - s));
    remaining -= n;
    steadyService(region, cluster, `svc-${pad(s, width)}`, families[s % families.length], n, 60 + (s % 300), { launchType: 'FARGATE', networkConfiguration: SUBNETS }, false);
  }
}

export function seedScale(region: Region): void {
  const latest: TaskDefinitionRecord[] = [];
  for (let f = 0; f < 999; f++) {
    latest.push(family(region, `scale-app-${pad(f, 3)}`, f < 100 ? 20 : 1));
  }
  family(region, 'scale-long', 2000);
  services(region, createCluster(region, { clusterName: 'scale-big' }), 300, 5000, 3, latest.slice(0, 100));
  services(region, createCluster(region, { clusterName: 'scale-huge' }), 5000, 20_000, 4, latest);
  for (let c = 1; c <= 998; c++) {
    createCluster(region, { clusterName: `scale-cluster-${pad(c, 3)}` });
  }
  seedEcr(region, 'scale', region.now());
}
