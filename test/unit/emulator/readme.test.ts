import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadModel } from '../../emulator/kit/model';
import { SERVICES } from '../../emulator/services/index';

const README = path.resolve(__dirname, '../../../../test/emulator/README.md');

/** The services table of the README: model key -> operations listed. */
function table(): Map<string, string[]> {
  const text = fs.readFileSync(README, 'utf8');
  const body = text.slice(text.indexOf('<!-- services:start'), text.indexOf('<!-- services:end -->'));
  const rows = new Map<string, string[]>();
  for (const line of body.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| service '))) {
    const [service, ops] = line.split(' | ');
    const key = /\(`([\w-]+)`\)/.exec(service)?.[1];
    assert.ok(key, `a row names its service key in backticks: ${line.slice(0, 60)}`);
    rows.set(key, ops.split(',').map((o) => o.trim()));
  }
  return rows;
}

describe('emulator: README services table', () => {
  it('has one row per registered service, listing exactly the operations it handles (and the model serves)', () => {
    const rows = table();
    const models = loadModel();
    assert.deepStrictEqual([...rows.keys()].sort(), SERVICES.map((s) => s.model).sort(), 'a row per service, no others');
    for (const s of SERVICES) {
      const handled = Object.keys(s.handlers).sort();
      assert.deepStrictEqual(rows.get(s.model)!.slice().sort(), handled, `README row of ${s.model} lists its handlers`);
      assert.deepStrictEqual(Object.keys(models[s.model].ops).sort(), handled, `${s.model}: handlers = operations in scripts/generate-emulator-model.ts SERVED`);
    }
  });
});
