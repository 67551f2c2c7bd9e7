/**
 * The desktop route: the same integration suite in VS Code (Electron) through @vscode/test-electron.
 * With VSCODE_EXECUTABLE_PATH it uses that VS Code; otherwise test-electron downloads one (needs
 * internet). Screenshots and DOM checks are skipped on this route (no browser driver).
 *
 *   npm run compile && npm run build && VSCODE_EXECUTABLE_PATH=/usr/bin/code npm run test:integration:electron
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { DEFAULT_SUITE, REPO_ROOT } from './paths';

async function main(): Promise<void> {
  const testsIndex = process.argv.indexOf('--tests');
  const suite = testsIndex >= 0 ? process.argv[testsIndex + 1] : DEFAULT_SUITE;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-workbench-electron-'));
  const awsDir = path.join(scratch, 'aws');
  fs.mkdirSync(path.join(scratch, 'workspace'), { recursive: true });
  fs.mkdirSync(awsDir, { recursive: true });
  fs.writeFileSync(path.join(awsDir, 'config'), '');
  fs.writeFileSync(path.join(awsDir, 'credentials'), '');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      launchArgs: [path.join(scratch, 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(scratch, 'user-data')],
      extensionTestsEnv: {
        ECS_TEST_SCRATCH_DIR: scratch,
        AWS_CONFIG_FILE: path.join(awsDir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PROFILE: undefined,
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SESSION_TOKEN: undefined,
      },
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[integration:electron] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
