/**
 * Runs an integration suite inside a real VS Code extension host: code-server (VS Code 1.139.1)
 * opened in Debian's Chromium by playwright-core, with the smoke-test driver's `payload` naming the
 * extension under development and the suite. The suite's run() executes in the extension host;
 * the workbench reports its exit code through window.codeAutomationExit.
 *
 *   npm run test:integration [-- --tests /abs/path/to/suite/index.js] [-- --untrusted] [-- --keep-open]
 *
 * --untrusted opens the workspace with workspace trust enabled and not granted (Restricted Mode).
 *
 * The suite inherits this process's environment (e.g. AWS_ENDPOINT_URL), plus:
 *   ECS_TEST_REPORT_FILE  where the suite's reporter writes (tailed here)
 *   ECS_TEST_DRIVER_URL   loopback endpoint for screenshots and DOM text (see workbench.ts)
 *   ECS_TEST_OUTPUT_DIR   test-output/ (screenshots, logs)
 *   ECS_TEST_SCRATCH_DIR  a fresh temp folder for the run (AWS config files live there)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ensureCodeServer, startCodeServer } from './codeServer';
import { DEFAULT_SUITE, REPO_ROOT, TEST_OUTPUT_DIR } from './paths';
import { launchBrowser, startDriverEndpoint } from './workbench';

const START_DEADLINE_MS = 180_000;
const RUN_DEADLINE_MS = Number(process.env.ECS_TEST_TIMEOUT_MS ?? 20 * 60_000);

function parseArgs(argv: string[]): { suite: string; keepOpen: boolean; untrusted: boolean } {
  let suite = DEFAULT_SUITE;
  let keepOpen = false;
  let untrusted = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--tests') {
      const value = argv[++i];
      if (!value || !path.isAbsolute(value)) throw new Error('--tests needs the absolute path of a compiled suite index.js');
      suite = value;
    } else if (argv[i] === '--keep-open') keepOpen = true;
    else if (argv[i] === '--untrusted') untrusted = true;
    else throw new Error(`unknown argument ${argv[i]} (expected --tests <abs path>, --untrusted or --keep-open)`);
  }
  if (!fs.existsSync(suite)) throw new Error(`suite not found: ${suite} (run \`npm run compile\` first)`);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js missing: run `npm run build` first');
  return { suite, keepOpen, untrusted };
}

async function main(): Promise<number> {
  const { suite, keepOpen, untrusted } = parseArgs(process.argv.slice(2));
  ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-workbench-it-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const suiteName = path.basename(path.dirname(suite));
  const outputDir = path.join(TEST_OUTPUT_DIR, suiteName);
  fs.mkdirSync(outputDir, { recursive: true });
  const reportFile = path.join(outputDir, 'report.txt');
  fs.writeFileSync(reportFile, '');
  fs.rmSync(path.join(outputDir, 'workbench.log'), { force: true });
  const figures = path.join(outputDir, 'figures.txt');
  fs.rmSync(figures, { force: true });

  // The suite owns the AWS identity: empty shared files in the scratch folder, no credentials from
  // the developer's shell, and never the instance metadata service (nothing but loopback exists).
  const awsDir = path.join(scratch, 'aws');
  fs.mkdirSync(awsDir, { recursive: true });
  fs.writeFileSync(path.join(awsDir, 'config'), '');
  fs.writeFileSync(path.join(awsDir, 'credentials'), '');
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_PROFILE']) {
    delete process.env[name];
  }

  let page: Page | undefined;
  const driver = await startDriverEndpoint(() => page, path.join(outputDir, 'screenshots'));
  const started = Date.now();
  const server = await startCodeServer({
    scratchDir: path.join(scratch, 'code-server'),
    smokeTestDriver: true,
    workspaceTrust: untrusted,
    logFile: path.join(outputDir, 'code-server.log'),
    env: {
      ECS_TEST_REPORT_FILE: reportFile,
      ECS_TEST_DRIVER_URL: driver.url,
      ECS_TEST_OUTPUT_DIR: outputDir,
      ECS_TEST_SCRATCH_DIR: scratch,
      AWS_CONFIG_FILE: path.join(awsDir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  const browser = await launchBrowser();
  let tail = 0;
  const flushReport = () => {
    const text = fs.readFileSync(reportFile, 'utf8');
    if (text.length > tail) process.stdout.write(text.slice(tail));
    tail = text.length;
  };
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exitCode = new Promise<number>((resolve) => {
      void page!.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      fs.appendFileSync(path.join(outputDir, 'workbench.log'), `[${type}] ${JSON.stringify(args)}\n`);
    });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://remote${REPO_ROOT}`],
      ['extensionTestsPath', `vscode-remote://remote${suite}`],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    console.log(`[integration] VS Code (code-server) at ${server.url}, suite ${path.relative(REPO_ROOT, suite)}`);
    await page.goto(url);

    const poll = setInterval(flushReport, 250);
    const outcome = await Promise.race([
      exitCode,
      deadline(START_DEADLINE_MS, () => fs.statSync(reportFile).size === 0,
        'the suite did not start: is code-server running with --vscode-option enable-smoke-test-driver, and does the suite compile?'),
      deadline(RUN_DEADLINE_MS, () => true, `the suite did not finish within ${RUN_DEADLINE_MS / 1000} s`),
    ]);
    clearInterval(poll);
    flushReport();
    // Figure lines the suite wrote (test/integration/support/driver.ts `figure`).
    if (fs.existsSync(figures)) process.stdout.write(fs.readFileSync(figures, 'utf8'));
    console.log(`[integration] extension host exited with ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (keepOpen) {
      console.log(`[integration] --keep-open: workbench stays at ${server.url}; Ctrl-C to end`);
      await new Promise(() => undefined);
    }
    return outcome;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    await driver.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Rejects after `ms` if `stillBad()` holds then. */
function deadline(ms: number, stillBad: () => boolean, message: string): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => {
      if (stillBad()) reject(new Error(message));
    }, ms);
    timer.unref();
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
