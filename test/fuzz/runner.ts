/**
 * Runs fuzz cases in worker processes, each with a budget of CPU time (a base, plus an allowance per
 * million characters: the work is linear in the input, which is up to 150 times a registrable
 * definition's size): an input that takes more is a crash ("over-budget"), one still running after
 * HANG_FACTOR times its budget is stopped ("hang"), and a worker that dies (out of memory, an error
 * outside exercise) is a crash of the case it was running.
 */
import { type ChildProcess, fork } from 'child_process';
import { createHash } from 'crypto';
import * as path from 'path';
import type { DocumentKind } from '../../src/taskdef/types';
import type { Crash, Outcome } from './exercise';

export interface WorkerData {
  seed: number;
  scale: number;
  seedDirs: { dir: string; kind: DocumentKind }[];
}

export interface CaseInfo {
  id: string;
  mutation: string;
  classes: string[];
  /** SHA-1 of the case's bytes: the run's digest shows that a seed gives the same inputs. */
  digest: string;
  seedFile: string;
  kind: DocumentKind;
  length: number;
}

export type WorkerMessage = { type: 'ready' } | { type: 'start'; index: number; info: CaseInfo } | { type: 'done'; index: number; outcome: Outcome };

export interface CaseResult {
  index: number;
  info: CaseInfo;
  /** CPU time of the product's calls (see Outcome), and their wall-clock time. */
  ms: number;
  wallMs: number;
  entryMs: Record<string, number>;
  diagnostics: number;
  fixesOffered: number;
  fixesApplied: number;
  crash?: Crash & { kind: 'exception' | 'over-budget' | 'hang' | 'worker-died' };
}

/**
 * The CPU-time budget of an input: 5 s, 5 s per million characters and 25 ms per thousand
 * diagnostics (a 10 MB input: 55 s and more). The work is linear in both: an input is read about ten
 * times over (validate, the CLI, each kind of quick fix validated again, the diff's normalisation,
 * the language service under its 1,000,000-character limit), and each diagnostic is printed by the
 * CLI and asked for its quick fixes.
 */
export const DEFAULT_BUDGET_MS = 5000;
export const DEFAULT_BUDGET_PER_MB_MS = 5000;
export const DEFAULT_BUDGET_PER_1000_DIAGNOSTICS_MS = 25;
/** An input still running after this many times its budget, on the wall clock, is stopped as a hang. */
const HANG_FACTOR = 10;

export interface RunOptions extends WorkerData {
  count: number;
  /** First index (default 0). */
  start?: number;
  /** The budget of an input: budgetMs, plus budgetPerMbMs per million characters and budgetPer1000DiagnosticsMs per thousand diagnostics. */
  budgetMs: number;
  budgetPerMbMs?: number;
  budgetPer1000DiagnosticsMs?: number;
  workers: number;
  onResult?: (r: CaseResult) => void;
}

export interface Summary {
  results: CaseResult[];
  crashes: CaseResult[];
  p50: number;
  p99: number;
  worst: CaseResult | undefined;
  /** The same on the wall clock (the machine's other work included). */
  wallP50: number;
  wallP99: number;
  wallWorst: number;
  /** How many cases belong to each input class. */
  classes: Map<string, number>;
  /** SHA-256 over the cases' digests in index order: equal for two runs with the same seed, count and seed files. */
  digest: string;
}

