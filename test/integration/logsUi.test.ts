import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { scratchDir } from './support/awsFiles';
import { QUICK_INPUT, choose, click, count, hasDriver, keyboard, screenshot, valueOf, waitForText } from './support/driver';
import { describeCount, drive } from './support/driveClock';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { eventually, expand } from './support/tree';

const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
const TITLE_ACTION = (label: string) => `.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`;
const NOTIFICATIONS = '.notifications-center';
const IMAGE = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/api:${tag}`;

/** A Fargate task definition whose container has no log configuration (and no problem). */
const NO_LOGS = `{
  "family": "shop-web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27",
      "essential": true,
      "portMappings": [{ "containerPort": 80 }]
    }
  ]
}
`;

const VIEW_LINES = `${ACTIVE_EDITOR} .view-lines`;
const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, '');

/**
 * Waits until the active editor's rendered lines show every expected string. The editor renders
 * spaces as no-break spaces and wraps long lines: both are ignored in the comparison.
 */
async function editorShows(...expected: string[]): Promise<string> {
  let seen = '';
  return eventually(async () => {
    seen = (await waitForText(VIEW_LINES, [])).text;
    return expected.every((e) => squeeze(seen).includes(squeeze(e))) ? seen : undefined;
  }, `the editor to show ${JSON.stringify(expected)}`).catch((error: Error) => {
    const doc = vscode.window.activeTextEditor?.document;
    throw new Error(`${error.message}; the editor showed:\n${seen}\nthe document's first line: ${doc?.getText().split('\n')[0]}`);
  });
}

/** The quick input on screen now (its widget stays in the page, hidden, with its last title, between uses). */
const SHOWN_INPUT = `${QUICK_INPUT}:visible input`;
/** The quick input is on screen and has focus. */
const inputReady = () => eventually(async () => ((await count(`${SHOWN_INPUT}:focus`)) > 0 ? true : undefined), 'the input box to have focus');
/** Types `text` into the input box, waits until the box holds all of it, then presses Enter. */
async function typeAndAccept(text: string): Promise<void> {
  await keyboard(text);
  await eventually(async () => ((await valueOf(SHOWN_INPUT)) === text ? true : undefined), `the input box to hold "${text}"`);
  await keyboard('', 'Enter');
}
const inputGone = () => eventually(async () => ((await count(`${QUICK_INPUT}:visible`)) === 0 ? true : undefined), 'the input box to close');
/**
 * Escape, as a person presses it again when the box is still there: under load the first Escape
 * after an Enter on an invalid value can reach the workbench before the box has the focus back.
 */
async function escapeInput(): Promise<void> {
  await keyboard('', 'Escape');
  await eventually(async () => {
    if ((await count(`${QUICK_INPUT}:visible`)) === 0) return true;
    await click(SHOWN_INPUT).catch(() => undefined);
    await keyboard('', 'Escape');
    return (await count(`${QUICK_INPUT}:visible`)) === 0 ? true : undefined;
  }, 'the input box to close on Escape');
}

const activeLogView = () => {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.uri.scheme === 'ecs-workbench-logs' ? doc : undefined;
};
const header = (doc: vscode.TextDocument) => doc.getText().split('\n')[0];

/** Opens the palette, runs `command` by its title, as a person does. */
async function palette(title: string): Promise<void> {
  await keyboard('', 'F1');
  await keyboard(title);
  await waitForText(`${QUICK_INPUT} .monaco-list-row.focused`, [title]);
  await keyboard('', 'Enter');
}

