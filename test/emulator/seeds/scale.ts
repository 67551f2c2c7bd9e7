/** The `scale` seed: one cluster with 300 services and 5,000 tasks, 50 clusters in all, 2,000 task-definition revisions, 100 repositories. */
import type { Region } from '../kit/world';
import { createCluster } from '../services/ecs/clusters';
import type { TaskDefinitionRecord } from '../services/ecs/state';
import { logsState } from '../services/logs/state';
import { seedEcr } from './ecr';
import { ecrImage, fargateTaskDef, steadyService, SUBNETS } from './helpers';

export function seedScale(region: Region): void {
  const families: TaskDefinitionRecord[][] = [];
  for (let f = 0; f < 100; f++) {
    const family = `scale-app-${String(f).padStart(3, '0')}`;
    logsState(region).createGroup(`/ecs/${family}`);
    const revs: TaskDefinitionRecord[] = [];
    for (let r = 0; r < 20; r++) {
      revs.push(fargateTaskDef(region, family, 'app', ecrImage(region, `scale/${family}`, `1.0.${r}`), { port: 8080 }));
    }
    families.push(revs);
  }
  const big = createCluster(region, { clusterName: 'scale-big' });
  for (let c = 1; c < 50; c++) {
    createCluster(region, { clusterName: `scale-cluster-${String(c).padStart(2, '0')}` });
  }
  let remaining = 5000;
  for (let s = 0; s < 300; s++) {
    const n = Math.floor(remaining / (300 - s));
    remaining -= n;
    const revs = families[s % families.length];
    steadyService(region, big, `svc-${String(s).padStart(3, '0')}`, revs[revs.length - 1], n, 60 + s, { launchType: 'FARGATE', networkConfiguration: SUBNETS }, false);
  }
  seedEcr(region, 'scale', region.now());
}
