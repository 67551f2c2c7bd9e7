import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The shared config and credentials files the extension host reads. The runner points
 * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE into its scratch folder; tests rewrite them.
 */
export function awsFilePaths(): { config: string; credentials: string } {
  const config = process.env.AWS_CONFIG_FILE;
  const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE;
  if (!config || !credentials) throw new Error('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE must be set by the runner');
  return { config, credentials };
}

export function writeAwsFiles(files: { config?: string; credentials?: string }): void {
  const paths = awsFilePaths();
  fs.mkdirSync(path.dirname(paths.config), { recursive: true });
  fs.writeFileSync(paths.config, files.config ?? '');
  fs.writeFileSync(paths.credentials, files.credentials ?? '');
}

export function scratchDir(): string {
  return process.env.ECS_TEST_SCRATCH_DIR ?? os.tmpdir();
}
