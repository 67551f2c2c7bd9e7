import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { validate } from '../../../src/taskdef/validate';
import type { DocumentKind } from '../../../src/taskdef/types';
import { REPO } from './helpers';

for (const [dir, kind] of [['taskdefs', 'task'], ['servicedefs', 'service']] as [string, DocumentKind][]) {
  const root = path.join(REPO, 'test', 'fixtures', dir);
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as Record<string, [string, string][]>;
  describe(`taskdef fixtures: ${dir}`, () => {
    for (const f of fs.readdirSync(path.join(root, 'valid'))) {
      it(`valid/${f}: no errors, kind detected`, () => {
        const r = validate(fs.readFileSync(path.join(root, 'valid', f), 'utf8'), { fileName: f });
        assert.strictEqual(r.kind, kind);
        assert.deepStrictEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.pointer}`), []);
      });
    }
    for (const f of fs.readdirSync(path.join(root, 'invalid'))) {
      it(`invalid/${f}: the expected errors at the offending values`, () => {
        const r = validate(fs.readFileSync(path.join(root, 'invalid', f), 'utf8'), { kind });
        const got = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.pointer}`);
        assert.deepStrictEqual(got.sort(), expected[`invalid/${f}`].map(([c, p]) => `${c}@${p}`).sort());
      });
    }
  });
}
