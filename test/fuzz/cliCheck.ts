/**
 * The built `ecs-taskdef-lint` on fuzz outputs written to files: on a readable file it exits 0 or 1,
 * never 2, never with a stack trace. The CLI is bundled the way esbuild.js bundles
 * dist/ecs-taskdef-lint.js (same entry, same options), into a temporary folder, so the check never
 * runs a stale dist/.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type FuzzCase, caseBytes } from './generator';

export async function buildCli(repo: string, outDir: string): Promise<string> {
  const esbuild = await import('esbuild');
  // The options esbuild.js and the CLI package build with (scripts/cli-bundle.js), plain JavaScript.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cliBuildOptions } = require(path.join(repo, 'scripts', 'cli-bundle.js')) as { cliBuildOptions: (o: { outdir: string }) => Parameters<typeof esbuild.build>[0] };
  await esbuild.build(cliBuildOptions({ outdir: outDir }));
  return path.join(outDir, 'ecs-taskdef-lint.js');
}

export interface CliRun {
  file: string;
  id: string;
  code: number | null;
  signal: string | null;
  stderr: string;
  ok: boolean;
}

const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

function run(cli: string, args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { maxBuffer: 1 << 30, timeout: 60_000 }, (error, _stdout, stderr) => {
      const e = error as (Error & { code?: number | string; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stderr: String(stderr) });
    });
  });
}

/** Writes each case's bytes to a file in `dir` and runs the CLI on each file, `parallel` at a time. */
export async function checkCli(cli: string, cases: FuzzCase[], dir: string, parallel = 2): Promise<CliRun[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files = cases.map((c, i) => {
    const file = path.join(dir, `${String(i).padStart(5, '0')}-${c.index}-${path.basename(c.fileName)}`);
    fs.writeFileSync(file, caseBytes(c));
    return { file, c };
  });
  const out: CliRun[] = [];
  const queue = [...files];
  const lane = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const args = f.c.index % 2 ? ['--format', 'json', f.file] : [f.file];
      const r = await run(cli, args);
      out.push({ file: f.file, id: f.c.id, ...r, ok: (r.code === 0 || r.code === 1) && !STACK_TRACE.test(r.stderr) });
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return out;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
