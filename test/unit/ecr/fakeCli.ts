/** A stand-in container CLI for unit tests: a Node script that records argv and stdin, and acts like docker. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const FAKE_DIGEST = `sha256:${'c0ffee00'.repeat(8)}`;

const SCRIPT = `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
let stdin = '';
process.stdin.on('data', (c) => (stdin += c));
process.stdin.on('end', () => {
  fs.appendFileSync(process.env.FAKE_RECORD, JSON.stringify({ args, stdin, pid: process.pid }) + '\\n');
  const verb = args[0];
  if (verb === 'login') {
    if (stdin !== process.env.FAKE_PASSWORD) { console.error('Error response from daemon: login attempt failed with status: 401 Unauthorized'); process.exit(1); }
    console.log('Login Succeeded');
  } else if (verb === 'tag') {
    if (args[1].includes('missing')) { console.error('Error response from daemon: No such image: ' + args[1]); process.exit(1); }
  } else if (verb === 'push') {
    console.log('The push refers to repository [' + args[args.length - 1] + ']');
    console.log('5f70bf18a086: Preparing');
    if (process.env.FAKE_PUSH_HANG) { fs.writeFileSync(process.env.FAKE_RECORD + '.hang', String(process.pid)); setInterval(() => {}, 1000); return; }
    const once = process.env.FAKE_RECORD + '.authfail';
    if (fs.existsSync(once)) { fs.rmSync(once); console.error('unauthorized: authentication required'); process.exit(1); }
    console.log('5f70bf18a086: Pushing [=>  ]  1MB/2MB');
    console.log('5f70bf18a086: Pushed');
    console.log(args[args.length - 1].split(':').pop() + ': digest: ${FAKE_DIGEST} size: 528');
  } else if (verb === 'images') {
    console.log(JSON.stringify({ Repository: 'app', Tag: '1.0', ID: 'abc123', Size: '5MB', CreatedSince: '2 days ago' }));
    console.log(JSON.stringify({ Repository: '<none>', Tag: '<none>', ID: 'def456' }));
  } else if (verb === 'version') {
    console.error('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
    process.exit(1);
  }
});
`;

export interface FakeCli {
  executable: string;
  env: NodeJS.ProcessEnv;
  record: string;
  calls(): { args: string[]; stdin: string; pid: number }[];
  failNextPushWithAuth(): void;
  dispose(): void;
}

export function makeFakeCli(password: string): FakeCli {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-cli-'));
  const executable = path.join(dir, 'docker');
  fs.writeFileSync(executable, SCRIPT, { mode: 0o755 });
  const record = path.join(dir, 'record.jsonl');
  fs.writeFileSync(record, '');
  return {
    executable,
    record,
    env: { ...process.env, FAKE_RECORD: record, FAKE_PASSWORD: password },
    calls: () => fs.readFileSync(record, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)),
    failNextPushWithAuth: () => fs.writeFileSync(`${record}.authfail`, ''),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
