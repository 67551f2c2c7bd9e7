// How the ecs-taskdef-lint bundle is built, in one place: esbuild.js (dist/ecs-taskdef-lint.js, the
// extension's bin), the CLI-only npm package (packages/ecs-taskdef-lint, `npm run pack:cli`) and the
// tests that run the bin.
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const PACKAGE_DIR = path.join(REPO, 'packages', 'ecs-taskdef-lint');

/** What every Node bundle of the project shares (esbuild.js's `common`). */
function nodeBundleOptions(production) {
  return {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    external: ['vscode'],
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  };
}

/** esbuild options of the CLI bundle, written to `outdir`; the CLI package's version is built in (`--version`, SARIF). */
function cliBuildOptions({ outdir, production = false }) {
  const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
  return {
    ...nodeBundleOptions(production),
    entryPoints: { 'ecs-taskdef-lint': path.join(REPO, 'src', 'taskdef', 'cli.ts') },
    outdir,
    banner: { js: '#!/usr/bin/env node' },
    define: { ECS_TASKDEF_LINT_VERSION: JSON.stringify(version) },
  };
}

/** The npm packages a build's metafile bundled, each with its package.json and licence text. */
function bundledPackages(metafile, absWorkingDir) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    dirs.add(path.resolve(absWorkingDir, input.slice(0, at + 'node_modules/'.length), ...rest.slice(0, rest[0].startsWith('@') ? 2 : 1)));
  }
  return [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenceFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    return { name: pkg.name, version: pkg.version, license: pkg.license, text: licenceFile ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim() : undefined };
  });
}

/**
 * Fills a CLI package folder (its package.json and README.md already there): the production bundle
 * in dist/, the repository's LICENSE, and THIRD-PARTY-NOTICES.txt with the licence of every npm
 * package the bundle holds. Returns the bundled packages.
 */
async function fillCliPackage(packageDir) {
  const esbuild = require('esbuild');
  const options = cliBuildOptions({ outdir: path.join(packageDir, 'dist'), production: true });
  const result = await esbuild.build({ ...options, metafile: true, absWorkingDir: REPO });
  const packages = bundledPackages(result.metafile, REPO);
  const missing = packages.filter((p) => !p.text);
  if (missing.length) throw new Error(`no licence file in ${missing.map((p) => p.name).join(', ')}: the notices would be incomplete`);
  fs.copyFileSync(path.join(REPO, 'LICENSE'), path.join(packageDir, 'LICENSE'));
  const notices = packages.map((p) => `${p.name} ${p.version} (${p.license})\n\n${p.text}\n`).join(`\n${'-'.repeat(72)}\n\n`);
  fs.writeFileSync(path.join(packageDir, 'THIRD-PARTY-NOTICES.txt'), `ecs-taskdef-lint bundles the following npm packages.\n\n${notices}`);
  return packages;
}

module.exports = { REPO, PACKAGE_DIR, nodeBundleOptions, cliBuildOptions, fillCliPackage };
