import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultModelsDir, generateEmulatorModel } from '../../../scripts/generate-emulator-model';

const REPO = path.resolve(__dirname, '../../../..');

describe('emulator: generated AWS model', () => {
  it('is up to date with ../shared/aws-models (run `npm run generate:emulator-model`)', function () {
    const models = defaultModelsDir(REPO);
    if (!models) {
      this.skip();
      return;
    }
    const committed = fs.readFileSync(path.join(REPO, 'test/emulator/generated/aws-model.json'), 'utf8');
    const fresh = generateEmulatorModel(models);
    assert.ok(committed === fresh, 'test/emulator/generated/aws-model.json is out of date: run `npm run generate:emulator-model`');
  });
});
