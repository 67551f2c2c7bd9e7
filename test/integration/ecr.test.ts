import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { CliProblemKind } from '../../src/ecr/containerCli';
import type { PushResult } from '../../src/ecr/push';
import type { EcsWorkbenchApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/explorerNode';
import { startEmulator } from '../emulator';
import { DOCKER_BIN, importImage, rigUnavailable, startRig, waitFor, type Rig } from './support/containerRig';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, setSettings } from './support/tree';
import { QUICK_INPUT, SIDEBAR, choose, click, count, hasDriver, keyboard, waitForText } from './support/driver';

const NOTIFICATIONS = '.notifications-center';
const STATUS_BAR = '#workbench\\.parts\\.statusbar';

type Provider = EcsWorkbenchApi['ecr']['provider'];

const ECR_HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

async function labels(provider: Provider, node?: ExplorerNode): Promise<{ label: string; description: string; node: ExplorerNode; contextValue?: string }[]> {
  const children = await provider.getChildren(node);
  return Promise.all(
    children.map(async (child) => {
      const item = await provider.getTreeItem(child);
      return { label: String(typeof item.label === 'string' ? item.label : item.label?.label), description: String(item.description ?? ''), node: child, contextValue: item.contextValue };
    }),
  );
}

async function repositoryChildren(provider: Provider, name: string) {
  const repositories = await labels(provider);
  const repository = repositories.find((r) => r.label === name);
  if (!repository) throw new Error(`no repository ${name} among ${repositories.map((r) => r.label).join(', ')}`);
  return labels(provider, repository.node);
}

/** Every process's argv on this machine, as text. */
function allCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      lines.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // the process ended while we looked
    }
  }
  return lines;
}

function pidsMatching(pattern: RegExp): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return pattern.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function rejectsWithKind(promise: Thenable<unknown>, kind: CliProblemKind, secret: string): Promise<Error & { kind: string }> {
  const error = await Promise.resolve(promise).then(
    () => assert.fail(`expected a ${kind} failure`),
    (e: Error & { kind: string }) => e,
  );
  assert.strictEqual(error.kind, kind, error.message);
  assert.ok(!error.message.includes(secret), 'no password in the error');
  return error;
}

