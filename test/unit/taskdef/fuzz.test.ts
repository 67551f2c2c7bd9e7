// The fuzz harness of test/fuzz, small: 300 inputs with a fixed seed, every input class (the big
// ones at 2% size, nesting still 1,000 levels and more). `npm run fuzz:taskdef` runs 10,000 full size.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as os from 'os';
import { SyntaxKind, createScanner } from 'jsonc-parser';
import { MAX_NESTING, tooDeepAt } from '../../../src/taskdef/document';
import { BLOCK, POSITION_CLASSES, REQUIRED_CLASSES, caseBytes, fixtureSeedDirs, generateCase, loadSeeds } from '../../fuzz/generator';
import { DEFAULT_BUDGET_MS, DEFAULT_BUDGET_PER_1000_DIAGNOSTICS_MS, DEFAULT_BUDGET_PER_MB_MS, classLines, describeCrash, figuresLine, runFuzz } from '../../fuzz/runner';
import { REPO } from './helpers';

const SEED = 20240601;

/** tooDeepAt as jsonc-parser's scanner reads the text: the tokens both parsers recurse on. */
function depthReference(text: string): number {
  const open: SyntaxKind[] = [];
  const scanner = createScanner(text, true);
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    if (t === SyntaxKind.OpenBraceToken || t === SyntaxKind.OpenBracketToken) {
      open.push(t);
      if (open.length > MAX_NESTING) return scanner.getTokenOffset();
    } else if ((t === SyntaxKind.CloseBraceToken && open.at(-1) === SyntaxKind.OpenBraceToken) || (t === SyntaxKind.CloseBracketToken && open.at(-1) === SyntaxKind.OpenBracketToken)) open.pop();
  }
  return -1;
}
const COUNT = 300;
const SCALE = 0.02;

describe('taskdef fuzz: linter and language service on mutated fixtures', () => {
  const seeds = loadSeeds(fixtureSeedDirs(REPO));

  it('is reproducible: the same seed and index give the same input, another seed other inputs', () => {
    for (const i of [0, 3, 4, 5, BLOCK + 8, 211]) {
      const a = generateCase({ seed: SEED, seeds, scale: SCALE }, i);
      const b = generateCase({ seed: SEED, seeds, scale: SCALE }, i);
      assert.ok(caseBytes(a).equals(caseBytes(b)), `case ${i}`);
      assert.deepStrictEqual([a.mutation, a.kind, a.fileName, a.classes], [b.mutation, b.kind, b.fileName, b.classes]);
    }
    const differ = [10, 11, 12, 13].filter((i) => !caseBytes(generateCase({ seed: SEED, seeds, scale: SCALE }, i)).equals(caseBytes(generateCase({ seed: SEED + 1, seeds, scale: SCALE }, i))));
    assert.ok(differ.length >= 3, `seed ${SEED + 1} gave the same inputs`);
  });

  it('counts the nesting depth as the parsers do (the character loop agrees with the scanner)', () => {
    for (let i = 0; i < 2 * BLOCK; i++) {
      const c = generateCase({ seed: SEED, seeds, scale: SCALE }, i);
      assert.strictEqual(tooDeepAt(c.text), depthReference(c.text), c.id);
    }
    for (const t of ['"[[[', '"\\"[' + '['.repeat(1300), '// [\n' + '['.repeat(1201), '/* [[ */ [', '"a\n' + '['.repeat(1201), '[/*' + '['.repeat(1300)])
      assert.strictEqual(tooDeepAt(t), depthReference(t), JSON.stringify(t.slice(0, 12)));
  });

  it(`${COUNT} inputs of every class: no exception, no input over its time budget`, async function () {
    this.timeout(120_000);
    const summary = await runFuzz({
      seed: SEED,
      scale: SCALE,
      seedDirs: fixtureSeedDirs(REPO),
      count: COUNT,
      budgetMs: DEFAULT_BUDGET_MS,
      budgetPerMbMs: DEFAULT_BUDGET_PER_MB_MS,
      budgetPer1000DiagnosticsMs: DEFAULT_BUDGET_PER_1000_DIAGNOSTICS_MS,
      workers: Math.max(1, Math.min(2, os.cpus().length)),
    });
    const report = [figuresLine(summary, SEED), ...classLines(summary, REQUIRED_CLASSES, POSITION_CLASSES)].join('\n');
    assert.strictEqual(summary.results.length, COUNT, report);
    assert.deepStrictEqual(
      summary.crashes.map((r) => describeCrash(r, `npm run fuzz:taskdef -- --seed ${SEED} --index ${r.index} --scale ${SCALE}`)),
      [],
      report,
    );
    for (const c of REQUIRED_CLASSES) assert.ok((summary.classes.get(c) ?? 0) >= COUNT / BLOCK - 1, `${c}: ${summary.classes.get(c) ?? 0} inputs\n${report}`);
    assert.ok(summary.results.some((r) => r.fixesApplied > 0), `no quick fix applied\n${report}`);
    // The workers generated what the generator gives in this process: the same seed, the same inputs.
    const digests = Array.from({ length: COUNT }, (_, i) => createHash('sha1').update(caseBytes(generateCase({ seed: SEED, seeds, scale: SCALE }, i))).digest('hex'));
    assert.strictEqual(summary.digest, createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 16));
  });
});
