// The linter installable on its own: the CLI package packs only the CLI and its bundle, installs
// from its tarball with no registry, and its bin lints. The repository root packs the same bundle
// for pre-commit, whose hook definition is checked too.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO } from './helpers';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function exec(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ code: error ? (typeof code === 'number' ? code : -1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

interface Packed {
  filename: string;
  files: { path: string }[];
}

describe('ecs-taskdef-lint as its own npm package', function () {
  this.timeout(180_000);
  let dir: string;
  // npm's cache and logs in the temporary folder, not the home directory.
  const npmEnv = () => ({ npm_config_cache: path.join(dir, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-taskdef-lint-pkg-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('packs only the CLI bundle, its licence, notices and README; installs offline from the tarball; the bin lints a Terraform containers file', async () => {
    // The committed package folder, filled in a copy the way `npm run pack:cli` fills it.
    const stage = path.join(dir, 'stage');
    fs.mkdirSync(stage);
    for (const f of ['package.json', 'README.md']) fs.copyFileSync(path.join(REPO, 'packages', 'ecs-taskdef-lint', f), path.join(stage, f));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { fillCliPackage } = require(path.join(REPO, 'scripts', 'cli-bundle.js')) as { fillCliPackage: (d: string) => Promise<{ name: string; license: string }[]> };
    const bundled = await fillCliPackage(stage);
    assert.ok(bundled.some((p) => p.name === 'jsonc-parser'), JSON.stringify(bundled));
    assert.match(fs.readFileSync(path.join(stage, 'THIRD-PARTY-NOTICES.txt'), 'utf8'), /jsonc-parser \S+ \(MIT\)/);

    const pack = await exec(NPM, ['pack', '--json', '--pack-destination', dir], stage, npmEnv());
    assert.strictEqual(pack.code, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as Packed[];
    assert.deepStrictEqual(packed.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.txt', 'dist/ecs-taskdef-lint.js', 'package.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.deepStrictEqual([manifest.name, manifest.license, manifest.bin, manifest.dependencies], ['ecs-taskdef-lint', 'Apache-2.0', { 'ecs-taskdef-lint': 'dist/ecs-taskdef-lint.js' }, undefined]);
    const bundle = fs.readFileSync(path.join(stage, 'dist', 'ecs-taskdef-lint.js'), 'utf8');
    assert.ok(!/require\(["']vscode["']\)/.test(bundle), 'no VS Code in the CLI bundle');

    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-the-linter', private: true }));
    const install = await exec(NPM, ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed.filename)], project, npmEnv());
    assert.strictEqual(install.code, 0, install.stderr);
    fs.writeFileSync(path.join(project, 'containers.json'), '[\n  { "name": "web", "image": "nginx", "networkMode": "awsvpc" }\n]\n');
    const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'ecs-taskdef-lint.cmd' : 'ecs-taskdef-lint');
    const lint = await exec(bin, ['--format', 'github', 'containers.json'], project);
    assert.strictEqual(lint.code, 1, lint.stderr);
    assert.match(lint.stdout, /^::error file=containers\.json,line=2,endLine=2,col=38,endColumn=51,title=task-level-in-container::/);
    assert.strictEqual((await exec(bin, ['--version'], project)).stdout.trim(), manifest.version);
  });

  it('the repository root packs the same bundle alone (what pre-commit installs), built by prepack', async () => {
    const root = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    assert.strictEqual(root.scripts.prepack, 'node esbuild.js --production --cli');
    assert.strictEqual(root.scripts['pack:cli'], 'node scripts/pack-cli.js');
    // A copy of what npm reads for the file list, with stand-ins for the built files, packed without scripts.
    const copy = path.join(dir, 'root');
    fs.mkdirSync(path.join(copy, 'dist'), { recursive: true });
    fs.mkdirSync(path.join(copy, 'src'));
    for (const f of ['package.json', '.npmignore', 'LICENSE', 'README.md']) fs.copyFileSync(path.join(REPO, f), path.join(copy, f));
    for (const f of ['dist/ecs-taskdef-lint.js', 'dist/extension.js', 'dist/taskdef.js', 'src/extension.ts']) fs.writeFileSync(path.join(copy, f), '');
    const pack = await exec(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], copy, npmEnv());
    assert.strictEqual(pack.code, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as Packed[];
    assert.deepStrictEqual(packed.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/ecs-taskdef-lint.js', 'package.json']);
    assert.deepStrictEqual(root.bin, { 'ecs-taskdef-lint': './dist/ecs-taskdef-lint.js' });
  });

  it('.pre-commit-hooks.yaml: a node hook running the bin on task/service definitions, containers files and templates', () => {
    const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, string>[];
    assert.strictEqual(hooks.length, 1);
    const [hook] = hooks;
    assert.deepStrictEqual([hook.id, hook.entry, hook.language], ['ecs-taskdef-lint', 'ecs-taskdef-lint', 'node']);
    assert.ok(hook.name);
    // pre-commit matches `files` with Python's re.search; (?i) at the start is its case-insensitive flag.
    assert.ok(hook.files.startsWith('(?i)'));
    const files = new RegExp(hook.files.slice(4), 'i');
    const matched = ['task-definition.json', 'ecs/web-taskdef.json', 'deploy/service-definition.json', 'infra/containers.json', 'modules/app/container_definitions.json.tpl', 'container-definitions.tftpl', 'template.yaml', 'cfn/ecs-stack.cloudformation.yml', 'Task-Definition.JSON'];
    const skipped = ['package.json', 'tsconfig.json', 'docker-compose.yaml', 'src/containers.ts', 'main.tf', '.github/workflows/ci.yml'];
    assert.deepStrictEqual(matched.filter((f) => !files.test(f)), []);
    assert.deepStrictEqual(skipped.filter((f) => files.test(f)), []);
  });
});
