/**
 * One webview per service (reused and revealed when open again): reads the metrics and the
 * service's cost, sends them to the page's script, and re-reads them every 60 s while the page is
 * visible (not while hidden).
 */
import * as vscode from 'vscode';
import type { AwsScope } from '../../aws/clientManager';
import { EcsReader } from '../../ecs/ecsReader';
import type { ServiceCostView, ServiceMetrics } from '../../metrics/model';
import type { RangeName } from '../../metrics/ranges';
import { readServiceMetrics } from '../../metrics/serviceMetrics';
import type { Services } from '../../services';
import { readServiceCost } from './costFigures';
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
  private latestCost?: Promise<ServiceCostView>;
  private readonly timer: ReturnType<typeof setInterval>;

  /** The page of a service: the open one, revealed, or a new one. */
  static show(services: Services, ref: ServiceRef, range: RangeName): { page: ServicePage; metrics: Promise<ServiceMetrics>; cost: Promise<ServiceCostView> } {
    const id = [ref.scope.profile ?? '', ref.scope.region, ref.cluster, ref.service].join('|');
    const page = open.get(id) ?? new ServicePage(id, services, ref);
    open.set(id, page);
    page.panel.reveal();
    const metrics = page.load(range);
    return { page, metrics, cost: page.latestCost! };
  }

  private constructor(id: string, private readonly services: Services, private readonly ref: ServiceRef) {
    this.id = id;
    const media = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
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
      if (message.type === 'ready') {
        void this.post();
        void this.postCost();
      }
      if (message.type === 'range' && message.range) void this.load(message.range);
    });
    this.panel.onDidChangeViewState(() => {
      if (this.panel.visible) void this.load(this.range);
    });
  }

  readonly panel: vscode.WebviewPanel;

  private load(range: RangeName): Promise<ServiceMetrics> {
    this.range = range;
    const read = readServiceMetrics(this.services.clientManager, this.ref.scope, this.ref.cluster, this.ref.service, range);
    this.latest = read;
    this.latestCost = this.readCost();
    void this.post();
    void this.postCost();
    return read;
  }

  /** The Cost line: the service as it is now (its desired count, its revision) priced in its region; never rejects. */
  private async readCost(): Promise<ServiceCostView> {
    const { scope, cluster, service } = this.ref;
    try {
      const [described] = await new EcsReader(this.services.clientManager, scope).servicesByName(cluster, [service]);
      if (!described) return { problem: `service ${service} was not found in cluster ${cluster} (${scope.region}).` };
      return await readServiceCost(this.services, scope, cluster, described);
    } catch (error) {
      return { problem: `the prices could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private async postCost(): Promise<void> {
    const read = this.latestCost;
    const cost = await read;
    if (cost && read === this.latestCost) await this.panel.webview.postMessage({ type: 'cost', cost });
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
