/**
 * npm run bench:activation — prints one line:
 *   activation entry_bytes=<n> dist_bytes=<n> require_ms=<n> activate_ms=<n> vsix_bytes=<n>
 *
 * entry_bytes / dist_bytes: the production bundles (source maps excluded).
 * require_ms: median time for a fresh Node process to require dist/extension.js (with a stub `vscode`).
 * activate_ms: the extension host's own activation time for the installed .vsix in a real VS Code
 *   (code-server 1.139.1), read from "Developer: Show Running Extensions".
 * vsix_bytes: size of the .vsix `npm run package` builds.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeServerEntry, ensureCodeServer, node24, startCodeServer } from '../runner/codeServer';
import { REPO_ROOT } from '../runner/paths';
import { launchBrowser } from '../runner/workbench';

const RUNS = 15;
const ACTIVATION_RUNS = 3;
const VSIX = path.join(REPO_ROOT, 'dist-vsix', 'ecs-workbench.vsix');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function distSizes(): { entry: number; dist: number } {
  const dir = path.join(REPO_ROOT, 'dist');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  return {
    entry: fs.statSync(path.join(dir, 'extension.js')).size,
    dist: files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0),
  };
}

/** Each run is a fresh process, so nothing is warm in the module cache. */
function requireMs(): number {
  const probe = `
    const Module = require('module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, { get: () => function () {} }) };
    const t0 = process.hrtime.bigint();
    require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'extension.js'))});
    process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));
  `;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(Number(execFileSync(process.execPath, ['-e', probe]).toString()));
  return median(samples);
}

async function activateMs(): Promise<number> {
  ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-bench-'));
  const extensionsDir = path.join(scratch, 'code-server', 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const install = spawnSync(node24, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', VSIX], {
    env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, 'xdg'), XDG_DATA_HOME: path.join(scratch, 'xdg') },
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing the vsix failed: ${install.stderr || install.stdout}`);
  const server = await startCodeServer({ scratchDir: path.join(scratch, 'code-server'), env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(scratch)}`);
    // Opening the view container is what activates the extension for a person.
    await page.locator('.activitybar [aria-label^="Amazon ECS"]').first().click({ timeout: 60_000 });
    await page.locator('.monaco-workbench').press('F1');
    await page.keyboard.type('Developer: Show Running Extensions');
    await page.keyboard.press('Enter');
    const row = page.locator('.runtime-extensions-editor .extension', { hasText: 'ECS Workbench' }).first();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const text = await row.innerText({ timeout: 60_000 }).catch(() => '');
      const match = /Activation:\s*(\d+)\s*ms/i.exec(text);
      if (match) {
        console.error(`[bench] Running Extensions row: ${text.replace(/\s+/g, " ")}`);
        return Number(match[1]);
      }
      if (Date.now() > deadline) throw new Error(`no activation time in the Running Extensions row: ${JSON.stringify(text)}`);
      await page.waitForTimeout(200);
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // The figures are for what ships: the production bundle and the .vsix built from it.
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const sizes = distSizes();
  const require = requireMs();
  // Three fresh extension hosts: the machine's other load shows up in one run, not in the median.
  const activations: number[] = [];
  for (let i = 0; i < ACTIVATION_RUNS; i++) activations.push(await activateMs());
  const activate = median(activations);
  const vsix = fs.statSync(VSIX).size;
  console.log(`activation entry_bytes=${sizes.entry} dist_bytes=${sizes.dist} require_ms=${require.toFixed(2)} activate_ms=${activate} vsix_bytes=${vsix}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
