/** ECR content of the seeds. */
import type { Region } from '../kit/world';
import { digestOf, ecrState, type Image, type RepoState } from '../services/ecr/state';

export function seedEcr(region: Region, seed: 'demo' | 'scale', at: Date): void {
  const ecr = ecrState(region);
  const ago = (days: number): Date => new Date(at.getTime() - days * 24 * 3600_000);
  if (seed === 'scale') {
    for (let f = 0; f < 100; f++) {
      const repo = ecr.createRepo({ repositoryName: `scale/scale-app-${String(f).padStart(3, '0')}` }, ago(200));
      for (let r = 0; r < 20; r++) {
        ecr.putImage(repo, `1.0.${r}`, { pushedAt: ago(100 - r) });
      }
    }
    // One image an hour, newest last: 10,000 images reach back about 14 months.
    const huge = ecr.createRepo({ repositoryName: 'scale/huge' }, ago(500));
    for (let i = 1; i <= 10_000; i++) {
      ecr.putImage(huge, `build-${String(i).padStart(5, '0')}`, { pushedAt: new Date(at.getTime() - (10_000 - i) * 3600_000) });
    }
    return;
  }
  const put = (repo: RepoState, tags: string[], days: number, scanned: boolean): void => {
    let img: Image | undefined;
    for (const tag of tags.length ? tags : [undefined]) {
      img = ecr.putImage(repo, tag, { pushedAt: ago(days), digest: img?.imageDigest ?? (tag ? undefined : digestOf(`${repo.repo.repositoryName}@${days}`)) });
    }
    if (scanned && img) {
      const scan = ecr.startScan(repo, img, true);
      scan.startedAt = ago(days);
      scan.completedAt = new Date(ago(days).getTime() + 60_000);
    }
  };
  // Seeded images get their scans explicitly: scan on push is switched on after them.
  const scanOnPushAfter = (repo: RepoState, fill: () => void): void => {
    repo.repo.imageScanningConfiguration.scanOnPush = false;
    fill();
    repo.repo.imageScanningConfiguration.scanOnPush = true;
  };
  const api = ecr.createRepo({ repositoryName: 'demo/api', imageScanningConfiguration: { scanOnPush: true }, tags: [{ Key: 'team', Value: 'platform' }] }, ago(120));
  scanOnPushAfter(api, () => {
    put(api, [], 90, false);
    put(api, ['1.0.0'], 60, true);
    put(api, ['1.1.0'], 30, true);
    put(api, ['1.2.0', 'latest'], 2, true);
  });
  const web = ecr.createRepo({ repositoryName: 'demo/web' }, ago(100));
  put(web, ['2.0.0'], 20, false);
  put(web, ['2.1.0', 'latest'], 1, false);
  const worker = ecr.createRepo({ repositoryName: 'demo/worker', imageScanningConfiguration: { scanOnPush: true } }, ago(80));
  scanOnPushAfter(worker, () => {
    put(worker, ['0.9.0'], 40, true);
    put(worker, ['1.0.0-fail'], 0.02, true);
  });
  const batch = ecr.createRepo({ repositoryName: 'demo/batch' }, ago(300));
  put(batch, ['latest'], 7, false);
  ecr.createRepo({ repositoryName: 'demo/empty', imageTagMutability: 'IMMUTABLE' }, ago(10));
}
