import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MUTATING_COMMANDS, READ_ONLY_COMMANDS, RestrictedModeError, requireTrust } from '../../../src/ui/trust';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
};

/** Every `registerCommand(…, 'ecsWorkbench.x', …)` and deploy command name in src/. */
function registeredInCode(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) for (const m of fs.readFileSync(file, 'utf8').matchAll(/registerCommand\([^,]+,\s*'(ecsWorkbench\.\w+)'/g)) ids.add(m[1]);
    }
  };
  walk(path.join(root, 'src'));
  const deployIndex = fs.readFileSync(path.join(root, 'src', 'commands', 'deploy', 'index.ts'), 'utf8');
  for (const m of deployIndex.slice(deployIndex.indexOf('const NAMES')).matchAll(/'(\w+)'/g)) ids.add(`ecsWorkbench.${m[1]}`);
  return [...ids].sort();
}

describe('Restricted Mode: one list of the commands that mutate or start a program', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();

  it('classifies every command of package.json, once', () => {
    const classified = [...Object.keys(MUTATING_COMMANDS), ...READ_ONLY_COMMANDS];
    assert.deepStrictEqual(classified.filter((id, i) => classified.indexOf(id) !== i), [], 'a command in both lists');
    assert.deepStrictEqual(contributed.filter((id) => !classified.includes(id)), [], 'a contributed command that is neither mutating nor read-only: add it to src/ui/trust.ts');
    assert.deepStrictEqual(classified.filter((id) => !contributed.includes(id)).sort(), [], 'a classified command that package.json does not contribute');
  });

  it('every command the code registers is contributed (no hidden test seams)', () => {
    assert.deepStrictEqual(registeredInCode().filter((id) => !contributed.includes(id)), []);
    assert.ok(!contributed.includes('ecsWorkbench.simulateRestrictedMode'));
  });

  it('the commands that write to AWS or run docker, git or a terminal are the mutating ones', () => {
    for (const id of ['ecsWorkbench.deploy', 'ecsWorkbench.pushImage', 'ecsWorkbench.buildAndPushImage', 'ecsWorkbench.deleteRepository', 'ecsWorkbench.startImageScan', 'ecsWorkbench.runInTerminal', 'ecsWorkbench.runTask']) {
      assert.ok(MUTATING_COMMANDS[id], id);
    }
  });

  it('ECS Exec: shells, commands and port forwards open a session into a container, so they need trust; stopping a forward and the readiness check do not', () => {
    for (const id of ['ecsWorkbench.openShell', 'ecsWorkbench.execCommand', 'ecsWorkbench.startPortForward']) assert.strictEqual(MUTATING_COMMANDS[id]?.because, 'session', id);
    assert.strictEqual(MUTATING_COMMANDS['ecsWorkbench.enableExecuteCommand']?.because, 'aws');
    for (const id of ['ecsWorkbench.stopPortForward', 'ecsWorkbench.checkExecReadiness']) assert.ok(READ_ONLY_COMMANDS.includes(id), id);
    assert.throws(() => requireTrust('ecsWorkbench.openShell', false), /Opening a shell in a container is disabled in Restricted Mode: this workspace is not trusted, and it opens a session into a container of your AWS account/);
  });

  it('refuses them when untrusted, with the reason; read-only ones pass', () => {
    assert.throws(() => requireTrust('ecsWorkbench.pushImage', false), (e: Error) => e instanceof RestrictedModeError && /Pushing an image is disabled in Restricted Mode: this workspace is not trusted, and it starts a program on this machine/.test(e.message));
    assert.doesNotThrow(() => requireTrust('ecsWorkbench.pushImage', true));
    assert.doesNotThrow(() => requireTrust('ecsWorkbench.watchService', false));
  });

  it('an untrusted repository cannot choose the endpoint or the program we run', () => {
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort(), ['ecsWorkbench.containerCli.kind', 'ecsWorkbench.containerCli.path', 'ecsWorkbench.endpointUrl']);
  });
});
