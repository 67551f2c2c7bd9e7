import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import ClosingLineReporter from '../support/closingLineReporter';

/**
 * Entry point the extension host calls (extensionTestsPath). Runs every *.test.js beside this file
 * with the closing-line reporter writing to ECS_TEST_REPORT_FILE.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    reporter: ClosingLineReporter,
    reporterOptions: { output: process.env.ECS_TEST_REPORT_FILE },
    grep: process.env.ECS_TEST_GREP,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
