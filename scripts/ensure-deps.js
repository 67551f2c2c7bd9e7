#!/usr/bin/env node
// Runs before `npm test` and `npm start` on a fresh clone: installs the npm packages (npm ci) when
// node_modules is missing or older than package-lock.json, and the Debian packages the real-editor
// tests need (Chromium; libkrb5-dev for code-server's native build; the AWS CLI as a second client of
// the emulator; a Docker engine and registry for image push) when missing and we are root.
// Plain JavaScript on purpose: nothing is installed yet when it runs.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const DEBIAN_PACKAGES = (process.env.ECS_DEBIAN_PACKAGES || 'chromium libkrb5-dev awscli docker.io docker-registry apache2-utils').split(/\s+/).filter(Boolean);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`[setup] ${cmd} ${args.join(' ')} failed with exit ${result.status}`);
    process.exit(result.status || 1);
  }
}

function npmPackages() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('[setup] installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function debianPackages() {
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/dpkg')) return;
  const missing = DEBIAN_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (!missing.length) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.warn(`[setup] missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  console.log(`[setup] installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

npmPackages();
debianPackages();
