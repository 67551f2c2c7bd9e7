import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultModelsDir, generateEmulatorModel } from '../../../scripts/generate-emulator-model';

const REPO = path.resolve(__dirname, '../../../..');
const GENERATED = path.join(REPO, 'test/emulator/generated');

describe('emulator: generated AWS model', () => {
  it('is up to date with ../shared/aws-models (run `npm run generate:emulator-model`)', function () {
    const models = defaultModelsDir(REPO);
    if (!models) {
      this.skip();
      return;
    }
    const fresh = generateEmulatorModel(models);
    const stale = Object.entries(fresh).filter(([name, text]) => !fs.existsSync(path.join(GENERATED, name)) || fs.readFileSync(path.join(GENERATED, name), 'utf8') !== text);
    const extra = fs.readdirSync(GENERATED).filter((name) => !(name in fresh));
    assert.deepStrictEqual([stale.map(([name]) => name), extra], [[], []], 'test/emulator/generated/ is out of date: run `npm run generate:emulator-model`');
  });
});
