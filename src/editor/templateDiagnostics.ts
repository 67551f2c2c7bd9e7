import * as vscode from 'vscode';
import type { TaskdefCore } from './core';
import { toDiagnostic } from './diagnostics';
import { DocumentTimers } from './documentTimers';

/**
 * CloudFormation / SAM templates in YAML and JSON, and `*.template` files whatever their language.
 * Only files that name an ECS resource are read further (`mayBeTemplate`); the core then asks
 * `looksLikeTemplate`, so no other YAML or JSON file is claimed.
 */
export const TEMPLATE_SELECTOR: vscode.DocumentSelector = [
  ...['yaml', 'json'].flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]),
  { pattern: '**/*.template', scheme: 'file' },
];

const DEBOUNCE_MS = 200;

/**
 * Whether the document may be a template with ECS resources: a string test, so the core (and its
 * YAML parser) loads only for those, never for settings.json or a workflow file.
 */
export function mayBeTemplate(document: vscode.TextDocument): boolean {
  if (vscode.languages.match(TEMPLATE_SELECTOR, document) === 0) return false;
  return document.getText().includes('AWS::ECS::');
}

/** Diagnostics of the ECS resources of open templates, as they open and change (debounced). */
export class TemplateDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ecs-cloudformation');
  private readonly timers = new DocumentTimers(DEBOUNCE_MS);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly core: TaskdefCore) {
    this.subscriptions = [
      this.collection,
      this.timers,
      vscode.workspace.onDidOpenTextDocument((d) => void this.validate(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
    for (const d of vscode.workspace.textDocuments) void this.validate(d);
  }

  async validate(document: vscode.TextDocument): Promise<void> {
    if (!mayBeTemplate(document)) {
      // A template whose last ECS resource was removed, or whose language changed, keeps nothing of ours.
      if (this.collection.has(document.uri)) this.collection.delete(document.uri);
      return;
    }
    const lib = await this.core.lib();
    const text = document.getText();
    if (!lib.looksLikeTemplate(text)) return void this.collection.delete(document.uri);
    const { diagnostics } = lib.validate(text, { kind: 'cloudformation', fileName: document.fileName });
    this.collection.set(document.uri, diagnostics.map(toDiagnostic));
  }

  private schedule(document: vscode.TextDocument): void {
    if (!mayBeTemplate(document) && !this.collection.has(document.uri)) return;
    this.timers.schedule(document.uri, () => void this.validate(document));
  }

  private forget(uri: vscode.Uri): void {
    this.timers.cancel(uri);
    if (this.collection.has(uri)) this.collection.delete(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
