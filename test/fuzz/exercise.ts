/**
 * Feeds one fuzz case to every entry point of the task-definition core that the CLI and the editor
 * call (in plain Node, no `vscode`): validate, the CLI's runCli on the file, detectKind, a quick fix
 * for every diagnostic (and one applied), stripReadOnlyFix, unwrapTaskDefinition, normalizedText of
 * the parsed value (the diff), and the language service: completion and hover at many positions,
 * symbols, folding, formatting. An exception escaping any of them, or a broken invariant of what
 * they return, is a crash.
 */
import { TextDocument } from 'vscode-json-languageservice';
import { runCli } from '../../src/taskdef/cli';
import { RULE_CODES } from '../../src/taskdef/codes';
import { parseJsonc } from '../../src/taskdef/document';
import { detectKind } from '../../src/taskdef/kind';
import { TaskdefLanguageService } from '../../src/taskdef/languageService';
import type { LiveValueRequest } from '../../src/taskdef/liveValues';
import { normalizedText } from '../../src/taskdef/normalize';
import { getAllQuickFixes, getQuickFixes, stripReadOnlyFix, unwrapTaskDefinition } from '../../src/taskdef/quickfix';
import type { Position, Range, TextEdit } from '../../src/taskdef/types';
import { validate } from '../../src/taskdef/validate';
import { type FuzzCase, type PositionClass, samplePositions } from './generator';
import { Rng, caseSeed } from './rng';

export interface Crash {
  /** The entry point that threw (or whose result broke an invariant). */
  entry: string;
  message: string;
  stack?: string;
}

export interface Outcome {
  ms: number;
  /** Time per entry point, summed over its calls. */
  entryMs: Record<string, number>;
  diagnostics: number;
  calls: number;
  crash?: Crash;
}

class InvariantError extends Error {}

function check(ok: boolean, what: string): void {
  if (!ok) throw new InvariantError(what);
}

