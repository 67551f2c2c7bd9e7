// Real Terraform container_definitions files (test/corpus/terraform, sources in SOURCES.md): the CLI
// core, as `ecs-taskdef-lint --kind auto` runs it, gives each file the findings its manifest records.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../../src/taskdef/cli';
import { detectFileKind } from '../../../src/taskdef/kind';
import { REPO } from './helpers';

interface Entry {
  status: 'valid' | 'invalid';
  errors: [string, string][];
  warnings: [string, string][];
}

const DIR = path.join(REPO, 'test', 'corpus', 'terraform');
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as Record<string, Entry>;

describe('Terraform container_definitions corpus', () => {
  const files = fs.readdirSync(DIR).filter((f) => f !== 'manifest.json' && f !== 'SOURCES.md');

  it('every file is in the manifest and in SOURCES.md, and the other way round', () => {
    assert.deepStrictEqual(files.sort(), Object.keys(manifest).sort());
    const sources = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
    for (const f of files) assert.ok(sources.includes(`| ${f} |`), f);
    assert.ok(files.length >= 10);
  });

  for (const f of Object.keys(manifest)) {
    it(`${f}: ${manifest[f].status}${manifest[f].errors.length ? ` (${manifest[f].errors.map(([c]) => c).join(', ')})` : ''}`, () => {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      assert.strictEqual(detectFileKind(text, f), 'containers');
      const { diagnostics } = lintText(f, text, undefined);
      const keys = (severity: string) => diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code}@${d.pointer}`).sort();
      assert.deepStrictEqual(keys('error'), manifest[f].errors.map(([c, p]) => `${c}@${p}`).sort());
      assert.deepStrictEqual(keys('warning'), manifest[f].warnings.map(([c, p]) => `${c}@${p}`).sort());
      assert.strictEqual(manifest[f].status === 'valid', manifest[f].errors.length === 0);
    });
  }
});
