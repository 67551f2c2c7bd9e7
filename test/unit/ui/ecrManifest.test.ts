import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[]; views: Record<string, { id: string; initialSize?: number; visibility?: string }[]> };
};

/** The palette's label filter (VS Code's commandsQuickAccess: contiguous substring, else words in order, case-insensitive). */
function paletteMatches(query: string, label: string): boolean {
  const q = query.toLowerCase();
  const l = label.toLowerCase();
  if (l.includes(q)) return true;
  let at = 0;
  for (const word of q.split(/\s+/)) {
    const found = l.slice(at).search(new RegExp(`(^|[^a-z0-9])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (found < 0) return false;
    at += found + word.length;
  }
  return true;
}

const label = (id: string) => {
  const c = manifest.contributes.commands.find((x) => x.command === id)!;
  return `${c.category}: ${c.title}`;
};

describe('package.json: the ECR view and push commands as a new user meets them', () => {
  it('the ECS explorer gets three times the height of the ECR view by default (initialSize weights of one container)', () => {
    const views = manifest.contributes.views.ecsWorkbench;
    const size = (id: string) => views.find((v) => v.id === id)?.initialSize;
    assert.strictEqual(size('ecsWorkbench.explorer'), 60);
    assert.strictEqual(size('ecsWorkbench.ecr'), 20);
    assert.ok(views.every((v) => v.visibility !== 'hidden'), 'both views are shown');
  });

  it('typing "push image" in the palette finds Push Image to ECR…; Build Image and Push… is found by "build" (the palette sorts matches by label)', () => {
    assert.strictEqual(label('ecsWorkbench.pushImage'), 'ECR: Push Image to ECR…');
    assert.strictEqual(label('ecsWorkbench.buildAndPushImage'), 'ECR: Build Image and Push to ECR…');
    assert.ok(paletteMatches('push image', label('ecsWorkbench.pushImage')));
    assert.ok(!paletteMatches('push image', label('ecsWorkbench.buildAndPushImage')), 'otherwise "Build…" would sort first');
    assert.ok(paletteMatches('build push', label('ecsWorkbench.buildAndPushImage')));
    assert.strictEqual(label('ecsWorkbench.showPushResult'), 'ECR: Show Last Push…');
  });
});
