import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { EmulatorHandle } from '../emulator';
import { scratchDir, writeAwsFiles } from './support/awsFiles';
import { click, hasDriver, keyboard, screenshot, waitForText } from './support/driver';
import { useEmulatorAccount, type EmulatorAccount } from './support/emulatorAccount';
import { EXTENSION_ID, activateExtension, childrenOf, eventually, expand } from './support/tree';

const ACCOUNT = '123456789012';
const SUGGEST = '.editor-widget.suggest-widget.visible';
const PANEL = '#workbench\\.parts\\.panel';
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';

/** Fargate task definition with four problems the core finds, each with a quick fix. */
const BROKEN_TASK = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "bridge",
  "cpu": "256",
  "memory": "600",
  "executionRoleArn": "arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "\${IMAGE}",
      "essential": true,
      "portMapings": [{ "containerPort": 80 }],
      "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }]
    }
  ]
}
`;

/** describe-task-definition output, as `aws ecs describe-task-definition` prints it. */
const DESCRIBE_OUTPUT = `{
  "taskDefinition": {
    "taskDefinitionArn": "arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:7",
    "containerDefinitions": [
      { "name": "app", "image": "nginx:1.27", "cpu": 0, "essential": true, "portMappings": [{ "containerPort": 80, "hostPort": 80, "protocol": "tcp" }], "environment": [], "mountPoints": [], "volumesFrom": [] }
    ],
    "family": "web",
    "executionRoleArn": "arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole",
    "networkMode": "awsvpc",
    "revision": 7,
    "volumes": [],
    "status": "ACTIVE",
    "requiresAttributes": [{ "name": "com.amazonaws.ecs.capability.task-eni" }],
    "placementConstraints": [],
    "compatibilities": ["EC2", "FARGATE"],
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "256",
    "memory": "512",
    "registeredAt": "2025-01-10T10:00:00.000Z",
    "registeredBy": "arn:aws:iam::${ACCOUNT}:user/dev"
  },
  "tags": [{ "key": "team", "value": "web" }]
}
`;

const SERVICE = `{
  "serviceName": "web",
  "cluster": "demo",
  "taskDefinition": "web:7",
  "desiredCount": 2,
  "launchType": "FARGATE",
  "deploymentConfiguration": { "minimumHealthyPercent": 150, "maximumPercent": 200 }
}
`;

const folder = () => path.join(scratchDir(), 'taskdef-files');

async function open(name: string, text: string): Promise<vscode.TextEditor> {
  fs.mkdirSync(folder(), { recursive: true });
  const file = path.join(folder(), name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(document);
}

/** Our diagnostics of a document once `accept` says they are the expected ones. */
function diagnosticsOf(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return eventually(() => {
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ECS');
    return accept(ours) ? ours : undefined;
  }, `diagnostics of ${path.basename(uri.fsPath)}`);
}

/** The range of the first occurrence of `needle` in the document. */
function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in the document`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

