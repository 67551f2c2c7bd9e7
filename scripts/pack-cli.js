// `npm run pack:cli`: the linter on its own, as an npm package with only the CLI and its bundle (no
// VS Code extension): fills packages/ecs-taskdef-lint and packs it into dist-cli/.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { PACKAGE_DIR, REPO, fillCliPackage } = require('./cli-bundle');

async function main() {
  const packages = await fillCliPackage(PACKAGE_DIR);
  const out = path.join(REPO, 'dist-cli');
  fs.mkdirSync(out, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: PACKAGE_DIR, encoding: 'utf8' }));
  console.log(`${path.join('dist-cli', packed.filename)}: ${packed.files.map((f) => f.path).join(', ')} (${packed.size} bytes; bundles ${packages.map((p) => p.name).join(', ')})`);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
