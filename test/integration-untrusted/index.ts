import { runSuite } from '../integration';

/**
 * Entry point for the suite that runs in a folder VS Code does not trust (the runner's --untrusted):
 * Restricted Mode as a user meets it, not a switch inside the extension.
 */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