describe('Logs UI: the awslogs quick fix, Show Logs from the palette and the log document title actions', function () {
  this.timeout(120_000);
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo', clock: 'real' });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account?.close();
  });

  it('Ctrl+. inside a container without log configuration offers "Add awslogs log configuration"; choosing it adds group /ecs/<family>, no new problem', async () => {
    const folder = path.join(scratchDir(), 'logs-ui');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'shop-taskdef.json');
    fs.writeFileSync(file, NO_LOGS);
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'ecs-task-definition');
    const ours = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'ECS').map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)}: ${d.message}`);
    const validate = () => vscode.commands.executeCommand<{ errors: number; warnings: number; infos: number }>('ecsWorkbench.validateDefinition', { uri: document.uri.toString() });
    const counted = await validate();
    const before = ours();
    // A click on the image line puts the cursor inside the container, as a person does.
    await click(`${VIEW_LINES} .view-line:has-text("nginx:1.27")`);
    await eventually(() => (editor.selection.active.line === document.positionAt(document.getText().indexOf('nginx:1.27')).line ? true : undefined), 'the cursor on the image line');
    // The fix is computed by the language bundle (loaded on first use): asked first, so Ctrl+. finds it ready on a busy machine.
    await eventually(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, editor.selection);
      return actions?.some((a) => a.title === 'Add awslogs log configuration to "app"') || undefined;
    }, 'the quick fix to be offered at the cursor', 30_000);
    await keyboard('', 'Control+.');
    await waitForText('.action-widget', ['Add awslogs log configuration to "app"']).catch(async (error: unknown) => {
      await screenshot('logs-ui-quick-fix-menu');
      throw error;
    });
    await click('.action-widget .monaco-list-row:has-text("Add awslogs log configuration")');
    const text = await eventually(() => (document.getText().includes('logConfiguration') ? document.getText() : undefined), 'the log configuration in the document');
    const container = JSON.parse(text).containerDefinitions[0];
    assert.deepStrictEqual(container.logConfiguration, {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/shop-web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs', 'awslogs-create-group': 'true' },
    });
    await editorShows('"awslogs-group": "/ecs/shop-web"');
    // No new problem once the edited text is checked again.
    assert.deepStrictEqual(await validate(), counted);
    assert.deepStrictEqual(ours().filter((d) => !before.includes(d)), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('ECS: Show Logs from the palette: cluster, Service, service; the document shows [shortid/container] lines', async () => {
    await palette('ECS: Show Logs');
    await waitForText(`${QUICK_INPUT} .quick-input-title`, ['Show Logs (1/3): Cluster']);
    await choose('demo-fargate', 'demo-fargate');
    await waitForText(`${QUICK_INPUT} .quick-input-title`, ['Show Logs (2/3): Logs of']);
    await waitForText(QUICK_INPUT, ['Service', 'running and stopped in the last hour', 'Task']);
    await choose('Service', 'Service');
    await waitForText(`${QUICK_INPUT} .quick-input-title`, ['Show Logs (3/3): Service']);
    await waitForText(QUICK_INPUT, ['api', 'web', 'worker']);
    await keyboard('web', 'Enter');
    const doc = await eventually(() => activeLogView(), 'the log document of web');
    assert.match(doc.uri.path, /^\/demo-fargate\/service\/web\.log$/);
    assert.match(header(doc), /^# service web · group \/ecs\/demo-web · \d+ streams · last 1 h · filter: none · not following/);
    const tasks = (await expand(account.workbench.explorer, 'us-east-1', 'demo-fargate', 'Services', 'web', 'Tasks')).filter((t) => t.contextValue === 'task.running');
    const short = tasks[0].label.slice(0, 8);
    // The header is longer than the editor is wide: word wrap (Alt+Z) shows all of it.
    await keyboard('', 'Alt+z');
    await editorShows('# service web · group /ecs/demo-web', 'filter: none · not following', `[${short}/web]`);
  });

  it('Filter…: a broken pattern is refused in the input box and the document stays; a valid one narrows the lines and the header says it', async () => {
    const doc = activeLogView()!;
    const shown = doc.getText();
    await click(TITLE_ACTION('Filter Logs'));
    await inputReady();
    await waitForText(QUICK_INPUT, ['Filter the logs of service web']);
    await keyboard('{ $.level = ');
    await waitForText(`${QUICK_INPUT} .quick-input-message`, ['"{" is not closed']);
    // Enter on an invalid value does nothing; Escape leaves the document as it was.
    await keyboard('', 'Enter');
    await waitForText(`${QUICK_INPUT} .quick-input-message`, ['"{" is not closed']);
    await escapeInput();
    assert.strictEqual(doc.getText(), shown);
    assert.match(header(doc), /filter: none/);

    await click(TITLE_ACTION('Filter Logs'));
    await inputReady();
    await waitForText(QUICK_INPUT, ['Filter the logs of service web']);
    await typeAndAccept('listening');
    await inputGone();
    await editorShows('filter: listening');
    // The document, not only the editor's rendering of it, has the filtered lines.
    const lines = await eventually(() => {
      const now = doc.getText().split('\n').slice(1).filter((l) => l.trim());
      return now.length > 0 && now.every((l) => /\[[0-9a-f]{8}\/web\] .*listening/.test(l)) ? now : undefined;
    }, 'only the lines with "listening"');
    assert.ok(lines.length < shown.split('\n').length - 1, `${lines.length} lines`);
  });

  it('Time range…: "Last 5 minutes" is said in the header', async () => {
    const doc = activeLogView()!;
    await click(TITLE_ACTION('Logs Time Range'));
    await inputReady();
    await waitForText(QUICK_INPUT, ['Time range of service web', 'Last 5 minutes', 'Last 24 hours', 'Custom…']);
    await choose('Last 5 minutes', 'Last 5 minutes');
    await editorShows('last 5 min · filter: listening · not following');
    // The editor draws the new text before the extension host's copy of the document hears of it.
    await eventually(() => /last 5 min · filter: listening · not following/.test(header(doc)) || undefined, `the document's header to say last 5 min (it says: ${header(doc)})`);
  });

  it('Follow then Stop following: the header\'s "following:" part changes, and so does the title action', async () => {
    const doc = activeLogView()!;
    await click(TITLE_ACTION('Follow'));
    await editorShows('· following: ');
    await eventually(() => /· following: (live tail|polling) \(/.test(header(doc)), 'the header says following');
    await click(TITLE_ACTION('Stop Following'));
    await editorShows('· not following');
    await eventually(() => /· not following$/.test(header(doc)), 'the header says not following');
    await click(TITLE_ACTION('Follow'));
    await editorShows('· following: ');
    await click(TITLE_ACTION('Stop Following'));
    await editorShows('· not following');
  });
});

