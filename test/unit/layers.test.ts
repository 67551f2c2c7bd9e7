import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

/** `src/ui/` → `ui`, `src/extension.ts` → `extension`, `taskdef/` (type) → `taskdef (type)`. */
function layerName(token: string): string {
  return token.replace(/^src\//, '').replace(/\/$/, '').replace(/\.ts$/, '');
}

/** The "may import" column of docs/ARCHITECTURE.md's table, per folder of src/. */
function architectureTable(): Record<string, string[]> {
  const text = fs.readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const rows: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /^`(src\/[^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const may = cells[3] === 'nothing' ? [] : [...cells[3].matchAll(/`([^`]+)`( \(type\))?/g)].map((m) => `${layerName(m[1])}${m[2] ?? ''}`);
    rows[layerName(folder)] = may.sort();
  }
  return rows;
}

describe('layering: docs/ARCHITECTURE.md, docs/layers.json and the lint rule say the same', () => {
  it('the table lists exactly what docs/layers.json allows each folder', () => {
    const json = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'layers.json'), 'utf8')) as Record<string, unknown>;
    const layers = Object.fromEntries(Object.entries(json).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, [...(v as string[])].sort()]));
    assert.deepStrictEqual(architectureTable(), layers);
  });

  it('every folder and top-level file of src/ has a row', () => {
    const entries = fs.readdirSync(path.join(root, 'src')).map((e) => e.replace(/\.ts$/, '')).sort();
    assert.deepStrictEqual(Object.keys(architectureTable()).sort(), entries);
  });

  it('eslint.config.mjs reads docs/layers.json for its layering rule', () => {
    const config = fs.readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8');
    assert.match(config, /docs\/layers\.json/);
    assert.match(config, /'layers\/imports': 'error'/);
  });
});
