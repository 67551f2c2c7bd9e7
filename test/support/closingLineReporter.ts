import * as fs from 'fs';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * mocha's spec reporter plus the plain closing line CI reads: `N passed, N failed[, N skipped]`.
 * With `reporterOptions.output` (or ECS_TEST_REPORT_FILE) everything goes to that file instead of
 * the console: inside the extension host the console is drowned in workbench logs.
 */
class ClosingLineReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    const output: string | undefined = options?.reporterOptions?.output ?? process.env.ECS_TEST_REPORT_FILE;
    if (output) {
      Mocha.reporters.Base.useColors = false;
      Mocha.reporters.Base.consoleLog = (...args: unknown[]) => fs.appendFileSync(output, util.format(...args) + '\n');
    }
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = this.stats;
      Mocha.reporters.Base.consoleLog(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

export = ClosingLineReporter;
