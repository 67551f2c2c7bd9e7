/**
 * One webview per service (reused and revealed when open again): reads the metrics, sends them to
 * the page's script, and re-reads them every 60 s while the page is visible (not while hidden).
 */
import * as vscode from 'vscode';
import type { AwsScope, ClientManager } from '../../aws/clientManager';
import type { ServiceMetrics } from '../../metrics/model';
import type { RangeName } from '../../metrics/ranges';
import { readServiceMetrics } from '../../metrics/serviceMetrics';
import { servicePageHtml } from './pageHtml';

const REFRESH_MS = 60_000;
const open = new Map<string, ServicePage>();

export interface ServiceRef {
  cluster: string;
  service: string;
  scope: AwsScope;
}

export class ServicePage {
  readonly id: string;
  private range: RangeName = '1h';
  private latest?: Promise<ServiceMetrics>;
  private readonly timer: ReturnType<typeof setInterval>;

  /** The page of a service: the open one, revealed, or a new one. */
  static show(clients: ClientManager, extensionUri: vscode.Uri, ref: ServiceRef, range: RangeName): { page: ServicePage; metrics: Promise<ServiceMetrics> } {
    const id = [ref.scope.profile ?? '', ref.scope.region, ref.cluster, ref.service].join('|');
    const page = open.get(id) ?? new ServicePage(id, clients, extensionUri, ref);
    open.set(id, page);
    page.panel.reveal();
    return { page, metrics: page.load(range) };
  }

  private constructor(id: string, private readonly clients: ClientManager, extensionUri: vscode.Uri, private readonly ref: ServiceRef) {
    this.id = id;
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel('ecsWorkbench.servicePage', `Metrics: ${ref.service}`, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] });
    const web = this.panel.webview;
    web.html = servicePageHtml({
      cspSource: web.cspSource,
      script: web.asWebviewUri(vscode.Uri.joinPath(media, 'servicePage.js')).toString(),
      uplotCss: web.asWebviewUri(vscode.Uri.joinPath(media, 'uPlot.css')).toString(),
      title: `${ref.service} · ${ref.cluster} (${ref.scope.region})`,
    });
    this.timer = setInterval(() => {
      if (this.panel.visible) void this.load(this.range);
    }, REFRESH_MS);
    this.panel.onDidDispose(() => {
      clearInterval(this.timer);
      open.delete(id);
    });
    // The page's script says when it is ready (also after the editor showed it again): send it the latest read.
    web.onDidReceiveMessage((message: { type?: string; range?: RangeName }) => {
      if (message.type === 'ready') void this.post();
      if (message.type === 'range' && message.range) void this.load(message.range);
    });
    this.panel.onDidChangeViewState(() => {
      if (this.panel.visible) void this.load(this.range);
    });
  }

  readonly panel: vscode.WebviewPanel;

  private load(range: RangeName): Promise<ServiceMetrics> {
    this.range = range;
    const read = readServiceMetrics(this.clients, this.ref.scope, this.ref.cluster, this.ref.service, range);
    this.latest = read;
    void this.post();
    return read;
  }

  private async post(): Promise<void> {
    const read = this.latest;
    if (!read) return;
    try {
      const metrics = await read;
      if (read === this.latest) await this.panel.webview.postMessage({ type: 'metrics', metrics });
    } catch (error) {
      if (read === this.latest) await this.panel.webview.postMessage({ type: 'error', error: `Could not read the metrics: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}