/** A language service as the editor builds it, with live values that answer at once. */
export function fuzzLanguageService(): TaskdefLanguageService {
  return new TaskdefLanguageService({
    liveValues: {
      provide: async (req: LiveValueRequest) => [
        { value: `live-${req.kind}`, detail: 'fuzz' },
        { value: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1', label: 'app' },
      ],
    },
  });
}

/** Completion and hover positions: a few of each class, and a few the editor rarely sends. */
function positionsFor(c: FuzzCase, doc: TextDocument, many: boolean): Position[] {
  const rng = new Rng(caseSeed(c.seed ^ 0x5bd1e995, c.index));
  const byClass = samplePositions(c.text, rng, 1);
  const classes = [...byClass.keys()] as PositionClass[];
  const wanted = many ? 10 : 3;
  const offsets: number[] = [];
  for (let i = 0; i < wanted && classes.length; i++) offsets.push(rng.pick(byClass.get(rng.pick(classes))!));
  const out = offsets.map((o) => doc.positionAt(o));
  const last = doc.lineCount - 1;
  out.push({ line: last + 2, character: 0 }, { line: rng.int(doc.lineCount), character: 1_000_000 });
  return out;
}

function validPosition(doc: TextDocument, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return false;
  const start = doc.offsetAt({ line: p.line, character: 0 });
  const next = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : doc.getText().length;
  return start + p.character <= next;
}

function validRange(doc: TextDocument, r: Range): boolean {
  return validPosition(doc, r.start) && validPosition(doc, r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

/** Applies non-overlapping edits (checked) to `text`. */
export function applyTextEdits(doc: TextDocument, edits: TextEdit[]): string {
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start);
  const text = doc.getText();
  let out = '';
  let at = 0;
  for (const s of spans) {
    check(s.start >= at, 'quick-fix edits overlap');
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

export async function exercise(c: FuzzCase, ls: TaskdefLanguageService): Promise<Outcome> {
  const entryMs: Record<string, number> = {};
  let calls = 0;
  let diagnostics = 0;
  const t0 = performance.now();
  let entry = 'setup';
  const call = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    entry = name;
    calls++;
    const s = performance.now();
    try {
      return await f();
    } finally {
      entryMs[name] = (entryMs[name] ?? 0) + performance.now() - s;
    }
  };
  try {
    const { text, kind } = c;
    const doc = TextDocument.create('file:///fuzz.json', 'json', 1, text);
    const big = text.length > 256 * 1024;

    // The linter and the editor's diagnostics.
    const result = await call('validate', () => validate(text, { kind, fileName: c.fileName }));
    diagnostics = result.diagnostics.length;
    for (const d of result.diagnostics) {
      check(Object.hasOwn(RULE_CODES, d.code), `unknown code ${d.code}`);
      check(d.severity === 'error' || d.severity === 'warning' || d.severity === 'info', `severity ${d.severity}`);
      check(typeof d.message === 'string' && d.message.length > 0, 'empty message');
      check(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= text.length, `diagnostic ${d.code} span ${d.offset}+${d.length} outside the text (${text.length})`);
      check(validRange(doc, d.range), `diagnostic ${d.code} range invalid`);
      check(doc.offsetAt(d.range.start) === d.offset && doc.offsetAt(d.range.end) === d.offset + d.length, `diagnostic ${d.code} range does not match its offsets`);
    }
    if (result.syntaxError) check(result.diagnostics.some((d) => d.severity === 'error'), 'syntax error without an error diagnostic');

    // The CLI on the file (auto kind, or forced), both formats.
    const format = c.index % 2 ? 'json' : 'text';
    const args = ['--format', format, ...(c.index % 3 === 0 ? ['--kind', kind] : []), c.fileName];
    let out = '';
    let err = '';
    const code = await call('cli', () => runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readFile: () => text }));
    check(code === 0 || code === 1, `CLI exit ${code} on a readable file: ${err.slice(0, 200)}`);
    if (format === 'json') check(Array.isArray(JSON.parse(out)), 'CLI --format json did not print an array');

    await call('detectKind', () => detectKind(text, c.fileName));

    // Quick fixes for every diagnostic, as the code-action provider asks for them.
    const fixes = [];
    for (const d of result.diagnostics) {
      const list = await call('getQuickFixes', () => getQuickFixes(text, d, kind));
      for (const f of list) {
        check(typeof f.title === 'string' && f.title.length > 0, 'fix without a title');
        for (const e of f.edits) check(validRange(doc, e.range) && typeof e.newText === 'string', `fix "${f.title}" has an invalid edit range`);
      }
      fixes.push(...list);
    }
    await call('getAllQuickFixes', () => getAllQuickFixes(text, result.diagnostics.slice(0, 3), kind));
    if (fixes.length) {
      const f = fixes[c.index % fixes.length];
      const fixed = applyTextEdits(doc, f.edits);
      await call('validate(fixed)', () => validate(fixed, { kind }));
    }
    await call('stripReadOnlyFix', () => stripReadOnlyFix(text, kind));
    await call('unwrapTaskDefinition', () => unwrapTaskDefinition(text));
    // "Diff with latest ACTIVE revision": the editor parses the text as JSONC and normalises it.
    await call('normalizedText', () => normalizedText(parseJsonc(text), kind));

    // The language service, as the completion, hover, outline and formatting providers call it.
    for (const p of positionsFor(c, doc, !big)) {
      const list = await call('complete', () => ls.complete(text, kind, p));
      check(Array.isArray(list?.items), 'completion without items');
      const hover = await call('hover', () => ls.hover(text, kind, p));
      check(hover === null || hover === undefined || typeof hover === 'object', 'hover is not an object');
    }
    await call('documentSymbols', () => ls.documentSymbols(text, kind));
    await call('foldingRanges', () => ls.foldingRanges(text, kind));
    const edits = await call('format', () => ls.format(text, kind, undefined, { tabSize: 2, insertSpaces: true }));
    for (const e of edits) check(validRange(doc, e.range), 'format edit range invalid');
    if (doc.lineCount > 2) await call('format(range)', () => ls.format(text, kind, { start: { line: 1, character: 0 }, end: { line: Math.min(doc.lineCount - 1, 5), character: 0 } }, { tabSize: 4, insertSpaces: false }));
    return { ms: performance.now() - t0, entryMs, diagnostics, calls };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return {
      ms: performance.now() - t0,
      entryMs,
      diagnostics,
      calls,
      crash: { entry: error instanceof InvariantError ? `${entry} (invariant)` : entry, message: error.message.slice(0, 500), stack: error.stack },
    };
  }
}
