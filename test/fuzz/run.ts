/**
 * npm run fuzz:taskdef [-- --count N --seed S --start I --scale X --budget MS --budget-per-mb MS --budget-per-1000-diagnostics MS --workers W --corpus DIR --cli-sample N]
 * npm run fuzz:taskdef -- --seed S --index I [--scale X] [--write FILE]   (replays one case, in process)
 *
 * Prints `fuzz inputs=<n> seed=<s> crashes=<n> p50_ms=… p99_ms=… worst_ms=… worst=<class/seed/index> [<mutation>]`
 * (CPU time of the product's calls per input),
 * the count of every input class, the fixes applied, a digest of the inputs (same seed, same digest),
 * then `cli files=<n> exit0=<n> exit1=<n> bad=<n>` for the built CLI on a sample of the inputs
 * written to files. Exits 1 when anything crashed or a required input class is missing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exercise, fuzzLanguageService } from './exercise';
import { buildCli, checkCli, tempDir } from './cliCheck';
import { BLOCK, POSITION_CLASSES, REQUIRED_CLASSES, caseBytes, corpusSeedDirs, fixtureSeedDirs, generateCase, loadSeeds } from './generator';
import { DEFAULT_BUDGET_MS, DEFAULT_BUDGET_PER_1000_DIAGNOSTICS_MS, DEFAULT_BUDGET_PER_MB_MS, classLines, describeCrash, figuresLine, runFuzz } from './runner';

const REPO = path.resolve(__dirname, '..', '..', '..');

function args(argv: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, v] = a.includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), argv[++i]];
    if (v === undefined) throw new Error(`--${k} needs a value`);
    m.set(k, v);
  }
  return m;
}

async function main(): Promise<number> {
  const a = args(process.argv.slice(2));
  const num = (k: string, d: number) => (a.has(k) ? Number(a.get(k)) : d);
  const seed = num('seed', Math.floor(Math.random() * 2 ** 31));
  const scale = num('scale', 1);
  const budgetMs = num('budget', DEFAULT_BUDGET_MS);
  const budgetPerMbMs = num('budget-per-mb', DEFAULT_BUDGET_PER_MB_MS);
  const budgetPer1000DiagnosticsMs = num('budget-per-1000-diagnostics', DEFAULT_BUDGET_PER_1000_DIAGNOSTICS_MS);
  const corpus = a.get('corpus');
  const seedDirs = [...fixtureSeedDirs(REPO), ...(corpus ? corpusSeedDirs(path.resolve(corpus)) : [])];
  const seeds = loadSeeds(seedDirs);
  const replayArgs = (index: number) => `npm run fuzz:taskdef -- --seed ${seed} --index ${index}${scale !== 1 ? ` --scale ${scale}` : ''}${corpus ? ` --corpus ${corpus}` : ''}`;

  if (a.has('index')) {
    const c = generateCase({ seed, seeds, scale }, num('index', 0));
    console.log(`case ${c.id} [${c.mutation}] classes=${c.classes.join(',')} seed-file=${c.seedFile} kind=${c.kind} file=${c.fileName} length=${c.text.length}`);
    console.log(`text (first 300 chars): ${JSON.stringify(c.text.slice(0, 300))}`);
    if (a.has('write')) {
      fs.writeFileSync(a.get('write')!, caseBytes(c));
      console.log(`written to ${a.get('write')}`);
    }
    const o = await exercise(c, fuzzLanguageService());
    const slow = Object.entries(o.entryMs).sort((x, y) => y[1] - x[1]).slice(0, 5).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' ');
    console.log(`cpu_ms=${o.ms.toFixed(1)} wall_ms=${o.wallMs.toFixed(1)} diagnostics=${o.diagnostics} fixes=${o.fixesApplied}/${o.fixesOffered} calls=${o.calls} slowest: ${slow}`);
    if (o.crash) console.log(`CRASH in ${o.crash.entry}: ${o.crash.message}\n${o.crash.stack ?? ''}`);
    return o.crash ? 1 : 0;
  }

  const count = num('count', 10_000);
  const start = num('start', 0);
  const workers = num('workers', Math.max(1, Math.min(2, os.cpus().length)));
  console.log(`fuzz seed=${seed} count=${count}${start ? ` start=${start}` : ''} scale=${scale} budget_cpu_ms=${budgetMs}+${budgetPerMbMs}/MB+${budgetPer1000DiagnosticsMs}/1000diagnostics workers=${workers} seeds=${seeds.length}${corpus ? ` corpus=${corpus}` : ''}`);
  let done = 0;
  const t0 = Date.now();
  const summary = await runFuzz({
    seed,
    scale,
    seedDirs,
    count,
    start,
    budgetMs,
    budgetPerMbMs,
    budgetPer1000DiagnosticsMs,
    workers,
    onResult: (r) => {
      done++;
      if (r.crash) console.log(describeCrash(r, replayArgs(r.index)));
      if (done % 500 === 0) process.stderr.write(`… ${done}/${count} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    },
  });
  const slowest = [...summary.results].sort((x, y) => y.ms - x.ms).slice(0, 5);
  for (const r of slowest) {
    const parts = Object.entries(r.entryMs).sort((x, y) => y[1] - x[1]).slice(0, 3).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' ');
    console.log(`slow ${r.info.id} ms=${r.ms.toFixed(0)} length=${r.info.length} [${r.info.mutation}] ${parts}`);
  }
  console.log(figuresLine(summary, seed));
  for (const line of classLines(summary, REQUIRED_CLASSES, POSITION_CLASSES)) console.log(line);
  const missing = count >= BLOCK ? REQUIRED_CLASSES.filter((c) => !summary.classes.get(c)) : [];
  if (missing.length) console.log(`missing classes: ${missing.join(' ')}`);

  const sample = num('cli-sample', 200);
  let cliBad = 0;
  if (sample > 0) {
    const dir = tempDir('ecs-taskdef-fuzz-');
    try {
      const cli = await buildCli(REPO, path.join(dir, 'bin'));
      const step = Math.max(1, Math.floor(count / sample));
      const cases = Array.from({ length: Math.min(sample, count) }, (_, i) => generateCase({ seed, seeds, scale }, start + i * step));
      const runs = await checkCli(cli, cases, path.join(dir, 'files'));
      const bad = runs.filter((r) => !r.ok);
      cliBad = bad.length;
      for (const r of bad) console.log(`cli-crash ${r.id} exit=${r.code} signal=${r.signal}: ${r.stderr.slice(0, 400)}`);
      console.log(`cli files=${runs.length} exit0=${runs.filter((r) => r.code === 0).length} exit1=${runs.filter((r) => r.code === 1).length} bad=${cliBad}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return summary.crashes.length || cliBad || missing.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
