import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { credentials } from './helpers';

const CLI = path.resolve(__dirname, '../../emulator/cli.js');

describe('emulator: command line', () => {
  it('prints exactly one line with the URL once it accepts requests, and serves the seed', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'demo', '--time-scale', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) {
            resolve(out);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const m = /^AWS emulator listening on (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(line);
      assert.ok(m, `unexpected output: ${JSON.stringify(line)}`);
      const ecs = new ECSClient({ endpoint: m[1], region: 'us-east-1', credentials, maxAttempts: 1 });
      const r = await ecs.send(new ListClustersCommand({}));
      assert.strictEqual(r.clusterArns?.length, 2);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.strictEqual(code, 2);
  });
});
