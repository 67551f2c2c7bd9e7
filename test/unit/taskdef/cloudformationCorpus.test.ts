import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { validate } from '../../../src/taskdef/validate';
import { REPO } from './helpers';

const DIR = path.join(REPO, 'test', 'corpus', 'cloudformation');

interface Entry {
  file: string;
  verdict: 'valid' | 'mistake';
  /** `code@pointer` of each finding (errors and warnings). */
  findings: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { templates: Entry[] };

describe('CloudFormation corpus: public templates with ECS resources', () => {
  it('the manifest lists every template of the folder, and SOURCES.md names each', () => {
    const files = fs.readdirSync(DIR).filter((f) => /\.(ya?ml|json|template)$/.test(f) && f !== 'manifest.json').sort();
    assert.deepStrictEqual(manifest.templates.map((t) => t.file).sort(), files);
    const sources = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
    for (const f of files) assert.ok(sources.includes(`\`${f}\``), `${f} in SOURCES.md`);
    assert.ok(files.length >= 10, `${files.length} templates`);
  });

  for (const t of manifest.templates) {
    it(`${t.file}: ${t.verdict}`, () => {
      const result = validate(fs.readFileSync(path.join(DIR, t.file), 'utf8'));
      assert.strictEqual(result.kind, 'cloudformation');
      assert.ok(result.definitions.length > 0, 'has ECS resources');
      assert.deepStrictEqual(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${d.pointer}`), t.findings);
      assert.strictEqual(t.verdict === 'valid', t.findings.length === 0);
    });
  }
});
