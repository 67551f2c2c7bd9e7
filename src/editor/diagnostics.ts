import * as vscode from 'vscode';
import type { LanguageKind, TaskdefDiagnostic } from '../taskdef';
import { DESCRIBE_SCHEME } from '../util/schemes';
import type { TaskdefCore } from './core';
import { toRange } from './convert';
import { DocumentTimers } from './documentTimers';
import { kindOf } from './languages';

export const DIAGNOSTIC_SOURCE = 'ECS';
const DEBOUNCE_MS = 200;

function severity(s: TaskdefDiagnostic['severity']): vscode.DiagnosticSeverity {
  if (s === 'error') return vscode.DiagnosticSeverity.Error;
  return s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export interface Validation {
  uri: vscode.Uri;
  version: number;
  kind: LanguageKind;
  text: string;
  diagnostics: TaskdefDiagnostic[];
  /** A new file (blank, or `{}`): nothing to report yet, completion offers whole-file snippets. */
  empty: boolean;
}

/** Validates definitions as they open and change (debounced) and keeps the core's diagnostics for the quick fixes. */
export class DefinitionDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ecs-definition');
  private readonly results = new Map<string, Validation>();
  private readonly timers = new DocumentTimers(DEBOUNCE_MS);
  private readonly validated = new vscode.EventEmitter<Validation>();
  readonly onDidValidate = this.validated.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly core: TaskdefCore) {
    this.subscriptions = [
      this.collection,
      this.validated,
      this.timers,
      vscode.workspace.onDidOpenTextDocument((d) => void this.validate(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
    for (const d of vscode.workspace.textDocuments) if (kindOf(d)) void this.validate(d);
  }

  /** The latest validation of the document, validating now when it is out of date. */
  async resultFor(document: vscode.TextDocument): Promise<Validation | undefined> {
    const known = this.results.get(document.uri.toString());
    if (known && known.version === document.version && known.kind === kindOf(document)) return known;
    return this.validate(document);
  }

  async validate(document: vscode.TextDocument): Promise<Validation | undefined> {
    const kind = kindOf(document);
    if (!kind) {
      // A document switched back to JSON keeps no diagnostics of ours.
      this.forget(document.uri);
      return undefined;
    }
    const lib = await this.core.lib();
    const text = document.getText();
    const empty = lib.isEmptyDefinition(text);
    // A revision shown by the explorer is describe output by design: its read-only fields are no problem there.
    const describeOutput = document.uri.scheme === DESCRIBE_SCHEME;
    const diagnostics = empty ? [] : lib.validate(text, { kind, fileName: document.fileName, describeOutput }).diagnostics;
    const result: Validation = { uri: document.uri, version: document.version, kind, text, diagnostics, empty };
    this.results.set(document.uri.toString(), result);
    this.collection.set(document.uri, diagnostics.map(toDiagnostic));
    this.validated.fire(result);
    return result;
  }

  private schedule(document: vscode.TextDocument): void {
    if (!kindOf(document) && !this.results.has(document.uri.toString())) {
      this.timers.cancel(document.uri);
      return;
    }
    this.timers.schedule(document.uri, () => void this.validate(document));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    // Most documents (settings.json, any other file) were never ours: no call to the collection for them.
    if (!this.results.has(key) && !this.timers.has(uri)) return;
    this.timers.cancel(uri);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export function toDiagnostic(d: TaskdefDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, severity(d.severity));
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  return out;
}

/** The core's diagnostic behind a vscode diagnostic shown in the editor (same code and range). */
export function findCoreDiagnostic(result: Validation, shown: vscode.Diagnostic): TaskdefDiagnostic | undefined {
  if (shown.source !== DIAGNOSTIC_SOURCE) return undefined;
  return result.diagnostics.find((d) => d.code === shown.code && toRange(d.range).isEqual(shown.range));
}
