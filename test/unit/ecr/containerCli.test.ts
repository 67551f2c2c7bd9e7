import * as assert from 'assert';
import * as fs from 'fs';
import { classifyCliFailure, ContainerCli, ContainerCliError } from '../../../src/ecr/containerCli';
import { FAKE_DIGEST, makeFakeCli, type FakeCli } from './fakeCli';
import { alive } from '../support/alive';

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('container CLI runner', () => {
  const password = 'pa55-w0rd-secret';
  let fake: FakeCli;
  let logged: string[];
  let cli: ContainerCli;
  beforeEach(() => {
    fake = makeFakeCli(password);
    logged = [];
    cli = new ContainerCli('docker', fake.executable, fake.env, (l) => logged.push(l));
  });
  afterEach(() => fake.dispose());

  it('logs in with the password on stdin only, never in argv or the log', async () => {
    await cli.login('https://123.dkr.ecr.us-east-1.amazonaws.com', 'AWS', password);
    const [call] = fake.calls();
    assert.deepStrictEqual(call.args, ['login', '--username', 'AWS', '--password-stdin', '123.dkr.ecr.us-east-1.amazonaws.com']);
    assert.strictEqual(call.stdin, password);
    assert.ok(!logged.join('\n').includes(password));
    assert.ok(logged.includes('Login Succeeded'));
  });

  it('a refused login is an auth problem whose message holds no secret', async () => {
    const error = await cli.login('http://127.0.0.1:5000', 'AWS', 'wrong-password').then(() => undefined, (e) => e as ContainerCliError);
    assert.strictEqual(error?.kind, 'auth');
    assert.ok(!error.message.includes('wrong-password'));
    assert.ok(!(error.output ?? '').includes('wrong-password'));
  });

  it('redacts a known secret that a CLI echoes', () => {
    const c = new ContainerCli('docker', 'docker');
    (c as unknown as { secrets: Set<string> }).secrets.add('s3cr3t');
    assert.strictEqual(c.redact('token s3cr3t here s3cr3t'), 'token *** here ***');
  });

  it('pushes, streaming lines, and returns the digest', async () => {
    const lines: string[] = [];
    const out = await cli.push('127.0.0.1:5000/app:1.0', { onLine: (l) => lines.push(l) });
    assert.strictEqual(out.digest, FAKE_DIGEST);
    assert.ok(lines.includes('5f70bf18a086: Pushed'));
  });

  it('kills the child when the signal aborts and rejects as cancelled', async () => {
    const hanging = new ContainerCli('docker', fake.executable, { ...fake.env, FAKE_PUSH_HANG: '1' });
    const controller = new AbortController();
    const push = hanging.push('127.0.0.1:5000/app:1.0', { signal: controller.signal });
    await until(() => fs.existsSync(`${fake.record}.hang`), 'the push to start');
    const pid = Number(fs.readFileSync(`${fake.record}.hang`, 'utf8'));
    assert.ok(alive(pid));
    controller.abort();
    await assert.rejects(push, (e: ContainerCliError) => e.kind === 'cancelled' && e.name === 'AbortError');
    assert.ok(!alive(pid), 'the CLI process is gone');
    await assert.rejects(hanging.tag('a', 'b', controller.signal), (e: ContainerCliError) => e.kind === 'cancelled');
  });

  it('lists local images from the CLI JSON; says when the CLI or engine is missing', async () => {
    const images = await cli.listImages();
    assert.deepStrictEqual(images.map((i) => i.reference), ['app:1.0', 'def456']);
    await assert.rejects(new ContainerCli('docker', '/nonexistent/docker').version(), (e: ContainerCliError) => e.kind === 'not-installed' && /ecsWorkbench\.containerCli\.path/.test(e.message));
    await assert.rejects(cli.version(), (e: ContainerCliError) => e.kind === 'engine-down');
  });

  it('classifies CLI failures into problems with actions', () => {
    const kind = (stderr: string, verb = 'push') => classifyCliFailure('docker', [verb], { code: 1, stdout: '', stderr }).kind;
    assert.strictEqual(kind('denied: Your authorization token has expired. Reauthenticate and try again.'), 'token-expired');
    assert.strictEqual(kind('no basic auth credentials'), 'auth');
    assert.strictEqual(kind('name unknown: The repository with name \'x\' does not exist in the registry'), 'repository-missing');
    const denied = classifyCliFailure('docker', ['push'], { code: 1, stdout: '', stderr: 'denied: User: arn:aws:iam::1:user/u is not authorized to perform: ecr:InitiateLayerUpload on resource' });
    assert.deepStrictEqual([denied.kind, denied.action], ['access-denied', 'ecr:InitiateLayerUpload']);
    assert.strictEqual(kind('dial tcp 10.0.0.1:443: i/o timeout'), 'network');
    assert.strictEqual(kind('Error response from daemon: No such image: app:2', 'tag'), 'image-missing');
    assert.strictEqual(kind('something else'), 'other');
  });
});
