/**
 * `npm run test:sandbox`: what `npm start` gives a newcomer, checked the way they would look at it.
 * Starts the sandbox (packaged .vsix in code-server, emulator with the demo seed), opens it in
 * Chromium, and expects the ECS explorer populated and the status bar showing the sandbox profile;
 * then stops it and checks that code-server and its children are gone.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TEST_OUTPUT_DIR } from './paths';
import { startSandbox } from './sandbox';
import { launchBrowser } from './workbench';

async function main(): Promise<void> {
  const outputDir = path.join(TEST_OUTPUT_DIR, 'sandbox');
  fs.mkdirSync(outputDir, { recursive: true });
  const sandbox = await startSandbox({ port: 0 });
  const browser = await launchBrowser();
  let failure: unknown;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(sandbox.url);
    await page.locator('.activitybar [aria-label^="Amazon ECS"]').first().click({ timeout: 90_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    for (const text of ['us-east-1', 'demo-fargate', 'demo-ec2', 'Task definitions', 'demo/api']) {
      await sidebar.getByText(text, { exact: false }).first().waitFor({ timeout: 60_000 });
    }
    await page.locator('#workbench\\.parts\\.statusbar').getByText('sandbox @ us-east-1 (123456789012)').waitFor({ timeout: 30_000 });
    // A deploy command from the palette: its code is a lazily loaded bundle of the .vsix.
    await page.locator('.monaco-workbench').press('F1');
    await page.keyboard.type('ECS: Scale Service');
    await page.locator('.quick-input-widget').getByText('Scale Service…').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').getByText('demo-fargate').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(outputDir, 'sandbox.png') });
  } catch (error) {
    failure = error;
  } finally {
    await browser.close();
  }
  const pid = (await Promise.race([sandbox.exited.then(() => 'exited'), Promise.resolve('running')])) === 'running';
  await sandbox.stop();
  if (!pid) failure ??= new Error('code-server exited before the check finished');
  if (failure) {
    console.error(`[sandbox] ${failure instanceof Error ? failure.message : String(failure)}`);
    console.log('sandbox: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`[sandbox] explorer and ECR view populated from the emulator, Scale Service offers the clusters, status bar "sandbox @ us-east-1 (123456789012)"; ${sandbox.pushNote}; stopped cleanly`);
  console.log('sandbox: 1 passed, 0 failed');
}

main().catch((error) => {
  console.error(error);
  console.log('sandbox: 0 passed, 1 failed');
  process.exit(1);
});
