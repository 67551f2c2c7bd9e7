import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { scratchDir, writeAwsFiles } from './support/awsFiles';
import { hasDriver, screenshot, waitForText } from './support/driver';
import { EXTENSION_ID, activateExtension, eventually } from './support/tree';

/** A SAM-style YAML template: a Fargate size that does not exist, and a host port that must equal the container port. */
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  ImageUri:
    Type: String
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Cpu: 256
      Memory: 4096
      NetworkMode: awsvpc
      RequiresCompatibilities: [FARGATE]
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: !Ref ImageUri
          PortMappings:
            - ContainerPort: 8080
              HostPort: 80
`;

const folder = () => path.join(scratchDir(), 'cloudformation-files');

async function open(name: string, text: string): Promise<vscode.TextEditor> {
  fs.mkdirSync(folder(), { recursive: true });
  const file = path.join(folder(), name);
  fs.writeFileSync(file, text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
}

function diagnosticsOf(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return eventually(() => {
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ECS');
    return accept(ours) ? ours : undefined;
  }, `diagnostics of ${path.basename(uri.fsPath)}`);
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('CloudFormation templates: diagnostics and completion in YAML', function () {
  before(async () => {
    writeAwsFiles({});
    await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps the YAML parser out of the entry bundle', () => {
    const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');
    assert.ok(!fs.readFileSync(path.join(dist, 'extension.js'), 'utf8').includes('YAMLMap'), 'dist/extension.js holds the yaml library');
    assert.ok(fs.readFileSync(path.join(dist, 'taskdef.js'), 'utf8').includes('YAMLMap'), 'the yaml library is in dist/taskdef.js');
  });

  it('shows the ECS findings of a YAML template on their lines, with CloudFormation names', async () => {
    const editor = await open('template.yaml', TEMPLATE);
    const document = editor.document;
    assert.strictEqual(document.languageId, 'yaml');
    const diagnostics = await diagnosticsOf(document.uri, (d) => d.length >= 2);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.range.start.line + 1, document.getText(d.range)]),
      [
        ['fargate-invalid-memory', 11, '4096'],
        ['host-port-mismatch', 20, '80'],
      ],
    );
    assert.match(diagnostics[1].message, /^In awsvpc network mode "HostPort" must be omitted or equal "ContainerPort" \(8080\)/);
    if (hasDriver()) {
      await waitForText('.monaco-editor', ['HostPort', 'ContainerPort']);
      await screenshot('cloudformation-yaml-diagnostics');
    }
  });

  it('completes a CloudFormation property name in a container definition', async () => {
    const editor = await open('stack.yaml', TEMPLATE.replace('          PortMappings:', '          Ess\n          PortMappings:'));
    const line = editor.document.getText().split('\n').findIndex((l) => l === '          Ess');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 13));
    const essential = list.items.find((i) => labelOf(i) === 'Essential');
    assert.ok(essential, `Essential among ${list.items.map(labelOf).slice(0, 40).join(', ')}`);
    assert.ok(!list.items.some((i) => labelOf(i) === 'essential'), 'no API spelling');
    const doc = essential.documentation instanceof vscode.MarkdownString ? essential.documentation.value : String(essential.documentation);
    assert.match(doc, /essential/);
    editor.selection = new vscode.Selection(line, 13, line, 13);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    if (hasDriver()) await waitForText('.editor-widget.suggest-widget', ['Essential']);
  });

  it('leaves YAML files that are not templates alone', async () => {
    const editor = await open('compose.yaml', 'services:\n  web:\n    image: nginx\n    # AWS::ECS::TaskDefinition mentioned in a comment\n    ports: ["80:80"]\n');
    // A template opened after it is validated: by then this one would have been too.
    const template = await open('other-template.yaml', TEMPLATE);
    await diagnosticsOf(template.document.uri, (d) => d.length >= 2);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'ECS'), []);
  });
});
