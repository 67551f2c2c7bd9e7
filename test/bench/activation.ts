/**
 * npm run bench:activation — prints one line:
 *   activation entry_bytes=<n> dist_bytes=<n> require_ms=<n> activate_ms=<n> vsix_bytes=<n>
 *
 * entry_bytes / dist_bytes: the production bundles (source maps excluded).
 * require_ms: median time for a fresh Node process to require dist/extension.js (with a stub `vscode`).
 * activate_ms: the extension host's own activation time for the installed .vsix in a real VS Code
 *   (code-server 1.139.1), read from "Developer: Show Running Extensions".
 * vsix_bytes: size of the .vsix `npm run package` builds.
 * empty_extension_activate_ms: the same host timing for an extension that requires `vscode` and
 *   whose activate() is empty: what any extension pays in this host.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeServerEntry, ensureCodeServer, node24, startCodeServer } from '../runner/codeServer';
import { REPO_ROOT } from '../runner/paths';
import { launchBrowser } from '../runner/workbench';

const RUNS = 15;
const ACTIVATION_RUNS = Number(process.env.BENCH_ACTIVATION_RUNS ?? 5);
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

interface Probe {
  vsix: string;
  /** The activity-bar item's label, the welcome text that shows the view rendered, the extension's display name. */
  container: string;
  welcome: string;
  displayName: string;
}

const OURS: Probe = { vsix: VSIX, container: 'Amazon ECS', welcome: 'No AWS credentials were found', displayName: 'ECS Workbench' };

/**
 * An extension that does nothing, with the same kind of view container: what activation costs in
 * this host before any code of ours runs. Built fresh with vsce, never committed.
 */
function emptyExtension(dir: string): Probe {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'empty-probe', displayName: 'Empty Probe', publisher: 'bench', version: '0.0.1', license: 'MIT',
    repository: 'https://example.invalid/empty-probe', engines: { vscode: '^1.90.0' }, main: './extension.js', activationEvents: [],
    contributes: {
      viewsContainers: { activitybar: [{ id: 'emptyProbe', title: 'Empty Probe', icon: 'icon.svg' }] },
      views: { emptyProbe: [{ id: 'emptyProbe.view', name: 'Probe' }] },
      viewsWelcome: [{ view: 'emptyProbe.view', contents: 'Empty probe view' }],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  // It does take the vscode API: the host builds that object per extension on the first require.
  fs.writeFileSync(path.join(dir, 'extension.js'), "require('vscode');\nexports.activate = function () {};\n");
  fs.writeFileSync(path.join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="20" height="20"/></svg>');
  fs.writeFileSync(path.join(dir, 'README.md'), '# empty probe\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  const vsix = path.join(dir, 'empty-probe.vsix');
  execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: dir, stdio: 'ignore' });
  return { vsix, container: 'Empty Probe', welcome: 'Empty probe view', displayName: 'Empty Probe' };
}

/** The extension's own "Activated in … ms; … ms from the bundle's first line to activate()" log line, when it wrote one. */
function ownTiming(logsDir: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.includes('ECS Workbench')) files.push(full);
    }
  };
  walk(logsDir);
  const line = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n').match(/Activated in .* ms; .* to activate\(\)/)?.[0];
  return line ? ` (its own log: ${line})` : '';
}

async function activateMs(probe: Probe): Promise<number> {
  ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-bench-'));
  const extensionsDir = path.join(scratch, 'code-server', 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const install = spawnSync(node24, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', probe.vsix], {
    env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, 'xdg'), XDG_DATA_HOME: path.join(scratch, 'xdg') },
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing the vsix failed: ${install.stderr || install.stdout}`);
  const server = await startCodeServer({ scratchDir: path.join(scratch, 'code-server'), env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(scratch)}`);
    await page.locator('.activitybar').first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-workbench').press('F1');
    await page.keyboard.type('Developer: Show Running Extensions');
    await page.keyboard.press('Enter');
    // Let the built-in extensions finish starting: the list of running extensions stops changing.
    // Measured during that start-up, our activation would include the host's other work.
    const rows = page.locator('.runtime-extensions-editor .extension');
    let stable = 0;
    let last = '';
    const settleDeadline = Date.now() + 60_000;
    while (stable < 4 && Date.now() < settleDeadline) {
      const now = (await rows.allInnerTexts()).join('|');
      stable = now && now === last ? stable + 1 : 0;
      last = now;
      await page.waitForTimeout(500);
    }
    // VS Code 1.139 may show Running Extensions as a modal editor, which blocks the activity bar: close it.
    const modal = page.locator('.monaco-modal-editor-block');
    if (await modal.count()) {
      await page.keyboard.press('Escape');
      await modal.first().waitFor({ state: 'detached', timeout: 10_000 });
    }
    // Opening the view container is what activates the extension for a person.
    await page.locator(`.activitybar [aria-label^="${probe.container}"]`).first().click({ timeout: 60_000 });
    await page.locator('#workbench\\.parts\\.sidebar').getByText(probe.welcome).waitFor({ timeout: 60_000 });
    // Reopen the list so it includes the extension that just activated.
    await page.locator('.monaco-workbench').press('F1');
    await page.keyboard.type('Developer: Show Running Extensions');
    await page.keyboard.press('Enter');
    const row = page.locator('.runtime-extensions-editor .extension', { hasText: probe.displayName }).first();
    // The list is sorted by activation time and virtualised: page down until the row is rendered.
    await rows.first().click({ timeout: 60_000 });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!(await row.count())) await page.keyboard.press('PageDown');
      const text = await row.innerText({ timeout: 1_000 }).catch(() => '');
      const match = /Activation:\s*(\d+)\s*ms/i.exec(text);
      if (match) {
        console.error(`[bench] Running Extensions row: ${text.replace(/\s+/g, ' ')}${ownTiming(path.join(scratch, 'code-server', 'user-data', 'logs'))}`);
        return Number(match[1]);
      }
      if (Date.now() > deadline) {
        await page.screenshot({ path: path.join(os.tmpdir(), 'bench-activation-failure.png') });
        throw new Error(`no activation time in the Running Extensions row: ${JSON.stringify(text)} (screenshot in ${os.tmpdir()}/bench-activation-failure.png)`);
      }
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
  // Fresh extension hosts, ours and an empty extension's alternately: the host's own cost of
  // activating anything is the baseline; the machine's other load shows up in one run, not the median.
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-wb-empty-probe-'));
  const empty = emptyExtension(probeDir);
  const activations: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < ACTIVATION_RUNS; i++) {
    activations.push(await activateMs(OURS));
    baselines.push(await activateMs(empty));
  }
  fs.rmSync(probeDir, { recursive: true, force: true });
  const activate = median(activations);
  const vsix = fs.statSync(VSIX).size;
  console.log(`activation entry_bytes=${sizes.entry} dist_bytes=${sizes.dist} require_ms=${require.toFixed(2)} activate_ms=${activate} vsix_bytes=${vsix} empty_extension_activate_ms=${median(baselines)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
