/**
 * ecs-taskdef-lint [--format text|json|sarif|github] [--kind auto|task|service|containers|cloudformation] FILE...
 *
 * Exit 0: no errors; 1: at least one error (a file that is not valid JSON has json-syntax errors);
 * 2: usage error, or a file that cannot be read (the other files are still linted), or output that
 * cannot be written (a reader closing the pipe early is not an error).
 */
import * as fs from 'fs';
import * as path from 'path';
import { annotation, unreadableAnnotation } from './githubAnnotations';
import { type Finding, sarifLog, writeSarifLog } from './sarif';
import type { FileKind } from './types';
import { validate } from './validate';

export type CliDiagnostic = Finding;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => string;
  /** What SARIF and GitHub annotations name files relative to (default: the process's working directory). */
  cwd?: string;
}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const KINDS = ['auto', 'task', 'service', 'containers', 'cloudformation'] as const;

const USAGE = `usage: ecs-taskdef-lint [--format ${FORMATS.join('|')}] [--kind ${KINDS.join('|')}] FILE...`;

/** The CLI package's version, set by esbuild in the bundle (absent when run from the sources). */
declare const ECS_TASKDEF_LINT_VERSION: string | undefined;
const VERSION = typeof ECS_TASKDEF_LINT_VERSION === 'string' ? ECS_TASKDEF_LINT_VERSION : undefined;

export function lintText(file: string, text: string, kind: FileKind | undefined): { diagnostics: CliDiagnostic[]; invalidJson: boolean } {
  const r = validate(text, { kind, fileName: file });
  return {
    invalidJson: r.syntaxError,
    diagnostics: r.diagnostics.map((d) => ({
      file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
      pointer: d.pointer,
    })),
  };
}

export function runCli(argv: string[], io: CliIo): number {
  let format: Format = 'text';
  let kind: FileKind | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--format' || flag === '--kind') {
      const v = inline ?? argv[++i];
      if (flag === '--format' && (FORMATS as readonly string[]).includes(v)) format = v as Format;
      else if (flag === '--kind' && (KINDS as readonly string[]).includes(v)) kind = v === 'auto' ? undefined : (v as FileKind);
      else return usage(io, `invalid value for ${flag}: ${v ?? '(missing)'}`);
    } else if (a === '-h' || a === '--help') {
      io.stdout(USAGE + '\n');
      return 0;
    } else if (a === '--version') {
      io.stdout(`${VERSION ?? 'unknown (run from the sources)'}\n`);
      return 0;
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') return usage(io, `unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) return usage(io, 'no files given');

  const all: CliDiagnostic[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      io.stderr(`ecs-taskdef-lint: cannot read ${file}: ${(e as Error).message}\n`);
      unreadable.push({ file, message: `Cannot read ${file}: ${(e as Error).message}` });
      continue;
    }
    const r = lintText(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, kind);
    // Not push(...): a file with 100,000 diagnostics would pass them all as arguments (stack overflow).
    for (const d of r.diagnostics) all.push(d);
  }
  const cwd = io.cwd ?? process.cwd();
  const out = chunked(io.stdout);
  if (format === 'json') writeJsonArray(out, all);
  else if (format === 'sarif') writeSarifLog(out.write, sarifLog(all, { cwd, toolVersion: VERSION, unreadable }));
  else if (format === 'github') {
    for (const u of unreadable) out.write(unreadableAnnotation(workspacePath(u.file, cwd), u.message));
    for (const d of all) out.write(annotation(d, workspacePath(d.file, cwd)));
  } else for (const d of all) out.write(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
  out.flush();
  if (format === 'text') {
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    io.stderr(`${files.length} file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  }
  if (unreadable.length > 0) return 2;
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}

/** A file as GitHub's runner resolves annotations: relative to the workspace (the working directory), with "/". */
function workspacePath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Writes in chunks of about 64 KB: one write per diagnostic is slow, one string of them all too long. */
function chunked(write: (s: string) => void): { write: (s: string) => void; flush: () => void } {
  let pending = '';
  const flush = () => {
    if (pending) write(pending);
    pending = '';
  };
  return {
    write: (s) => {
      pending += s;
      if (pending.length >= 65536) flush();
    },
    flush,
  };
}

/**
 * JSON.stringify(items, null, 2), written item by item: millions of diagnostics in one string
 * would pass V8's string length limit (a RangeError and a stack trace).
 */
function writeJsonArray(out: { write: (s: string) => void }, items: unknown[]): void {
  if (items.length === 0) return out.write('[]\n');
  out.write('[\n');
  for (let i = 0; i < items.length; i++) out.write(`  ${JSON.stringify(items[i], null, 2).replace(/\n/g, '\n  ')}${i + 1 < items.length ? ',' : ''}\n`);
  out.write(']\n');
}

function usage(io: CliIo, problem: string): number {
  io.stderr(`ecs-taskdef-lint: ${problem}\n${USAGE}\n`);
  return 2;
}

if (require.main === module) {
  // A reader that stops early (`ecs-taskdef-lint … | head`) closes the pipe: the rest of the output
  // is dropped and the exit code stays the lint's (EPIPE was an unhandled error with a stack trace).
  // Any other failure to write is said in one line, exit 2.
  let closed = false;
  const onWriteError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else {
      if (!closed) process.stderr.write(`ecs-taskdef-lint: cannot write the output: ${e.message}\n`);
      process.exitCode = 2;
    }
  };
  process.stdout.on('error', onWriteError);
  process.stderr.on('error', onWriteError);
  const code = runCli(process.argv.slice(2), {
    stdout: (s) => void (closed || process.stdout.write(s)),
    stderr: (s) => void (closed || process.stderr.write(s)),
    readFile: (p) => fs.readFileSync(p, 'utf8'),
  });
  process.exitCode ??= code;
}