describe('Logs UI: a failed deployment\'s notification offers Show Logs and Why Did It Stop?', function () {
  this.timeout(180_000);
  let account: EmulatorAccount;

  before(async function () {
    if (!hasDriver()) this.skip();
    account = await useEmulatorAccount({ seed: 'demo' }, { 'deploy.pollIntervalSeconds': 1 });
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await account?.close();
  });

  /** A failing image, rolled back by the circuit breaker, watched from the service node so the report is shown. */
  async function failDeployment(tag: string): Promise<string> {
    const { emulator, workbench } = account;
    const node = (await expand(workbench.explorer, 'us-east-1', 'demo-fargate', 'Services')).find((n) => n.label === 'api')!.node;
    const failing = await vscode.commands.executeCommand<{ taskDefinitionArn: string }>('ecsWorkbench.deploy', { cluster: 'demo-fargate', service: 'api', image: { container: 'api', uri: IMAGE(tag) }, wait: false });
    const raw = emulator.region('us-east-1').ecs.servicesOf('demo-fargate').get('api') as { taskDefinition: string; deployments: { status: string; taskDefinition: string }[] };
    assert.ok(raw.taskDefinition === failing.taskDefinitionArn, `the service runs the new revision: ${JSON.stringify(raw.deployments.map((d) => [d.status, d.taskDefinition]))}`);
    // ECS time moves only once the watch has read the service (else the breaker may trip before it looks).
    const polls = describeCount(emulator);
    const watching = vscode.commands.executeCommand<{ outcome: string; reason?: string }>('ecsWorkbench.watchService', node);
    await eventually(() => (describeCount(emulator) > polls ? true : undefined), 'the watch to read the service');
    const watched = await drive(emulator, watching);
    const revision = failing.taskDefinitionArn.split('/').pop()!;
    await vscode.commands.executeCommand('notifications.showList');
    assert.strictEqual(watched.outcome, 'ROLLED_BACK', watched.reason);
    await waitForText(NOTIFICATIONS, [`api: deployment of ${revision} failed and was rolled back`, 'Why Did It Stop?', 'Show Logs']);
    return revision;
  }

  it('Show Logs on the notification opens the log document of the service', async () => {
    await failDeployment('9.9.9-fail');
    await click(`${NOTIFICATIONS} .monaco-button:has-text("Show Logs")`);
    const doc = await eventually(() => activeLogView(), 'the log document of api');
    assert.match(doc.uri.path, /^\/demo-fargate\/service\/api\.log$/);
    await editorShows('# service api · group /ecs/demo-api');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Why Did It Stop? on the notification opens the report naming the cause', async () => {
    await failDeployment('9.9.10-fail');
    await click(`${NOTIFICATIONS} .monaco-button:has-text("Why Did It Stop?")`);
    const doc = await eventually(() => {
      const d = vscode.window.activeTextEditor?.document;
      return d && /why-[0-9a-f]{8}-stopped\.md$/.test(d.uri.path) ? d : undefined;
    }, 'the report of the stopped task');
    assert.match(doc.getText(), /Essential container api exited 1/);
    await editorShows('exited 1');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
