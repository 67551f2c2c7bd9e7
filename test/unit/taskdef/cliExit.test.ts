// The linter's bin as a child process on files made of fuzz inputs: a readable file exits 0 or 1,
// without a stack trace; 2 is for files that cannot be read and for usage errors.
import * as assert from 'assert';
import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, checkCli, tempDir } from '../../fuzz/cliCheck';
import { BLOCK, type FuzzCase, REQUIRED_CLASSES, fixtureSeedDirs, generateCase, loadSeeds } from '../../fuzz/generator';
import { REPO } from './helpers';

const SEED = 424242;

function run(cli: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 60_000 }, (error, _stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ code: error ? (typeof code === 'number' ? code : null) : 0, stderr: String(stderr) });
    });
  });
}

describe('ecs-taskdef-lint bin: exit codes on fuzz inputs', function () {
  this.timeout(180_000);
  let dir: string;
  let cli: string;

  before(async () => {
    // The bin package.json names, bundled the way esbuild.js bundles it (dist/ may be stale or absent).
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.deepStrictEqual(pkg.bin, { 'ecs-taskdef-lint': './dist/ecs-taskdef-lint.js' });
    assert.match(fs.readFileSync(path.join(REPO, 'esbuild.js'), 'utf8'), /cliBuildOptions\(\{ outdir: 'dist', production \}\)/);
    dir = tempDir('ecs-taskdef-cli-');
    cli = await buildCli(REPO, path.join(dir, 'bin'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a file of every input class, full size (5 MB strings, 1,000-level nesting, invalid UTF-8): exit 0 or 1, no stack trace', async () => {
    const seeds = loadSeeds(fixtureSeedDirs(REPO));
    // One block holds every class: its first input of each class (the huge arrays at a tenth of their size).
    const cases: FuzzCase[] = [];
    const covered = new Set<string>();
    for (let i = 0; i < BLOCK; i++) {
      const small = generateCase({ seed: SEED, seeds, scale: 0.1 }, i);
      if (small.classes.every((c) => covered.has(c))) continue;
      for (const c of small.classes) covered.add(c);
      cases.push(small.classes.includes('huge-string') || small.classes.includes('deep-nest') ? generateCase({ seed: SEED, seeds, scale: 1 }, i) : small);
    }
    for (const c of REQUIRED_CLASSES) assert.ok(cases.some((k) => k.classes.includes(c)), c);
    assert.ok(cases.some((c) => c.classes.includes('huge-string') && c.text.length >= 5_000_000), 'a 5 MB string');
    assert.ok(cases.some((c) => c.classes.includes('deep-nest') && /\/(\d+)/.exec(c.mutation) && Number(/\/(\d+)/.exec(c.mutation)![1]) >= 1000), 'nesting 1,000 levels deep');
    assert.ok(cases.some((c) => c.classes.includes('invalid-utf8') && c.bytes && !c.bytes.equals(Buffer.from(c.bytes.toString('utf8'), 'utf8'))), 'bytes that are not UTF-8');

    const runs = await checkCli(cli, cases, path.join(dir, 'files'));
    const bad = runs.filter((r) => !r.ok).map((r) => `${r.id} exit=${r.code} signal=${r.signal}: ${r.stderr.slice(0, 300)}`);
    assert.deepStrictEqual(bad, []);
    assert.ok(runs.some((r) => r.code === 0) && runs.some((r) => r.code === 1), 'both exit codes seen');
  });

  it('a reader that closes the pipe early (| head): the exit code of the lint, no stack trace', async () => {
    const file = path.join(dir, 'many-errors-task-definition.json');
    fs.writeFileSync(file, JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }], requiresCompatibilities: Array(50_000).fill(1) }));
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const child = spawn(process.execPath, [cli, '--format', format, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.strictEqual(code, 1, `${format}: ${stderr}`);
      assert.doesNotMatch(stderr, /EPIPE|^\s+at .+:\d+:\d+\)?$/m, format);
    }
  });

  it('exit 2 only for a missing or unreadable file and for usage errors, still without a stack trace', async () => {
    const good = path.join(dir, 'good-task-definition.json');
    fs.writeFileSync(good, JSON.stringify({ family: 'a', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }] }));
    const cases: [string[], number][] = [
      [[good], 0],
      [[path.join(dir, 'missing.json')], 2],
      [[dir], 2], // a folder: readable name, unreadable as a file
      [[good, path.join(dir, 'missing.json')], 2],
      [[], 2],
      [['--format', 'xml', good], 2],
      [['--kind'], 2],
      [['--frobnicate', good], 2],
      [['--help'], 0],
    ];
    for (const [args, expected] of cases) {
      const r = await run(cli, args);
      assert.strictEqual(r.code, expected, `${args.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, args.join(' '));
    }
  });
});