export async function runFuzz(opts: RunOptions): Promise<Summary> {
  const start = opts.start ?? 0;
  const queue = Array.from({ length: opts.count }, (_, i) => start + i);
  const results: CaseResult[] = [];
  const data: WorkerData = { seed: opts.seed, scale: opts.scale, seedDirs: opts.seedDirs };
  const record = (r: CaseResult) => {
    results.push(r);
    opts.onResult?.(r);
  };

  const budget = (length: number, diagnostics = 0) => Math.round(opts.budgetMs + ((opts.budgetPerMbMs ?? 0) * length) / 1e6 + ((opts.budgetPer1000DiagnosticsMs ?? 0) * diagnostics) / 1000);
  const lane = () =>
    new Promise<void>((resolve) => {
      let worker: ChildProcess | undefined;
      let current: { index: number; info?: CaseInfo; budget?: number } | undefined;
      let timer: NodeJS.Timeout | undefined;
      const stop = (w: ChildProcess | undefined) => {
        if (w && w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
      };
      const next = () => {
        const index = queue.shift();
        if (index === undefined) {
          const w = worker;
          worker = undefined;
          stop(w);
          resolve();
          return;
        }
        current = { index };
        worker!.send(index);
      };
      const fail = (kind: 'hang' | 'worker-died', message: string) => {
        clearTimeout(timer);
        const c = current;
        current = undefined;
        const w = worker;
        worker = undefined;
        if (c) {
          const info = c.info ?? { id: `?/${opts.seed}/${c.index}`, mutation: '?', classes: [], digest: '', seedFile: '?', kind: 'task' as const, length: 0 };
          record({ index: c.index, info, ms: kind === 'hang' ? (c.budget ?? opts.budgetMs) : 0, wallMs: 0, entryMs: {}, diagnostics: 0, fixesOffered: 0, fixesApplied: 0, crash: { kind, entry: 'worker', message } });
        }
        stop(w);
        spawn();
      };
      const spawn = () => {
        // A process per lane, not a thread: its CPU time is the input's alone (the budget is CPU
        // time, whatever else runs on the machine), and its stack is a main thread's, as the
        // extension host's.
        const w = fork(path.join(__dirname, 'worker.js'), [JSON.stringify(data)], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        worker = w;
        w.on('message', (m: WorkerMessage) => {
          if (w !== worker) return;
          if (m.type === 'ready') next();
          else if (m.type === 'start' && current?.index === m.index) {
            current.info = m.info;
            const b = (current.budget = budget(m.info.length));
            // Wall time, so generous: CPU time is the budget, the machine may be busy (and the
            // diagnostics, which add to the budget, are not counted yet).
            timer = setTimeout(() => fail('hang', `still running after ${b * HANG_FACTOR} ms (wall clock)`), b * HANG_FACTOR);
          } else if (m.type === 'done' && current?.index === m.index) {
            clearTimeout(timer);
            const { outcome } = m;
            const r: CaseResult = { index: m.index, info: current.info!, ms: outcome.ms, wallMs: outcome.wallMs, entryMs: outcome.entryMs, diagnostics: outcome.diagnostics, fixesOffered: outcome.fixesOffered, fixesApplied: outcome.fixesApplied };
            current.budget = budget(current.info!.length, outcome.diagnostics);
            if (outcome.crash) r.crash = { kind: 'exception', ...outcome.crash };
            else if (outcome.ms > current.budget) {
              const slowest = Object.entries(outcome.entryMs).sort((a, b) => b[1] - a[1])[0];
              r.crash = { kind: 'over-budget', entry: slowest?.[0] ?? '?', message: `took ${outcome.ms.toFixed(0)} ms of CPU (budget ${current.budget} ms; ${slowest?.[0]} ${slowest?.[1].toFixed(0)} ms)` };
            }
            record(r);
            current = undefined;
            next();
          }
        });
        w.on('error', (e) => w === worker && fail('worker-died', e.message));
        w.on('exit', (code, signal) => w === worker && fail('worker-died', `worker exited with ${signal ?? `code ${code}`}`));
      };
      spawn();
    });

  await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, lane));
  results.sort((a, b) => a.index - b.index);
  const quantile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
  };
  const cpu = results.map((r) => r.ms);
  const wall = results.map((r) => r.wallMs);
  const worst = results.reduce<CaseResult | undefined>((w, r) => (!w || r.ms > w.ms ? r : w), undefined);
  const classes = new Map<string, number>();
  for (const r of results) for (const c of r.info.classes) classes.set(c, (classes.get(c) ?? 0) + 1);
  const digest = createHash('sha256').update(results.map((r) => r.info.digest).join('\n')).digest('hex').slice(0, 16);
  return {
    results,
    crashes: results.filter((r) => r.crash),
    p50: quantile(cpu, 0.5),
    p99: quantile(cpu, 0.99),
    worst,
    wallP50: quantile(wall, 0.5),
    wallP99: quantile(wall, 0.99),
    wallWorst: wall.reduce((a, b) => Math.max(a, b), 0),
    classes,
    digest,
  };
}

/** `fuzz inputs=<n> seed=<s> crashes=<n> p50_ms=… p99_ms=… worst_ms=… worst=<class/seed/index> [<mutation>]` (CPU time) */
export function figuresLine(s: Summary, seed: number): string {
  const worst = s.worst ? `${s.worst.info.id} [${s.worst.info.mutation}]` : '-';
  return `fuzz inputs=${s.results.length} seed=${seed} crashes=${s.crashes.length} p50_ms=${s.p50.toFixed(1)} p99_ms=${s.p99.toFixed(1)} worst_ms=${(s.worst?.ms ?? 0).toFixed(1)} worst=${worst}`;
}

/**
 * `classes truncate=… rename-key=… …` (the required classes, in order, then the others), then
 * `truncate-positions inside-string=… …`, `fixes offered=… applied=… inputs_digest=…`, and the wall-clock figures.
 */
export function classLines(s: Summary, required: readonly string[], positions: readonly string[]): string[] {
  const n = (c: string) => s.classes.get(c) ?? 0;
  const others = [...s.classes.keys()].filter((c) => !required.includes(c) && !c.startsWith('truncate:')).sort();
  const offered = s.results.reduce((a, r) => a + r.fixesOffered, 0);
  const applied = s.results.reduce((a, r) => a + r.fixesApplied, 0);
  return [
    `classes ${required.map((c) => `${c}=${n(c)}`).join(' ')} | other ${others.map((c) => `${c}=${n(c)}`).join(' ')}`,
    `truncate-positions ${positions.map((p) => `${p}=${n(`truncate:${p}`)}`).join(' ')}`,
    `fixes offered=${offered} applied=${applied} inputs_digest=${s.digest}`,
    `wall-clock p50_ms=${s.wallP50.toFixed(1)} p99_ms=${s.wallP99.toFixed(1)} worst_ms=${s.wallWorst.toFixed(1)}`,
  ];
}

/** One line per crash, and how to replay it. */
export function describeCrash(r: CaseResult, replay: string): string {
  const c = r.crash!;
  const where = c.stack?.split('\n').find((l) => /\/src\//.test(l))?.trim() ?? c.stack?.split('\n')[1]?.trim() ?? '';
  return `crash ${r.info.id} [${r.info.mutation}] seed-file=${r.info.seedFile} kind=${r.info.kind} length=${r.info.length} ${c.kind} in ${c.entry}: ${c.message}${where ? `\n  ${where}` : ''}\n  replay: ${replay}`;
}
