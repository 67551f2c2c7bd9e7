import * as path from 'path';

/** The repository root, from out/test/runner/*.js or test/runner/*.ts alike. */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
/** Git-ignored: tools installed on first use (Node 24, code-server). */
export const TOOLS_DIR = path.join(REPO_ROOT, '.vscode-test');
/** Git-ignored: screenshots, logs and reports of test runs. */
export const TEST_OUTPUT_DIR = path.join(REPO_ROOT, 'test-output');
export const DEFAULT_SUITE = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
