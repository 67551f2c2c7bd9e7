/**
 * `npm run test:sandbox`: what `npm start` gives a newcomer, checked the way they would look at it.
 * Starts the sandbox (packaged .vsix in code-server, emulator with the demo seed), opens it in
 * Chromium, and expects the ECS explorer populated, the status bar showing the sandbox profile and,
 * once the workbench connected, the `api` service "rolling out" under demo-fargate › Services; then
 * stops it and checks that code-server and its children are gone.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { TEST_OUTPUT_DIR } from './paths';
import { startSandbox } from './sandbox';
import { launchBrowser } from './workbench';

/** Resolves as `p` does, or rejects after `ms` naming what was awaited. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The explorer rows whose label is exactly `label`. */
function row(page: Page, sidebar: Locator, label: string): Locator {
  return sidebar.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
}

/** Expands a collapsed row by clicking it, as a person does. */
async function expandRow(page: Page, sidebar: Locator, label: string): Promise<void> {
  const r = row(page, sidebar, label).first();
  await r.waitFor({ timeout: 30_000 });
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
}

async function main(): Promise<void> {
  const outputDir = path.join(TEST_OUTPUT_DIR, 'sandbox');
  fs.mkdirSync(outputDir, { recursive: true });
  const sandbox = await startSandbox({ port: 0 });
  const browser = await launchBrowser();
  let failure: unknown;
  let deploymentId: string | undefined;
  let apiRow = '';
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(sandbox.url);
    await page.locator('.activitybar [aria-label^="Amazon ECS"]').first().click({ timeout: 90_000 });
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    for (const text of ['us-east-1', 'demo-fargate', 'demo-ec2', 'Task definitions', 'demo/api']) {
      await sidebar.getByText(text, { exact: false }).first().waitFor({ timeout: 60_000 });
    }
    await page.locator('#workbench\\.parts\\.statusbar').getByText('sandbox @ us-east-1 (123456789012)').waitFor({ timeout: 30_000 });
    // Listing the clusters started a rollout of api; a person expanding the cluster sees it in progress.
    deploymentId = await within(sandbox.rollout, 30_000, 'the api rollout the sandbox starts once the workbench listed the clusters');
    if (!deploymentId) throw new Error('the api rollout did not start');
    const rolloutStarted = Date.now();
    await expandRow(page, sidebar, 'demo-fargate');
    await expandRow(page, sidebar, 'Services');
    const api = row(page, sidebar, 'api');
    await api.filter({ hasText: 'rolling out' }).first().waitFor({ timeout: 30_000 });
    const shown = await api.first().locator('.label-description').innerText();
    apiRow = `"api ${shown}", ${((Date.now() - rolloutStarted) / 1000).toFixed(1)} s after it started`;
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
  console.log(`[sandbox] rollout ${deploymentId} of api started when the workbench listed the clusters; demo-fargate › Services shows ${apiRow}`);
  console.log('sandbox: 1 passed, 0 failed');
}

main().catch((error) => {
  console.error(error);
  console.log('sandbox: 0 passed, 1 failed');
  process.exit(1);
});
