import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { scratchDir, writeAwsFiles } from './support/awsFiles';
import { activateExtension, eventually } from './support/tree';

/**
 * What `container_definitions = templatefile("containers.json.tpl", …)` reads: two containers of an
 * awsvpc task whose volume and execution role live in HCL. Two real mistakes (a task parameter in
 * a container, a misspelled key) and nothing that needs the task: the host port that differs from
 * the container port, the mount point's volume and the secret's execution role are the HCL's to
 * judge. `${…}` and `%{…}` are Terraform's.
 */
const CONTAINERS = `[
  {
    "name": "web",
    "image": "\${repository_url}:\${tag}",
    "cpu": \${cpu},
    "networkMode": "awsvpc",
    "portMappings": [{ "containerPort": 8080, "hostPort": 80 }],
    "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }],
    "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" }],
    "environment": \${jsonencode(environment)},
    "dependsOn": [{ "containerName": "log-router", "condition": "START" }]
  },
  %{ if with_sidecar ~}
  {
    "name": "log-router",
    "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    "essential": false,
    "memoryReservaton": 50
  }
  %{ endif ~}
]
`;

const folder = () => path.join(scratchDir(), 'terraform-files');

async function open(name: string, text: string): Promise<vscode.TextDocument> {
  fs.mkdirSync(folder(), { recursive: true });
  const file = path.join(folder(), name);
  fs.writeFileSync(file, text);
  return (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file))).document;
}

/** Our diagnostics of a document as the Problems panel lists them: code and the text they underline. */
function shownDiagnostics(document: vscode.TextDocument, count: number): Promise<[string, string, vscode.DiagnosticSeverity][]> {
  return eventually(() => {
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'ECS');
    return ours.length >= count ? ours.map((d): [string, string, vscode.DiagnosticSeverity] => [String(d.code), document.getText(d.range), d.severity]) : undefined;
  }, `${count} diagnostics of ${path.basename(document.fileName)}`);
}

describe('Terraform containers files: recognised, with the diagnostics that hold for containers alone', function () {
  before(async () => {
    writeAwsFiles({});
    await activateExtension();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a *containers*.json.tpl opens as ECS Container Definitions and shows only its two real mistakes, at their ranges', async () => {
    const document = await open('web-containers.json.tpl', CONTAINERS);
    assert.strictEqual(document.languageId, 'ecs-container-definitions');
    assert.deepStrictEqual(await shownDiagnostics(document, 2), [
      ['task-level-in-container', '"networkMode"', vscode.DiagnosticSeverity.Error],
      ['unknown-property', '"memoryReservaton"', vscode.DiagnosticSeverity.Error],
    ]);
    const messages = vscode.languages.getDiagnostics(document.uri).map((d) => d.message);
    assert.match(messages[0], /"network_mode" argument of aws_ecs_task_definition/);
    assert.match(messages[1], /did you mean "memoryReservation"\? Terraform drops unknown properties/);
    // The fix the lightbulb offers for the task parameter: remove it.
    const [taskLevel] = vscode.languages.getDiagnostics(document.uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, taskLevel.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === 'Remove "networkMode"' && a.isPreferred), actions.map((a) => a.title).join(' | '));
  });

  it('completion offers a container\'s properties with their documentation, hover documents them', async () => {
    const document = await open('app-container-definitions.json', '[\n  {\n    "name": "app",\n    "image": "nginx",\n    \n    "essential": true\n  }\n]\n');
    assert.strictEqual(document.languageId, 'ecs-container-definitions');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(4, 4));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const p of ['portMappings', 'logConfiguration', 'healthCheck']) assert.ok(labels.includes(p), `${p} among ${labels.join(', ')}`);
    assert.ok(!labels.includes('family') && !labels.includes('requiresCompatibilities'), 'no task-level parameter offered');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(3, 7));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /image used to start a container/);
    assert.deepStrictEqual(await shownDiagnostics(document, 0), []);
  });

  it('a plain .json holding an array of containers offers the switch, and after it the same checks run', async () => {
    const document = await open('render.json', '[\n  { "name": "web", "image": "nginx", "networkMode": "awsvpc" }\n]\n');
    assert.strictEqual(document.languageId, 'json');
    const lens = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
      return found.map((l) => l.command).find((c) => c?.title.includes('Edit as ECS Container Definitions (Terraform)'));
    }, 'the language switch lens');
    const switched = await vscode.commands.executeCommand<{ languageId: string }>(lens.command, ...(lens.arguments ?? []));
    assert.strictEqual(switched.languageId, 'ecs-container-definitions');
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString())!;
    assert.deepStrictEqual(await shownDiagnostics(now, 1), [['task-level-in-container', '"networkMode"', vscode.DiagnosticSeverity.Error]]);
  });
});