describe('ECR: view, push and build against a real engine and registry on loopback', function () {
  this.timeout(180_000);
  let rig: Rig;
  let account: EmulatorAccount;
  let workbench: EcsWorkbenchApi;
  let password: string;
  const savedEnv = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: process.env.DOCKER_CONFIG };

  before(async function () {
    const missing = rigUnavailable();
    if (missing) {
      console.log(`skipping the ECR push suite: ${missing}`);
      this.skip();
    }
    rig = await startRig();
    password = rig.registry.password;
    Object.assign(process.env, rig.engine.env);
    account = await useEmulatorAccount(
      { seed: 'demo', registry: { url: rig.registry.url, user: rig.registry.user, password } },
      { 'containerCli.kind': 'docker', 'containerCli.path': DOCKER_BIN },
    );
    workbench = account.workbench;
    importImage(rig.engine, rig.dir, 'local/app:1.0', { 'app/hello.txt': 'hello from the integration test\n' });
    await vscode.commands.executeCommand('workbench.view.extension.ecsWorkbench');
  });

  after(async () => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await account?.close();
    await rig?.stop();
  });

  beforeEach(() => {
    account?.emulator.faults.clear();
    workbench?.ecr.provider.refresh();
  });

  it('lists repositories with their settings, and images newest first with tags, digest, size and findings; pages with Load more', async () => {
    const repositories = await labels(workbench.ecr.provider);
    assert.deepStrictEqual(repositories.map((r) => r.label), ['demo/api', 'demo/batch', 'demo/empty', 'demo/web', 'demo/worker']);
    assert.match(repositories[0].description, /^scan on push · created \d+d ago$/);
    assert.match(repositories[2].description, /^immutable tags · created/);
    const images = await repositoryChildren(workbench.ecr.provider, 'demo/api');
    assert.deepStrictEqual(images.map((i) => i.label), ['1.2.0, latest', '1.1.0', '1.0.0', '<untagged>']);
    assert.match(images[0].description, /^sha256:[0-9a-f]{12} · pushed \d+d ago · [\d.]+ MB · (\d+ (CRITICAL|HIGH|MEDIUM|LOW|INFORMATIONAL)( · )?)+$/);
    const item = await workbench.ecr.provider.getTreeItem(images[0].node);
    assert.match((item.tooltip as vscode.MarkdownString).value, /\*\*Last pulled:\*\*/);

    await setSettings({ 'explorer.pageSize': 2 });
    try {
      workbench.ecr.provider.refresh();
      const first = await repositoryChildren(workbench.ecr.provider, 'demo/api');
      assert.deepStrictEqual(first.map((i) => i.contextValue), ['ecrImage.tagged', 'ecrImage.tagged', 'loadMore']);
      await vscode.commands.executeCommand('ecsWorkbench.loadMore', first[2].node);
      const repo = (await labels(workbench.ecr.provider)).find((r) => r.label === 'demo/api')!;
      assert.strictEqual((await labels(workbench.ecr.provider, repo.node)).length, 4);
    } finally {
      await setSettings({ 'explorer.pageSize': undefined });
    }
  });

  it('pushes a docker-imported image: the password is in no process argv and not in the output channel; the registry holds the manifest; the view lists the tag', async () => {
    const created = await vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.createRepository', { name: 'it/app', scanOnPush: true });
    assert.strictEqual(created.uri, `${ECR_HOST}/it/app`);

    let done = false;
    const seen = new Set<string>();
    const pushing = Promise.resolve(vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/app', tag: 'v1' })).finally(() => (done = true));
    while (!done) {
      for (const line of allCommandLines()) seen.add(line);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await pushing;
    const cliRuns = [...seen].filter((l) => l.startsWith(DOCKER_BIN));
    assert.ok(cliRuns.some((l) => / login .*--password-stdin/.test(l)), `saw a login among ${cliRuns.join(' | ')}`);
    assert.ok(cliRuns.some((l) => / push /.test(l)), 'saw the push');
    for (const line of seen) assert.ok(!line.includes(password), `password in argv: ${line.replace(password, '***')}`);
    const log = workbench.ecr.pushLog();
    assert.ok(!log.includes(password), 'no password in the output channel');
    assert.match(log, /Login Succeeded/);
    assert.match(log, /--password-stdin/);
    // The CLI keeps the login in its own config (DOCKER_CONFIG here), as `docker login` does.
    assert.ok(JSON.parse(fs.readFileSync(path.join(rig.engine.env.DOCKER_CONFIG, 'config.json'), 'utf8')).auths[rig.registry.url.replace('http://', '')]);

    // Only the CLI goes to the local registry; the URIs are ECR's.
    assert.strictEqual(result.imageUri, `${ECR_HOST}/it/app:v1`);
    assert.strictEqual(result.repositoryUri, `${ECR_HOST}/it/app`);
    assert.ok(cliRuns.some((l) => l.includes(` push ${rig.registry.url.replace('http://', '')}/it/app:v1`)), 'the CLI pushed to the local registry');
    assert.match(result.digest, /^sha256:[0-9a-f]{64}$/);
    const auth = { Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}` };
    const manifest = await fetch(`${rig.registry.url}/v2/it/app/manifests/v1`, { headers: { ...auth, Accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
    assert.strictEqual(manifest.status, 200);
    assert.strictEqual(manifest.headers.get('docker-content-digest'), result.digest);

    const images = await repositoryChildren(workbench.ecr.provider, 'it/app');
    assert.strictEqual(images[0].label, 'v1');
    assert.ok(images[0].description.startsWith(result.digest.slice(0, 19)), images[0].description);

    const copied = await vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.copyImageUri', { repository: 'it/app', digest: result.digest });
    assert.strictEqual(copied.uri, result.digestUri);
    assert.strictEqual(await vscode.env.clipboard.readText(), result.digestUri);
  });

  it('after an interactive push: the notification has two actions and More…, the status bar keeps every action, and Deploy… offers the pushed image once, in ECR form', async function () {
    if (!hasDriver()) this.skip();
    const pushing = Promise.resolve(vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage'));
    await choose('local/app:1.0', 'local/app:1.0');
    await choose('demo/web', 'demo/web');
    await choose('Type a tag…', 'Type a tag');
    await waitForText(QUICK_INPUT, ['up to 128 characters']);
    await keyboard('3.0.0', 'Enter');
    const pushed = await pushing;
    assert.strictEqual(pushed.imageUri, `${ECR_HOST}/demo/web:3.0.0`);
    const last = await vscode.commands.executeCommand<PushResult & { region: string }>('ecsWorkbench.showPushResult', {});
    assert.deepStrictEqual([last.imageUri, last.digestUri, last.region], [pushed.imageUri, pushed.digestUri, 'us-east-1']);

    // VS Code shows only a few buttons on a notification: two actions, then More… for the rest.
    await vscode.commands.executeCommand('notifications.showList');
    const notification = await waitForText(NOTIFICATIONS, ['Pushed demo/web:3.0.0', 'More…']);
    const buttons = await count(`${NOTIFICATIONS} .notification-list-item:has-text("Pushed demo/web:3.0.0") .monaco-button`);
    assert.strictEqual(buttons, 3, notification.text);
    assert.match(notification.text, /Deploy…[\s\S]*Use This Image[\s\S]*More…/);
    await click(`${NOTIFICATIONS} .monaco-button:has-text("More…")`);
    const more = await waitForText(QUICK_INPUT, ['Deploy…', 'Use This Image', 'Copy URI', 'Copy Digest URI', 'Show Output']);
    assert.ok(!more.text.includes('127.0.0.1'), more.text);
    await choose('Copy URI', 'Copy URI');
    await eventually(async () => (await vscode.env.clipboard.readText()) === pushed.imageUri || undefined, 'the ECR-form URI on the clipboard');

    // After the toast: the status bar item opens the same actions.
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
    await waitForText(STATUS_BAR, ['pushed demo/web:3.0.0']);
    await click(`${STATUS_BAR} .statusbar-item:has-text("pushed demo/web:3.0.0")`);
    await choose('Show Output', 'Deploy');
    // Services running demo/web first; then the image picker: the pushed image once, every URI in ECR form.
    const services = await waitForText(QUICK_INPUT, ['runs demo/web:2.1.0']);
    assert.match(services.text, /^[\s\S]*?\bweb\s*runs demo\/web:2\.1\.0/);
    await choose('runs demo/web:2.1.0');
    await choose('Current task definition');
    await choose('Replace the image of web');
    const images = await waitForText(QUICK_INPUT, ['just pushed', 'current']);
    assert.strictEqual(images.text.match(/web:3\.0\.0/g)?.length, 2, `the pushed image once (label and URI):\n${images.text}`);
    assert.match(images.text, new RegExp(`${ECR_HOST.replace(/\./g, '\\.')}/demo/web:3\\.0\\.0`));
    assert.match(images.text, /web:2\.1\.0\s*current · latest/);
    assert.ok(!images.text.includes('127.0.0.1'), images.text);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('one registry host: the ECR view names ECR\'s registry; copy URI, Use This Image and a deploy all use the ECR form', async () => {
    const host = rig.registry.url.replace('http://', '');
    // An image of its own: one tag, so Copy URI copies without asking which.
    importImage(rig.engine, rig.dir, 'local/web:3.1', { 'web.txt': 'one registry host\n' });
    const pushed = await vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage', { image: 'local/web:3.1', repository: 'demo/web', tag: '3.1.0' });
    assert.strictEqual(pushed.imageUri, `${ECR_HOST}/demo/web:3.1.0`);
    if (hasDriver()) {
      await vscode.commands.executeCommand('ecsWorkbench.ecr.focus');
      const sidebar = await waitForText(SIDEBAR, [ECR_HOST]);
      assert.ok(!sidebar.text.includes(host), sidebar.text);
    }
    const node = (await repositoryChildren(workbench.ecr.provider, 'demo/web')).find((i) => i.label === '3.1.0')!.node;
    // From the image's menu: the tag and digest forms are offered, both in ECR form.
    const copying = Promise.resolve(vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.copyImageUri', hasDriver() ? node : { repository: 'demo/web', tag: '3.1.0' }));
    if (hasDriver()) {
      const forms = await waitForText(QUICK_INPUT, [`${ECR_HOST}/demo/web:3.1.0`, `${ECR_HOST}/demo/web@sha256:`]);
      assert.ok(!forms.text.includes(host), forms.text);
      await keyboard(':3.1.0', 'Enter');
    }
    const copied = await copying;
    assert.strictEqual(copied.uri, `${ECR_HOST}/demo/web:3.1.0`);
    assert.strictEqual(await vscode.env.clipboard.readText(), copied.uri);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'web', image: 'old:1' }] }, null, 2) });
    await vscode.window.showTextDocument(document);
    await eventually(() => vscode.window.activeTextEditor?.document === document || undefined, 'the task definition to be the active editor');
    await vscode.commands.executeCommand('ecsWorkbench.useImage', node);
    assert.strictEqual(JSON.parse(document.getText()).containerDefinitions[0].image, `${ECR_HOST}/demo/web:3.1.0`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const deployed = await vscode.commands.executeCommand<{ taskDefinitionArn: string }>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'web', image: { container: 'web', uri: pushed.imageUri }, wait: false });
    const ecs = new ECSClient({ endpoint: account.emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    const registered = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: deployed.taskDefinitionArn }));
    assert.deepStrictEqual(registered.taskDefinition?.containerDefinitions?.map((c) => c.image), [`${ECR_HOST}/demo/web:3.1.0`]);
  });

  it('pushes again on the cached token without logging in; builds and pushes a Dockerfile for linux/amd64', async () => {
    const before = account.emulator.calls().get('ecr:GetAuthorizationToken') ?? 0;
    const logLength = workbench.ecr.pushLog().length;
    await vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/app', tag: 'v2' });
    assert.strictEqual(account.emulator.calls().get('ecr:GetAuthorizationToken') ?? 0, before);
    assert.ok(!workbench.ecr.pushLog().slice(logLength).includes(' login '), 'no second login');

    const context = fs.mkdtempSync(path.join(rig.dir, 'build-'));
    fs.writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
    fs.writeFileSync(path.join(context, 'hello.txt'), 'built\n');
    const built = await vscode.commands.executeCommand<PushResult>('ecsWorkbench.buildAndPushImage', {
      dockerfile: path.join(context, 'Dockerfile'),
      platform: 'linux/amd64',
      repository: 'it/built',
      tag: 'b1',
      createRepository: true,
    });
    assert.match(built.imageUri, /\/it\/built:b1$/);
    const tags = await (await fetch(`${rig.registry.url}/v2/it/built/tags/list`, { headers: { Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}` } })).json();
    assert.deepStrictEqual((tags as { tags: string[] }).tags, ['b1']);
  });

  it('pushes under throttling, 5xx and dropped connections with the result of a clean push', async () => {
    const clean = await vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/faults-clean', tag: 'f1', createRepository: true });
    const sentBefore = [...account.emulator.calls().values()].reduce((a, b) => a + b, 0);
    account.emulator.faults.set({ throttleRate: 0.3, serverErrorRate: 0.1, connectionResetRate: 0.02, seed: 31 });
    const faulty = await vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/faults', tag: 'f1', createRepository: true });
    account.emulator.faults.clear();
    assert.strictEqual(faulty.digest, clean.digest);
    assert.strictEqual(faulty.imageUri, clean.imageUri.replace('/it/faults-clean:', '/it/faults:'));
    const tags = await (await fetch(`${rig.registry.url}/v2/it/faults/tags/list`, { headers: { Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}` } })).json();
    assert.deepStrictEqual((tags as { tags: string[] }).tags, ['f1']);
    assert.ok([...account.emulator.calls().values()].reduce((a, b) => a + b, 0) > sentBefore, 'the push made AWS calls under faults');
  });

  it('refuses incomplete argument objects with a clear error, never a picker', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/app:1.0' })), /"repository" is missing. Expected \{ image: string, repository: string/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/app', tagg: 'x' })), /unknown member "tagg"/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.createRepository', { name: 'Bad Name' })), /lowercase/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.deleteImage', { repository: 'it/app' })), /exactly one of "tag" or "digest"/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.buildAndPushImage', { dockerfile: 'x', repository: 'it/app' })), /"tag" is missing/);
  });

  it('a missing repository is refused (and created on request); deleting a tag, then the repository with force', async () => {
    await rejectsWithKind(vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/ghost' }), 'repository-missing', password);
    const pushed = await vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/ghost', createRepository: true });
    assert.match(pushed.imageUri, /\/it\/ghost:1\.0$/);
    await vscode.commands.executeCommand('ecsWorkbench.deleteImage', { repository: 'it/ghost', tag: '1.0' });
    assert.deepStrictEqual((await repositoryChildren(workbench.ecr.provider, 'it/ghost')).map((i) => i.label), ['No images']);
    // Another image: the emulator keeps a deleted digest hidden in that repository.
    importImage(rig.engine, rig.dir, 'local/other:1', { 'other.txt': 'another image\n' });
    await vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/other:1', repository: 'it/ghost' });
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.deleteRepository', { name: 'it/ghost' })), /still contains images/);
    const deleted = await vscode.commands.executeCommand<{ deleted: boolean }>('ecsWorkbench.deleteRepository', { name: 'it/ghost', force: true });
    assert.ok(deleted.deleted);
    assert.ok(!(await labels(workbench.ecr.provider)).some((r) => r.label === 'it/ghost'));
  });

  it('scans an image and shows the findings as a document', async () => {
    await vscode.commands.executeCommand('ecsWorkbench.startImageScan', { repository: 'demo/web', tag: '2.0.0' });
    await account.emulator.clock.advance(10_000);
    const shown = await vscode.commands.executeCommand<{ uri: string; status: string; findings: number }>('ecsWorkbench.showScanFindings', { repository: 'demo/web', tag: '2.0.0' });
    assert.strictEqual(shown.status, 'COMPLETE');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown.uri)!;
    assert.match(document.getText(), /\| Severity \| CVE \| Package \| Version \| Link \|/);
    assert.match(document.getText(), /\| LOW \| CVE-2011-3374 \| apt \| 2\.6\.1 \| \[CVE-2011-3374\]\(https:\/\/security-tracker\.debian\.org\/tracker\/CVE-2011-3374\) \|/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Use this image" sets the container image of the open task definition', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'web', image: 'old:1' }, { name: 'side', image: 'old:1' }] }, null, 2) });
    await vscode.window.showTextDocument(document);
    // The workbench reports the new active editor to the extension host a moment later.
    await eventually(() => vscode.window.activeTextEditor?.document === document || undefined, 'the task definition to be the active editor');
    const used = await vscode.commands.executeCommand<{ inserted: boolean }>('ecsWorkbench.useImage', { imageUri: 'reg/it/app:v1', container: 'side' });
    assert.ok(used.inserted);
    assert.deepStrictEqual(JSON.parse(document.getText()).containerDefinitions.map((c: { image: string }) => c.image), ['old:1', 'reg/it/app:v1']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('wrong registry credentials fail the login with an auth error that holds no password', async () => {
    const wrong = `wrong-${crypto.randomBytes(6).toString('hex')}`;
    const liar = await startEmulator({ seed: 'demo', registry: { url: rig.registry.url, user: 'AWS', password: wrong } });
    try {
      await setSettings({ endpointUrl: liar.url });
      await eventually(() => workbench.clientManager.context.endpoint === liar.url || undefined, 'the second emulator');
      await rejectsWithKind(vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'demo/web', tag: 'x' }), 'auth', wrong);
      assert.ok(!workbench.ecr.pushLog().includes(wrong));
    } finally {
      await setSettings({ endpointUrl: account.emulator.url });
      await eventually(() => workbench.clientManager.context.endpoint === account.emulator.url || undefined, 'the first emulator again');
      await liar.close();
    }
  });

  it('cancelling mid-push kills the CLI process and leaves nothing half done; the next push works', async () => {
    importImage(rig.engine, rig.dir, 'local/big:1', { 'blob.bin': crypto.randomBytes(96 * 1024 * 1024) });
    const pushing = Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/big:1', repository: 'it/app', tag: 'big' }));
    await waitFor(() => pidsMatching(/ push .*\/it\/app:big/).length > 0, 'the docker push process', 30_000);
    assert.strictEqual(workbench.ecr.pushesInFlight(), 1);
    assert.strictEqual(workbench.ecr.cancelPushes(), 1);
    assert.strictEqual(await pushing, undefined, 'a cancelled command returns nothing');
    await waitFor(() => pidsMatching(/ push .*\/it\/app:big/).length === 0, 'the push process to end', 10_000);
    assert.strictEqual(workbench.ecr.pushesInFlight(), 0);
    assert.match(workbench.ecr.pushLog(), /\[cancelled\]/);
    const tags = (await (await fetch(`${rig.registry.url}/v2/it/app/tags/list`, { headers: { Authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}` } })).json()) as { tags: string[] };
    assert.ok(!tags.tags.includes('big'), tags.tags.join());
    const after = await vscode.commands.executeCommand<PushResult>('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/app', tag: 'after-cancel' });
    assert.match(after.digest, /^sha256:/);
  });

  it('a stopped engine is reported as such, with no password in the error', async () => {
    await rig.engine.stop();
    await rejectsWithKind(vscode.commands.executeCommand('ecsWorkbench.pushImage', { image: 'local/app:1.0', repository: 'it/app', tag: 'down' }), 'engine-down', password);
    assert.ok(!workbench.ecr.pushLog().includes(password));
  });
});
