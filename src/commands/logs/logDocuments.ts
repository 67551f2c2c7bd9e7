/**
 * The read-only log documents (scheme `ecs-workbench-logs`, language `log`): one per service, task
 * or container, keyed in the URI and reused while open; their text is appended to as events arrive
 * and the editor told at most every 100 ms. Closing the document stops its Follow.
 */
import * as vscode from 'vscode';
import type { AwsScope, ClientManager } from '../../aws/clientManager';
import { resourceName } from '../../aws/arn';
import type { LogTarget } from '../../logs/logSources';
import { LOGS_SCHEME } from '../../util/schemes';
import { LogView, type LogViewOptions } from './logView';

const CHANGE_EVERY_MS = 100;

/** `ecs-workbench-logs:/demo-fargate/service/web.log?region=us-east-1&profile=demo`. */
export function logUri(target: LogTarget, scope: AwsScope): vscode.Uri {
  const what = target.task ? `task/${resourceName(target.task)}` : `service/${target.service}`;
  const path = `/${resourceName(target.cluster)}/${what}${target.container ? `/${target.container}` : ''}.log`;
  const query = new URLSearchParams({ region: scope.region, profile: scope.profile ?? '' }).toString();
  return vscode.Uri.from({ scheme: LOGS_SCHEME, path, query });
}

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly views = new Map<string, LogView>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly relabelling = new Set<string>();
  /** Fired after a view's text changed and the editor was told (tests wait on it). */
  private readonly changedEmitter = new vscode.EventEmitter<LogView>();
  readonly onDidChangeView = this.changedEmitter.event;

  constructor(
    private readonly clients: ClientManager,
    private readonly log: { warn(message: string): void },
  ) {
    this.disposables.push(
      this.emitter,
      this.changedEmitter,
      vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri)),
      // A closed tab stops following at once (the document itself may be disposed later).
      vscode.window.tabGroups.onDidChangeTabs((e) => e.closed.forEach((tab) => tab.input instanceof vscode.TabInputText && !this.isShown(tab.input.uri) && this.closed(tab.input.uri))),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const view = this.views.get(uri.toString());
    return view ? view.text.text() : '# This log document is no longer open: run Show Logs again.\n';
  }

  view(uri: vscode.Uri | undefined): LogView | undefined {
    return uri ? this.views.get(uri.toString()) : undefined;
  }

  /** The open view of `target` (its options updated), or a new one. */
  viewFor(target: LogTarget, scope: AwsScope, options: LogViewOptions): { uri: vscode.Uri; view: LogView; reused: boolean } {
    const uri = logUri(target, scope);
    const key = uri.toString();
    const known = this.views.get(key);
    if (known) {
      known.options = options;
      return { uri, view: known, reused: true };
    }
    const view = new LogView(this.clients, scope, target, options, () => this.schedule(uri), this.log);
    this.views.set(key, view);
    return { uri, view, reused: false };
  }

  async show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    this.flush(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    // `.log` gives the language; setting it closes and reopens the document, which must not end its view.
    if (doc.languageId !== 'log') {
      this.relabelling.add(uri.toString());
      doc = await Promise.resolve(vscode.languages.setTextDocumentLanguage(doc, 'log')).finally(() => this.relabelling.delete(uri.toString()));
    }
    await this.caughtUp(doc);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.updateContext();
    return editor;
  }

  /** An open document takes the new text a moment after onDidChange: the command answers once it shows it. */
  private async caughtUp(doc: vscode.TextDocument, timeoutMs = 2_000): Promise<void> {
    const expected = () => this.view(doc.uri)?.text.text();
    if (doc.getText() === expected()) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const listener = vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && doc.getText() === expected() && done());
    });
  }

  /** Sets `ecsWorkbench.logFollowing` for the editor title's Follow / Stop following. */
  updateContext(): void {
    const view = this.view(vscode.window.activeTextEditor?.document.uri);
    void vscode.commands.executeCommand('setContext', 'ecsWorkbench.logFollowing', view?.following ?? false);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.pending.has(key)) return;
    this.pending.set(key, setTimeout(() => this.flush(uri), CHANGE_EVERY_MS));
  }

  private flush(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.emitter.fire(uri);
    const view = this.views.get(key);
    if (view) this.changedEmitter.fire(view);
  }

  private isShown(uri: vscode.Uri): boolean {
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()));
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (uri.scheme !== LOGS_SCHEME || this.relabelling.has(key)) return;
    const view = this.views.get(key);
    if (!view) return;
    view.dispose();
    this.views.delete(key);
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.updateContext();
  }

  dispose(): void {
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