async function complete(editor: vscode.TextEditor, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docOf = (item: vscode.CompletionItem) => (item.documentation instanceof vscode.MarkdownString ? item.documentation.value : (item.documentation ?? ''));

async function quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `quick fix "${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

async function lenses(document: vscode.TextDocument): Promise<vscode.Command[]> {
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
  return found.map((l) => l.command).filter((c): c is vscode.Command => Boolean(c));
}

/**
 * The Problems panel (opened by Validate) as a person checks it: its filter set to the file's name
 * shows nothing (closed files of earlier tests may still list problems of their own). The filter
 * is cleared again.
 */
async function problemsPanelShowsNothingFor(uri: vscode.Uri): Promise<string> {
  const anyProblem = vscode.languages.getDiagnostics().some(([, d]) => d.length > 0);
  await click(`${PANEL} .viewpane-filter input`);
  await keyboard(path.basename(uri.path));
  try {
    const { text } = await waitForText(PANEL, [anyProblem ? 'No results found with provided filter criteria' : 'No problems have been detected']);
    return text;
  } finally {
    await keyboard('', 'Control+A');
    await keyboard('', 'Backspace');
  }
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Task definitions: language, diagnostics, completion, hover, quick fixes', function () {
  before(async () => {
    writeAwsFiles({});
    await activateExtension();
  });
  afterEach(closeAll);

  it('keeps the core and the JSON language service out of the entry bundle', () => {
    const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');
    const entry = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    for (const marker of ['fargate-invalid-memory', 'getLanguageService', 'findDocumentSymbols2']) {
      assert.ok(!entry.includes(marker), `dist/extension.js contains ${marker}`);
    }
    assert.ok(fs.readFileSync(path.join(dist, 'taskdef.js'), 'utf8').includes('fargate-invalid-memory'), 'the core is in dist/taskdef.js');
  });

  it('opens *task-definition*.json in its language and shows the diagnostics at the right ranges', async () => {
    const editor = await open('web-task-definition.json', BROKEN_TASK);
    const document = editor.document;
    assert.strictEqual(document.languageId, 'ecs-task-definition');
    const diagnostics = await diagnosticsOf(document.uri, (d) => d.length >= 4);
    const shown = diagnostics.map((d) => [d.code, document.getText(d.range), d.severity]);
    assert.deepStrictEqual(shown, [
      ['fargate-requires-awsvpc', '"bridge"', vscode.DiagnosticSeverity.Error],
      ['fargate-invalid-memory', '"600"', vscode.DiagnosticSeverity.Error],
      ['unknown-property', '"portMapings"', vscode.DiagnosticSeverity.Error],
      ['mount-point-unknown-volume', '"data"', vscode.DiagnosticSeverity.Error],
    ]);
    assert.ok(diagnostics[0].range.isEqual(rangeOf(document, '"bridge"')));
    assert.match(diagnostics[2].message, /did you mean "portMappings"/);

    const lens = await lenses(document);
    assert.deepStrictEqual(lens.map((c) => c.command), ['ecsWorkbench.validateDefinition', 'ecsWorkbench.registerTaskDefinition', 'ecsWorkbench.diffWithLatestRevision', 'ecsWorkbench.estimateCost']);
    assert.strictEqual((lens[1].arguments?.[0] as vscode.Uri).toString(), document.uri.toString(), 'Register gets the document, and stays interactive');
    assert.strictEqual(lens[0].title, 'Validate: $(error) 4 errors');
    const counts = await vscode.commands.executeCommand('ecsWorkbench.validateDefinition', { uri: document.uri.toString() });
    assert.deepStrictEqual(counts, { errors: 4, warnings: 0, infos: 0 });

    if (hasDriver()) {
      // A person's view: squiggles, the Problems panel, and the suggestions inside the container.
      const inContainer = rangeOf(document, '"essential": true').end.translate(0, 1);
      editor.selection = new vscode.Selection(inContainer, inContainer);
      await vscode.commands.executeCommand('editor.action.insertLineAfter');
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await waitForText('.editor-widget.suggest-widget', ['command', 'cpu', 'dependsOn']);
      await waitForText('.monaco-editor', ['4 errors', 'Diff with latest ACTIVE revision']);
      await screenshot('taskdef-diagnostics-completion');
    }
  });

  it('completes documented properties, enum values and snippets; hovers with AWS documentation', async () => {
    const editor = await open('api-taskdef.json', '{\n  "family": "api",\n  "networkMode": "",\n  "containerDefinitions": [\n    {\n      \n    }\n  ]\n}\n');
    const document = editor.document;
    const container = await complete(editor, new vscode.Position(5, 6));
    const labels = container.map(labelOf);
    for (const property of ['name', 'image', 'portMappings', 'logConfiguration', 'healthCheck', 'secrets']) {
      assert.ok(labels.includes(property), `${property} among ${labels.join(', ')}`);
    }
    const image = container.find((i) => labelOf(i) === 'image')!;
    assert.match(docOf(image), /image used to start a container/i);

    const enumItems = await complete(editor, rangeOf(document, '""').start.translate(0, 1));
    assert.deepStrictEqual(enumItems.map(labelOf).filter((l) => /^"?(awsvpc|bridge|host|none)"?$/.test(l)).map((l) => l.replace(/"/g, '')).sort(), ['awsvpc', 'bridge', 'host', 'none']);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rangeOf(document, 'networkMode').start);
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c)))).join('\n');
    assert.match(hoverText, /awsvpc/);

    const top = await complete(editor, new vscode.Position(1, 2));
    assert.ok(top.some((i) => labelOf(i) === 'requiresCompatibilities'), 'top-level properties');

    const empty = await open('new-task-definition.json', '');
    const snippets = (await complete(empty, new vscode.Position(0, 0))).filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.ok(snippets.includes('ecs-fargate-web'), `contributed snippets: ${snippets.join(', ')}`);
  });

  it('a new empty file offers the whole-file snippets, not a "Value expected" error; the snippet gives a valid definition', async () => {
    const editor = await open('first-task-definition.json', '');
    const document = editor.document;
    const lens = await eventually(async () => (await lenses(document)).find((c) => /start from a snippet/.test(c.title)), 'the new-file CodeLens');
    assert.strictEqual(lens.title, '$(new-file) New task definition: start from a snippet (Ctrl+Space)');
    assert.deepStrictEqual(await vscode.commands.executeCommand('ecsWorkbench.validateDefinition', { uri: document.uri.toString() }), { errors: 0, warnings: 0, infos: 0 });
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri), [], 'no problem for an empty file');
    if (!hasDriver()) return;
    // The Problems panel (opened by Validate) has nothing for it, and the lens says what to do.
    const problems = await problemsPanelShowsNothingFor(document.uri);
    assert.ok(!problems.includes('Value expected'), problems);
    await vscode.window.showTextDocument(document);
    await waitForText(ACTIVE_EDITOR, ['New task definition: start from a snippet']);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await keyboard('', 'Control+Space');
    const suggested = await waitForText(SUGGEST, ['ecs-fargate-web', 'ecs-ec2-bridge']);
    assert.ok(!/ecs-healthcheck|ecs-awslogs|ecs-xray/.test(suggested.text), `no container-level snippet in a new file: ${suggested.text}`);
    await screenshot('taskdef-new-file-snippets');
    await keyboard('', 'Enter');
    await keyboard('', 'Escape');
    const accepted = await eventually(() => (document.getText().includes('"containerDefinitions"') ? document.getText() : undefined), 'the snippet in the file');
    assert.strictEqual((JSON.parse(accepted) as { requiresCompatibilities: string[] }).requiresCompatibilities[0], 'FARGATE', 'the Fargate web service first');
    await diagnosticsOf(document.uri, (d) => d.length === 0);
  });

  it('an empty object offers the whole-file snippets at the top; inside a container, name and image come first', async () => {
    const editor = await open('second-task-definition.json', '{}');
    const top = await complete(editor, new vscode.Position(0, 1));
    const snippets = top.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.deepStrictEqual(snippets.sort(), ['ecs-ec2-bridge', 'ecs-fargate-web']);
    const container = await open('third-task-definition.json', '{\n  "family": "x",\n  "containerDefinitions": [\n    {\n      \n    }\n  ]\n}\n');
    const items = (await complete(container, new vscode.Position(4, 6))).filter((i) => i.kind === vscode.CompletionItemKind.Property);
    const order = [...items].sort((a, b) => ((a.sortText ?? labelOf(a)) < (b.sortText ?? labelOf(b)) ? -1 : 1)).map(labelOf);
    assert.deepStrictEqual(order.slice(0, 2), ['name', 'image']);
  });

  it('quick fixes: awsvpc, nearest Fargate memory, rename, add the missing volume; then the file is clean', async () => {
    const editor = await open('fix-task-definition.json', BROKEN_TASK);
    const document = editor.document;
    const fixes: [string, string][] = [
      ['fargate-requires-awsvpc', 'Set "networkMode": "awsvpc"'],
      ['fargate-invalid-memory', 'Use the nearest valid Fargate memory: "512"'],
      ['unknown-property', 'Rename to "portMappings"'],
      ['mount-point-unknown-volume', 'Add volume "data" to "volumes"'],
    ];
    for (const [code, title] of fixes) {
      const diagnostics = await diagnosticsOf(document.uri, (d) => d.some((x) => x.code === code));
      await quickFix(document, diagnostics.find((d) => d.code === code)!, title);
      await diagnosticsOf(document.uri, (d) => !d.some((x) => x.code === code));
    }
    await diagnosticsOf(document.uri, (d) => d.length === 0);
    const fixed = JSON.parse(document.getText());
    assert.strictEqual(fixed.networkMode, 'awsvpc');
    assert.strictEqual(fixed.memory, '512');
    assert.deepStrictEqual(fixed.volumes, [{ name: 'data' }]);
    assert.deepStrictEqual(fixed.containerDefinitions[0].portMappings, [{ containerPort: 80 }]);
  });

  it('describe-task-definition output gives warnings (wrapped, read-only), no errors, and unwraps in one fix', async () => {
    const editor = await open('described-taskdef.json', DESCRIBE_OUTPUT);
    const document = editor.document;
    const diagnostics = await diagnosticsOf(document.uri, (d) => d.length > 0);
    assert.deepStrictEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    const codes = new Set(diagnostics.map((d) => d.code));
    assert.ok(codes.has('wrapped-task-definition') && codes.has('read-only-field'), [...codes].join(', '));
    await quickFix(document, diagnostics.find((d) => d.code === 'wrapped-task-definition')!, 'Unwrap the task definition (keep tags, strip read-only fields)');
    await diagnosticsOf(document.uri, (d) => d.length === 0);
    const unwrapped = JSON.parse(document.getText());
    assert.strictEqual(unwrapped.family, 'web');
    assert.deepStrictEqual(unwrapped.tags, [{ key: 'team', value: 'web' }]);
    assert.strictEqual(unwrapped.revision, undefined);
  });

  it('keeps working as JSON: outline, folding, formatting', async () => {
    const editor = await open('compact-task-def.json', '{"family":"api","containerDefinitions":[{"name":"app","image":"nginx"}],"cpu":"256","memory":"512"}');
    const document = editor.document;
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepStrictEqual(symbols.map((s) => s.name), ['family', 'containerDefinitions', 'cpu', 'memory']);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits.length > 0, 'formatting edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    await vscode.workspace.applyEdit(edit);
    assert.ok(document.getText().startsWith('{\n  "family": "api",\n  "containerDefinitions": [\n'), document.getText());
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(folds.length >= 2, `folding ranges: ${JSON.stringify(folds)}`);
  });

  it('recognises a service definition by name and validates it with the service rules', async () => {
    const editor = await open('web-service-definition.json', SERVICE);
    const document = editor.document;
    assert.strictEqual(document.languageId, 'ecs-service-definition');
    const diagnostics = await diagnosticsOf(document.uri, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'deployment-percent-bounds' || d.code === 'deployment-no-room'), diagnostics.map((d) => d.code).join(', '));
    const items = await complete(editor, new vscode.Position(1, 2));
    assert.ok(items.some((i) => labelOf(i) === 'networkConfiguration'), 'service properties');
    assert.deepStrictEqual((await lenses(document)).map((c) => c.command), ['ecsWorkbench.validateDefinition', 'ecsWorkbench.createService']);
  });

  it('offers the switch on a plain .json holding containerDefinitions; the command switches both ways', async () => {
    const editor = await open('deploy.json', BROKEN_TASK);
    const document = editor.document;
    assert.strictEqual(document.languageId, 'json');
    const offer = await eventually(async () => (await lenses(document)).find((c) => c.command === 'ecsWorkbench.switchDefinitionLanguage'), 'the switch CodeLens');
    const switched = await vscode.commands.executeCommand<{ languageId: string }>(offer.command, ...(offer.arguments ?? []));
    assert.strictEqual(switched.languageId, 'ecs-task-definition');
    await diagnosticsOf(document.uri, (d) => d.length === 4);
    const back = await vscode.commands.executeCommand<{ uri: string; languageId: string }>('ecsWorkbench.switchDefinitionLanguage', { kind: 'json', uri: document.uri.toString() });
    assert.strictEqual(back.languageId, 'json');
    await diagnosticsOf(document.uri, (d) => d.length === 0);
    const toService = await vscode.commands.executeCommand<{ languageId: string }>('ecsWorkbench.switchDefinitionLanguage', { kind: 'service', uri: back.uri });
    assert.strictEqual(toService.languageId, 'ecs-service-definition');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.switchDefinitionLanguage', { kind: 'yaml', uri: back.uri })), /Expected \{ kind/);

    const other = await open('package-like.json', '{ "name": "x", "version": "1.0.0" }\n');
    assert.deepStrictEqual(await lenses(other.document), [], 'no offer on other JSON');
  });
});

describe('Task definitions: live values and the diff with the latest ACTIVE revision (emulator)', function () {
  let emulator: EmulatorHandle;
  let account: EmulatorAccount;

  before(async () => {
    account = await useEmulatorAccount();
    ({ emulator } = account);
  });

  after(async () => {
    await closeAll();
    await account.close();
  });

  /** Completion at the cursor until `accept` sees what it wants: live values arrive after the 300 ms give-up. */
  function liveCompletion(editor: vscode.TextEditor, position: vscode.Position, accept: (labels: string[]) => boolean): Promise<vscode.CompletionItem[]> {
    return eventually(async () => {
      const items = await complete(editor, position);
      return accept(items.map(labelOf)) ? items : undefined;
    }, 'live completion values');
  }

  it('completes image with ECR repository URIs, then tags; roles with those ECS tasks may assume', async () => {
    const editor = await open('live-task-definition.json', `{\n  "family": "live",\n  "executionRoleArn": "",\n  "containerDefinitions": [{ "name": "app", "image": "" }]\n}\n`);
    const document = editor.document;
    const repo = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/demo/api`;
    const images = await liveCompletion(editor, rangeOf(document, '"image": ""').end.translate(0, -1), (l) => l.includes(repo));
    const repoItem = images.find((i) => labelOf(i) === repo)!;
    assert.strictEqual(repoItem.detail, 'ECR repository');

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, rangeOf(document, '"image": ""'), `"image": "${repo}:"`);
    await vscode.workspace.applyEdit(edit);
    const tags = await liveCompletion(editor, rangeOf(document, `${repo}:"`).end.translate(0, -1), (l) => l.includes('1.2.0'));
    assert.strictEqual((tags.find((i) => labelOf(i) === '1.2.0')!.insertText as string), `"${repo}:1.2.0"`);

    const roles = await liveCompletion(editor, rangeOf(document, '"executionRoleArn": ""').end.translate(0, -1), (l) => l.includes('ecsTaskExecutionRole'));
    const roleLabels = roles.map(labelOf);
    assert.ok(roleLabels.includes('demo-api-task-role'), roleLabels.join(', '));
    assert.ok(!roleLabels.includes('ecsInstanceRole') && !roleLabels.includes('lambda-basic-execution'), 'only roles trusted by ecs-tasks.amazonaws.com');
    assert.ok(emulator.calls().get('iam:ListRoles'), 'roles came from IAM ListRoles');
  });

  it('typing an image: accept a repository URI with the keyboard, type ":" and its tags are suggested', async function () {
    if (!hasDriver()) this.skip();
    const editor = await open('keyboard-task-definition.json', `{\n  "family": "typed",\n  "containerDefinitions": [{ "name": "app", "image": "" }]\n}\n`);
    const document = editor.document;
    const repo = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/demo/web`;
    const inImage = rangeOf(document, '"image": ""').end.translate(0, -1);
    // The account has answered once (completion gives up after 300 ms and shows the rest next time).
    await liveCompletion(editor, inImage, (l) => l.includes(repo));
    editor.selection = new vscode.Selection(inImage, inImage);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await keyboard('', 'Control+Space');
    await waitForText(SUGGEST, [repo]);
    await keyboard('demo/web');
    await waitForText(SUGGEST, [repo]);
    await keyboard('', 'Enter');
    await eventually(() => document.getText().includes(`"image": "${repo}"`) || undefined, 'the repository URI in the file');
    const cursor = editor.selection.active;
    assert.strictEqual(document.getText(new vscode.Range(cursor, cursor.translate(0, 1))), '"', 'the cursor stays inside the string');
    await keyboard(':');
    const tags = await waitForText(SUGGEST, ['2.1.0', 'latest', '2.0.0']);
    assert.ok(!tags.text.includes('1.2.0'), `only demo/web's tags: ${tags.text}`);
    await screenshot('taskdef-image-tags');
    await keyboard('', 'Enter');
    await eventually(() => document.getText().includes(`"image": "${repo}:2.1.0"`) || undefined, 'the newest tag in the file');
  });

  it('a revision opened from the explorer shows no problems; Edit as New Revision opens an editable copy ready to register', async () => {
    const families = await expand(account.workbench.explorer, 'us-east-1', 'Task definitions');
    const revisions = await childrenOf(account.workbench.explorer, families.find((f) => f.label === 'demo-api')!.node);
    const opened = await vscode.commands.executeCommand<{ uri: string; languageId: string }>('ecsWorkbench.openDescribe', revisions.find((r) => r.label === 'demo-api:3')!.node);
    const described = vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.uri)!;
    assert.strictEqual(described.languageId, 'ecs-task-definition');
    assert.ok(described.getText().includes('"taskDefinitionArn"'), 'the describe output as AWS gave it');
    assert.deepStrictEqual(await vscode.commands.executeCommand('ecsWorkbench.validateDefinition', { uri: opened.uri }), { errors: 0, warnings: 0, infos: 0 });
    assert.deepStrictEqual(vscode.languages.getDiagnostics(described.uri), []);
    const lens = await eventually(async () => (await lenses(described)).find((c) => c.command === 'ecsWorkbench.editAsNewRevision'), 'the Edit as New Revision lens');
    assert.strictEqual(lens.title, '$(edit) Edit as New Revision');

    const isCopy = () => {
      const active = vscode.window.activeTextEditor?.document;
      return active?.uri.scheme === 'untitled' && active.languageId === 'ecs-task-definition' ? active : undefined;
    };
    if (hasDriver()) {
      // What a person sees: nothing in Problems for it, then the lens clicked.
      const problems = await problemsPanelShowsNothingFor(described.uri);
      assert.ok(!problems.includes('is read-only output'), problems);
      await vscode.window.showTextDocument(described);
      await waitForText(ACTIVE_EDITOR, ['Edit as New Revision']);
      await screenshot('taskdef-revision-read-only');
      await click('.codelens-decoration a >> text=Edit as New Revision');
    } else {
      await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? []));
    }
    const copy = await eventually(isCopy, 'the untitled copy');
    const value = JSON.parse(copy.getText()) as Record<string, unknown>;
    for (const field of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) assert.ok(!(field in value), `${field} in the copy`);
    assert.strictEqual(value.family, 'demo-api');
    await diagnosticsOf(copy.uri, (d) => d.length === 0);
    assert.ok((await lenses(copy)).some((c) => c.command === 'ecsWorkbench.registerTaskDefinition'), 'Register is offered on the copy');
    if (hasDriver()) await waitForText(ACTIVE_EDITOR, ['Register new revision']);

    // The argument-object forms: a family and revision (no document needed), and a refused object.
    const byName = await vscode.commands.executeCommand<{ uri: string }>('ecsWorkbench.editAsNewRevision', { family: 'demo-api', revision: 2, region: 'us-east-1' });
    const second = vscode.workspace.textDocuments.find((d) => d.uri.toString() === byName.uri)!;
    assert.strictEqual(second.languageId, 'ecs-task-definition');
    assert.ok(!second.getText().includes('taskDefinitionArn'));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('ecsWorkbench.editAsNewRevision', { family: 'demo-api' })), /"revision" is missing\. Expected \{ uri: string \} or \{ family: string, revision: number/);
    const registered = await vscode.commands.executeCommand<{ family: string; revision: number }>('ecsWorkbench.registerTaskDefinition', { definition: JSON.parse(copy.getText()) });
    assert.deepStrictEqual([registered.family, registered.revision], ['demo-api', 4], 'the copy registers as the next revision');
  });

  it('the Diff CodeLens opens a normalised diff against the latest ACTIVE revision registered in the emulator', async () => {
    const sdk = new ECSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'demo-secret' } });
    const registered = await sdk.send(
      new RegisterTaskDefinitionCommand({
        family: 'diffme',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'app', image: 'nginx:1.26', essential: true, portMappings: [{ containerPort: 80, hostPort: 80 }] }],
      }),
    );
    sdk.destroy();
    const revision = registered.taskDefinition!.revision!;
    const local = { family: 'diffme', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '.25 vCPU', memory: '0.5 GB', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }] };
    const editor = await open('diffme-task-definition.json', JSON.stringify(local, null, 2));
    const diff = (await lenses(editor.document)).find((c) => c.command === 'ecsWorkbench.diffWithLatestRevision');
    assert.ok(diff, 'the Diff CodeLens');
    const result = await vscode.commands.executeCommand<{ family: string; revision: number; left: string; right: string }>(diff.command, ...(diff.arguments ?? []));
    assert.deepStrictEqual([result.family, result.revision], ['diffme', revision]);
    const tab = await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 'the diff editor');
    assert.strictEqual(tab.original.toString(), result.left);
    const left = (await vscode.workspace.openTextDocument(tab.original)).getText();
    const right = (await vscode.workspace.openTextDocument(tab.modified)).getText();
    // Both sides normalised: units, defaults (essential, hostPort = containerPort) and read-only fields agree,
    // so the only difference left is the image.
    const differing = left.split('\n').filter((line, i) => line !== right.split('\n')[i]);
    assert.deepStrictEqual(differing, ['      "image": "nginx:1.26",'], `left:\n${left}\nright:\n${right}`);
    assert.match(right, /"image": "nginx:1.27"/);
    assert.ok(!/revision|taskDefinitionArn|registeredAt/.test(left), 'read-only fields dropped');
    if (hasDriver()) await screenshot('taskdef-diff');
  });
});
