import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { ssoLoginCommand } from '../../../src/aws/errors';
import { quoteForShell, shellKindOf } from '../../../src/util/shell';

const NAMES = ['dev', 'dev.team@corp/ecs-admin', 'my profile', "o'brien", 'a"b', 'semi;colon && rm -rf ~', '$HOME `id`', 'back\\slash', 'émoji ☁'];

describe('quoting a profile name for the user’s shell', () => {
  it('knows the shell from its path', () => {
    assert.deepStrictEqual(['/bin/bash', '/usr/bin/zsh', '/usr/bin/fish', 'C:\\Windows\\System32\\cmd.exe', 'C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'powershell.exe', undefined].map(shellKindOf), ['posix', 'posix', 'fish', 'cmd', 'powershell', 'powershell', 'posix']);
  });

  it('plain names stay as they are', () => {
    assert.strictEqual(ssoLoginCommand('dev.team@corp/ecs-admin', 'posix'), 'aws sso login --profile dev.team@corp/ecs-admin');
    assert.strictEqual(ssoLoginCommand(undefined, 'posix'), 'aws sso login');
  });

  it('sh passes every name through as one argument, unchanged', () => {
    for (const name of NAMES) {
      const out = execFileSync('/bin/sh', ['-c', `printf '%s' ${quoteForShell(name, 'posix')}`], { encoding: 'utf8' });
      assert.strictEqual(out, name, name);
    }
  });

  it('PowerShell doubles quotes inside single quotes; cmd.exe refuses what it cannot pass', () => {
    assert.strictEqual(quoteForShell("o'brien x", 'powershell'), "'o''brien x'");
    assert.strictEqual(quoteForShell('my profile', 'cmd'), '"my profile"');
    assert.throws(() => quoteForShell('a"b', 'cmd'), /cmd\.exe cannot pass literally/);
    assert.strictEqual(quoteForShell("it's", 'fish'), "'it\\'s'");
  });
});
