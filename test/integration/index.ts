import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import ClosingLineReporter from '../support/closingLineReporter';

/** Runs every *.test.js of `dir` with the closing-line reporter writing to ECS_TEST_REPORT_FILE. */
export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    reporter: ClosingLineReporter,
    reporterOptions: { output: process.env.ECS_TEST_REPORT_FILE },
    grep: process.env.ECS_TEST_GREP,
  });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

/** Entry point the extension host calls (extensionTestsPath). */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
