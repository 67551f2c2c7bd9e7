/**
 * Feeds one fuzz case to every entry point of the task-definition core that the CLI and the editor
 * call (in plain Node, no `vscode`): validate, the CLI's runCli on the file, detectKind, the quick
 * fixes of every diagnostic (each applied, and the result validated again), stripReadOnlyFix,
 * unwrapTaskDefinition, normalizedText of the parsed value (the diff), and the language service:
 * completion and hover at several positions of every class, symbols, folding, formatting. An
 * exception escaping any of them, or a broken invariant of what they return, is a crash.
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
import type { Position, QuickFix, Range, TaskdefDiagnostic, TextEdit } from '../../src/taskdef/types';
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
  /**
   * CPU time (this process's, in ms) in the product's entry points: the harness's own work,
   * generating and checking, is not counted, and neither is the machine's other work.
   */
  ms: number;
  /** The same calls on the wall clock. */
  wallMs: number;
  /** CPU time per entry point, summed over its calls. */
  entryMs: Record<string, number>;
  diagnostics: number;
  calls: number;
  /** Quick fixes offered for the diagnostics, and how many of them were applied and validated again. */
  fixesOffered: number;
  fixesApplied: number;
  crash?: Crash;
}

function total(entryMs: Record<string, number>): number {
  return Object.values(entryMs).reduce((a, b) => a + b, 0);
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

/** Diagnostics are known codes and severities, with a message, and spans inside the text that match their ranges. */
function checkDiagnostics(text: string, doc: TextDocument, diagnostics: TaskdefDiagnostic[], when: string): void {
  for (const d of diagnostics) {
    const what = `diagnostic ${d.code}${when ? ` ${when}` : ''}`;
    check(Object.hasOwn(RULE_CODES, d.code), `unknown code ${d.code}`);
    check(d.severity === 'error' || d.severity === 'warning' || d.severity === 'info', `severity ${d.severity}`);
    check(typeof d.message === 'string' && d.message.length > 0, 'empty message');
    check(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= text.length, `${what} span ${d.offset}+${d.length} outside the text (${text.length})`);
    check(validRange(doc, d.range), `${what} range invalid`);
    check(doc.offsetAt(d.range.start) === d.offset && doc.offsetAt(d.range.end) === d.offset + d.length, `${what} range does not match its offsets`);
  }
}

/**
 * On a text over BIG_TEXT characters (RegisterTaskDefinition's maximum, 65,536 bytes: past it, a
 * generated or fuzzed file), one fix of each kind is applied, not each of 10,000 alike, and fewer
 * positions are asked.
 */
const BIG_TEXT = 65_536;
/** Every fix is applied up to this many; beyond, one of each kind first, then the others in turn. */
const MAX_FIXES_APPLIED = 20;

/**
 * The fixes to apply: each distinct fix (several diagnostics offer "strip every read-only field"),
 * all of them when there are at most `cap`, else at least one of each kind (code, and title without
 * its names: 'Remove "…"') and then the next of each kind in turn, up to `cap`.
 */
function fixesToApply(doc: TextDocument, offered: QuickFix[], cap: number): QuickFix[] {
  const seen = new Set<string>();
  const byKind = new Map<string, QuickFix[]>();
  for (const f of offered) {
    const key = `${f.title}\u0000${f.edits.map((e) => `${doc.offsetAt(e.range.start)}-${doc.offsetAt(e.range.end)}:${e.newText.length}:${e.newText.slice(0, 200)}`).join()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = `${f.code}\u0000${f.title.replace(/"[^"]*"|\d+/g, '…')}`;
    const list = byKind.get(kind) ?? [];
    list.push(f);
    byKind.set(kind, list);
  }
  if (seen.size <= cap) return [...byKind.values()].flat();
  const out: QuickFix[] = [];
  for (let round = 0; out.length < Math.max(cap, byKind.size); round++) {
    let any = false;
    for (const list of byKind.values()) {
      if (round >= list.length || (round > 0 && out.length >= cap)) continue;
      out.push(list[round]);
      any = true;
    }
    if (!any) break;
  }
  return out;
}

export async function exercise(c: FuzzCase, ls: TaskdefLanguageService): Promise<Outcome> {
  const entryMs: Record<string, number> = {};
  let calls = 0;
  let diagnostics = 0;
  let fixesOffered = 0;
  let fixesApplied = 0;
  let wallMs = 0;
  let entry = 'setup';
  const call = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    entry = name;
    calls++;
    const wall = performance.now();
    const cpu = process.cpuUsage();
    try {
      return await f();
    } finally {
      const used = process.cpuUsage(cpu);
      entryMs[name] = (entryMs[name] ?? 0) + (used.user + used.system) / 1000;
      wallMs += performance.now() - wall;
    }
  };
  try {
    const { text, kind } = c;
    const doc = TextDocument.create('file:///fuzz.json', 'json', 1, text);
    const big = text.length > BIG_TEXT;

    // The linter and the editor's diagnostics.
    const result = await call('validate', () => validate(text, { kind, fileName: c.fileName }));
    diagnostics = result.diagnostics.length;
    checkDiagnostics(text, doc, result.diagnostics, '');
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

    // Quick fixes for every diagnostic, as the code-action provider asks for them, all on one version
    // of the text (as the editor lists them); then each one applied and the result validated again.
    const offered: QuickFix[] = [];
    for (const d of result.diagnostics) {
      const list = await call('getQuickFixes', () => getQuickFixes(text, d, kind));
      for (const f of list) {
        check(typeof f.title === 'string' && f.title.length > 0, 'fix without a title');
        check(f.edits.length > 0, `fix "${f.title}" has no edits`);
        for (const e of f.edits) check(validRange(doc, e.range) && typeof e.newText === 'string', `fix "${f.title}" has an invalid edit range`);
        offered.push(f);
      }
    }
    fixesOffered = offered.length;
    await call('getAllQuickFixes', () => getAllQuickFixes(text, result.diagnostics.slice(0, 3), kind));
    await call('stripReadOnlyFix', () => stripReadOnlyFix(text, kind));
    await call('unwrapTaskDefinition', () => unwrapTaskDefinition(text));
    for (const f of fixesToApply(doc, offered, big ? 0 : MAX_FIXES_APPLIED)) {
      const fixed = applyTextEdits(doc, f.edits);
      const after = await call('validate(fixed)', () => validate(fixed, { kind, fileName: c.fileName }));
      checkDiagnostics(fixed, TextDocument.create('file:///fixed.json', 'json', 1, fixed), after.diagnostics, `after "${f.title}"`);
      fixesApplied++;
    }
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
    for (const e of edits) check(validRange(doc, e.range) && typeof e.newText === 'string', 'format edit invalid (range, or no text)');
    if (doc.lineCount > 2) await call('format(range)', () => ls.format(text, kind, { start: { line: 1, character: 0 }, end: { line: Math.min(doc.lineCount - 1, 5), character: 0 } }, { tabSize: 4, insertSpaces: false }));
    return { ms: total(entryMs), wallMs, entryMs, diagnostics, calls, fixesOffered, fixesApplied };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return {
      ms: total(entryMs),
      wallMs,
      entryMs,
      diagnostics,
      calls,
      fixesOffered,
      fixesApplied,
      crash: { entry: error instanceof InvariantError ? `${entry} (invariant)` : entry, message: error.message.slice(0, 500), stack: error.stack },
    };
  }
}
